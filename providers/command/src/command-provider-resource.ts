// An explicit command provider instance (Pulumi's `command.Provider`); it takes no configuration.
import { ProviderResource, type CustomResourceOptions } from "@cairn/sdk";

export class Provider extends ProviderResource {
  constructor(name: string, _args?: Record<string, never>, opts?: CustomResourceOptions) {
    super("command", name, {}, opts);
  }
}
