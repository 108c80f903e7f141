// The crash drill's program: 30 command.local.File resources in a dependency tree (each file's
// content quotes its parent's sha256 output) and 4 local.Command resources between them. The
// config key `gen` changes a subset: every 4th file's content (update), every 7th file's path and
// the first command's triggers (replace). All files are written under `out/`.
export const DRILL_FILES = 30;
export const DRILL_COMMANDS = 4;
export const DRILL_OUT = "out";

export const DRILL_PROGRAM = `import * as command from "@cairn/command";
import { Config, interpolate } from "@cairn/sdk";

const gen = new Config().getNumber("gen") ?? 0;
const files: command.local.File[] = [];
const cmds: command.local.Command[] = [];
for (let k = 0; k < ${DRILL_COMMANDS}; k++) {
  cmds.push(new command.local.Command(\`c\${k}\`, {
    create: \`sleep 0.05; echo command \${k}\`,
    delete: "sleep 0.05",
    triggers: k === 0 ? [gen] : [],
  }));
}
for (let i = 0; i < ${DRILL_FILES}; i++) {
  const parent = i === 0 ? undefined : files[Math.floor((i - 1) / 2)];
  const cmd = i % 8 === 5 ? cmds[(i >> 3) % cmds.length] : undefined;
  const g = i % 4 === 0 ? gen : 0;
  const content = interpolate\`file \${i} gen \${g}\\nparent \${parent ? parent.sha256 : "none"}\\ncommand \${cmd ? cmd.stdout : "none"}\\n\`;
  const path = i % 7 === 3 ? \`${DRILL_OUT}/f\${i}-g\${gen}.txt\` : \`${DRILL_OUT}/sub\${i % 3}/f\${i}.txt\`;
  files.push(new command.local.File(\`f\${i}\`, { path, content, overwrite: true }));
}
export const first = files[0]!.sha256;
`;
