// Test helper: a real HTTP metadata service on 127.0.0.1 where environments register themselves
// (POST /environments), are read (GET), updated (PUT) and deregistered (DELETE /environments/:id).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Environment {
  name: string;
  tier: string;
  team: string;
}

export interface MetadataService {
  url: string;
  environments: Map<string, Environment>;
  /** Bearer tokens the service saw, in order. */
  tokens: string[];
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, string>;
}

export async function startMetadataService(): Promise<MetadataService> {
  const environments = new Map<string, Environment>();
  const tokens: string[] = [];
  let next = 1;
  const server: Server = createServer((req, res) => {
    void (async () => {
      tokens.push(req.headers.authorization ?? "");
      const id = /^\/environments\/([^/]+)$/.exec(req.url ?? "")?.[1];
      const send = (status: number, payload?: unknown): void => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(payload === undefined ? "" : JSON.stringify(payload));
      };
      if (req.method === "POST" && req.url === "/environments") {
        const b = await body(req);
        const newId = `env-${next++}`;
        environments.set(newId, { name: b.name!, tier: b.tier!, team: b.team! });
        return send(201, { id: newId });
      }
      if (id === undefined || !environments.has(id)) return send(404, { error: "not found" });
      if (req.method === "GET") return send(200, environments.get(id));
      if (req.method === "PUT") {
        const b = await body(req);
        environments.set(id, { ...environments.get(id)!, tier: b.tier! });
        return send(200, environments.get(id));
      }
      if (req.method === "DELETE") {
        environments.delete(id);
        return send(204);
      }
      return send(405);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    environments,
    tokens,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
