// RandomShuffle: a random permutation of `inputs`, cut to `resultCount` items (more than the
// inputs repeats further permutations, as Terraform does). With `seed` the order is
// deterministic. Import is not supported (Terraform does not support it either).
import type { CheckFailure, PropertyMap } from "@cairn/protocol";
import { cryptoRng, seededRng, shuffled } from "./rng.js";
import type { Generated, ResourceKind } from "./resource-kind.js";
import type { SchemaValues as Values } from "@cairn/protocol";

export const randomShuffle: ResourceKind = {
  token: "random:index/randomShuffle:RandomShuffle",
  schema: {
    inputs: { kind: "string[]", required: true },
    resultCount: { kind: "integer", min: 0 },
    seed: { kind: "string" },
    keepers: { kind: "map" },
  },
  computed: ["results"],
  validate(values: Values, _inputs: PropertyMap, failures: CheckFailure[]): void {
    const items = values.strings("inputs");
    const count = values.int("resultCount");
    if (items !== undefined && items.length === 0 && count !== undefined && count > 0) {
      failures.push({ property: "resultCount", reason: `resultCount is ${count} but inputs is empty` });
    }
  },
  generate(values: Values): Generated {
    const items = values.strings("inputs")!;
    const count = values.int("resultCount") ?? items.length;
    const seed = values.str("seed");
    const rng = seed === undefined ? cryptoRng : seededRng(seed);
    const results: string[] = [];
    while (results.length < count) results.push(...shuffled(items, rng));
    return { id: "-", outputs: { results: results.slice(0, count) } };
  },
};
