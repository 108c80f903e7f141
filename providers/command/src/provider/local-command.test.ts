import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isSecretValue, isUnknown, makeSecret, UNKNOWN, type CairnError, type PropertyMap, type Provider } from "@cairn/protocol";
import { createProvider, COMMAND_TOKEN as T } from "./index.js";

const URN = "urn:cairn:dev::proj::command:local:Command::cmd";
const HOST_ENV = { PATH: "/usr/local/bin:/usr/bin:/bin", CAIRN_TEST_BASE: "from-host" };
let dir: string;
let provider: Provider;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "cairn-command-"));
  provider = createProvider({ package: "command", rootDirectory: dir, env: HOST_ENV });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function checked(news: PropertyMap): Promise<PropertyMap> {
  const r = await provider.check({ urn: URN, type: T, olds: {}, news, randomSeed: "s" });
  expect(r.failures ?? []).toEqual([]);
  return r.inputs;
}
async function create(news: PropertyMap, signal?: AbortSignal, timeoutMs?: number) {
  return provider.create({ urn: URN, type: T, inputs: await checked(news), preview: false, timeoutMs }, signal);
}
/** True while the process runs; a zombie (killed, waiting for init to reap it) counts as dead. */
function alive(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(" ")[2] !== "Z";
  } catch {
    return false;
  }
}
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !cond(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(cond()).toBe(true);
}

describe("local.Command create", () => {
  it("runs create with the host environment, environment, dir and stdin, trimming one final newline", async () => {
    const r = await create({
      create: 'echo "$CAIRN_TEST_BASE $GREETING $(pwd)"; cat; echo oops >&2',
      environment: { GREETING: "hello" },
      dir: ".",
      stdin: "piped\n\n",
    });
    expect(r.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.outputs.stdout).toBe(`from-host hello ${dir}\npiped\n`);
    expect(r.outputs.stderr).toBe("oops");
    expect(r.outputs.addPreviousOutputInEnv).toBe(true);
  });

  it("uses the given interpreter", async () => {
    const r = await create({ create: "console.log(6 * 7)", interpreter: [process.execPath, "-e"] });
    expect(r.outputs.stdout).toBe("42");
  });

  it("runs nothing during preview and returns unknown output", async () => {
    const marker = join(dir, "ran");
    const r = await provider.create({ urn: URN, type: T, inputs: await checked({ create: `touch ${marker}` }), preview: true });
    expect(isUnknown(r.outputs.stdout)).toBe(true);
    expect(existsSync(marker)).toBe(false);
  });

  it("fails with the exit code, the command and the last lines of stderr", async () => {
    const err = (await create({ create: "echo line1 >&2; echo line2 >&2; exit 3" }).catch((e: unknown) => e)) as CairnError;
    expect(err.code).toBe("CAIRN_PROVIDER_ERROR");
    expect(err.urn).toBe(URN);
    expect(err.message).toContain("exit code 3");
    expect(err.message).toContain("the create command");
    expect(err.message).toMatch(/line1\nline2$/);
  });

  it("reports a dir that does not exist, naming it", async () => {
    await expect(create({ create: "true", dir: "missing" })).rejects.toMatchObject({ code: "CAIRN_INVALID_INPUT", property: "dir", message: expect.stringContaining(join(dir, "missing")) });
  });

  it("copes with a command that does not read its stdin", async () => {
    expect((await create({ create: "echo done", stdin: "x".repeat(4 * 1024 * 1024) })).outputs.stdout).toBe("done");
  });

  it("reports an interpreter that cannot start", async () => {
    await expect(create({ create: "x", interpreter: [join(dir, "no-such-shell")] })).rejects.toMatchObject({ code: "CAIRN_PROVIDER_ERROR", source: "user", property: "create" });
  });
});

describe("local.Command secrets", () => {
  it("keeps stdout and stderr secret when an input is secret, and keeps secrets out of errors", async () => {
    const r = await create({ create: 'echo "$TOKEN"', environment: { TOKEN: makeSecret("hunter2") } });
    expect(r.outputs.stdout).toEqual(makeSecret("hunter2"));
    expect(isSecretValue(r.outputs.stderr)).toBe(true);
    expect(isSecretValue((r.outputs.environment as PropertyMap).TOKEN)).toBe(true);
    const err = (await create({ create: makeSecret('echo "bad hunter2" >&2; exit 1'), environment: { TOKEN: makeSecret("hunter2") } }).catch((e: unknown) => e)) as Error;
    expect(err.message).toContain("exit code 1");
    expect(err.message).not.toContain("hunter2");
  });

  it("leaves output plain when no input is secret", async () => {
    expect((await create({ create: "echo hi" })).outputs.stdout).toBe("hi");
  });
});

