// Project templates for `cairn new`: the files of a project that installs and deploys as-is.
export interface TemplateFile {
  path: string;
  text: string;
}

export const TEMPLATE_NAMES = ["typescript"] as const;

export function typescriptTemplate(req: { name: string; description: string }): TemplateFile[] {
  return [
    { path: "Cairn.yaml", text: `name: ${req.name}\nruntime: nodejs\nmain: index.ts\ndescription: ${JSON.stringify(req.description)}\n` },
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
    {
      path: "package.json",
      text: `${JSON.stringify(
        {
          name: req.name,
          version: "0.1.0",
          private: true,
          type: "module",
          main: "index.ts",
          dependencies: { "@cairn/sdk": "0.1.0", "@cairn/random": "0.1.0" },
          devDependencies: { "@types/node": "^20.19.0", typescript: "~5.9.3" },
        },
        null,
        2,
      )}\n`,
    },
    {
      path: "tsconfig.json",
      text: `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, noEmit: true }, include: ["*.ts"] }, null, 2)}\n`,
    },
    { path: ".gitignore", text: "node_modules/\n" },
  ];
}
