// Deep equality of two snapshots as JSON would store them (keys in any order, undefined fields
// absent). Replay shares unchanged resource objects, so most comparisons end at an identity check.
import type { Snapshot } from "@cairn/state";

export function sameState(a: Snapshot, b: Snapshot): boolean {
  return sameValue(a, b);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bs = b as unknown[];
    if (a.length !== bs.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], bs[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const xs = definedKeys(x);
  const ys = definedKeys(y);
  if (xs.length !== ys.length) return false;
  for (const k of xs) if (!Object.prototype.hasOwnProperty.call(y, k) || !sameValue(x[k], y[k])) return false;
  return true;
}

function definedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).filter((k) => o[k] !== undefined);
}
