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
// Output to a pipe is written asynchronously once the pipe's buffer (64 KiB) is full: wait until
// everything printed has gone out, or `cairn stack history --json | jq` would get a truncated document.
await Promise.all([process.stdout, process.stderr].map((s) => new Promise<void>((done) => s.write("", () => done()))));
process.exit(code);
