#!/usr/bin/env node
// The `cairn` binary: parses arguments, runs the command, prints errors with their hint and exits
// with the command's code. The only place that calls process.exit.
import { processContext } from "./cli-context.js";
import { buildProgram } from "./main.js";
import { reportError } from "./report-error.js";

const ctx = processContext();
let code = 0;
const program = buildProgram(ctx, (c) => (code = c));
try {
  await program.parseAsync(process.argv);
} catch (e) {
  code = reportError(ctx, e);
}
process.exit(code);
