// Dynamic providers that are NOT exported: describeProvider must refuse them clearly.
import type * as cairn from "@cairn/sdk";

class HiddenProvider implements cairn.dynamic.ResourceProvider {
  async create(): Promise<cairn.dynamic.CreateResult> {
    return { id: "hidden" };
  }
}

export function makeHiddenInstance(): cairn.dynamic.ResourceProvider {
  return new HiddenProvider();
}

export function makeHiddenObject(): cairn.dynamic.ResourceProvider {
  return {
    async create() {
      return { id: "hidden-object" };
    },
  };
}
