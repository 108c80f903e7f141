// RandomPet: a readable random name such as "merry-otter"; the name is the resource's `id`.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { RANDOM_TOKENS, type Keepers } from "./tokens.js";

export interface RandomPetArgs {
  /** Number of words (default 2). */
  length?: Input<number>;
  /** Text put before the name, joined with the separator. */
  prefix?: Input<string>;
  /** Between words (default "-"). */
  separator?: Input<string>;
  keepers?: Input<Keepers>;
}

export class RandomPet extends CustomResource {
  /** Adopts an existing pet name (the ID is the name, words joined by "-"). */
  static get(name: string, id: Input<string>, opts?: CustomResourceOptions): RandomPet {
    return new RandomPet(name, undefined, { ...opts, id });
  }

  declare readonly length: Output<number>;
  declare readonly prefix: Output<string | undefined>;
  declare readonly separator: Output<string>;
  declare readonly keepers: Output<Keepers | undefined>;

  constructor(name: string, args?: RandomPetArgs, opts?: CustomResourceOptions) {
    super(RANDOM_TOKENS.RandomPet, name, { length: args?.length, prefix: args?.prefix, separator: args?.separator, keepers: args?.keepers }, opts);
  }
}
