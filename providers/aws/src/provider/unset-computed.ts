// Computed inputs the program left unset (AWS chose the value): a read that knows the recorded
// inputs reports them as outputs only, so a refresh without drift changes nothing, while create
// still records AWS's choice and import (no recorded inputs) still shows them as inputs.
import type { FieldSpec, ReadResult } from "./resource-definition.js";
import type { Plain } from "./values.js";

export function unsetComputedAsOutputs(fields: Record<string, FieldSpec>, read: ReadResult, recorded: Plain | undefined): ReadResult {
  if (recorded === undefined) return read;
  const inputs: Plain = { ...read.inputs };
  const outputs: Plain = { ...read.outputs };
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.computed !== true || recorded[key] !== undefined || inputs[key] === undefined) continue;
    outputs[key] = inputs[key]!;
    delete inputs[key];
  }
  return { ...read, inputs, outputs };
}
