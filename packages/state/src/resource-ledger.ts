// The mutable working set replay builds a snapshot in: resources in order, found by key
// (URN + whether it is a replaced copy) in constant time, replaced in place or removed.
import type { ResourceKey, ResourceState } from "./snapshot.js";

function keyString(key: ResourceKey): string {
  return (key.delete ? "D" : "L") + key.urn;
}

export class ResourceLedger {
  readonly #slots: Array<ResourceState | undefined>;
  readonly #index = new Map<string, number[]>();

  constructor(resources: ResourceState[]) {
    this.#slots = [...resources];
    this.#slots.forEach((r, i) => this.#link(r!, i));
  }

  /** The slot of the first resource with this key, if any. */
  find(key: ResourceKey): number | undefined {
    return this.#index.get(keyString(key))?.[0];
  }

  get(slot: number): ResourceState | undefined {
    return this.#slots[slot];
  }

  replace(slot: number, state: ResourceState): void {
    this.#unlink(slot);
    this.#slots[slot] = state;
    this.#link(state, slot);
  }

  remove(slot: number): void {
    this.#unlink(slot);
    this.#slots[slot] = undefined;
  }

  add(state: ResourceState): void {
    this.#slots.push(state);
    this.#link(state, this.#slots.length - 1);
  }

  resources(): ResourceState[] {
    return this.#slots.filter((r): r is ResourceState => r !== undefined);
  }

  #link(r: ResourceState, slot: number): void {
    const k = keyString({ urn: r.urn, delete: r.delete === true });
    const list = this.#index.get(k);
    if (!list) this.#index.set(k, [slot]);
    else {
      list.push(slot);
      list.sort((a, b) => a - b);
    }
  }

  #unlink(slot: number): void {
    const r = this.#slots[slot];
    if (r === undefined) return;
    const k = keyString({ urn: r.urn, delete: r.delete === true });
    const list = this.#index.get(k);
    if (!list) return;
    const at = list.indexOf(slot);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) this.#index.delete(k);
  }
}
