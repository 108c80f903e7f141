// Property-level diff text for a step: one line per changed path with its old and new values,
// marking the changes that force a replacement. Secrets show as [secret].
import { STEP_SYMBOLS, type DiffEntry, type StepInfo } from "@cairn/protocol";
import { formatValue, type FormatOptions } from "./format-value.js";

function symbolFor(e: DiffEntry): string {
  if (e.kind.startsWith("add")) return "+";
  if (e.kind.startsWith("delete")) return "-";
  return "~";
}

export function diffEntryLine(e: DiffEntry, opts: FormatOptions = {}): string {
  const forces = e.kind.endsWith("-replace") ? " (forces replacement)" : "";
  if (e.kind.startsWith("add")) return `+ ${e.path}: ${formatValue(e.new, opts)}${forces}`;
  if (e.kind.startsWith("delete")) return `- ${e.path}: ${formatValue(e.old, opts)}${forces}`;
  return `~ ${e.path}: ${formatValue(e.old, opts)} => ${formatValue(e.new, opts)}${forces}`;
}

/** The resource line and its indented property changes. */
export function stepDiffText(step: StepInfo, opts: FormatOptions = {}): string[] {
  const lines = [`${STEP_SYMBOLS[step.op].padEnd(2)} ${step.type} ${nameOf(step.urn)}`];
  const entries = step.diff.length > 0 || step.op !== "create" ? step.diff : createEntries(step);
  for (const e of entries) lines.push(`      ${diffEntryLine(e, opts)}`);
  return lines;
}

function createEntries(step: StepInfo): DiffEntry[] {
  return Object.entries(step.newInputs ?? {})
    .filter(([k]) => !k.startsWith("__"))
    .map(([path, v]) => ({ path, kind: "add", new: v }));
}

export function nameOf(urn: string): string {
  const i = urn.lastIndexOf("::");
  return i < 0 ? urn : urn.slice(i + 2);
}

export { symbolFor };
