// Cheap checks that a file is still the one seen before: its identity (device, inode, size and
// change times) and its size, by stat alone, without reading it.
import { promises as fs } from "node:fs";
import { isErrno } from "./atomic-write.js";

/** dev, inode, size and modification/change times in nanoseconds; undefined when absent. */
export async function fileIdentity(path: string): Promise<string | undefined> {
  try {
    const st = await fs.stat(path, { bigint: true });
    return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
  } catch (e) {
    if (isErrno(e, "ENOENT")) return undefined;
    throw e;
  }
}

export async function fileSize(path: string): Promise<number> {
  try {
    return (await fs.stat(path)).size;
  } catch (e) {
    if (isErrno(e, "ENOENT")) return 0;
    throw e;
  }
}
