// Renaming a stack changes every URN in it: urn:cairn:<stack>::<project>::... . This rewrites each
// string that starts with the old stack's URN prefix (URNs, provider references, resource
// references) anywhere in a snapshot or journal entry. Sealed secrets are left untouched.
import { SIG, URN_PREFIX } from "@cairn/protocol";

export interface UrnRewrite {
  project: string;
  from: string;
  to: string;
}

export function rewriteUrns<T>(value: T, req: UrnRewrite): T {
  const oldPrefix = `${URN_PREFIX}${req.from}::${req.project}::`;
  const newPrefix = `${URN_PREFIX}${req.to}::${req.project}::`;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") return v.startsWith(oldPrefix) ? newPrefix + v.slice(oldPrefix.length) : v;
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) return v.map(walk);
    const obj = v as Record<string, unknown>;
    if (obj[SIG] === "secret") return obj;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(obj)) out[walk(k) as string] = walk(x);
    return out;
  };
  return walk(value) as T;
}
