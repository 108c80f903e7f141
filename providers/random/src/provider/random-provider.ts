// The random Provider: routes each request to the resource kind named by its type token. Values
// are generated once on create and kept until an input changes (which replaces the resource);
// read returns the recorded state, or adopts an existing value on import.
import {
  CairnError,
  ErrorCodes,
  UNKNOWN,
  type CheckRequest,
  type CheckResponse,
  type CreateRequest,
  type CreateResponse,
  type DiffRequest,
  type DiffResponse,
  type PropertyMap,
  type Provider,
  type ReadRequest,
  type ReadResponse,
  type UpdateRequest,
  type UpdateResponse,
} from "@cairn/protocol";
import { randomId } from "./random-id.js";
import { randomInteger } from "./random-integer.js";
import { randomPet } from "./random-pet.js";
import { randomShuffle } from "./random-shuffle.js";
import { randomUuid } from "./random-uuid.js";
import { randomPassword, randomString } from "./password-string.js";
import { replaceOnAnyChange } from "./replace-diff.js";
import type { ResourceKind } from "./resource-kind.js";
import { checkSchema } from "@cairn/protocol";

export const RESOURCE_KINDS: readonly ResourceKind[] = [randomPassword, randomString, randomId, randomInteger, randomUuid, randomPet, randomShuffle];
const BY_TOKEN = new Map(RESOURCE_KINDS.map((k) => [k.token, k]));

function kindOf(type: string, urn: string): ResourceKind {
  const kind = BY_TOKEN.get(type);
  if (kind === undefined) {
    throw new CairnError({
      code: ErrorCodes.InvalidInput,
      source: "user",
      urn,
      message: `the random provider has no resource type "${type}" (known: ${[...BY_TOKEN.keys()].join(", ")})`,
    });
  }
  return kind;
}

function checkInputs(kind: ResourceKind, news: PropertyMap): CheckResponse & { hasUnknowns: boolean; values: ReturnType<typeof checkSchema>["values"] } {
  const r = checkSchema(kind.token, news, kind.schema);
  kind.validate?.(r.values, r.inputs, r.failures);
  return { inputs: r.inputs, failures: r.failures, hasUnknowns: r.hasUnknowns, values: r.values };
}

function generate(kind: ResourceKind, inputs: PropertyMap, preview: boolean, urn: string): CreateResponse {
  const checked = checkInputs(kind, inputs);
  if (preview || checked.hasUnknowns) {
    if (!preview) throw new CairnError({ code: ErrorCodes.Internal, source: "internal", urn, message: "internal error (this is a bug in Cairn): create called with unknown inputs outside preview" });
    const outputs: PropertyMap = { ...checked.inputs };
    for (const k of kind.computed) outputs[k] = UNKNOWN;
    return { id: "", outputs };
  }
  if (checked.failures && checked.failures.length > 0) {
    throw new CairnError({ code: ErrorCodes.ProviderCheckFailed, source: "user", urn, message: `invalid inputs for ${urn}: ${checked.failures.map((f) => f.reason).join("; ")}` });
  }
  const g = kind.generate(checked.values);
  return { id: g.id, outputs: { ...checked.inputs, ...g.outputs } };
}

export function createRandomProvider(): Provider {
  return {
    async checkConfig(req) {
      return { inputs: req.news };
    },
    async configure() {
      return { acceptSecrets: true };
    },
    async check(req: CheckRequest): Promise<CheckResponse> {
      const { inputs, failures } = checkInputs(kindOf(req.type, req.urn), req.news);
      return failures && failures.length > 0 ? { inputs, failures } : { inputs };
    },
    async diff(req: DiffRequest): Promise<DiffResponse> {
      kindOf(req.type, req.urn);
      return replaceOnAnyChange(req);
    },
    async create(req: CreateRequest): Promise<CreateResponse> {
      return generate(kindOf(req.type, req.urn), req.inputs, req.preview, req.urn);
    },
    async read(req: ReadRequest): Promise<ReadResponse> {
      const kind = kindOf(req.type, req.urn);
      if (req.state !== undefined) return { id: req.id, inputs: req.inputs ?? {}, outputs: req.state };
      if (kind.importId === undefined) {
        throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", urn: req.urn, message: `${kind.token} cannot be imported: create it with cairn up instead` });
      }
      const imported = kind.importId(req.id);
      const inputs = checkInputs(kind, imported.inputs).inputs;
      return { id: imported.id, inputs, outputs: { ...inputs, ...imported.outputs } };
    },
    async update(req: UpdateRequest): Promise<UpdateResponse> {
      const kind = kindOf(req.type, req.urn);
      const outputs: PropertyMap = { ...req.news };
      for (const k of kind.computed) if (req.olds[k] !== undefined) outputs[k] = req.olds[k]!;
      return { outputs };
    },
    async delete() {},
    async invoke(req) {
      throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `the random provider has no function "${req.token}"` });
    },
    async cancel() {},
  };
}
