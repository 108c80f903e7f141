// RandomPet: a readable name of `length` words joined by `separator` ("adverb-adjective-name"),
// optionally led by `prefix`. Import takes an existing name (words split on "-").
import { CairnError, ErrorCodes, type PropertyMap } from "@cairn/protocol";
import { ADJECTIVES, ADVERBS, NAMES } from "./pet-words.js";
import { cryptoRng, type Rng } from "./rng.js";
import type { Generated, Imported, ResourceKind } from "./resource-kind.js";
import type { SchemaValues as Values } from "@cairn/protocol";

const TOKEN = "random:index/randomPet:RandomPet";

function pick(words: readonly string[], rng: Rng): string {
  return words[rng.below(words.length)]!;
}

/** One name: `length - 2` adverbs, then an adjective (if length >= 2), then a name. */
export function petName(length: number, rng: Rng = cryptoRng): string[] {
  const words: string[] = [];
  for (let i = 0; i < length - 2; i++) words.push(pick(ADVERBS, rng));
  if (length >= 2) words.push(pick(ADJECTIVES, rng));
  words.push(pick(NAMES, rng));
  return words;
}

export const randomPet: ResourceKind = {
  token: TOKEN,
  schema: {
    length: { kind: "integer", min: 1, default: 2 },
    prefix: { kind: "string" },
    separator: { kind: "string", default: "-" },
    keepers: { kind: "map" },
  },
  computed: [],
  generate(values: Values): Generated {
    const words = petName(values.int("length")!);
    const prefix = values.str("prefix");
    if (prefix !== undefined) words.unshift(prefix);
    return { id: words.join(values.str("separator") ?? "-"), outputs: {} };
  },
  importId(id: string): Imported {
    const words = id.split("-");
    if (id.length === 0 || words.some((w) => w.length === 0)) {
      throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `cannot import ${TOKEN} with ID ${JSON.stringify(id)}: use the pet name itself, words joined by "-"` });
    }
    const inputs: PropertyMap = { length: words.length, separator: "-" };
    return { id, inputs, outputs: {} };
  },
};
