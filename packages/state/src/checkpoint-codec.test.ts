// The checkpoint codec: round trips, sealed secrets, corrupt and truncated documents, shape
// problems reported together, integrity, and the version/migration chain.
import { CairnError, ErrorCodes, SIG } from "@cairn/protocol";
import { describe, expect, it } from "vitest";
import { providerRef, providerRes, res, snap, urnOf } from "./__fixtures__/resources.js";
import { decodeCheckpoint, encodeCheckpoint, encodeCheckpointChunks, parseCheckpointDocument, validateCheckpointDocument } from "./checkpoint-codec.js";
import { CHECKPOINT_VERSION, type MigrationChain } from "./checkpoint-migrations.js";
import { PassphraseSecretsManager, TEST_SCRYPT } from "./passphrase-secrets-manager.js";
import { plaintextCrypter } from "./plaintext-crypter.js";
import type { Snapshot } from "./snapshot.js";

const m = PassphraseSecretsManager.create({ passphrase: "p", kdf: TEST_SCRYPT });

function sample(): Snapshot {
  const p = providerRes("p", "pid");
  return snap(
    [
      p,
      res("db", {
        id: "db-1",
        provider: providerRef(p),
        inputs: { password: { [SIG]: "secret", value: "pw-hunter2" } },
        outputs: { conn: { nested: [{ [SIG]: "secret", value: { url: "postgres-pw-hunter3" } }] } },
        customTimeouts: { create: "5m" },
      }),
    ],
    { pendingOperations: [{ kind: "creating", resource: res("c", { inputs: { k: { [SIG]: "secret", value: "pw-hunter4" } } }) }], secretsProvider: m.state },
  );
}

function errorOf(f: () => unknown): CairnError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CairnError);
    return e as CairnError;
  }
  throw new Error("expected an error");
}

describe("encodeCheckpoint / decodeCheckpoint", () => {
  it("encodes the same text in chunks, with or without resources and secrets", () => {
    const sealer = { encrypt: (p: string) => `sealed:${p}` };
    const withSecrets: Snapshot = { ...sample(), secretsProvider: { type: "test", state: { k: 1 } } };
    for (const snapshot of [sample(), withSecrets, { ...sample(), resources: [] }]) {
      const chunks = [...encodeCheckpointChunks(snapshot, sealer)];
      expect(chunks.join("")).toBe(encodeCheckpoint(snapshot, sealer));
      if (snapshot.resources.length > 0) expect(chunks.length).toBe(snapshot.resources.length + 2);
    }
  });

  it("round-trips a snapshot with nested secrets, sealed in the text", () => {
    const text = encodeCheckpoint(sample(), m);
    expect(text).not.toMatch(/hunter/);
    const doc = JSON.parse(text) as { version: number; checkpoint: Snapshot };
    expect(doc.version).toBe(CHECKPOINT_VERSION);
    expect(Object.keys(doc.checkpoint).sort()).toEqual(["manifest", "pendingOperations", "resources", "secretsProvider"]);
    expect(decodeCheckpoint(text, m, { source: "stack.json" })).toEqual(sample());
  });

  it("refuses to encode a snapshot that fails integrity", () => {
    const e = errorOf(() => encodeCheckpoint(snap([res("a", { dependencies: [urnOf("nope")] })]), m));
    expect(e.code).toBe(ErrorCodes.StateIntegrity);
  });

  it("parses without opening secrets, for export and import", () => {
    const text = encodeCheckpoint(sample(), m);
    const doc = parseCheckpointDocument(text, { source: "stack.json" });
    expect(JSON.stringify(doc)).not.toMatch(/hunter/);
    expect(doc.checkpoint.resources[1]!.urn).toBe(urnOf("db"));
    expect(validateCheckpointDocument(JSON.parse(text))).toEqual(doc);
  });

  it("fails with a wrong key, and opens with the plaintext crypter only what it sealed", () => {
    const text = encodeCheckpoint(sample(), m);
    const other = PassphraseSecretsManager.create({ passphrase: "other", kdf: TEST_SCRYPT });
    expect(errorOf(() => decodeCheckpoint(text, other)).message).toContain("resources[1].inputs.password");
    expect(decodeCheckpoint(encodeCheckpoint(sample(), plaintextCrypter), plaintextCrypter)).toEqual(sample());
  });

  it("reports corrupt JSON with the file, line and column, and how to restore a backup", () => {
    const text = encodeCheckpoint(sample(), m);
    const broken = text.replace('"resources": [', '"resources": [,');
    const e = errorOf(() => decodeCheckpoint(broken, m, { source: "/state/dev.json" }));
    expect(e.code).toBe(ErrorCodes.StateCorrupt);
    expect(e.message).toContain("/state/dev.json is corrupt");
    expect(e.message).toMatch(/line 4, column 19/);
    expect(e.message).toContain("cairn stack import");
    expect(e.message).toContain("backups");
  });

  it("reports a truncated document as cut short", () => {
    const text = encodeCheckpoint(sample(), m);
    const e = errorOf(() => decodeCheckpoint(text.slice(0, text.length / 2), m, { source: "dev.json" }));
    expect(e.code).toBe(ErrorCodes.StateCorrupt);
    expect(e.message).toContain("cut short");
    expect(errorOf(() => decodeCheckpoint("", m)).code).toBe(ErrorCodes.StateCorrupt);
  });

  it("reports every shape problem at once, with the resource URN", () => {
    const doc = {
      version: 1,
      checkpoint: {
        resources: [
          { urn: urnOf("a"), type: "t", custom: "yes", inputs: {}, outputs: {}, propertyDependencies: {}, protect: false, retainOnDelete: false },
          { ...res("b"), dependencies: "x", id: 5 },
          7,
        ],
        pendingOperations: [{ kind: "exploding", resource: res("c") }],
        manifest: { time: 1 },
      },
    };
    const e = errorOf(() => parseCheckpointDocument(JSON.stringify(doc), { source: "dev.json" }));
    expect(e.code).toBe(ErrorCodes.StateCorrupt);
    for (const part of [
      `resources[0] (${urnOf("a")}): field "custom" must be a boolean`,
      `resources[0] (${urnOf("a")}): missing field "dependencies"`,
      `resources[1] (${urnOf("b")}): field "dependencies" must be an array of URNs`,
      `resources[1] (${urnOf("b")}): field "id" must be a string`,
      "resources[2] must be an object",
      "pendingOperations[0]: kind must be one of",
      "checkpoint.manifest must be",
    ]) {
      expect(e.message).toContain(part);
    }
  });

  it("verifies integrity when decoding, naming the file", () => {
    const bad = { version: 1, checkpoint: snap([res("b", { parent: urnOf("a") }), res("a")]) };
    const e = errorOf(() => parseCheckpointDocument(JSON.stringify(bad), { source: "dev.json" }));
    expect(e.code).toBe(ErrorCodes.StateIntegrity);
    expect(e.message).toContain("dev.json");
    expect(e.message).toContain(`${urnOf("b")} refers to its parent ${urnOf("a")}, which appears after it`);
  });

  it("rejects documents from a newer Cairn and documents without a version", () => {
    const newer = JSON.stringify({ version: CHECKPOINT_VERSION + 1, checkpoint: snap([]) });
    const e = errorOf(() => decodeCheckpoint(newer, m, { source: "dev.json" }));
    expect(e.code).toBe(ErrorCodes.StateVersion);
    expect(e.message).toContain("dev.json was written by a newer Cairn");
    expect(e.message).toContain("Upgrade Cairn");
    expect(errorOf(() => decodeCheckpoint(JSON.stringify({ checkpoint: snap([]) }), m)).code).toBe(ErrorCodes.StateCorrupt);
    expect(errorOf(() => decodeCheckpoint("[1]", m)).code).toBe(ErrorCodes.StateCorrupt);
  });
});

