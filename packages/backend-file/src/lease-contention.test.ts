// Lease contention between backends that share one state directory, as separate `cairn` processes
// would: exactly one acquirer wins, for a free lease and for a stale one taken over.
import { ErrorCodes, isCairnError } from "@cairn/protocol";
import type { Lease, StackRef } from "@cairn/state";
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFixture } from "./__fixtures__/child.js";
import { FileBackend } from "./file-backend.js";

const ref: StackRef = { project: "proj", stack: "dev" };

function outcome(results: PromiseSettledResult<Lease>[]): { won: Lease[]; lockedOnly: boolean } {
  const won = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
  const lockedOnly = results.every((r) => r.status === "fulfilled" || isCairnError(r.reason, ErrorCodes.StackLocked));
  return { won, lockedOnly };
}

describe("lease contention", () => {
  let root: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(join(tmpdir(), "cairn-lease-"));
    await new FileBackend({ root }).createStack(ref);
  });
  afterEach(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it("separate processes: exactly one wins, the rest are told the stack is locked", async () => {
    const children = Array.from({ length: 6 }, (_, i) => runFixture("lease-contender.ts", [root, `user${i}`]));
    const first = await Promise.all(children.map((c) => c.waitFor(() => true)));
    expect(first.filter((l) => l === "won")).toHaveLength(1);
    expect(first.filter((l) => l === `lost ${ErrorCodes.StackLocked}`)).toHaveLength(5);
    const winner = children[first.indexOf("won")]!;
    const lease = await new FileBackend({ root }).getLease(ref);
    expect(lease?.holder.pid).toBe(winner.proc.pid);
    for (const c of children) c.proc.stdin!.end();
    await Promise.all(children.map((c) => c.exited));
    expect(await new FileBackend({ root }).getLease(ref)).toBeUndefined();
  });

  it("backend instances in one process: exactly one wins each round", async () => {
    const backends = Array.from({ length: 8 }, () => new FileBackend({ root }));
    let lastToken = 0;
    for (let round = 0; round < 5; round++) {
      const results = await Promise.allSettled(
        backends.map((b, i) => b.acquireLease({ ref, operation: "update", holder: { pid: 100 + i, host: "here", user: "u" }, ttlMs: 60_000 })),
      );
      const { won, lockedOnly } = outcome(results);
      expect(won).toHaveLength(1);
      expect(lockedOnly).toBe(true);
      expect(won[0]!.info.fencingToken).toBeGreaterThan(lastToken);
      lastToken = won[0]!.info.fencingToken;
      await won[0]!.release();
    }
  });

  it("exactly one of many takes over a stale lease", async () => {
    const stale = await new FileBackend({ root }).acquireLease({ ref, operation: "update", holder: { pid: 999, host: "here", user: "gone" }, ttlMs: 60_000 });
    const backends = Array.from({ length: 8 }, () => new FileBackend({ root, host: "here" }));
    const results = await Promise.allSettled(
      backends.map((b, i) =>
        b.acquireLease({ ref, operation: "update", holder: { pid: 100 + i, host: "here", user: "u" }, ttlMs: 60_000, isProcessAlive: (pid) => pid !== 999 }),
      ),
    );
    const { won, lockedOnly } = outcome(results);
    expect(won).toHaveLength(1);
    expect(lockedOnly).toBe(true);
    // The winner either took the stale lease over itself (and warns) or found it already removed.
    expect(won[0]!.info.fencingToken).toBeGreaterThan(stale.info.fencingToken);
    expect((await backends[0]!.getLease(ref))?.fencingToken).toBe(won[0]!.info.fencingToken);
    await expect(stale.release()).resolves.toBeUndefined();
    expect((await backends[0]!.getLease(ref))?.fencingToken).toBe(won[0]!.info.fencingToken); // The old holder's release removed nothing.
    await won[0]!.release();
  });
});
