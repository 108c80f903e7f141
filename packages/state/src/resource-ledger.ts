// The working set replay builds a snapshot in: resources in order, found by key (URN + whether
// it is a replaced copy) without scanning. It notices when a change may have put a resource
// before something it refers to, and then restores reference order with sortResources, so the
// order after every entry is valid and depends only on the order before it.
import { isProviderType } from "@cairn/protocol";
import type { ResourceKey, ResourceState } from "./snapshot.js";
import { referencesOf, satisfies } from "./resource-references.js";
import { sortResources } from "./sort-resources.js";

function keyString(key: ResourceKey): string {
  return (key.delete ? "D" : "L") + key.urn;
}

export class ResourceLedger {
  #slots: Array<ResourceState | undefined> = [];
  #byKey = new Map<string, number[]>();
  #byUrn = new Map<string, number[]>();
  /** For each URN, the slots of the resources that refer to it. */
  #referrers = new Map<string, Set<number>>();
  #dirty = false;

  constructor(resources: ResourceState[]) {
    this.#rebuild(sortResources(resources));
  }

  /** The slot of the first resource with this key, if any. */
  find(key: ResourceKey): number | undefined {
    return this.#byKey.get(keyString(key))?.[0];
  }

  get(slot: number): ResourceState | undefined {
    return this.#slots[slot];
  }

  replace(slot: number, state: ResourceState): void {
    const old = this.#slots[slot]!;
    this.#unlink(slot);
    this.#slots[slot] = state;
    this.#link(state, slot);
    if (this.#refsOutOfOrder(state, slot)) this.#dirty = true;
    // Non-provider references match by URN only; provider references also by ID.
    const renamed = old.urn !== state.urn;
    const reIded = old.id !== state.id && (isProviderType(old.type) || isProviderType(state.type));
    if ((renamed || reIded) && (this.#referenced(old.urn) || this.#referenced(state.urn))) this.#dirty = true;
  }

  remove(slot: number): void {
    const old = this.#slots[slot]!;
    this.#unlink(slot);
    this.#slots[slot] = undefined;
    const copies = this.#byUrn.get(old.urn);
    const referrers = this.#referrers.get(old.urn);
    // With no copy left, references to the URN dangle whatever the order (integrity reports it).
    if (copies === undefined || referrers === undefined) return;
    if (isProviderType(old.type)) return void (this.#dirty = true);
    const earliest = copies[0]!;
    for (const r of referrers) {
      if (r < earliest) return void (this.#dirty = true);
    }
  }

  add(state: ResourceState): void {
    const hadCopies = this.#byUrn.has(state.urn);
    this.#slots.push(state);
    this.#link(state, this.#slots.length - 1);
    // Only references nothing satisfied before can now point forward, at the new last resource.
    if (this.#referenced(state.urn) && (!hadCopies || isProviderType(state.type))) this.#dirty = true;
  }

  /** Restores reference order if a change may have broken it. */
  normalize(): void {
    if (!this.#dirty) return;
    this.#rebuild(sortResources(this.resources()));
  }

  resources(): ResourceState[] {
    return this.#slots.filter((r): r is ResourceState => r !== undefined);
  }

  #rebuild(resources: ResourceState[]): void {
    this.#slots = [...resources];
    this.#byKey = new Map();
    this.#byUrn = new Map();
    this.#referrers = new Map();
    this.#slots.forEach((r, i) => this.#link(r!, i));
    this.#dirty = false;
  }

  #referenced(urn: string): boolean {
    return this.#referrers.has(urn);
  }

  /** Does `state` (at `slot`) refer to something that exists only after it? */
  #refsOutOfOrder(state: ResourceState, slot: number): boolean {
    return referencesOf(state).some((ref) => {
      if (ref.urn === state.urn) return false;
      const copies = (this.#byUrn.get(ref.urn) ?? []).filter((j) => satisfies(ref, this.#slots[j]!));
      return copies.length > 0 && !copies.some((j) => j < slot);
    });
  }

  #link(r: ResourceState, slot: number): void {
    insertSorted(this.#byKey, keyString(keyOfState(r)), slot);
    insertSorted(this.#byUrn, r.urn, slot);
    for (const ref of referencesOf(r)) {
      if (ref.urn === r.urn) continue;
      const set = this.#referrers.get(ref.urn);
      if (set) set.add(slot);
      else this.#referrers.set(ref.urn, new Set([slot]));
    }
  }

  #unlink(slot: number): void {
    const r = this.#slots[slot];
    if (r === undefined) return;
    removeFrom(this.#byKey, keyString(keyOfState(r)), slot);
    removeFrom(this.#byUrn, r.urn, slot);
    for (const ref of referencesOf(r)) {
      const set = this.#referrers.get(ref.urn);
      if (!set) continue;
      set.delete(slot);
      if (set.size === 0) this.#referrers.delete(ref.urn);
    }
  }
}

function keyOfState(r: ResourceState): ResourceKey {
  return { urn: r.urn, delete: r.delete === true };
}

function insertSorted(index: Map<string, number[]>, key: string, slot: number): void {
  const list = index.get(key);
  if (!list) return void index.set(key, [slot]);
  let at = list.length;
  while (at > 0 && list[at - 1]! > slot) at--;
  list.splice(at, 0, slot);
}

function removeFrom(index: Map<string, number[]>, key: string, slot: number): void {
  const list = index.get(key);
  if (!list) return;
  const at = list.indexOf(slot);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) index.delete(key);
}
