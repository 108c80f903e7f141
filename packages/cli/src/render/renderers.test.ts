import { describe, expect, it } from "vitest";
import { SIG, type StepInfo } from "@cairn/protocol";
import type { OperationResult } from "@cairn/automation";
import { diffEntryLine, stepDiffText } from "./diff-text.js";
import { formatValue, redact } from "./format-value.js";
import { HumanReporter } from "./human-reporter.js";
import { JsonReporter } from "./json-reporter.js";
import { formatDuration, summaryLine } from "./summary-line.js";

const secret = (value: unknown) => ({ [SIG]: "secret", value });

function capture() {
  let text = "";
  return { out: { write: (t: string) => void (text += t), isTTY: false }, text: () => text };
}

const step: StepInfo = {
  op: "update",
  urn: "urn:cairn:dev::app::aws:s3/bucket:Bucket::logs",
  type: "aws:s3/bucket:Bucket",
  diff: [
    { path: "tags.env", kind: "update", old: "dev", new: "prod" },
    { path: "acl", kind: "add", new: "private" },
    { path: "password", kind: "update-replace", old: secret("old-pw") as never, new: secret("new-pw") as never },
    { path: "versioning", kind: "delete", old: true },
  ],
};

describe("diff text", () => {
  it("shows each changed property with old and new values, marking replacements", () => {
    expect(stepDiffText(step)).toEqual([
      "~  aws:s3/bucket:Bucket logs",
      '      ~ tags.env: "dev" => "prod"',
      '      + acl: "private"',
      "      ~ password: [secret] => [secret] (forces replacement)",
      "      - versioning: true",
    ]);
  });

  it("shows secrets only when asked", () => {
    expect(diffEntryLine(step.diff[2]!, { showSecrets: true })).toBe('~ password: "old-pw" => "new-pw" (forces replacement)');
  });

  it("lists a created resource's inputs", () => {
    const created: StepInfo = { op: "create", urn: "urn:cairn:dev::app::random:index:RandomPet::pet", type: "random:index:RandomPet", diff: [], newInputs: { length: 2 } };
    expect(stepDiffText(created)).toEqual(["+  random:index:RandomPet pet", "      + length: 2"]);
  });
});

describe("redaction", () => {
  it("replaces secrets anywhere inside a value, and keeps a literal '[secret]' string quoted", () => {
    expect(redact({ a: [1, secret("x")], b: { c: secret({ d: 1 }) } })).toEqual({ a: [1, "[secret]"], b: { c: "[secret]" } });
    expect(formatValue(secret("pw"))).toBe("[secret]");
    expect(formatValue("[secret]")).toBe('"[secret]"');
    expect(formatValue({ [SIG]: "unknown" })).toBe("[unknown]");
  });
});

describe("summary line", () => {
  it("counts what changed, then what did not, then the duration", () => {
    expect(summaryLine({ counts: { create: 3, update: 1, same: 12 }, durationMs: 4200, dryRun: false })).toBe("+ 3 created, ~ 1 updated, 12 unchanged; duration 4s");
    expect(summaryLine({ counts: { create: 2, delete: 1 }, durationMs: 300, dryRun: true })).toBe("+ 2 to create, - 1 to delete; duration 0s");
    expect(summaryLine({ counts: {}, durationMs: 0, dryRun: false })).toBe("0 unchanged; duration 0s");
    expect(formatDuration(125_000)).toBe("2m5s");
  });
});

const result: OperationResult = {
  kind: "update",
  dryRun: false,
  result: "failed",
  counts: { update: 1, same: 2 },
  steps: [step],
  outputs: { url: { value: "http://x", secret: false }, token: { value: "tok-123", secret: true } },
  error: { code: "CAIRN_PROVIDER_ERROR", source: "provider", message: "bucket quota exceeded", urn: step.urn },
  durationMs: 1000,
};

describe("human reporter (plain lines)", () => {
  it("prints progress, outputs with secrets redacted, errors under their resource, and the summary", () => {
    const c = capture();
    const r = new HumanReporter({ out: c.out, live: false, clock: () => 0 });
    r.start("Updating (dev):", false);
    r.onEvent({ code: "step-started", step, time: 0 });
    r.onEvent({ code: "step-failed", step, time: 1000, durationMs: 1000, error: { code: "CAIRN_PROVIDER_ERROR", source: "provider", message: "bucket quota exceeded", urn: step.urn } });
    r.finish(result);
    const text = c.text();
    expect(text).toContain("~  aws:s3/bucket:Bucket logs updating");
    expect(text).toContain("~  aws:s3/bucket:Bucket logs updating failed (1s)");
    expect(text).toMatch(/Outputs:\n\s+url\s*: "http:\/\/x"\n\s+token: \[secret\]/);
    expect(text).toContain(`Errors:\n  aws:s3/bucket:Bucket logs (${step.urn}):\n    error: bucket quota exceeded`);
    expect(text).toContain("Resources: ~ 1 updated, 2 unchanged; duration 1s");
    expect(text).not.toContain("tok-123");
    expect(text).not.toContain("old-pw");
  });
});

describe("json reporter", () => {
  it("writes one JSON object per event and a result, with secrets redacted", () => {
    const c = capture();
    const r = new JsonReporter(c.out);
    r.onEvent({ code: "step-finished", step, time: 1, durationMs: 1 });
    r.finish(result);
    const lines = c.text().trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(["event", "result"]);
    expect(lines[1]).toMatchObject({ result: "failed", outputs: { url: "http://x", token: "[secret]" } });
    expect(c.text()).not.toContain("old-pw");
    expect(c.text()).not.toContain("tok-123");
  });
});

describe("human reporter (live view)", () => {
  it("redraws one row per resource in place and ends with the final state of each row", () => {
    const c = capture();
    const r = new HumanReporter({ out: { ...c.out, isTTY: true }, live: true, clock: () => 5000 });
    r.start("Updating (dev):", false);
    const pet: StepInfo = { op: "create", urn: "urn:cairn:dev::app::random:index:RandomPet::pet", type: "random:index:RandomPet", diff: [] };
    r.onEvent({ code: "step-started", step, time: 0 });
    r.onEvent({ code: "step-started", step: pet, time: 0 });
    r.onEvent({ code: "step-finished", step: pet, time: 2000, durationMs: 2000 });
    r.onEvent({ code: "diagnostic", level: "warning", message: "took over a stale lease", time: 0 });
    r.finish({ ...result, result: "succeeded", error: undefined as never, steps: [step, pet] } as OperationResult);
    const text = c.text();
    expect(text).toContain("\x1b[2K");
    expect(text).toMatch(/⠙ ~ {2}aws:s3\/bucket:Bucket logs updating \(5s\)/); // still running: spinner and elapsed
    expect(text).toContain("+  random:index:RandomPet pet created (2s)");
    expect(text).toContain("Diagnostics:\n  warning: took over a stale lease");
  });
});
