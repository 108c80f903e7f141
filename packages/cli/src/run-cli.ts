// The `cairn` command line (run by bin.ts, bundled or not): parses arguments, runs the command,
// prints errors with their hint and exits with the command's code. The only place that calls
// process.exit. The stack's key derivation is started before the command modules load (they are
// imported after it), so the two overlap.
import { processContext } from "./cli-context.js";
import { prefetchSecrets } from "./early-secrets.js";

const ctx = processContext();
const prefetched = prefetchSecrets(ctx, process.argv.slice(2));
if (prefetched !== undefined) ctx.prefetchedSecrets = prefetched;
const [{ buildProgram }, { reportError }] = await Promise.all([import("./main.js"), import("./report-error.js")]);
let code = 0;
const program = buildProgram(ctx, (c) => (code = c));
try {
  await program.parseAsync(process.argv);
} catch (e) {
  code = reportError(ctx, e);
}
process.exit(code);
