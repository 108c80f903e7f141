// A dynamic provider written as an exported object literal.
import type * as cairn from "@cairn/sdk";

export const labelProvider: cairn.dynamic.ResourceProvider = {
  async create(inputs: { text: string }) {
    return { id: `label-${inputs.text}`, outs: { text: inputs.text.toUpperCase() } };
  },
};