describe("local.Command update and delete", () => {
  it("runs update with the previous output in the environment", async () => {
    const made = await create({ create: "echo first", update: 'echo "was $CAIRN_COMMAND_STDOUT"' });
    const news = await checked({ create: "echo first", update: 'echo "was $CAIRN_COMMAND_STDOUT"', environment: { X: "1" } });
    const r = await provider.update({ urn: URN, type: T, id: made.id, olds: made.outputs, oldInputs: made.outputs, news, ignoreChanges: [], preview: false });
    expect(r.outputs.stdout).toBe("was first");
  });

  it("does not pass previous output when addPreviousOutputInEnv is false", async () => {
    const inputs = { create: "echo first", update: 'echo "[${CAIRN_COMMAND_STDOUT-unset}]"', addPreviousOutputInEnv: false };
    const made = await create(inputs);
    const r = await provider.update({ urn: URN, type: T, id: made.id, olds: made.outputs, oldInputs: made.outputs, news: await checked(inputs), ignoreChanges: [], preview: false });
    expect(r.outputs.stdout).toBe("[unset]");
  });

  it("keeps the recorded output when there is no update command", async () => {
    const made = await create({ create: "echo kept" });
    const news = await checked({ create: "echo kept", delete: "true" });
    const r = await provider.update({ urn: URN, type: T, id: made.id, olds: made.outputs, oldInputs: made.outputs, news, ignoreChanges: [], preview: false });
    expect(r.outputs).toMatchObject({ stdout: "kept", delete: "true" });
  });

  it("runs delete with the last stdout, and fails when delete fails", async () => {
    const out = join(dir, "deleted");
    const made = await create({ create: "echo bye", delete: `echo "$CAIRN_COMMAND_STDOUT" > ${out}` });
    await provider.delete({ urn: URN, type: T, id: made.id, inputs: await checked({ create: "echo bye", delete: `echo "$CAIRN_COMMAND_STDOUT" > ${out}` }), outputs: made.outputs });
    expect(readFileSync(out, "utf8")).toBe("bye\n");
    await expect(provider.delete({ urn: URN, type: T, id: "x", inputs: { delete: "exit 9" }, outputs: {} })).rejects.toThrow(/exit code 9/);
  });

  it("refuses import but returns recorded state on refresh", async () => {
    await expect(provider.read({ urn: URN, type: T, id: "abc" })).rejects.toMatchObject({ code: "CAIRN_INVALID_INPUT" });
    const state = { create: "echo", stdout: "", stderr: "" };
    expect(await provider.read({ urn: URN, type: T, id: "abc", inputs: { create: "echo" }, state })).toEqual({ id: "abc", inputs: { create: "echo" }, outputs: state });
  });
});

describe("local.Command diff and check", () => {
  const diff = (oldInputs: PropertyMap, news: PropertyMap) => provider.diff({ urn: URN, type: T, id: "i", olds: oldInputs, oldInputs, news, ignoreChanges: [] });

  it("replaces on a triggers change", async () => {
    expect(await diff({ create: "a", triggers: [1] }, { create: "a", triggers: [2] })).toMatchObject({ changes: "some", replaces: ["triggers"] });
  });
  it("replaces on a create change without an update command, updates with one", async () => {
    expect((await diff({ create: "a" }, { create: "b" })).replaces).toEqual(["create"]);
    expect((await diff({ create: "a", update: "" }, { create: "b", update: "" })).replaces).toEqual(["create"]);
    const r = await diff({ create: "a", update: "u" }, { create: "b", update: "u" });
    expect(r.changes).toBe("some");
    expect(r.replaces).toBeUndefined();
    expect(r.detailedDiff).toEqual({ create: { kind: "update", inputDiff: true } });
  });
  it("sees no change for equal inputs, and a change for unknown ones", async () => {
    expect((await diff({ create: "a", environment: { A: "1" } }, { create: "a", environment: { A: makeSecret("1") } })).changes).toBe("none");
    expect((await diff({ create: "a" }, { create: UNKNOWN })).replaces).toEqual(["create"]);
  });
  it("reports every invalid input at once", async () => {
    const r = await provider.check({ urn: URN, type: T, olds: {}, news: { create: 1, interpreter: [], environment: { A: 2 }, assetPaths: ["x"] }, randomSeed: "s" });
    expect((r.failures ?? []).map((f) => f.property).sort()).toEqual(["assetPaths", "create", "environment", "interpreter"]);
  });
});

describe("local.Command timeout and cancellation", () => {
  const longRunning = (pidFile: string) => `sleep 60 & echo $! > ${pidFile}; wait`;

  it("kills the process group when the timeout passes", async () => {
    const pidFile = join(dir, "pid");
    const err = (await create({ create: longRunning(pidFile) }, undefined, 300).catch((e: unknown) => e)) as CairnError;
    expect(err.code).toBe("CAIRN_TIMEOUT");
    const pid = Number(readFileSync(pidFile, "utf8"));
    await until(() => !alive(pid));
  });

  it("escalates to SIGKILL when the command ignores SIGTERM", async () => {
    const pidFile = join(dir, "pid");
    const err = (await create({ create: `trap '' TERM; ${longRunning(pidFile)}` }, undefined, 200).catch((e: unknown) => e)) as CairnError;
    expect(err.code).toBe("CAIRN_TIMEOUT");
    await until(() => !alive(Number(readFileSync(pidFile, "utf8"))));
  });

  it("kills the process group on abort", async () => {
    const pidFile = join(dir, "pid");
    const ac = new AbortController();
    const pending = create({ create: longRunning(pidFile) }, ac.signal).catch((e: unknown) => e);
    await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "");
    const pid = Number(readFileSync(pidFile, "utf8"));
    ac.abort();
    expect(((await pending) as CairnError).code).toBe("CAIRN_CANCELLED");
    await until(() => !alive(pid));
  });

  it("stops commands in flight when the provider is cancelled", async () => {
    const pidFile = join(dir, "pid");
    const pending = create({ create: longRunning(pidFile) }).catch((e: unknown) => e);
    await until(() => existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() !== "");
    await provider.cancel();
    expect(((await pending) as CairnError).code).toBe("CAIRN_CANCELLED");
    await until(() => !alive(Number(readFileSync(pidFile, "utf8"))));
  });
});
