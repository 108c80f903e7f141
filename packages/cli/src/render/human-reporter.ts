// Human output for an operation: on a terminal a live view (one row per resource: symbol, status,
// elapsed, spinner) redrawn in place; otherwise plain progress lines. Then diffs, outputs, errors
// grouped under their resource, and the summary line.
import type { EngineEvent, ErrorInfo, StepInfo } from "@cairn/protocol";
import type { OperationResult, OutputMap } from "@cairn/automation";
import type { Output } from "../cli-context.js";
import { stepDiffText } from "./diff-text.js";
import { formatValue } from "./format-value.js";
import { StepRows, isShown, statusText, symbolOf, type StepRow } from "./step-rows.js";
import { formatDuration, summaryLine } from "./summary-line.js";

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface HumanReporterOptions {
  out: Output;
  live: boolean;
  showSecrets?: boolean;
  /** Show property-level diffs of every changed resource. */
  showDiff?: boolean;
  clock: () => number;
}

export class HumanReporter {
  readonly rows = new StepRows();
  readonly diagnostics: Array<{ level: string; message: string; urn?: string }> = [];
  #timer: ReturnType<typeof setInterval> | undefined;
  #drawn = 0;
  #frame = 0;
  #dryRun = false;
  /** Plain progress lines not written yet: written together every 100 ms (or at 64 KiB, or at the end). */
  #pending = "";
  #flushTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: HumanReporterOptions) {}

  #line(text: string): void {
    this.#pending += text;
    if (this.#pending.length >= 65536) this.#flush();
    else if (this.#flushTimer === undefined) {
      this.#flushTimer = setTimeout(() => this.#flush(), 100);
      this.#flushTimer.unref?.();
    }
  }

  #flush(): void {
    if (this.#flushTimer !== undefined) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#pending === "") return;
    const text = this.#pending;
    this.#pending = "";
    this.opts.out.write(text);
  }

