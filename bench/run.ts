// The benchmark harness: runs the same workloads through Cairn and Terraform in one run and
// reports medians, ratios, peak RSS and bytes written. `npm run bench -- --help` lists the flags.
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { measure, median, type Measurement } from "./lib/measure.js";
import { writeCairnProject, writeTerraformProject, type Shape } from "./lib/programs.js";
import { startPostgres, type Postgres } from "./lib/postgres.js";
import { runSdkBenchmark, sdkMarkdown, type SdkResult } from "./sdk-registration.js";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const cairnBin = join(repo, "packages/cli/dist/bin.js");

export const OPS = ["create", "preview", "noop-up", "update-10%", "refresh", "destroy"] as const;
export type Op = (typeof OPS)[number];
export type Peer = "cairn" | "terraform" | "terraform-pg";

export interface Row {
  peer: Peer;
  n: number;
  shape: Shape;
  op: Op;
  wallMs: number[];
  cpuMs: number[];
  peakRssMiB: number[];
  /** Bytes written to files (write(2) bytes less what went to stdout/stderr). */
  fileBytes: number[];
}

interface Tool {
  setup(): void;
  op(op: Op): Promise<Measurement>;
}

function cairnTool(dir: string, n: number, shape: Shape): Tool {
  const env = {
    ...process.env,
    CAIRN_HOME: join(dir, "home"),
    CAIRN_BACKEND_URL: `file://${join(dir, "state")}`,
    CAIRN_CONFIG_PASSPHRASE: "bench-passphrase",
    NO_COLOR: "1",
  };
  const cwd = join(dir, "project");
  const cli = (args: string[]) => measure({ command: process.execPath, args: [cairnBin, ...args], cwd, env, nodeProbe: true });
  return {
    setup() {
      writeCairnProject(cwd, n, shape);
    },
    async op(op) {
      switch (op) {
        case "create": {
          const init = await cli(["stack", "init", "bench"]);
          if (init.exitCode !== 0) throw new Error(`cairn stack init failed: ${init.stderr}`);
          return cli(["up", "--yes", "--skip-preview"]);
        }
        case "preview":
          return cli(["preview"]);
        case "noop-up":
          return cli(["up", "--yes", "--skip-preview"]);
        case "update-10%": {
          const set = await cli(["config", "set", "gen", "2"]);
          if (set.exitCode !== 0) throw new Error(`cairn config set failed: ${set.stderr}`);
          return cli(["up", "--yes", "--skip-preview"]);
        }
        case "refresh":
          return cli(["refresh", "--yes"]);
        case "destroy":
          return cli(["destroy", "--yes", "--skip-preview"]);
      }
    },
  };
}

