import { describeBackendConformance } from "./backend-conformance.js";
import { MemoryBackend } from "./memory-backend.js";

describeBackendConformance({
  name: "MemoryBackend",
  makeBackend: async (ctx) => {
    const backend = new MemoryBackend({ clock: ctx.clock, host: ctx.host });
    return { backend, cleanup: async () => undefined, dumpStorage: async () => backend.dump() };
  },
});
