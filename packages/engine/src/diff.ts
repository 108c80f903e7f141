// Property-level diffs: the detailed diff a step carries (path, kind, old/new), ignoreChanges
// (old values put back before diffing) and replaceOnChanges (paths that force a replacement).
// Paths look like "tags.env", "rules[0].port" or "*" (everything).
import { isMarker, propertyValuesEqual, type DiffEntry, type DiffKind, type DiffResponse, type PropertyMap, type PropertyValue } from "@cairn/protocol";

type Segment = string | number;

/** Splits "a.b[0].c" into ["a", "b", 0, "c"]; `["x.y"]` quotes a key containing dots. */
export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|\["([^"]*)"\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3]);
  }
  return out;
}

function joinPath(base: string, seg: Segment): string {
  if (typeof seg === "number") return `${base}[${seg}]`;
  if (/[.[\]]/.test(seg)) return `${base}["${seg}"]`;
  return base === "" ? seg : `${base}.${seg}`;
}

function isPlainObject(v: unknown): v is PropertyMap {
  return v !== null && typeof v === "object" && !Array.isArray(v) && !isMarker(v);
}

/** The value at a path, or undefined when it is absent. */
export function getPath(root: PropertyMap, path: string): PropertyValue | undefined {
  let cur: PropertyValue | undefined = root;
  for (const seg of parsePath(path)) {
    if (typeof seg === "number") cur = Array.isArray(cur) ? cur[seg] : undefined;
    else cur = isPlainObject(cur) ? cur[seg] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** A copy of `root` with the value at `path` set (or removed when `value` is undefined). */
export function setPath(root: PropertyMap, path: string, value: PropertyValue | undefined): PropertyMap {
  const segs = parsePath(path);
  if (segs.length === 0) return root;
  const rec = (cur: PropertyValue | undefined, i: number): PropertyValue | undefined => {
    const seg = segs[i] as Segment;
    const last = i === segs.length - 1;
    if (typeof seg === "number") {
      const arr = Array.isArray(cur) ? [...cur] : [];
      const next = last ? value : rec(arr[seg], i + 1);
      if (next === undefined) arr.splice(seg, 1);
      else arr[seg] = next;
      return arr;
    }
    const obj: PropertyMap = isPlainObject(cur) ? { ...cur } : {};
    const next = last ? value : rec(obj[seg], i + 1);
    if (next === undefined) delete obj[seg];
    else obj[seg] = next;
    return obj;
  };
  return rec(root, 0) as PropertyMap;
}

/** Puts the old value back at every ignored path (Pulumi's ignoreChanges); "*" ignores everything. */
export function applyIgnoreChanges(oldInputs: PropertyMap, newInputs: PropertyMap, ignore: string[] | undefined): PropertyMap {
  let out = newInputs;
  for (const path of ignore ?? []) {
    if (path === "*") return { ...oldInputs };
    out = setPath(out, path, getPath(oldInputs, path));
  }
  return out;
}

/** True when `path` is `pattern` or lies under it ("tags" matches "tags.env"). */
export function pathMatches(pattern: string, path: string): boolean {
  if (pattern === "*" || pattern === path) return true;
  const p = parsePath(pattern);
  const q = parsePath(path);
  if (p.length > q.length) return false;
  return p.every((seg, i) => seg === "*" || seg === q[i]);
}

/** Every leaf-level difference between two property maps. */
export function detailedDiff(olds: PropertyMap, news: PropertyMap): DiffEntry[] {
  const out: DiffEntry[] = [];
  diffValue("", olds, news, out);
  return out;
}

function diffValue(path: string, a: PropertyValue | undefined, b: PropertyValue | undefined, out: DiffEntry[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return void out.push({ path, kind: "add", new: b });
  if (b === undefined) return void out.push({ path, kind: "delete", old: a });
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) diffValue(joinPath(path, k), a[k], b[k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) diffValue(joinPath(path, i), a[i], b[i], out);
    return;
  }
  if (!propertyValuesEqual(a, b)) out.push({ path, kind: "update", old: a, new: b });
}

function toReplaceKind(kind: DiffKind): DiffKind {
  if (kind === "add") return "add-replace";
  if (kind === "delete") return "delete-replace";
  if (kind === "update") return "update-replace";
  return kind;
}

function topKey(path: string): string {
  const first = parsePath(path)[0];
  return first === undefined ? "" : String(first);
}

/** Paths among `diff` that match a replaceOnChanges pattern, as top-level keys. */
export function replaceOnChangesKeys(diff: DiffEntry[], replaceOnChanges: string[] | undefined): string[] {
  const keys = new Set<string>();
  for (const d of diff) if ((replaceOnChanges ?? []).some((p) => pathMatches(p, d.path))) keys.add(topKey(d.path));
  return [...keys].sort();
}

/**
 * The diff a step shows: the provider's detailed diff when it gave one (with old/new values filled
 * in), else the difference of old and new inputs; entries under a replace key get a "-replace" kind.
 */
export function stepDiff(req: { oldInputs: PropertyMap; newInputs: PropertyMap; provider?: DiffResponse; replaceKeys: string[] }): DiffEntry[] {
  const detailed = req.provider?.detailedDiff;
  const base: DiffEntry[] = detailed
    ? Object.entries(detailed).map(([path, d]) => ({ path, kind: d.kind, old: getPath(req.oldInputs, path), new: getPath(req.newInputs, path) }))
    : detailedDiff(req.oldInputs, req.newInputs);
  return base.map((d) => (req.replaceKeys.includes(topKey(d.path)) ? { ...d, kind: toReplaceKind(d.kind) } : d));
}
