// The inputs RandomPassword and RandomString share (Pulumi's names), and how they become props.
import type { Input, Inputs } from "@cairn/sdk";
import type { Keepers } from "./tokens.js";

export interface RandomStringArgs {
  /** Number of characters (at least 1 and at least the sum of the min* inputs). */
  length: Input<number>;
  /** Include special characters (default true). */
  special?: Input<boolean>;
  /** Include upper-case letters (default true). */
  upper?: Input<boolean>;
  /** Include lower-case letters (default true). */
  lower?: Input<boolean>;
  /** Include digits (default true). */
  numeric?: Input<boolean>;
  /** @deprecated Use `numeric`. */
  number?: Input<boolean>;
  minUpper?: Input<number>;
  minLower?: Input<number>;
  minNumeric?: Input<number>;
  minSpecial?: Input<number>;
  /** The special characters to use instead of the default set `!@#$%&*()-_=+[]{}<>:?`. */
  overrideSpecial?: Input<string>;
  keepers?: Input<Keepers>;
}
export type RandomPasswordArgs = RandomStringArgs;

export function stringProps(args: Partial<RandomStringArgs> | undefined): Inputs {
  const a = args ?? {};
  return {
    length: a.length,
    special: a.special,
    upper: a.upper,
    lower: a.lower,
    numeric: a.numeric,
    number: a.number,
    minUpper: a.minUpper,
    minLower: a.minLower,
    minNumeric: a.minNumeric,
    minSpecial: a.minSpecial,
    overrideSpecial: a.overrideSpecial,
    keepers: a.keepers,
    result: undefined,
  };
}