  start(title: string, dryRun: boolean): void {
    this.#dryRun = dryRun;
    this.opts.out.write(`${title}\n\n`);
    if (this.opts.live) this.#timer = setInterval(() => this.redraw(), 100);
    // The CLI exits with process.exit: lines still buffered then (a run that threw) go out first.
    else process.once("exit", this.#flushAtExit);
  }

  readonly #flushAtExit = (): void => this.#flush();

  onEvent = (e: EngineEvent): void => {
    const row = this.rows.apply(e);
    if (e.code === "diagnostic") {
      this.diagnostics.push({ level: e.level, message: e.message, ...(e.urn ? { urn: e.urn } : {}) });
      if (!this.opts.live && e.level !== "debug") this.#line(`${e.level}: ${e.message}\n`);
    }
    if (e.code === "pending-operation") {
      // An operation an earlier run began and never finished (it was killed): always say so.
      const message = `${e.urn} was interrupted while ${e.operation}${e.id !== undefined ? ` (ID "${e.id}")` : ""}: ${e.resolution}`;
      this.diagnostics.push({ level: "warning", message });
      if (!this.opts.live) this.#line(`warning: ${message}\n`);
    }
    // Plain lines: each shown step when it ends (and when it starts, for real runs).
    if (!this.opts.live && row && isShown(row) && (e.code !== "step-started" || !this.#dryRun)) this.#line(`${this.rowText(row, false)}\n`);
  };

  private rowText(r: StepRow, live: boolean): string {
    const now = r.endedAt ?? this.opts.clock();
    const spin = live && r.status === "running" ? `${SPINNER[this.#frame % SPINNER.length]} ` : "";
    const elapsed = this.#dryRun ? "" : ` (${formatDuration(now - r.startedAt)})`;
    return `  ${spin}${symbolOf(r.op).padEnd(2)} ${r.type} ${r.name} ${statusText(r, this.#dryRun)}${elapsed}`;
  }

  private redraw(): void {
    this.#frame++;
    const width = Math.max(20, (this.opts.out.columns || 120) - 1);
    let lines = this.rows.visible().map((r) => this.rowText(r, true).slice(0, width));
    // Lines that wrap or scroll off the screen would break redrawing in place: keep to the screen.
    const max = Math.max(3, (this.opts.out.rows || 40) - 2);
    if (lines.length > max) lines = [`  … ${lines.length - max + 1} more`, ...lines.slice(-(max - 1))];
    while (lines.length < this.#drawn) lines.push(""); // clear rows left from a longer frame
    const up = this.#drawn > 0 ? `\x1b[${this.#drawn}A` : "";
    this.opts.out.write(`${up}${lines.map((l) => `\x1b[2K${l}\n`).join("")}`);
    this.#drawn = lines.length;
  }

  /** Stops the live view and prints diffs, outputs, errors and the summary. */
  finish(result: OperationResult): void {
    if (this.#timer) clearInterval(this.#timer);
    process.off("exit", this.#flushAtExit);
    this.#flush();
    if (this.opts.live) this.redraw();
    const out = this.opts.out;
    const changed = result.steps.filter(isShown);
    if ((this.opts.showDiff || result.dryRun) && changed.length > 0) {
      out.write(`\n${result.dryRun ? "Planned changes" : "Changes"}:\n`);
      for (const s of changed) for (const l of stepDiffText(s, { showSecrets: this.opts.showSecrets })) out.write(`  ${l}\n`);
    }
    const notes = this.diagnostics.filter((d) => d.level === "warning" || (d.level === "info" && !d.urn));
    if (this.opts.live && notes.length > 0) {
      out.write("\nDiagnostics:\n");
      for (const d of notes) out.write(`  ${d.level}: ${d.message}\n`);
    }
    writeOutputs(out, result.outputs, this.opts.showSecrets ?? false);
    writeErrors(out, result.error, this.rows, this.diagnostics, result.steps);
    out.write(`\n${result.dryRun ? "Preview" : "Resources"}: ${summaryLine({ counts: result.counts, durationMs: result.durationMs, dryRun: result.dryRun })}\n`);
    if (result.result === "cancelled") out.write("The operation was cancelled.\n");
  }
}

export function writeOutputs(out: Output, outputs: OutputMap, showSecrets: boolean): void {
  const names = Object.keys(outputs);
  if (names.length === 0) return;
  out.write("\nOutputs:\n");
  const w = Math.max(...names.map((n) => n.length));
  for (const n of names) {
    const o = outputs[n]!;
    out.write(`    ${n.padEnd(w)}: ${o.secret && !showSecrets ? "[secret]" : formatValue(o.value)}\n`);
  }
}

function writeErrors(out: Output, error: ErrorInfo | undefined, rows: StepRows, diags: Array<{ level: string; message: string; urn?: string }>, steps: StepInfo[]): void {
  const byUrn = new Map<string, string[]>();
  for (const r of rows.rows.values()) if (r.status === "failed" && r.error) byUrn.set(r.urn, [...(byUrn.get(r.urn) ?? []), r.error]);
  for (const d of diags) if (d.level === "error" && d.urn) byUrn.set(d.urn, [...(byUrn.get(d.urn) ?? []), d.message]);
  const general = diags.filter((d) => d.level === "error" && !d.urn).map((d) => d.message);
  if (byUrn.size === 0 && general.length === 0 && !error) return;
  out.write("\nErrors:\n");
  for (const [urn, msgs] of byUrn) {
    const type = steps.find((s) => s.urn === urn)?.type ?? "";
    out.write(`  ${type} ${urn.slice(urn.lastIndexOf("::") + 2)} (${urn}):\n`);
    for (const m of new Set(msgs)) out.write(`    error: ${m.replace(/\n/g, "\n    ")}\n`);
  }
  for (const m of new Set(general)) out.write(`  error: ${m.replace(/\n/g, "\n  ")}\n`);
  const shown = [...byUrn.values()].flat().concat(general);
  if (error && !shown.includes(error.message)) {
    out.write(`  error: ${error.message.replace(/\n/g, "\n  ")}\n`);
    if (error.hint) out.write(`  hint: ${error.hint}\n`);
  }
}
