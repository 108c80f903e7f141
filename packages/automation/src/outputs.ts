// Stack outputs: the root stack resource's outputs in a snapshot, as an OutputMap that keeps
// track of which values are secret.
import { ROOT_STACK_TYPE, containsSecrets, unwrapSecrets, type PropertyMap } from "@cairn/protocol";
import type { Snapshot } from "@cairn/state";
import type { OutputMap } from "./types.js";

export function rootOutputs(snapshot: Snapshot): PropertyMap {
  const root = snapshot.resources.find((r) => r.type === ROOT_STACK_TYPE && !r.delete);
  return root?.outputs ?? {};
}

export function toOutputMap(props: PropertyMap): OutputMap {
  const out: OutputMap = {};
  for (const [k, v] of Object.entries(props)) out[k] = { value: unwrapSecrets(v), secret: containsSecrets(v) };
  return out;
}
