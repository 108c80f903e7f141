// Config paths for `config set/get/rm --path`: "a.b[0]" or 'tags["x.y"]'. The first segment is
// the config key; the rest walk into its structured (object/array) value.
import { CairnError, ErrorCodes } from "@cairn/protocol";

export type PathSegment = string | number;

function bad(path: string, why: string): CairnError {
  return new CairnError({ code: ErrorCodes.ConfigInvalid, source: "user", message: `invalid config path ${JSON.stringify(path)}: ${why}` });
}

/** Splits a path into segments; the first is always a string (the key). */
export function parseConfigPath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  let cur = "";
  const flush = () => {
    if (cur !== "") out.push(cur);
    cur = "";
  };
  while (i < path.length) {
    const c = path[i]!;
    if (c === ".") {
      if (cur === "" && (out.length === 0 || path[i - 1] === ".")) throw bad(path, `empty segment at ${i}`);
      flush();
      i++;
    } else if (c === "[") {
      flush();
      const close = path.indexOf("]", i);
      if (close < 0) throw bad(path, "unclosed '['");
      const inner = path.slice(i + 1, close);
      if (/^\d+$/.test(inner)) out.push(Number(inner));
      else if (/^"(.*)"$/.test(inner)) out.push(inner.slice(1, -1));
      else throw bad(path, `expected a number or a quoted key inside [] (got ${inner})`);
      i = close + 1;
    } else {
      cur += c;
      i++;
    }
  }
  flush();
  if (out.length === 0 || typeof out[0] !== "string") throw bad(path, "must start with a key");
  return out;
}

type Tree = unknown;

/** Reads the value at `segments` inside `root`, or undefined. */
export function getAtPath(root: Tree, segments: PathSegment[]): Tree {
  let cur = root;
  for (const s of segments) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[s];
  }
  return cur;
}

/** Returns a copy of `root` with `value` set at `segments` (creating objects/arrays on the way). */
export function setAtPath(root: Tree, segments: PathSegment[], value: Tree): Tree {
  if (segments.length === 0) return value;
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]];
  if (typeof head === "number") {
    const arr = Array.isArray(root) ? [...(root as unknown[])] : [];
    if (head > arr.length) throw bad(String(head), `index ${head} is past the end of a list of ${arr.length}`);
    arr[head] = setAtPath(arr[head], rest, value);
    return arr;
  }
  const obj = root !== null && typeof root === "object" && !Array.isArray(root) ? { ...(root as Record<string, unknown>) } : {};
  obj[head] = setAtPath(obj[head], rest, value);
  return obj;
}

/** Returns a copy of `root` without the value at `segments`. */
export function removeAtPath(root: Tree, segments: PathSegment[]): Tree {
  if (segments.length === 0 || root === null || typeof root !== "object") return root;
  const [head, ...rest] = segments as [PathSegment, ...PathSegment[]];
  if (Array.isArray(root)) {
    if (typeof head !== "number") return root;
    const arr = [...(root as unknown[])];
    if (rest.length === 0) arr.splice(head, 1);
    else arr[head] = removeAtPath(arr[head], rest);
    return arr;
  }
  const obj = { ...(root as Record<string, unknown>) };
  if (rest.length === 0) delete obj[String(head)];
  else obj[String(head)] = removeAtPath(obj[String(head)], rest);
  return obj;
}
