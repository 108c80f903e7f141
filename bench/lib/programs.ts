// Generates the same workload for Cairn and for Terraform: N near-no-op resources, either flat
// (independent) or as a dependency chain (each one's input references the previous one's output).
// "Update 10%" bumps a generation number that the first tenth of the resources carry as a
// replacement trigger (keepers for Cairn's RandomId, triggers_replace for terraform_data).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export type Shape = "flat" | "chain";

export function writeCairnProject(dir: string, n: number, shape: Shape): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "Cairn.yaml"), `name: bench\nruntime: nodejs\nmain: index.ts\ndescription: ${n} RandomId resources (${shape})\n`);
  writeFileSync(
    join(dir, "index.ts"),
    `import { Config } from "@cairn/sdk";
import { RandomId } from "@cairn/random";

const config = new Config();
const gen = config.getNumber("gen") ?? 1;
const n = ${n};
const tenth = Math.ceil(n / 10);
let previous: RandomId | undefined;
for (let i = 0; i < n; i++) {
  const keepers: Record<string, unknown> = { index: String(i) };
  if (i < tenth) keepers.gen = String(gen);
  ${shape === "chain" ? "if (previous) keepers.after = previous.hex;" : ""}
  previous = new RandomId(\`r\${i}\`, { byteLength: 8, keepers });
}
export const last = previous!.hex;
`,
  );
}

export function writeTerraformProject(dir: string, n: number, shape: Shape, backend: { pg?: string }): void {
  mkdirSync(dir, { recursive: true });
  const tenth = Math.ceil(n / 10);
  const blocks: string[] = [];
  blocks.push(`variable "gen" {\n  type    = number\n  default = 1\n}\n`);
  if (backend.pg) blocks.push(`terraform {\n  backend "pg" {\n    conn_str = "${backend.pg}"\n  }\n}\n`);
  for (let i = 0; i < n; i++) {
    const input = shape === "chain" && i > 0 ? `terraform_data.r${i - 1}.output` : `"r${i}"`;
    const trigger = i < tenth ? `var.gen` : `0`;
    blocks.push(`resource "terraform_data" "r${i}" {\n  input            = ${input}\n  triggers_replace = ${trigger}\n}\n`);
  }
  blocks.push(`output "last" {\n  value = terraform_data.r${n - 1}.output\n}\n`);
  writeFileSync(join(dir, "main.tf"), blocks.join("\n"));
}
