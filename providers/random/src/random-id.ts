// RandomId: random bytes in several encodings, for unique resource names.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { RANDOM_TOKENS, type Keepers } from "./tokens.js";

export interface RandomIdArgs {
  /** Number of random bytes (at least 1). */
  byteLength: Input<number>;
  /** Text put before every encoded output (not before the ID). */
  prefix?: Input<string>;
  keepers?: Input<Keepers>;
}

export class RandomId extends CustomResource {
  /** Adopts an existing RandomId by its unprefixed URL-safe base64 ID ("prefix,b64url" for a prefix). */
  static get(name: string, id: Input<string>, opts?: CustomResourceOptions): RandomId {
    return new RandomId(name, undefined, { ...opts, id });
  }

  declare readonly byteLength: Output<number>;
  declare readonly prefix: Output<string | undefined>;
  declare readonly keepers: Output<Keepers | undefined>;
  /** Prefix + hexadecimal bytes. */
  declare readonly hex: Output<string>;
  /** Prefix + standard base64 (with padding). */
  declare readonly b64Std: Output<string>;
  /** Prefix + URL-safe base64 (no padding). */
  declare readonly b64Url: Output<string>;
  /** Prefix + the bytes as a big-endian decimal number. */
  declare readonly dec: Output<string>;

  constructor(name: string, args: RandomIdArgs | undefined, opts?: CustomResourceOptions) {
    super(RANDOM_TOKENS.RandomId, name, { byteLength: args?.byteLength, prefix: args?.prefix, keepers: args?.keepers, hex: undefined, b64Std: undefined, b64Url: undefined, dec: undefined }, opts);
  }
}