function terraformTool(dir: string, n: number, shape: Shape, pg?: Postgres): Tool {
  const cwd = join(dir, "project");
  const rc = join(dir, "terraformrc");
  const env = { ...process.env, TF_CLI_CONFIG_FILE: rc, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1" };
  const tf = (args: string[]) => measure({ command: "terraform", args: [...args, "-input=false", "-no-color"], cwd, env });
  let gen = 1;
  return {
    setup() {
      let conn: string | undefined;
      if (pg) {
        const db = `tf_${Math.random().toString(36).slice(2, 10)}`;
        pg.createDb(db);
        conn = pg.url(db);
      }
      writeTerraformProject(cwd, n, shape, conn ? { pg: conn } : {});
      writeFileSync(rc, "");
    },
    async op(op) {
      switch (op) {
        case "create": {
          const init = await tf(["init"]);
          if (init.exitCode !== 0) throw new Error(`terraform init failed: ${init.stderr}`);
          return tf(["apply", "-auto-approve"]);
        }
        case "preview":
          return tf(["plan"]);
        case "noop-up":
          return tf(["apply", "-auto-approve"]);
        case "update-10%":
          gen = 2;
          return tf(["apply", "-auto-approve", `-var=gen=${gen}`]);
        case "refresh":
          return tf(["apply", "-refresh-only", "-auto-approve", `-var=gen=${gen}`]);
        case "destroy":
          return tf(["destroy", "-auto-approve", `-var=gen=${gen}`]);
      }
    },
  };
}

export interface BenchOptions {
  sizes: number[];
  shapes: Shape[];
  peers: Peer[];
  repeat: number;
  tfLocalMax: number;
  /** From this N on, `largeRepeat` runs of `largeShapes` only (a full 10,000 run takes minutes per peer). */
  largeFrom?: number;
  largeRepeat?: number;
  largeShapes?: Shape[];
  log: (s: string) => void;
}

export async function runBench(opts: BenchOptions): Promise<Row[]> {
  const rows = new Map<string, Row>();
  const pg = opts.peers.includes("terraform-pg") ? await startPostgres() : undefined;
  try {
    for (const n of opts.sizes) {
      const large = opts.largeFrom !== undefined && n >= opts.largeFrom;
      const shapes = large && opts.largeShapes ? opts.largeShapes : opts.shapes;
      const repeat = large && opts.largeRepeat !== undefined ? opts.largeRepeat : opts.repeat;
      for (const shape of shapes) {
        for (const peer of opts.peers) {
          if (peer === "terraform" && n > opts.tfLocalMax) continue;
          for (let r = 0; r < repeat; r++) {
            const dir = mkdtempSync(join(tmpdir(), `cairn-bench-${peer}-`));
            mkdirSync(join(dir, "project"));
            const tool = peer === "cairn" ? cairnTool(dir, n, shape) : terraformTool(dir, n, shape, peer === "terraform-pg" ? pg : undefined);
            tool.setup();
            for (const op of OPS) {
              const m = await tool.op(op);
              if (m.exitCode !== 0) throw new Error(`${peer} ${op} (n=${n}, ${shape}) exited ${m.exitCode}:\n${m.stderr.slice(-2000)}\n${m.stdout.slice(-2000)}`);
              const key = `${peer}|${n}|${shape}|${op}`;
              const row = rows.get(key) ?? { peer, n, shape, op, wallMs: [], cpuMs: [], peakRssMiB: [], fileBytes: [] };
              row.wallMs.push(m.wallMs);
              row.cpuMs.push(m.cpuMs);
              row.peakRssMiB.push(m.peakRssMiB);
              row.fileBytes.push(Math.max(0, m.writeChars - Buffer.byteLength(m.stdout) - Buffer.byteLength(m.stderr)));
              rows.set(key, row);
              opts.log(`${peer.padEnd(12)} n=${String(n).padEnd(6)} ${shape.padEnd(5)} ${op.padEnd(10)} ${(m.wallMs / 1000).toFixed(2)} s  cpu ${(m.cpuMs / 1000).toFixed(2)} s  ${m.peakRssMiB.toFixed(0)} MiB`);
            }
            rmSync(dir, { recursive: true, force: true });
          }
        }
      }
    }
  } finally {
    pg?.stop();
  }
  return [...rows.values()];
}

function fmtS(ms: number): string {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`;
}
function fmtBytes(b: number): string {
  return b >= 1 << 20 ? `${(b / (1 << 20)).toFixed(1)} MiB` : b >= 1024 ? `${(b / 1024).toFixed(0)} KiB` : `${b} B`;
}

/** A markdown table: one row per (n, shape, op), one column group per peer, and Cairn's ratio. */
export function markdown(rows: Row[]): string {
  const peers = [...new Set(rows.map((r) => r.peer))];
  const keys = [...new Set(rows.map((r) => `${r.n}|${r.shape}|${r.op}`))];
  const get = (peer: string, key: string) => rows.find((r) => `${r.peer}|${r.n}|${r.shape}|${r.op}` === `${peer}|${key}`);
  const head = ["N", "shape", "operation", ...peers.flatMap((p) => [`${p} wall`, `${p} cpu`, `${p} RSS`, `${p} written`]), ...peers.filter((p) => p !== "cairn").map((p) => `${p} / cairn`)];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  for (const key of keys) {
    const [n, shape, op] = key.split("|");
    const cells = [Number(n).toLocaleString("en-US"), shape!, op!];
    for (const p of peers) {
      const r = get(p, key);
      cells.push(r ? fmtS(median(r.wallMs)) : "—", r ? fmtS(median(r.cpuMs)) : "—", r ? `${median(r.peakRssMiB).toFixed(0)} MiB` : "—", r ? fmtBytes(median(r.fileBytes)) : "—");
    }
    const cairn = get("cairn", key);
    for (const p of peers.filter((x) => x !== "cairn")) {
      const r = get(p, key);
      cells.push(r && cairn ? `${(median(r.wallMs) / median(cairn.wallMs)).toFixed(1)}×` : "—");
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "100,1000,10000" },
      shapes: { type: "string", default: "flat,chain" },
      peers: { type: "string", default: "cairn,terraform,terraform-pg" },
      repeat: { type: "string", default: "3" },
      "tf-local-max": { type: "string", default: "1000" },
      "large-from": { type: "string", default: "10000" },
      "large-repeat": { type: "string" },
      "large-shapes": { type: "string" },
      "sdk-sizes": { type: "string", default: "1000,10000" },
      out: { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    console.log(
      "npm run bench -- [--sizes 100,1000,10000] [--shapes flat,chain] [--peers cairn,terraform,terraform-pg] [--repeat 3] [--tf-local-max 1000]\n" +
        "                 [--large-from 10000 --large-repeat 1 --large-shapes flat] [--sdk-sizes 1000,10000 (\"\" to skip)] [--out results.json]",
    );
    return;
  }
  const list = (v: string): string[] => v.split(",").filter((x) => x !== "");
  const log = (s: string): void => console.error(s);
  const sdk: SdkResult[] = [];
  for (const n of list(values["sdk-sizes"]).map(Number)) {
    const r = await runSdkBenchmark(n);
    log(`sdk          n=${String(n).padEnd(6)} ${r.msPerRegistration.toFixed(3)} ms/registration  ${r.heapBytesPerRegistration.toFixed(0)} B heap/registration`);
    sdk.push(r);
  }
  const rows = await runBench({
    sizes: list(values.sizes).map(Number),
    shapes: list(values.shapes) as Shape[],
    peers: list(values.peers) as Peer[],
    repeat: Number(values.repeat),
    tfLocalMax: Number(values["tf-local-max"]),
    largeFrom: Number(values["large-from"]),
    ...(values["large-repeat"] ? { largeRepeat: Number(values["large-repeat"]) } : {}),
    ...(values["large-shapes"] ? { largeShapes: list(values["large-shapes"]) as Shape[] } : {}),
    log,
  });
  if (values.out) writeFileSync(values.out, JSON.stringify({ rows, sdk }, null, 2));
  console.log(markdown(rows));
  if (sdk.length > 0) console.log(`\n${sdkMarkdown(sdk)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
