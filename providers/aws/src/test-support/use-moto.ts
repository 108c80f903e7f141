// Test helpers (not exported): one moto_server per test file registered through vitest hooks, AWS SDK
// client configs that point at it, and a file-backed Workspace whose provider talks to it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { PropertyMap, Provider } from "@cairn/protocol";
import { Workspace, type InlineProgram } from "@cairn/automation";
import { TEST_SCRYPT } from "@cairn/state";
import { startMoto, type Moto } from "./moto.js";
import { motoEnv, motoProvider } from "./provider-harness.js";

export const MOTO_REGION = "us-east-1";
export const MOTO_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface MotoClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** The AWS SDK client config for moto: its URL, us-east-1 and the fixed test credentials. */
export function motoClientConfig(moto: Moto): MotoClientConfig {
  return { endpoint: moto.url, region: MOTO_REGION, credentials: MOTO_CREDENTIALS };
}

interface Destroyable {
  destroy(): void;
}

export interface UseMotoRequest {
  /** Prefix of a temp dir made in beforeAll and removed in afterAll (see `root`). */
  tempDir?: string;
  /** When set, beforeEach resets moto and configures a fresh provider with this config (see `provider`). */
  provider?: PropertyMap | ((moto: Moto) => Promise<Provider>);
}

export interface UseMoto {
  readonly moto: Moto;
  /** The temp dir, when `tempDir` was asked for. */
  readonly root: string;
  /** The provider configured for the current test, when `provider` was asked for. */
  readonly provider: Provider;
  /** An SDK client on moto, made in beforeAll (after moto starts) and destroyed in afterAll. */
  client<T extends Destroyable>(make: new (config: MotoClientConfig & { forcePathStyle?: boolean }) => T, extra?: { forcePathStyle?: boolean }): () => T;
}

/** Registers beforeAll/afterAll (and beforeEach when a provider is asked for) hooks around one moto_server. */
export function useMoto(req: UseMotoRequest = {}): UseMoto {
  let moto: Moto | undefined;
  let root: string | undefined;
  let provider: Provider | undefined;
  const makers: Array<(m: Moto) => void> = [];
  const clients: Destroyable[] = [];
  beforeAll(async () => {
    moto = await startMoto();
    if (req.tempDir !== undefined) root = mkdtempSync(join(tmpdir(), req.tempDir));
    for (const make of makers) make(moto);
  });
  afterAll(async () => {
    for (const c of clients) c.destroy();
    await moto?.stop();
    if (root !== undefined) rmSync(root, { recursive: true, force: true });
  });
  const makeProvider = req.provider;
  if (makeProvider !== undefined) {
    beforeEach(async () => {
      const m = must(moto, "moto");
      await m.reset();
      provider = typeof makeProvider === "function" ? await makeProvider(m) : await motoProvider(m, makeProvider);
    });
  }
  return {
    get moto() {
      return must(moto, "moto");
    },
    get root() {
      return must(root, "root (pass tempDir to useMoto)");
    },
    get provider() {
      return must(provider, "provider (pass provider to useMoto)");
    },
    client(make, extra) {
      let client: InstanceType<typeof make> | undefined;
      makers.push((m) => {
        client = new make({ ...motoClientConfig(m), ...extra });
        clients.push(client);
      });
      return () => must(client, `client ${make.name}`);
    },
  };
}

function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is not ready: use it inside a test or a hook after useMoto's beforeAll`);
  return value;
}

export interface MotoWorkspaceRequest {
  moto: Moto;
  /** Temp dir that holds the work dir and the file backend. */
  root: string;
  projectName: string;
  program: InlineProgram;
}

/** A Workspace with a file backend under `root`, the test KDF, and an environment pointing AWS at moto. */
export function motoWorkspace(req: MotoWorkspaceRequest): Workspace {
  return Workspace.create({
    projectName: req.projectName,
    program: req.program,
    workDir: join(req.root, "work"),
    backendUrl: `file://${join(req.root, "state")}`,
    passphrase: "pass",
    kdf: TEST_SCRYPT,
    identity: { user: "u", host: "h", pid: process.pid },
    env: motoEnv(req.moto),
  });
}
