// Renaming a stack: copy its directory (without lease files) to a hidden temp directory, rewrite
// the URNs in its checkpoint and journal for the new name, rename the copy into place and only
// then remove the old directory. A crash leaves the old stack intact (or both, each consistent).
import { decodeJournal, encodeJournalEntry } from "@cairn/state";
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fsyncDir, writeFileAtomic } from "./atomic-write.js";
import { uncompactedJournalText } from "./checkpoint-store.js";
import { carrySealed } from "./sealed-crypters.js";
import { stackPaths, type StackPaths } from "./stack-paths.js";
import { readSealedCheckpoint } from "./stack-summary.js";
import { rewriteUrns } from "./urn-rewrite.js";
import { CHECKPOINT_VERSION } from "@cairn/state";

const LEASE_FILES = new Set(["lease.json", "lease-heartbeat.json"]);

export interface RenameRequest {
  root: string;
  from: StackPaths;
  to: StackPaths;
}

export async function renameStackDir(req: RenameRequest): Promise<void> {
  const { from, to } = req;
  const tmpDir = join(dirname(to.dir), `.${to.ref.stack}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    await fs.cp(from.dir, tmpDir, { recursive: true, filter: (src) => !LEASE_FILES.has(basename(src)) || dirname(src) !== from.dir });
    const tmp = stackPaths(req.root, to.ref);
    const inTmp = (p: string) => join(tmpDir, p.slice(tmp.dir.length + 1));
    const rewrite = { project: from.ref.project, from: from.ref.stack, to: to.ref.stack };
    const checkpoint = await readSealedCheckpoint(from);
    if (checkpoint !== undefined) {
      const doc = { version: CHECKPOINT_VERSION, checkpoint: rewriteUrns(checkpoint, rewrite) };
      await writeFileAtomic({ path: inTmp(tmp.checkpoint), data: JSON.stringify(doc, null, 2) + "\n" });
    }
    // A journal that a landed commit already includes is left behind, with the commit's marker.
    const journal = await uncompactedJournalText(from);
    await fs.rm(inTmp(tmp.commitPending), { force: true });
    if (journal !== undefined && journal.length > 0) {
      const { entries } = decodeJournal(journal, carrySealed, { source: from.journal, base: checkpoint?.resources ?? [] });
      const lines = entries.map((e) => encodeJournalEntry(rewriteUrns(e, rewrite), carrySealed) + "\n").join("");
      await writeFileAtomic({ path: inTmp(tmp.journal), data: lines });
    } else {
      await fs.rm(inTmp(tmp.journal), { force: true });
    }
    await fs.rename(tmpDir, to.dir);
  } catch (e) {
    await fs.rm(tmpDir, { recursive: true, force: true });
    throw e;
  }
  await fsyncDir(dirname(to.dir));
  await fs.rm(from.dir, { recursive: true, force: true });
  await fsyncDir(dirname(from.dir));
}
