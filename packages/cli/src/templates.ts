// Project templates for `cairn new`: the files of a project that installs and deploys as-is, and
// the stack config each template wants in its first stack (e.g. aws-typescript's `aws:region`).
export interface TemplateFile {
  path: string;
  text: string;
}

export const TEMPLATE_NAMES = ["typescript", "aws-typescript"] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export interface TemplateRequest {
  name: string;
  description: string;
  /** The environment `cairn new` runs in (aws-typescript takes its default region from it). */
  env: Record<string, string | undefined>;
}

export interface Template {
  files: TemplateFile[];
  /** Config written to the first stack's Cairn.<stack>.yaml ("namespace:key" -> value). */
  stackConfig: Record<string, string>;
  /** What the user should run before `cairn up` when no stack was created. */
  configHint: string[];
}

/** The description a project gets when `cairn new` is given none. */
export const DEFAULT_DESCRIPTIONS: Record<TemplateName, string> = {
  typescript: "A Cairn program in TypeScript",
  "aws-typescript": "A Cairn program on AWS in TypeScript",
};

export function isTemplateName(name: string): name is TemplateName {
  return (TEMPLATE_NAMES as readonly string[]).includes(name);
}

export function renderTemplate(template: TemplateName, req: TemplateRequest): Template {
  if (template === "aws-typescript") {
    const region = req.env.AWS_REGION ?? req.env.AWS_DEFAULT_REGION ?? "us-east-1";
    return { files: awsTypescriptTemplate(req), stackConfig: { "aws:region": region }, configHint: [`cairn config set aws:region ${region}`] };
  }
  return { files: typescriptTemplate(req), stackConfig: {}, configHint: [] };
}

/** `cairn new typescript`: a random pet name and a random password (kept secret). */
export function typescriptTemplate(req: { name: string; description: string }): TemplateFile[] {
  return [
    ...projectFiles(req, { "@cairn/sdk": "0.1.0", "@cairn/random": "0.1.0" }),
    {
      path: "index.ts",
      text: `// A small Cairn program: a random pet name and a random password (kept secret).
import * as random from "@cairn/random";
import { Config } from "@cairn/sdk";

const config = new Config();
const length = config.getNumber("petLength") ?? 2;

const pet = new random.RandomPet("pet", { length });
const password = new random.RandomPassword("password", { length: 20, special: false });

export const petName = pet.id;
export const adminPassword = password.result;
`,
    },
  ];
}

/** The files both TypeScript templates share: Cairn.yaml, package.json, tsconfig.json, .gitignore. */
function projectFiles(req: { name: string; description: string }, dependencies: Record<string, string>): TemplateFile[] {
  return [
    { path: "Cairn.yaml", text: `name: ${req.name}\nruntime: nodejs\nmain: index.ts\ndescription: ${JSON.stringify(req.description)}\n` },
    {
      path: "package.json",
      text: `${JSON.stringify({ name: req.name, version: "0.1.0", private: true, type: "module", main: "index.ts", dependencies, devDependencies: { "@types/node": "^20.19.0", typescript: "~5.9.3" } }, null, 2)}\n`,
    },
    {
      path: "tsconfig.json",
      text: `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true }, include: ["*.ts"] }, null, 2)}\n`,
    },
    { path: ".gitignore", text: "node_modules/\n" },
  ];
}

/** `cairn new aws-typescript`: an S3 bucket and an SQS queue; the region comes from `aws:region`. */
export function awsTypescriptTemplate(req: { name: string; description: string }): TemplateFile[] {
  return [
    ...projectFiles(req, { "@cairn/sdk": "0.1.0", "@cairn/aws": "0.1.0" }),
    {
      path: "index.ts",
      text: `// A small Cairn program on AWS: an S3 bucket and an SQS queue. The region is the stack's
// \`aws:region\` config (cairn config set aws:region eu-west-1); credentials come from the usual AWS
// environment variables or profile. AWS_ENDPOINT_URL points it at an emulator such as moto.
import * as aws from "@cairn/aws";
import { getStack } from "@cairn/sdk";

const tags = { Stack: getStack() };

// A private bucket (auto-named: "bucket-" and a random suffix).
const bucket = new aws.s3.Bucket("bucket", { tags });

// A queue for work, with a day's retention.
const queue = new aws.sqs.Queue("work", { messageRetentionSeconds: 86400, tags });

export const bucketName = bucket.id;
export const bucketArn = bucket.arn;
export const queueUrl = queue.url;
`,
    },
    {
      path: "README.md",
      text: `# ${req.name}

${req.description}

\`\`\`bash
cairn config set aws:region us-east-1   # already set in the first stack when made with \`cairn new -s\`
cairn up                                # creates the bucket and the queue
cairn stack output bucketName
cairn destroy
\`\`\`

Credentials: the usual AWS environment (\`AWS_ACCESS_KEY_ID\`/\`AWS_SECRET_ACCESS_KEY\`, \`AWS_PROFILE\`).
To try it without an AWS account, run [moto](https://github.com/getmoto/moto) and point Cairn at it:

\`\`\`bash
moto_server -p 5000 &
AWS_ENDPOINT_URL=http://127.0.0.1:5000 AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing cairn up --yes
\`\`\`
`,
    },
  ];
}
