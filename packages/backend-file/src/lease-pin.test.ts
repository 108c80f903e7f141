// The lease pin: lease.json read once through a descriptor kept open, then checked by stat. A file
// removed and created again (same size, same content but the id) is never taken for the pinned one.
import { promises as fs } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LeasePin } from "./lease-pin.js";

describe("LeasePin", () => {
  let dir: string;
  let path: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(join(tmpdir(), "cairn-lease-pin-"));
    path = join(dir, "lease.json");
  });
  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("holds while lease.json is the file it read, and not after it is removed or replaced", async () => {
    await fs.writeFile(path, JSON.stringify({ id: "aaaa" }));
    const pin = new LeasePin(path);
    expect(await pin.holds()).toBe(false);
    await pin.pin("aaaa");
    expect(await pin.holds()).toBe(true);
    for (let i = 0; i < 20; i++) {
      // Removed and created again at once, the same size: a freed inode could come back here.
      await fs.rm(path);
      expect(await pin.holds()).toBe(false);
      await fs.writeFile(path, JSON.stringify({ id: "bbbb" }));
      expect(await pin.holds()).toBe(false);
    }
    await pin.unpin();
  });

  it("does not pin a file that carries another id, or none", async () => {
    const pin = new LeasePin(path);
    await pin.pin("aaaa");
    expect(await pin.holds()).toBe(false);
    await fs.writeFile(path, JSON.stringify({ id: "bbbb" }));
    await pin.pin("aaaa");
    expect(await pin.holds()).toBe(false);
    await fs.writeFile(path, "{not json");
    await pin.pin("aaaa");
    expect(await pin.holds()).toBe(false);
  });
});
