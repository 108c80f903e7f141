// A dynamic provider class exported as the module's default export.
import type { ResourceProvider } from "../dynamic/resource-provider.js";

export default class DefaultProvider implements ResourceProvider {
  constructor(public prefix: string) {}
  async create(inputs: { name: string }) {
    return { id: `${this.prefix}-${inputs.name}`, outs: inputs };
  }
}
