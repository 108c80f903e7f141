// local.File ("command:local:File"): one text file on the local disk. Writes are atomic (a synced
// temp file renamed or linked into place); create refuses to clobber an existing file unless
// `overwrite` is set; read reports what is on disk so refresh shows drift; a path change replaces.
import { createHash } from "node:crypto";
import { isAbsolute, resolve } from "node:path";
import {
  CairnError,
  ErrorCodes,
  UNKNOWN,
  containsSecrets,
  makeSecret,
  unwrapSecrets,
  type CheckFailure,
  type PropertyMap,
  type PropertyValue,
} from "@cairn/protocol";
import { changedKeys, diffResponse } from "./changed-keys.js";
import { readFileState, removeFile, writeFileAtomic } from "./file-io.js";
import type { HandlerContext, ResourceHandler } from "./resource-handler.js";
import { checkSchema, type InputSchema as Schema } from "@cairn/protocol";

export const FILE_TOKEN = "command:local:File";

const schema: Schema = {
  path: { kind: "string", required: true },
  content: { kind: "string", required: true },
  mode: { kind: "string" },
  overwrite: { kind: "boolean", default: false },
};

/** "644", "0644" or "0o644" -> "0644"; undefined when not a permission mode. */
export function normalizeMode(mode: string): string | undefined {
  const m = /^(?:0o?)?([0-7]{3,4})$/.exec(mode);
  if (m === null) return undefined;
  const n = parseInt(m[1]!, 8);
  return n > 0o7777 ? undefined : `0${n.toString(8).padStart(3, "0")}`;
}

export function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

function resolvePath(ctx: HandlerContext, path: string): string {
  return ctx.rootDirectory === undefined ? path : resolve(ctx.rootDirectory, path);
}

function absolutePath(ctx: HandlerContext, path: string, urn: string): string {
  if (isAbsolute(path)) return resolve(path);
  if (ctx.rootDirectory === undefined) {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", urn, property: "path", message: `${urn}: path ${JSON.stringify(path)} is relative but the provider was given no program directory; use an absolute path` });
  }
  return resolve(ctx.rootDirectory, path);
}

function validate(ctx: HandlerContext, inputs: PropertyMap, path: string | undefined, mode: string | undefined, failures: CheckFailure[]): void {
  if (path !== undefined) {
    if (path.length === 0) failures.push({ property: "path", reason: "path must not be empty" });
    else if (!isAbsolute(path) && ctx.rootDirectory === undefined) failures.push({ property: "path", reason: `path ${JSON.stringify(path)} is relative but the provider was given no program directory; use an absolute path` });
  }
  if (mode !== undefined) {
    const normal = normalizeMode(mode);
    if (normal === undefined) failures.push({ property: "mode", reason: `mode ${JSON.stringify(mode)} is not an octal permission such as "0644" or "755"` });
    else if (typeof inputs.mode === "string") inputs.mode = normal;
    else inputs.mode = makeSecret(normal);
  }
}

interface Plain {
  path: string;
  content: string;
  mode?: string;
  overwrite: boolean;
}

function plainOf(inputs: PropertyMap): Plain {
  const p = unwrapSecrets(inputs) as Record<string, PropertyValue>;
  return { path: p.path as string, content: p.content as string, mode: typeof p.mode === "string" ? p.mode : undefined, overwrite: p.overwrite === true };
}

/** Outputs: the inputs, the absolute path, and the content's hash (secret when the content is). */
function outputsFor(inputs: PropertyMap, absPath: string, hash: PropertyValue): PropertyMap {
  const secretContent = inputs.content !== undefined && containsSecrets(inputs.content);
  const secretPath = inputs.path !== undefined && containsSecrets(inputs.path);
  return { ...inputs, path: secretPath ? makeSecret(absPath) : absPath, sha256: secretContent && typeof hash === "string" ? makeSecret(hash) : hash };
}

async function write(ctx: HandlerContext, inputs: PropertyMap, urn: string, exclusive: boolean): Promise<PropertyMap> {
  const p = plainOf(inputs);
  const abs = absolutePath(ctx, p.path, urn);
  await writeFileAtomic({ path: abs, content: p.content, mode: p.mode === undefined ? undefined : parseInt(p.mode, 8), exclusive, urn });
  return outputsFor(inputs, abs, sha256(p.content));
}

export function localFile(ctx: HandlerContext): ResourceHandler {
  return {
    token: FILE_TOKEN,
    check(req) {
      const r = checkSchema(FILE_TOKEN, req.news, schema);
      validate(ctx, r.inputs, r.values.str("path"), r.values.str("mode"), r.failures);
      return r.failures.length > 0 ? { inputs: r.inputs, failures: r.failures } : { inputs: r.inputs };
    },
    diff(req) {
      // "out.txt" and "/root/out.txt" name the same file: an in-place update, not a replacement
      // (create-before-delete would otherwise trip over the file it is replacing).
      const before = unwrapSecrets(req.oldInputs.path ?? null);
      const after = unwrapSecrets(req.news.path ?? null);
      const samePath = typeof before === "string" && typeof after === "string" && resolvePath(ctx, before) === resolvePath(ctx, after);
      return diffResponse(req, changedKeys(req), new Set(samePath ? [] : ["path"]));
    },
    async create(req) {
      if (req.preview) {
        const p = unwrapSecrets(req.inputs.path ?? null);
        const abs = typeof p === "string" ? absolutePath(ctx, p, req.urn) : UNKNOWN;
        return { id: "", outputs: { ...req.inputs, path: abs, sha256: UNKNOWN } };
      }
      const outputs = await write(ctx, req.inputs, req.urn, !plainOf(req.inputs).overwrite);
      return { id: unwrapSecrets(outputs.path!) as string, outputs };
    },
    async read(req) {
      const abs = req.state !== undefined ? req.id : absolutePath(ctx, req.id, req.urn);
      const onDisk = await readFileState(abs, req.urn);
      if (onDisk === undefined) return {};
      const recorded: PropertyMap = req.inputs ?? { path: req.id, overwrite: false };
      const keepSecret = (key: string, v: string): PropertyValue => (containsSecrets(recorded[key] ?? null) || containsSecrets(req.state?.[key] ?? null) ? makeSecret(v) : v);
      const inputs: PropertyMap = { ...recorded, content: keepSecret("content", onDisk.content) };
      if (recorded.mode !== undefined && recorded.mode !== null) inputs.mode = keepSecret("mode", onDisk.mode);
      return { id: abs, inputs, outputs: outputsFor(inputs, abs, sha256(onDisk.bytes)) };
    },
    async update(req) {
      if (req.preview) return { outputs: { ...req.news, path: req.olds.path ?? UNKNOWN, sha256: UNKNOWN } };
      return { outputs: await write(ctx, req.news, req.urn, false) };
    },
    async delete(req) {
      await removeFile(req.id, req.urn);
    },
  };
}
