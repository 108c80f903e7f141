// RandomInteger: a random whole number in [min, max].
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { RANDOM_TOKENS, type Keepers } from "./tokens.js";

export interface RandomIntegerArgs {
  min: Input<number>;
  max: Input<number>;
  /** Makes the result deterministic: the same seed (and range) always yields the same number. */
  seed?: Input<string>;
  keepers?: Input<Keepers>;
}

export class RandomInteger extends CustomResource {
  /** Adopts an existing number: ID "result,min,max[,seed]" or a bare number. */
  static get(name: string, id: Input<string>, opts?: CustomResourceOptions): RandomInteger {
    return new RandomInteger(name, undefined, { ...opts, id });
  }

  declare readonly min: Output<number>;
  declare readonly max: Output<number>;
  declare readonly seed: Output<string | undefined>;
  declare readonly keepers: Output<Keepers | undefined>;
  declare readonly result: Output<number>;

  constructor(name: string, args: RandomIntegerArgs | undefined, opts?: CustomResourceOptions) {
    super(RANDOM_TOKENS.RandomInteger, name, { min: args?.min, max: args?.max, seed: args?.seed, keepers: args?.keepers, result: undefined }, opts);
  }
}
