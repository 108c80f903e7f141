// RandomInteger: a uniform integer in [min, max]; with `seed` the same seed always yields the same
// value (Cairn's own seeded stream, so it differs from Terraform's for the same seed). Import takes
// "result,min,max[,seed]" as Terraform does, or a bare number (min = max = result).
import { CairnError, ErrorCodes, type CheckFailure, type PropertyMap } from "@cairn/protocol";
import { cryptoRng, seededRng } from "./rng.js";
import type { Generated, Imported, ResourceKind } from "./resource-kind.js";
import type { SchemaValues as Values } from "@cairn/protocol";

const TOKEN = "random:index/randomInteger:RandomInteger";

function badImport(id: string): CairnError {
  return new CairnError({
    code: ErrorCodes.InvalidInput,
    source: "user",
    message: `cannot import ${TOKEN} with ID ${JSON.stringify(id)}: use "result,min,max" or "result,min,max,seed" (whole numbers, min <= result <= max), or a bare whole number`,
  });
}

export const randomInteger: ResourceKind = {
  token: TOKEN,
  schema: {
    min: { kind: "integer", required: true },
    max: { kind: "integer", required: true },
    seed: { kind: "string" },
    keepers: { kind: "map" },
  },
  computed: ["result"],
  validate(values: Values, _inputs: PropertyMap, failures: CheckFailure[]): void {
    const min = values.int("min");
    const max = values.int("max");
    if (min !== undefined && max !== undefined && min > max) failures.push({ property: "min", reason: `min (${min}) is greater than max (${max})` });
  },
  generate(values: Values): Generated {
    const seed = values.str("seed");
    const rng = seed === undefined ? cryptoRng : seededRng(seed);
    const result = Number(rng.between(BigInt(values.int("min")!), BigInt(values.int("max")!)));
    return { id: String(result), outputs: { result } };
  },
  importId(id: string): Imported {
    const parts = id.split(",");
    if (parts.length !== 1 && parts.length !== 3 && parts.length !== 4) throw badImport(id);
    const nums = parts.slice(0, 3).map((p) => (/^-?\d+$/.test(p.trim()) ? Number(p.trim()) : NaN));
    if (nums.some((n) => !Number.isSafeInteger(n))) throw badImport(id);
    const [result, min = result, max = result] = nums as [number, number?, number?];
    if (min > result || result > max) throw badImport(id);
    const inputs: PropertyMap = { min, max };
    if (parts[3] !== undefined) inputs.seed = parts[3];
    return { id: String(result), inputs, outputs: { result } };
  },
};
