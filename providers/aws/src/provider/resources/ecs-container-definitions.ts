// A task definition's containerDefinitions (a JSON string, as in Pulumi): parsing, validation, and
// the semantic comparison that ignores what ECS fills in on its own (empty lists, cpu 0,
// essential true, protocol tcp, hostPort = containerPort) and the order of environment variables.
import { isUnknown, type CheckFailure, type PropertyValue } from "@cairn/protocol";
import type { ContainerDefinition } from "@aws-sdk/client-ecs";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function parse(v: PropertyValue | undefined): Json | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") return v as Json;
  try {
    return JSON.parse(v) as Json;
  } catch {
    return undefined;
  }
}

function isObject(v: Json | undefined): v is { [key: string]: Json } {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** Drops nulls, empty lists and empty objects, recursively. */
function pruned(v: Json): Json | undefined {
  if (v === null) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(pruned).filter((x): x is Json => x !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (isObject(v)) {
    const out: { [key: string]: Json } = {};
    for (const k of Object.keys(v).sort()) {
      const x = pruned(v[k]!);
      if (x !== undefined) out[k] = x;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  return v;
}

function byName(a: Json, b: Json): number {
  const n = (x: Json) => (isObject(x) && typeof x["name"] === "string" ? x["name"] : "");
  return n(a).localeCompare(n(b));
}

function normalizedPortMapping(m: Json): Json {
  if (!isObject(m)) return m;
  const out = { ...m };
  if (out["protocol"] === "tcp") delete out["protocol"];
  if (out["hostPort"] === 0 || out["hostPort"] === out["containerPort"]) delete out["hostPort"];
  return out;
}

function normalizedContainer(c: Json): Json {
  if (!isObject(c)) return c;
  const out = { ...c };
  if (out["cpu"] === 0) delete out["cpu"];
  if (out["essential"] === true) delete out["essential"];
  if (Array.isArray(out["portMappings"])) out["portMappings"] = out["portMappings"].map(normalizedPortMapping);
  for (const k of ["environment", "secrets"]) {
    const list = out[k];
    if (Array.isArray(list)) out[k] = [...list].sort(byName);
  }
  return pruned(out) ?? {};
}

function normalized(v: PropertyValue | undefined): string | undefined {
  const parsed = parse(v);
  if (!Array.isArray(parsed)) return parsed === undefined ? undefined : JSON.stringify(parsed);
  return JSON.stringify(parsed.map(normalizedContainer).sort(byName));
}

/** True when both describe the same containers once ECS's defaults and ordering are set aside. */
export function containerDefinitionsEqual(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  return normalized(a) === normalized(b);
}

/** The container definitions as the SDK takes them (the JSON's structure maps 1:1). */
export function containerDefinitions(v: PropertyValue | undefined): ContainerDefinition[] {
  const parsed = parse(v);
  return Array.isArray(parsed) ? (parsed as unknown as ContainerDefinition[]) : [];
}

/** Every problem with the container definitions: not a list, containers without name or image, duplicate names. */
export function checkContainerDefinitions(v: PropertyValue | undefined): CheckFailure[] {
  const property = "containerDefinitions";
  if (isUnknown(v)) return [];
  if (typeof v === "string" || (typeof v === "object" && v !== null)) {
    const parsed = parse(v);
    if (!Array.isArray(parsed) || parsed.length === 0) return [{ property, reason: "containerDefinitions must be a JSON list of one or more containers" }];
    const failures: CheckFailure[] = [];
    const seen = new Set<string>();
    parsed.forEach((c, i) => {
      if (!isObject(c)) return void failures.push({ property, reason: `containerDefinitions[${i}] must be an object` });
      const name = c["name"];
      for (const k of ["name", "image"]) {
        if (typeof c[k] !== "string" || c[k] === "") failures.push({ property, reason: `containerDefinitions[${i}] needs a "${k}" string` });
      }
      if (typeof name === "string") {
        if (seen.has(name)) failures.push({ property, reason: `containerDefinitions names container ${JSON.stringify(name)} twice` });
        seen.add(name);
      }
    });
    return failures;
  }
  return [];
}
