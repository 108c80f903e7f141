// Pulumi's entrypoint form: a default-exported async function whose result is the stack outputs.
import { CustomResource } from "@cairn/sdk";

export default async () => {
  const cache = new CustomResource("test:index:Cache", "cache", { nodes: await Promise.resolve(2) });
  return { cacheId: cache.id };
};
