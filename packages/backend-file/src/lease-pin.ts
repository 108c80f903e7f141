// A cheap fencing check. Once lease.json has been read through an open descriptor and found to
// carry a lease's id, the descriptor stays open: the file's inode then cannot be freed and reused,
// and lease.json is never rewritten in place (only created and removed), so while a `stat` of
// lease.json shows that same device and inode, it still carries the id. One stat per check instead
// of reading and parsing the file.
import { promises as fs } from "node:fs";
import { isErrno } from "./atomic-write.js";

export class LeasePin {
  private pinned: { handle: fs.FileHandle; dev: bigint; ino: bigint } | undefined;

  constructor(private readonly path: string) {}

  /** True when lease.json is still the file pinned by `pin`. */
  async holds(): Promise<boolean> {
    if (this.pinned === undefined) return false;
    try {
      const st = await fs.stat(this.path, { bigint: true });
      return st.ino === this.pinned.ino && st.dev === this.pinned.dev;
    } catch (e) {
      if (isErrno(e, "ENOENT")) return false;
      throw e;
    }
  }

  /** Opens lease.json and keeps it open if, read through that descriptor, it carries `id`. */
  async pin(id: string): Promise<void> {
    await this.unpin();
    let handle: fs.FileHandle;
    try {
      handle = await fs.open(this.path, "r");
    } catch (e) {
      if (isErrno(e, "ENOENT")) return;
      throw e;
    }
    try {
      const record = JSON.parse(await handle.readFile("utf8")) as { id?: unknown };
      if (record.id === id) {
        const st = await handle.stat({ bigint: true });
        this.pinned = { handle, dev: st.dev, ino: st.ino };
        return;
      }
    } catch {
      // Unreadable: no pin; the caller's full check decides.
    }
    await handle.close();
  }

  async unpin(): Promise<void> {
    const p = this.pinned;
    this.pinned = undefined;
    await p?.handle.close();
  }
}
