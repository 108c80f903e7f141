// Snapshot integrity: the invariants a snapshot must hold before it is committed. Every
// reference (parent, provider, dependencies, property dependencies, deletedWith) points at a
// resource earlier in the list, live URNs are unique, and pending operations name valid resources.
import { CairnError, ErrorCodes, isProviderType, isUrn, urnType } from "@cairn/protocol";
import type { ResourceState, Snapshot } from "./snapshot.js";
import { referencesOf, satisfies, type ResourceReference } from "./resource-references.js";

const PENDING_KINDS = new Set(["creating", "updating", "deleting", "reading", "importing"]);

/** Every integrity problem of the snapshot, each naming the URNs involved; empty when it is sound. */
export function integrityProblems(snapshot: Snapshot): string[] {
  const problems: string[] = [];
  const seen = new Map<string, ResourceState[]>();
  const live = new Set<string>();
  snapshot.resources.forEach((r, i) => {
    if (!isUrn(r.urn)) problems.push(`resources[${i}] has an invalid URN ${JSON.stringify(r.urn)}`);
    if (!r.delete) {
      if (live.has(r.urn)) problems.push(`${r.urn} appears more than once as a live resource (resources[${i}])`);
      live.add(r.urn);
    }
    for (const ref of referencesOf(r)) {
      const problem = referenceProblem(r, ref, seen.get(ref.urn), snapshot.resources);
      if (problem !== undefined) problems.push(problem);
    }
    const copies = seen.get(r.urn);
    if (copies) copies.push(r);
    else seen.set(r.urn, [r]);
  });
  snapshot.pendingOperations.forEach((op, i) => {
    // A pending operation carries its own copy of the resource: resolving a pending delete may
    // already have removed the resource itself, so only the copy has to be well formed.
    const r = op.resource;
    if (!isUrn(r?.urn)) {
      problems.push(`pendingOperations[${i}] (${op.kind}) names an invalid URN ${JSON.stringify(r?.urn)}`);
    } else if (typeof r.type !== "string" || r.type === "") {
      problems.push(`pendingOperations[${i}] (${op.kind} ${r.urn}) has no resource type`);
    } else if (!PENDING_KINDS.has(op.kind)) {
      problems.push(`pendingOperations[${i}] (${r.urn}) has an unknown kind ${JSON.stringify(op.kind)}`);
    }
  });
  return problems;
}

function referenceProblem(
  r: ResourceState,
  ref: ResourceReference,
  earlier: ResourceState[] | undefined,
  all: ResourceState[],
): string | undefined {
  const what = ref.kind === "property dependency" ? `property dependency ${JSON.stringify(ref.property)}` : ref.kind;
  if (ref.kind === "provider") {
    if (ref.id === "") return `${r.urn} has an invalid provider reference ${JSON.stringify(r.provider)} (expected <provider urn>::<id>)`;
    if (!isProviderType(urnType(ref.urn))) {
      return `${r.urn} has provider ${r.provider}, which is not a provider resource (type cairn:providers:<package>)`;
    }
  }
  if (ref.urn === r.urn) return `${r.urn} names itself as its ${what}`;
  if (earlier?.some((e) => satisfies(ref, e))) return undefined;
  const later = all.some((e) => satisfies(ref, e));
  const target = ref.kind === "provider" ? `${ref.urn} with ID ${JSON.stringify(ref.id)}` : ref.urn;
  return later
    ? `${r.urn} refers to its ${what} ${target}, which appears after it`
    : `${r.urn} refers to its ${what} ${target}, which is not in the snapshot`;
}

/** Throws CairnError StateIntegrity listing every problem. */
export function verifyIntegrity(snapshot: Snapshot, opts: { source?: string } = {}): void {
  const problems = integrityProblems(snapshot);
  if (problems.length === 0) return;
  const where = opts.source ?? "the snapshot";
  throw new CairnError({
    code: ErrorCodes.StateIntegrity,
    source: opts.source === undefined ? "internal" : "user",
    message: `${where} fails ${problems.length} integrity check${problems.length === 1 ? "" : "s"}:\n  - ${problems.join("\n  - ")}`,
    hint: "A snapshot that fails integrity checks is never committed. If this state was edited by hand, restore a backup with `cairn stack import`.",
  });
}
