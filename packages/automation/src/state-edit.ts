// `cairn state delete / unprotect / rename`: edits of one resource in the stack's state, under
// the lease, committed as a new checkpoint. Refuses edits that would leave dangling references.
import { CairnError, ErrorCodes, makeUrn, parseUrn, type Urn } from "@cairn/protocol";
import type { ResourceState, Snapshot } from "@cairn/state";
import { loadCurrentState, resolveResourceRefs, withLease } from "./deployment-runner.js";
import type { Stack } from "./stack.js";

function find(snapshot: Snapshot, ref: string): ResourceState {
  const [urn] = resolveResourceRefs([ref], snapshot, "state") ?? [];
  const r = snapshot.resources.find((x) => x.urn === urn && !x.delete);
  if (!r) throw new CairnError({ code: ErrorCodes.TargetNotFound, source: "user", message: `no resource ${ref} in the stack's state` });
  return r;
}

function dependentsOf(snapshot: Snapshot, urn: Urn): Urn[] {
  return snapshot.resources
    .filter((r) => r.urn !== urn && (r.parent === urn || r.dependencies.includes(urn) || r.deletedWith === urn || (r.provider ?? "").startsWith(`${urn}::`)))
    .map((r) => r.urn);
}

async function edit(stack: Stack, operation: string, change: (s: Snapshot) => Snapshot): Promise<void> {
  const manager = await stack.secrets();
  await withLease(stack, operation, undefined, async (lease) => {
    const current = await loadCurrentState(stack, manager);
    await stack.workspace.ctx.backend.commitSnapshot(stack.ref, lease, { ...change(current), secretsProvider: manager.state }, manager);
  });
}

/** Drops a resource from state without deleting it in the cloud. */
export function stateDelete(stack: Stack, ref: string, opts: { force?: boolean } = {}): Promise<void> {
  return edit(stack, "state-delete", (s) => {
    const r = find(s, ref);
    if (r.protect && !opts.force) throw new CairnError({ code: ErrorCodes.Protected, source: "user", urn: r.urn, message: `${r.urn} is protected`, hint: "run `cairn state unprotect` first, or pass --force" });
    const deps = dependentsOf(s, r.urn);
    if (deps.length > 0) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", urn: r.urn, message: `${r.urn} cannot be removed: ${deps.join(", ")} depend on it` });
    return { ...s, resources: s.resources.filter((x) => x !== r) };
  });
}

/**
 * Forgets the interrupted operations of one resource (`cairn state delete --pending`): for a create
 * that may not have happened, after the user has checked the cloud. Returns how many were cleared.
 */
export async function stateDeletePending(stack: Stack, ref: string): Promise<number> {
  let cleared = 0;
  await edit(stack, "state-delete-pending", (s) => {
    const matches = (urn: Urn) => urn === ref || parseUrn(urn).name === ref;
    const kept = s.pendingOperations.filter((op) => !matches(op.resource.urn));
    cleared = s.pendingOperations.length - kept.length;
    if (cleared === 0) {
      const known = s.pendingOperations.map((op) => op.resource.urn);
      throw new CairnError({ code: ErrorCodes.TargetNotFound, source: "user", message: `no pending operation for ${ref} in the stack's state`, hint: known.length > 0 ? `pending: ${known.join(", ")}` : "the stack has no pending operations" });
    }
    return { ...s, pendingOperations: kept };
  });
  return cleared;
}

export function stateUnprotect(stack: Stack, ref: string): Promise<void> {
  return edit(stack, "state-unprotect", (s) => {
    const r = find(s, ref);
    return { ...s, resources: s.resources.map((x) => (x === r ? { ...x, protect: false } : x)) };
  });
}

/** Renames a resource in state (and every reference to it), so the program can use the new name. */
export function stateRename(stack: Stack, ref: string, newName: string): Promise<void> {
  return edit(stack, "state-rename", (s) => {
    const r = find(s, ref);
    const p = parseUrn(r.urn);
    const to = makeUrn({ stack: p.stack, project: p.project, type: p.qualifiedType, name: newName });
    if (s.resources.some((x) => x.urn === to)) throw new CairnError({ code: ErrorCodes.DuplicateUrn, source: "user", message: `a resource ${to} already exists` });
    const swap = (u: Urn) => (u === r.urn ? to : u);
    const swapProvider = (ref?: string) => (ref !== undefined && ref.startsWith(`${r.urn}::`) ? `${to}${ref.slice(r.urn.length)}` : ref);
    const resources = s.resources.map((x) => {
      const provider = swapProvider(x.provider);
      return {
        ...x,
        urn: swap(x.urn),
        dependencies: x.dependencies.map(swap),
        propertyDependencies: Object.fromEntries(Object.entries(x.propertyDependencies).map(([k, v]) => [k, v.map(swap)])),
        ...(x.parent ? { parent: swap(x.parent) } : {}),
        ...(x.deletedWith ? { deletedWith: swap(x.deletedWith) } : {}),
        ...(provider ? { provider } : {}),
      };
    });
    return { ...s, resources };
  });
}