describe("checkpoint migrations", () => {
  // A pretend history: version 1 called the resource list "items", version 2 lacked pendingOperations.
  const chain: MigrationChain = {
    currentVersion: 3,
    migrations: [
      { from: 2, migrate: (d) => ({ ...d, checkpoint: { ...(d["checkpoint"] as object), pendingOperations: [] } }) },
      {
        from: 1,
        migrate: (d) => {
          const { items, ...rest } = d["checkpoint"] as Record<string, unknown>;
          return { ...d, checkpoint: { ...rest, resources: items } };
        },
      },
    ],
  };

  it("runs the chain from the document's version to the current one, in order", () => {
    const v1 = { version: 1, checkpoint: { items: [res("a")], manifest: { time: "t", cairnVersion: "0.0.1" } } };
    const doc = parseCheckpointDocument(JSON.stringify(v1), { migrations: chain });
    expect(doc.version).toBe(3);
    expect(doc.checkpoint).toEqual({ resources: [res("a")], pendingOperations: [], manifest: { time: "t", cairnVersion: "0.0.1" } });
    const v2 = { version: 2, checkpoint: { resources: [], manifest: { time: "t", cairnVersion: "0.0.2" } } };
    expect(decodeCheckpoint(JSON.stringify(v2), m, { migrations: chain }).pendingOperations).toEqual([]);
  });

  it("treats a gap in the chain as a bug in Cairn", () => {
    const gappy: MigrationChain = { currentVersion: 3, migrations: [chain.migrations[1]!] };
    const e = errorOf(() => parseCheckpointDocument(JSON.stringify({ version: 1, checkpoint: { items: [] } }), { migrations: gappy }));
    expect(e.code).toBe(ErrorCodes.Internal);
    expect(e.message).toContain("no migration from checkpoint version 2 to 3");
  });
});
