// Delete-before-replace reaches further than one resource: a dependent whose inputs come from the
// replaced resource, and that would itself be replaced once those inputs change, must be deleted
// before it. We ask each dependent's provider to diff its inputs with the dependent properties
// made unknown; those that would be replaced are deleted first (deepest first) and kept in state
// as pendingReplacement placeholders until the program registers them again.
import { UNKNOWN, isProviderType, type PropertyMap } from "@cairn/protocol";
import type { ResourceState } from "@cairn/state";
import type { DeploymentContext } from "./context.js";
import { currentSnapshot } from "./current-state.js";
import { protectedError } from "./step-generator.js";

/** Inputs of `d` with every property that came from `urn` made unknown; undefined when none did. */
function inputsWithUnknowns(d: ResourceState, urn: string): PropertyMap | undefined {
  const keys = Object.entries(d.propertyDependencies).filter(([, deps]) => deps.includes(urn)).map(([k]) => k);
  if (keys.length === 0) return undefined;
  const news: PropertyMap = { ...d.inputs };
  for (const k of keys) news[k] = UNKNOWN;
  return news;
}

/** The live dependents of `root` that a replacement of it would replace, dependents-of-dependents first. */
export async function dependentsToReplace(ctx: DeploymentContext, root: ResourceState): Promise<ResourceState[]> {
  const live = currentSnapshot(ctx).resources.filter((r) => !r.delete && !r.pendingReplacement && r.custom && !isProviderType(r.type) && !r.external);
  const out: ResourceState[] = [];
  const visit = async (r: ResourceState): Promise<void> => {
    for (const d of live) {
      if (out.includes(d)) continue;
      const news = inputsWithUnknowns(d, r.urn);
      if (!news) continue;
      const provider = await ctx.registry.forResource(d);
      const diff = await provider.diff({ urn: d.urn, type: d.type, id: d.id ?? "", olds: d.outputs, oldInputs: d.inputs, news, ignoreChanges: d.ignoreChanges ?? [] }, ctx.force);
      if ((diff.replaces ?? []).length === 0) continue;
      if (d.protect) throw protectedError(d.urn, "replace");
      await visit(d);
      out.push(d);
    }
  };
  await visit(root);
  return out;
}
