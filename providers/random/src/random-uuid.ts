// RandomUuid: a random version-4 UUID.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { RANDOM_TOKENS, type Keepers } from "./tokens.js";

export interface RandomUuidArgs {
  keepers?: Input<Keepers>;
}

export class RandomUuid extends CustomResource {
  /** Adopts an existing UUID (the ID is the UUID). */
  static get(name: string, id: Input<string>, opts?: CustomResourceOptions): RandomUuid {
    return new RandomUuid(name, undefined, { ...opts, id });
  }

  declare readonly keepers: Output<Keepers | undefined>;
  declare readonly result: Output<string>;

  constructor(name: string, args?: RandomUuidArgs, opts?: CustomResourceOptions) {
    super(RANDOM_TOKENS.RandomUuid, name, { keepers: args?.keepers, result: undefined }, opts);
  }
}
