// Test harness (not exported): runs moto_server on 127.0.0.1 on a free port in its own process
// group, waits until it answers, resets its state between tests and kills the group at the end.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export interface Moto {
  url: string;
  /** Wipes all emulated AWS state. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      const port = typeof addr === "object" && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, deadlineMs: number): Promise<void> {
  const start = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - start > deadlineMs) throw new Error(`moto_server did not answer at ${url} within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function startMoto(): Promise<Moto> {
  const port = await freePort();
  const child = spawn("moto_server", ["-H", "127.0.0.1", "-p", String(port)], { detached: true, stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const kill = () => {
    if (child.pid !== undefined && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  };
  try {
    await waitReady(url, child, 30_000);
  } catch (e) {
    kill();
    throw e;
  }
  return {
    url,
    async reset() {
      const res = await fetch(`${url}/moto-api/reset`, { method: "POST" });
      if (!res.ok) throw new Error(`moto reset failed: ${res.status}`);
    },
    async stop() {
      const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once("exit", () => r())));
      kill();
      await exited;
    },
  };
}
