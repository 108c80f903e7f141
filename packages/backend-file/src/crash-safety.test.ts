// Crash safety with real processes killed mid-write: a checkpoint being replaced is never seen
// half-written (by a concurrent reader, or after SIGKILL), and every journal append that resolved
// before the kill is on disk, in order.
import { parseCheckpointDocument, plaintextCrypter, type StackRef } from "@cairn/state";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFixture } from "./__fixtures__/child.js";
import { FileBackend } from "./file-backend.js";

const ref: StackRef = { project: "proj", stack: "dev" };
const BASE = 300; // As in __fixtures__/checkpoint-writer.ts.

describe("crash safety", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), "cairn-crash-"));
    await new FileBackend({ root }).createStack(ref);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it("never exposes a half-written checkpoint, to readers or after a kill", async () => {
    const child = runFixture("checkpoint-writer.ts", [root]);
    const checkpoint = join(root, "stacks", "proj", "dev", "checkpoint.json");
    let reads = 0;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        const text = await fs.readFile(checkpoint, "utf8").catch(() => undefined);
        if (text === undefined) continue;
        parseCheckpointDocument(text, { source: checkpoint }); // Throws on a torn document.
        reads++;
      }
    })();
    await child.waitFor((l) => l === "committed 8");
    stop = true;
    await reader;
    child.proc.kill("SIGKILL");
    await child.exited;
    const last = Number(child.lines.filter((l) => l.startsWith("committed ")).at(-1)!.split(" ")[1]);
    expect(reads).toBeGreaterThan(0);

    const backend = new FileBackend({ root });
    const lease = await backend.acquireLease({
      ref, operation: "update", holder: { pid: 1, host: "here", user: "me" }, ttlMs: 60_000, isProcessAlive: (pid) => pid !== child.proc.pid,
    });
    expect(lease.warnings.join("\n")).toContain(`pid ${child.proc.pid}`);
    const { snapshot, journal } = await backend.loadState(ref, plaintextCrypter);
    expect([1 + BASE + last, 1 + BASE + last + 1]).toContain(snapshot.resources.length);
    expect(journal).toEqual([]);
    await lease.release();
  });

  it("keeps every journal append that resolved before the process was killed, in order", async () => {
    const child = runFixture("journal-appender.ts", [root]);
    await child.waitFor((l) => l === "durable 200");
    child.proc.kill("SIGKILL");
    await child.exited;
    const durable = child.lines.filter((l) => l.startsWith("durable ")).map((l) => Number(l.split(" ")[1]));

    const { journal } = await new FileBackend({ root }).loadState(ref, plaintextCrypter);
    const seqs = journal.map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    expect(seqs.length).toBeGreaterThanOrEqual(Math.max(...durable));
  });
});
