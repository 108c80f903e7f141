// RandomShuffle: the inputs in a random order, optionally cut or repeated to resultCount items.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { RANDOM_TOKENS, type Keepers } from "./tokens.js";

export interface RandomShuffleArgs {
  inputs: Input<Input<string>[]>;
  /** Number of results (default: as many as inputs). */
  resultCount?: Input<number>;
  /** Makes the order deterministic. */
  seed?: Input<string>;
  keepers?: Input<Keepers>;
}

export class RandomShuffle extends CustomResource {
  declare readonly inputs: Output<string[]>;
  declare readonly resultCount: Output<number | undefined>;
  declare readonly seed: Output<string | undefined>;
  declare readonly keepers: Output<Keepers | undefined>;
  declare readonly results: Output<string[]>;

  constructor(name: string, args: RandomShuffleArgs, opts?: CustomResourceOptions) {
    super(RANDOM_TOKENS.RandomShuffle, name, { inputs: args.inputs, resultCount: args.resultCount, seed: args.seed, keepers: args.keepers, results: undefined }, opts);
  }
}
