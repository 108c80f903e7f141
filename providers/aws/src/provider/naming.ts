// Auto-naming: a physical name the user did not set is the logical name + "-" + 7 hex characters
// derived from the check's random seed (stable across checks), or the previous name when the
// resource already has one, or the user's prefix + hex.
import { createHash } from "node:crypto";
import { parseUrn, type PropertyMap, type Urn } from "@cairn/protocol";
import type { NamingSpec } from "./resource-definition.js";

export interface AutoNameRequest {
  urn: Urn;
  randomSeed: string;
  naming: NamingSpec;
  olds: PropertyMap;
  news: PropertyMap;
}

function hexFrom(seed: string, length: number): string {
  return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** The physical name to use, or undefined when the user set one explicitly. */
export function autoName(req: AutoNameRequest): string | undefined {
  const { naming, olds, news } = req;
  if (news[naming.property] !== undefined && news[naming.property] !== null) return undefined;
  const prefix = naming.prefixProperty === undefined ? undefined : news[naming.prefixProperty];
  const old = olds[naming.property];
  if (typeof prefix === "string") {
    if (typeof old === "string" && old.startsWith(prefix)) return old;
    const suffix = hexFrom(req.randomSeed, Math.max(1, Math.min(26, naming.maxLength - prefix.length)));
    return prefix + suffix;
  }
  if (typeof old === "string" && old !== "") return old;
  let base = parseUrn(req.urn).name;
  if (naming.noSuffix === true) return base;
  if (naming.lowercase === true) base = base.toLowerCase().replace(/[^a-z0-9.-]/g, "-");
  base = base.slice(0, Math.max(1, naming.maxLength - 8));
  return `${base}-${hexFrom(req.randomSeed, 7)}`;
}
