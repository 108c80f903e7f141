// Sources of randomness: node:crypto for ordinary resources, and a deterministic stream derived
// from a user's seed (SHA-256 in counter mode) for RandomInteger and RandomShuffle with `seed`.
// Both draw uniform integers by rejection sampling, so no value is favoured.
import { createHash, randomBytes, randomInt } from "node:crypto";

export interface Rng {
  /** A uniform integer in [0, n), for 0 < n <= 2^48. */
  below(n: number): number;
  /** A uniform integer in [min, max] (inclusive) of any size. */
  between(min: bigint, max: bigint): bigint;
}

function uniformBigint(bytes: (n: number) => Buffer, min: bigint, max: bigint): bigint {
  const span = max - min + 1n;
  if (span <= 0n) throw new RangeError(`empty range [${min}, ${max}]`);
  const bits = span.toString(2).length;
  const len = Math.ceil(bits / 8);
  const mask = (1n << BigInt(bits)) - 1n;
  for (;;) {
    const n = BigInt(`0x${bytes(len).toString("hex")}`) & mask;
    if (n < span) return min + n;
  }
}

export const cryptoRng: Rng = {
  below: (n) => randomInt(n),
  between: (min, max) => uniformBigint(randomBytes, min, max),
};

/** A deterministic Rng: the same seed always yields the same sequence. */
export function seededRng(seed: string): Rng {
  let counter = 0;
  let pool = Buffer.alloc(0);
  const bytes = (n: number): Buffer => {
    while (pool.length < n) {
      const block = createHash("sha256").update(`${seed}\u0000${counter++}`).digest();
      pool = Buffer.concat([pool, block]);
    }
    const out = pool.subarray(0, n);
    pool = pool.subarray(n);
    return out;
  };
  return {
    below: (n) => Number(uniformBigint(bytes, 0n, BigInt(n) - 1n)),
    between: (min, max) => uniformBigint(bytes, min, max),
  };
}

/** Fisher-Yates shuffle of a copy of `items`. */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
