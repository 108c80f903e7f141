// StackReference: reads another stack's outputs through monitor.readResource (type
// cairn:cairn:StackReference, id = the stack's name); secret outputs stay secret.
import {
  CairnError,
  ErrorCodes,
  STACK_REFERENCE_TYPE,
  containsSecrets,
  isPropertyMap,
  unwrapSecrets,
  type PropertyMap,
} from "@cairn/protocol";
import { makeOutput, output, outputData, type Input, type Output, type OutputData } from "./output.js";
import { CustomResource } from "./resource.js";
import { RESOURCE_STATE } from "./resource-internals.js";
import type { ResourceOptions } from "./resource-options.js";

export interface StackReferenceArgs {
  /** The referenced stack, "org/project/stack" (defaults to the resource name). */
  name?: Input<string>;
}

export type StackReferenceOutputDetails = { value: unknown } | { secretValue: unknown } | Record<string, never>;

export class StackReference extends CustomResource {
  declare readonly name: Output<string>;
  /** Every output of the referenced stack. */
  declare readonly outputs: Output<Record<string, any>>;
  /** The names of the referenced stack's secret outputs. */
  declare readonly secretOutputNames: Output<string[]>;

  constructor(name: string, args: StackReferenceArgs = {}, opts: ResourceOptions = {}) {
    const stackName = args.name ?? name;
    super(STACK_REFERENCE_TYPE, name, { name: stackName, outputs: undefined, secretOutputNames: undefined }, { ...opts, id: stackName });
  }

  private async lookup(name: Input<string>): Promise<{ stack: string; key: string; present: boolean; data: OutputData<unknown> }> {
    const r = await this[RESOURCE_STATE].registration;
    const key = String((await outputData(output(name))).value);
    const outputs: PropertyMap = isPropertyMap(r.object["outputs"]) ? r.object["outputs"] : {};
    const secretNames = Array.isArray(r.object["secretOutputNames"]) ? r.object["secretOutputNames"] : [];
    const v = outputs[key];
    const secret = (v !== undefined && containsSecrets(v)) || secretNames.includes(key);
    const data = { value: v === undefined ? undefined : unwrapSecrets(v), known: true, secret, resources: [this] };
    return { stack: String(r.id), key, present: v !== undefined, data };
  }

  /** One output of the referenced stack (undefined when it does not exist); secret when it is. */
  getOutput(name: Input<string>): Output<any> {
    return this.tracked(this.lookup(name).then((l) => l.data));
  }

  /** Like getOutput, but fails the program when the output does not exist. */
  requireOutput(name: Input<string>): Output<any> {
    return this.tracked(
      this.lookup(name).then((l) => {
        if (!l.present) {
          throw new CairnError({
            code: ErrorCodes.InvalidInput,
            source: "user",
            property: l.key,
            message: `required output "${l.key}" does not exist on stack "${l.stack}" (StackReference "${this[RESOURCE_STATE].name}"); export it from that stack or use getOutput`,
          });
        }
        return l.data;
      }),
    );
  }

  /** The output's value, as {value} or (for a secret output) {secretValue}; {} when absent. */
  async getOutputDetails(name: string): Promise<StackReferenceOutputDetails> {
    const l = await this.lookup(name);
    if (!l.present) return {};
    return l.data.secret ? { secretValue: l.data.value } : { value: l.data.value };
  }

  private tracked<T>(p: Promise<OutputData<T>>): Output<T> {
    const ctx = this[RESOURCE_STATE].ctx;
    p.catch((e: unknown) => ctx.fail(e));
    ctx.track(p);
    return makeOutput(p);
  }
}
