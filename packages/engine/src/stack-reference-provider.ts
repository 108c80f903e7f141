// The built-in provider behind "cairn:cairn:StackReference": a read returns another stack's
// outputs from the injected resolver. Every other operation is a no-op or unsupported.
import { CairnError, ErrorCodes, makeSecret, type PropertyMap, type Provider } from "@cairn/protocol";
import type { StackReferenceResolver } from "./deployment-types.js";

export function stackReferenceProvider(resolve: StackReferenceResolver | undefined): Provider {
  const read = async (id: string): Promise<{ id: string; inputs: PropertyMap; outputs: PropertyMap }> => {
    if (!resolve) {
      throw new CairnError({ code: ErrorCodes.StackNotFound, source: "user", message: `cannot read stack reference "${id}": no stack-reference resolver is configured for this deployment` });
    }
    const got = await resolve(id);
    const outputs: PropertyMap = {};
    for (const [k, v] of Object.entries(got.outputs)) outputs[k] = got.secretOutputNames.includes(k) ? makeSecret(v) : v;
    return { id, inputs: { name: id }, outputs: { name: id, outputs, secretOutputNames: got.secretOutputNames } };
  };
  const unsupported = (op: string): never => {
    throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `stack references are read-only: ${op} is not supported` });
  };
  return {
    checkConfig: async (req) => ({ inputs: req.news }),
    configure: async () => ({}),
    check: async (req) => ({ inputs: req.news }),
    diff: async () => ({ changes: "none" }),
    create: async (req) => {
      const name = typeof req.inputs["name"] === "string" ? req.inputs["name"] : unsupported("create without a name");
      return read(name);
    },
    read: async (req) => read(req.id),
    update: async () => unsupported("update"),
    delete: async () => undefined,
    invoke: async () => unsupported("invoke"),
    cancel: async () => undefined,
  };
}
