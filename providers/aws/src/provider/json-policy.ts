// JSON documents given as a string or an object (IAM and bucket policies): normalization to the
// string AWS takes, and semantic equality so formatting differences are not changes.
import { propertyValuesEqual, type PropertyValue } from "@cairn/protocol";

export function jsonText(v: PropertyValue | undefined): string | undefined {
  if (v === undefined || v === null) return undefined;
  return typeof v === "string" ? v : JSON.stringify(v);
}

function parsed(v: PropertyValue | undefined): PropertyValue | undefined {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v) as PropertyValue;
  } catch {
    return v;
  }
}

/** True when both documents parse to the same JSON value (key order and whitespace aside). */
export function jsonEqual(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  return propertyValuesEqual(parsed(a), parsed(b));
}
