// The command Provider: routes each request to local.Command or local.File by type token, and
// stops every command in flight when the engine cancels. The base environment for commands comes
// from the host (ProviderFactoryContext.env); this library never reads process.env.
import { CairnError, ErrorCodes, type Provider, type ProviderFactoryContext } from "@cairn/protocol";
import { localCommand } from "./local-command.js";
import { localFile } from "./local-file.js";
import type { HandlerContext, ResourceHandler } from "./resource-handler.js";

function baseEnv(env: ProviderFactoryContext["env"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env ?? {})) if (v !== undefined) out[k] = v;
  return out;
}

export function createCommandProvider(factory: ProviderFactoryContext): Provider {
  const ctx: HandlerContext = { rootDirectory: factory.rootDirectory, env: baseEnv(factory.env) };
  const handlers = new Map<string, ResourceHandler>([localCommand(ctx), localFile(ctx)].map((h) => [h.token, h]));
  const cancelled = new AbortController();
  const handler = (type: string, urn: string): ResourceHandler => {
    const h = handlers.get(type);
    if (h === undefined) {
      throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", urn, message: `the command provider has no resource type "${type}" (known: ${[...handlers.keys()].join(", ")})` });
    }
    return h;
  };
  const signalFor = (signal: AbortSignal | undefined): AbortSignal => (signal === undefined ? cancelled.signal : AbortSignal.any([signal, cancelled.signal]));
  return {
    async checkConfig(req) {
      return { inputs: req.news };
    },
    async configure() {
      return { acceptSecrets: true };
    },
    async check(req) {
      return handler(req.type, req.urn).check(req);
    },
    async diff(req) {
      return handler(req.type, req.urn).diff(req);
    },
    async create(req, signal) {
      return handler(req.type, req.urn).create(req, signalFor(signal));
    },
    async read(req) {
      return handler(req.type, req.urn).read(req);
    },
    async update(req, signal) {
      return handler(req.type, req.urn).update(req, signalFor(signal));
    },
    async delete(req, signal) {
      return handler(req.type, req.urn).delete(req, signalFor(signal));
    },
    async invoke(req) {
      throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `the command provider has no function "${req.token}"` });
    },
    async cancel() {
      cancelled.abort();
    },
  };
}
