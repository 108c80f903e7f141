// What each random resource type supplies to the shared provider: its input schema, the checks
// that span several inputs, how to generate its outputs, and how to import an existing value.
import type { CheckFailure, PropertyMap } from "@cairn/protocol";
import type { InputSchema as Schema, SchemaValues as Values } from "@cairn/protocol";

export interface Generated {
  id: string;
  /** Only the computed outputs; the provider adds the inputs. */
  outputs: PropertyMap;
}

export interface Imported {
  id: string;
  inputs: PropertyMap;
  /** Computed outputs only, as for Generated. */
  outputs: PropertyMap;
}

export interface ResourceKind {
  token: string;
  schema: Schema;
  /** Output names computed by create (unknown during preview). */
  computed: string[];
  /**
   * Cross-input checks on the known values; may also complete `inputs` (e.g. keep `number` and
   * `numeric` in step). Pushes every problem found.
   */
  validate?(values: Values, inputs: PropertyMap, failures: CheckFailure[]): void;
  generate(values: Values): Generated;
  /** Adopts an existing value by ID (`cairn import`); absent when import is not supported. */
  importId?(id: string): Imported;
}
