// RandomPassword and RandomString: a string of `length` characters drawn from the enabled classes
// (upper, lower, numeric, special), with at least min* of each, shuffled so the guaranteed
// characters are not at fixed positions. RandomPassword's result is always secret.
import { CairnError, ErrorCodes, makeSecret, type CheckFailure, type PropertyMap } from "@cairn/protocol";
import { cryptoRng, shuffled, type Rng } from "./rng.js";
import type { Generated, Imported, ResourceKind } from "./resource-kind.js";
import type { InputSchema as Schema, SchemaValues as Values } from "@cairn/protocol";

const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const LOWER = "abcdefghijklmnopqrstuvwxyz";
const NUMERIC = "0123456789";
export const DEFAULT_SPECIAL = "!@#$%&*()-_=+[]{}<>:?";

const schema: Schema = {
  length: { kind: "integer", required: true, min: 1 },
  special: { kind: "boolean", default: true },
  upper: { kind: "boolean", default: true },
  lower: { kind: "boolean", default: true },
  numeric: { kind: "boolean" },
  number: { kind: "boolean" },
  minUpper: { kind: "integer", min: 0, default: 0 },
  minLower: { kind: "integer", min: 0, default: 0 },
  minNumeric: { kind: "integer", min: 0, default: 0 },
  minSpecial: { kind: "integer", min: 0, default: 0 },
  overrideSpecial: { kind: "string" },
  keepers: { kind: "map" },
};

interface CharClass {
  name: string;
  enabled: string;
  min: string;
  chars: string;
}

function classes(values: Values): CharClass[] {
  return [
    { name: "upper", enabled: "upper", min: "minUpper", chars: UPPER },
    { name: "lower", enabled: "lower", min: "minLower", chars: LOWER },
    { name: "numeric", enabled: "numeric", min: "minNumeric", chars: NUMERIC },
    { name: "special", enabled: "special", min: "minSpecial", chars: values.str("overrideSpecial") ?? DEFAULT_SPECIAL },
  ];
}

/** `number` is the older name of `numeric`: either may be given; both are stored, equal. */
function syncNumeric(values: Values, inputs: PropertyMap, failures: CheckFailure[]): void {
  const numeric = values.bool("numeric");
  const number = values.bool("number");
  if (numeric !== undefined && number !== undefined && numeric !== number) {
    failures.push({ property: "number", reason: `number (${number}) and numeric (${numeric}) disagree; "number" is the older name of "numeric", set only numeric` });
    return;
  }
  if (!("numeric" in inputs) && !("number" in inputs)) {
    inputs.numeric = true;
    inputs.number = true;
  } else if (!("numeric" in inputs)) inputs.numeric = inputs.number!;
  else if (!("number" in inputs)) inputs.number = inputs.numeric!;
}

function validate(values: Values, inputs: PropertyMap, failures: CheckFailure[]): void {
  syncNumeric(values, inputs, failures);
  const enabled = (key: string): boolean | undefined => (key === "numeric" ? (values.bool("numeric") ?? values.bool("number") ?? true) : values.bool(key));
  let minSum = 0;
  let anyEnabled = false;
  let allKnown = true;
  for (const c of classes(values)) {
    const on = enabled(c.enabled);
    const min = values.int(c.min);
    if (on === undefined || min === undefined) allKnown = false;
    if (on && c.chars.length > 0) anyEnabled = true;
    if (on === false && min !== undefined && min > 0) failures.push({ property: c.min, reason: `${c.min} is ${min} but ${c.enabled} is false; enable ${c.enabled} or set ${c.min} to 0` });
    if (on && c.chars.length === 0 && min !== undefined && min > 0) failures.push({ property: "overrideSpecial", reason: `overrideSpecial is empty but minSpecial is ${min}` });
    minSum += min ?? 0;
  }
  const length = values.int("length");
  if (length !== undefined && minSum > length) {
    failures.push({ property: "length", reason: `length (${length}) is less than the sum of minUpper, minLower, minNumeric and minSpecial (${minSum})` });
  }
  if (allKnown && !anyEnabled) failures.push({ property: "", reason: "every character class is disabled (upper, lower, numeric and special are all false); enable at least one" });
}

/** Draws the string: min* characters of each class, the rest from all enabled classes, shuffled. */
export function generateString(values: Values, rng: Rng = cryptoRng): string {
  const length = values.int("length")!;
  const chosen: string[] = [];
  let pool = "";
  for (const c of classes(values)) {
    const on = c.enabled === "numeric" ? (values.bool("numeric") ?? values.bool("number") ?? true) : values.bool(c.enabled) !== false;
    if (!on) continue;
    pool += c.chars;
    for (let i = 0; i < (values.int(c.min) ?? 0); i++) chosen.push(c.chars[rng.below(c.chars.length)]!);
  }
  const chars = [...new Set(pool)].join("");
  while (chosen.length < length) chosen.push(chars[rng.below(chars.length)]!);
  return shuffled(chosen, rng).join("");
}

function importInputs(id: string): PropertyMap {
  return { length: id.length, special: true, upper: true, lower: true, numeric: true, number: true, minUpper: 0, minLower: 0, minNumeric: 0, minSpecial: 0 };
}

function importCheck(token: string, id: string): void {
  if (id.length === 0) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `cannot import ${token}: the ID is the value to adopt and must not be empty` });
}

export const randomPassword: ResourceKind = {
  token: "random:index/randomPassword:RandomPassword",
  schema,
  computed: ["result"],
  validate,
  generate(values: Values): Generated {
    return { id: "none", outputs: { result: makeSecret(generateString(values)) } };
  },
  importId(id: string): Imported {
    importCheck(this.token, id);
    return { id: "none", inputs: importInputs(id), outputs: { result: makeSecret(id) } };
  },
};

export const randomString: ResourceKind = {
  token: "random:index/randomString:RandomString",
  schema,
  computed: ["result"],
  validate,
  generate(values: Values): Generated {
    const result = generateString(values);
    return { id: result, outputs: { result } };
  },
  importId(id: string): Imported {
    importCheck(this.token, id);
    return { id, inputs: importInputs(id), outputs: { result: id } };
  },
};
