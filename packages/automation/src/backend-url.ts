// Backend selection by URL: `file://<dir>` (or a bare path) opens the embedded file backend.
// `~` expands to the home directory the host passes in; relative paths resolve against cwd.
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { Backend } from "@cairn/state";
import { FileBackend } from "@cairn/backend-file";

export interface OpenBackendRequest {
  url: string;
  /** For `~` in file URLs. */
  homeDir: string;
  cwd: string;
  clock?: () => number;
  hostname?: string;
}

/** The directory a file backend URL names. */
export function fileBackendRoot(req: { url: string; homeDir: string; cwd: string }): string {
  const { url } = req;
  let path: string;
  if (url.startsWith("file:///")) path = fileURLToPath(url);
  else if (url.startsWith("file://")) path = url.slice("file://".length);
  else path = url;
  if (path === "~" || path.startsWith("~/")) path = join(req.homeDir, path.slice(1));
  return isAbsolute(path) ? path : resolve(req.cwd, path);
}

export function openBackend(req: OpenBackendRequest): Backend {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(req.url)?.[1]?.toLowerCase();
  if (scheme !== undefined && scheme !== "file") {
    throw new CairnError({
      code: ErrorCodes.ConfigInvalid,
      source: "user",
      message: `backend URL ${JSON.stringify(req.url)} uses the unsupported scheme ${scheme}://`,
      hint: "use file://<directory> (for example `cairn login file://~/cairn-state`)",
    });
  }
  const root = fileBackendRoot(req);
  return new FileBackend({ root, ...(req.clock ? { clock: req.clock } : {}), ...(req.hostname ? { host: req.hostname } : {}) });
}
