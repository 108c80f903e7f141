// Lists of IDs AWS returns in any order (security groups, subnets): equal as sets, for diff.
import type { PropertyValue } from "@cairn/protocol";

/** True when both values hold the same strings, order and duplicates aside (unset = empty). */
export function sameStringSet(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const set = (v: PropertyValue | undefined) => new Set(Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
  const x = set(a);
  const y = set(b);
  return x.size === y.size && [...x].every((s) => y.has(s));
}
