// Test double of the engine's ResourceMonitor: answers the handshake, records every registration
// and echoes inputs back as outputs (custom resources get an ID), like a provider that changes nothing.
import { makeUrn, type PropertyMap, type RegisterResourceRequest, type ResourceMonitor, type Urn } from "@cairn/protocol";

export interface RecordingMonitor extends ResourceMonitor {
  registrations: RegisterResourceRequest[];
  outputs: Map<Urn, PropertyMap>;
  /** Types of registered resources, in order (root stack included). */
  types(): string[];
}

export function recordingMonitor(req: { project?: string; stack?: string; rootDirectory?: string; dryRun?: boolean } = {}): RecordingMonitor {
  const project = req.project ?? "proj";
  const stack = req.stack ?? "dev";
  const registrations: RegisterResourceRequest[] = [];
  const outputs = new Map<Urn, PropertyMap>();
  return {
    registrations,
    outputs,
    types: () => registrations.map((r) => r.type),
    handshake: async () => ({ project, stack, dryRun: req.dryRun ?? false, config: {}, configSecretKeys: [], ...(req.rootDirectory ? { rootDirectory: req.rootDirectory } : {}) }),
    registerResource: async (r) => {
      registrations.push(r);
      const urn = makeUrn({ project, stack, type: r.type, name: r.name, ...(r.parent ? { parent: r.parent } : {}) });
      return { urn, ...(r.custom ? { id: `${r.name}-id` } : {}), object: r.object };
    },
    registerResourceOutputs: async (r) => {
      outputs.set(r.urn, r.outputs);
    },
    readResource: async (r) => ({ urn: makeUrn({ project, stack, type: r.type, name: r.name }), properties: r.properties }),
    invoke: async () => ({ return: {} }),
    log: async () => {},
  };
}
