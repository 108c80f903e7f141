// RandomString: a random string (not secret; use RandomPassword for secrets).
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { stringProps, type RandomStringArgs } from "./string-args.js";
import { RANDOM_TOKENS, type Keepers } from "./tokens.js";

export class RandomString extends CustomResource {
  /** Adopts (reads) an existing RandomString by ID (the ID is the string). */
  static get(name: string, id: Input<string>, opts?: CustomResourceOptions): RandomString {
    return new RandomString(name, undefined, { ...opts, id });
  }

  declare readonly length: Output<number>;
  declare readonly special: Output<boolean>;
  declare readonly upper: Output<boolean>;
  declare readonly lower: Output<boolean>;
  declare readonly numeric: Output<boolean>;
  declare readonly number: Output<boolean>;
  declare readonly minUpper: Output<number>;
  declare readonly minLower: Output<number>;
  declare readonly minNumeric: Output<number>;
  declare readonly minSpecial: Output<number>;
  declare readonly overrideSpecial: Output<string | undefined>;
  declare readonly keepers: Output<Keepers | undefined>;
  /** The generated string. */
  declare readonly result: Output<string>;

  constructor(name: string, args: RandomStringArgs | undefined, opts?: CustomResourceOptions) {
    super(RANDOM_TOKENS.RandomString, name, stringProps(args), opts);
  }
}
