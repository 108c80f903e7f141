// The `cairn` command tree (commander). Each action imports its command module only when it runs,
// so start-up stays lean; every action returns an exit code, and errors become a clear message.
import { resolve } from "node:path";
import { Command, Option } from "commander";
import type { CliContext } from "./cli-context.js";
import type { ExitCodeValue } from "./exit-codes.js";
import { CLI_VERSION } from "./version.js";

type Action = (...args: never[]) => Promise<ExitCodeValue> | ExitCodeValue;

const collect = (v: string, prev: string[] = []) => [...prev, v];

function stackOpt(cmd: Command): Command {
  return cmd.option("-s, --stack <name>", "the stack to operate on (default: the selected stack)");
}

export function buildProgram(ctx: CliContext, setExit: (code: number) => void): Command {
  const program = new Command("cairn").description("Cairn: infrastructure as code in TypeScript").version(CLI_VERSION, "--version").showHelpAfterError();
  program.exitOverride();
  program.option("-C, --cwd <dir>", "run as if started in this directory");
  program.hook("preAction", () => {
    const dir = program.opts<{ cwd?: string }>().cwd;
    if (dir !== undefined) ctx.cwd = resolve(ctx.cwd, dir);
  });
  // Wraps an action: runs it and records its exit code.
  const run = <A extends unknown[]>(f: (...a: A) => Promise<ExitCodeValue> | ExitCodeValue) => async (...a: A) => setExit(await f(...a));
  const ops = () => import("./commands/operations.js");
  const stack = () => import("./commands/stack.js");
  const config = () => import("./commands/config.js");
  const state = () => import("./commands/state.js");
  const account = () => import("./commands/account.js");

  program.command("new <template> [dir]").description("create a project from a template (typescript, aws-typescript)")
    .option("-n, --name <name>", "project name (default: the directory name)").option("-d, --description <text>").option("-s, --stack <name>", "also create and select this stack").option("-f, --force", "write into a non-empty directory")
    .action(run(async (t: string, d: string | undefined, o: Record<string, unknown>) => (await import("./commands/new-project.js")).newProject(ctx, t, d, o)));

  const opFlags = (cmd: Command, extra: { apply?: boolean } = {}) => {
    stackOpt(cmd).option("--json", "machine-readable events and result").option("--diff", "show property-level diffs").option("--show-secrets", "show secret values")
      .option("-t, --target <urn>", "only change this resource (repeatable)", collect).option("--target-dependents", "also change what depends on the targets")
      .option("--exclude <urn>", "leave this resource alone (repeatable)", collect).option("-p, --parallel <n>", "provider calls in flight").option("--continue-on-error", "keep going past failures");
    if (extra.apply) cmd.option("-y, --yes", "do not ask for confirmation").option("--skip-preview", "do not preview first");
    return cmd;
  };

  opFlags(program.command("preview").description("show what `cairn up` would change"))
    .option("--expect-no-changes", "fail (exit 3) when anything would change").option("--replace <urn>", "replace this resource (repeatable)", collect).option("--refresh", "refresh first")
    .action(run(async (o: Record<string, unknown>) => (await ops()).preview(ctx, o)));
  opFlags(program.command("up").alias("update").description("deploy the program's resources"), { apply: true })
    .option("--refresh", "refresh first").option("--replace <urn>", "replace this resource (repeatable)", collect).option("-m, --message <text>", "recorded in history").option("--expect-no-changes", "fail when anything would change")
    .action(run(async (o: Record<string, unknown>) => (await ops()).up(ctx, o)));
  opFlags(program.command("destroy").description("delete every resource of the stack"), { apply: true }).option("--remove", "also remove the stack and its config file").option("-m, --message <text>")
    .action(run(async (o: Record<string, unknown>) => (await ops()).destroy(ctx, o)));
  opFlags(program.command("refresh").description("read every resource's current state from its provider"), { apply: true }).option("-m, --message <text>").option("--expect-no-changes")
    .action(run(async (o: Record<string, unknown>) => (await ops()).refresh(ctx, o)));
  opFlags(program.command("import <type> <name> <id>").description("adopt an existing resource into the stack"), { apply: true })
    .action(run(async (type: string, name: string, id: string, o: Record<string, unknown>) => (await ops()).importResource(ctx, { type, name, id }, o)));

  const st = program.command("stack").description("manage stacks");
  stackOpt(st.command("init [name]").description("create a stack and select it")).action(run(async (n: string | undefined, o: Record<string, unknown>) => (await stack()).init(ctx, n, o)));
  stackOpt(st.command("select [name]").description("select the current stack")).option("-c, --create", "create it if missing").action(run(async (n: string | undefined, o: Record<string, unknown>) => (await stack()).select(ctx, n, o)));
  st.command("ls").description("list the project's stacks").option("--json").action(run(async (o: Record<string, unknown>) => (await stack()).ls(ctx, o)));
  stackOpt(st.command("rm [name]").description("remove a stack")).option("-f, --force", "even if it still has resources").option("-y, --yes").option("--preserve-config", "keep Cairn.<stack>.yaml")
    .action(run(async (n: string | undefined, o: Record<string, unknown>) => (await stack()).rm(ctx, n, o)));
  stackOpt(st.command("rename <newName>").description("rename the stack")).action(run(async (n: string, o: Record<string, unknown>) => (await stack()).rename(ctx, n, o)));
  stackOpt(st.command("output [name]").description("show the stack's outputs")).option("--json").option("--show-secrets").action(run(async (n: string | undefined, o: Record<string, unknown>) => (await stack()).output(ctx, n, o)));
  stackOpt(st.command("history").description("show the stack's update history")).option("--json").option("--show-secrets").option("--limit <n>")
    .action(run(async (o: Record<string, unknown>) => (await stack()).history(ctx, o)));
  stackOpt(st.command("export").description("write the stack's state document")).option("--file <path>").action(run(async (o: Record<string, unknown>) => (await stack()).exportState(ctx, o)));
  stackOpt(st.command("import").description("replace the stack's state with a document")).option("--file <path>").action(run(async (o: Record<string, unknown>) => (await stack()).importState(ctx, o)));
  stackOpt(st.command("change-secrets-provider").description("re-seal config and state with a new passphrase (CAIRN_NEW_CONFIG_PASSPHRASE)")).option("--new-passphrase-file <path>")
    .action(run(async (o: Record<string, unknown>) => (await stack()).changeSecretsProvider(ctx, o)));

  const cf = program.command("config").description("manage the stack's config");
  stackOpt(cf.command("set <key> [value]").description("set a value")).option("--secret", "seal the value").option("--plaintext").option("--path", "the key is a path (a.b[0])")
    .action(run(async (k: string, v: string | undefined, o: Record<string, unknown>) => (await config()).set(ctx, k, v, o)));
  stackOpt(cf.command("get <key>").description("print a value")).option("--path").option("--json").action(run(async (k: string, o: Record<string, unknown>) => (await config()).get(ctx, k, o)));
  stackOpt(cf.command("rm <key>").description("remove a value")).option("--path").action(run(async (k: string, o: Record<string, unknown>) => (await config()).rm(ctx, k, o)));
  stackOpt(cf.command("list", { isDefault: true }).description("list values")).option("--json").option("--show-secrets").action(run(async (o: Record<string, unknown>) => (await config()).list(ctx, o)));

  const sm = program.command("state").description("edit the stack's state directly");
  stackOpt(sm.command("delete <urn>").description("drop a resource from state (it is not deleted)")).option("-f, --force", "even if protected").option("-y, --yes")
    .option("--pending", "clear the interrupted (pending) operations of this URN instead")
    .action(run(async (u: string, o: Record<string, unknown>) => (await state()).del(ctx, u, o)));
  stackOpt(sm.command("unprotect <urn>").description("clear a resource's protect flag")).option("-y, --yes").action(run(async (u: string, o: Record<string, unknown>) => (await state()).unprotect(ctx, u, o)));
  stackOpt(sm.command("rename <urn> <newName>").description("rename a resource in state")).option("-y, --yes")
    .action(run(async (u: string, n: string, o: Record<string, unknown>) => (await state()).rename(ctx, u, n, o)));
  stackOpt(program.command("cancel").description("show and break the lock of an update in progress")).option("-y, --yes").action(run(async (o: Record<string, unknown>) => (await state()).cancel(ctx, o)));

  program.command("login [url]").description("use a backend (file://<dir>) from now on").addOption(new Option("-l, --local", "the embedded default")).action(run(async (u: string | undefined, o: Record<string, unknown>) => (await account()).login(ctx, u, o)));
  program.command("logout").description("forget the saved backend").action(run(async () => (await account()).logout(ctx)));
  program.command("whoami").description("show the user and backend").option("-v, --verbose").action(run(async (o: Record<string, unknown>) => (await account()).whoami(ctx, o)));
  program.command("about").description("versions, backend and project").action(run(async () => (await account()).about(ctx)));
  program.command("version").description("print Cairn's version").action(run(() => {
    ctx.stdout.write(`${CLI_VERSION}\n`);
    return 0 as ExitCodeValue;
  }));
  return program;
}

export type { Action };
