// Starts a throwaway PostgreSQL 15 on 127.0.0.1 for Terraform's `pg` backend (as SERVICES.md
// describes: initdb refuses root, so the server runs as the `postgres` user).
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";

const PGBIN = ["/usr/lib/postgresql/15/bin", "/usr/local/bin"].find((d) => existsSync(join(d, "initdb")))!;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Postgres {
  url(db: string): string;
  createDb(name: string): void;
  stop(): void;
}

export async function startPostgres(): Promise<Postgres> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "cairn-bench-pg-"));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const pw = execFileSync("id", ["-u", "postgres"]).toString().trim();
    const gid = execFileSync("id", ["-g", "postgres"]).toString().trim();
    chownSync(dir, Number(pw), Number(gid));
    chmodSync(dir, 0o755);
  }
  const run = (bin: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : join(PGBIN, bin), asRoot ? ["-u", "postgres", "--", join(PGBIN, bin), ...args] : args, { stdio: "pipe" });
  run("initdb", ["-D", join(dir, "db"), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
  run("pg_ctl", ["-D", join(dir, "db"), "-l", join(dir, "log"), "-w", "-t", "30", "-o", `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}`, "start"]);
  return {
    url: (db) => `postgres://postgres@127.0.0.1:${port}/${db}?sslmode=disable`,
    createDb: (name) => run("createdb", ["-h", "127.0.0.1", "-p", String(port), "-U", "postgres", name]),
    stop: () => run("pg_ctl", ["-D", join(dir, "db"), "-m", "immediate", "stop"]),
  };
}
