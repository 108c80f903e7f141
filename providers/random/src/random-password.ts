// RandomPassword: a random string whose result is always secret.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { stringProps, type RandomPasswordArgs } from "./string-args.js";
import { RANDOM_TOKENS, type Keepers } from "./tokens.js";

export class RandomPassword extends CustomResource {
  /** Adopts (reads) an existing RandomPassword by ID. */
  static get(name: string, id: Input<string>, opts?: CustomResourceOptions): RandomPassword {
    return new RandomPassword(name, undefined, { ...opts, id });
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
  /** The generated password (secret). */
  declare readonly result: Output<string>;

  constructor(name: string, args: RandomPasswordArgs | undefined, opts?: CustomResourceOptions) {
    super(RANDOM_TOKENS.RandomPassword, name, stringProps(args), { ...opts, additionalSecretOutputs: [...(opts?.additionalSecretOutputs ?? []), "result"] });
  }
}
