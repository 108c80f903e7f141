import { describe, expect, it } from "vitest";
import { ErrorCodes } from "@cairn/protocol";
import { ExitCode, changeCount, exitCodeFor } from "./exit-codes.js";

describe("exit codes", () => {
  it("is 0 only when the operation succeeded", () => {
    expect(exitCodeFor({ result: "succeeded", counts: { create: 2 } })).toBe(ExitCode.Ok);
    expect(exitCodeFor({ result: "failed", counts: {} })).toBe(ExitCode.Failed);
    expect(exitCodeFor({ result: "cancelled", counts: {} })).toBe(ExitCode.Cancelled);
  });

  it("fails on changes with --expect-no-changes, and not on unchanged resources", () => {
    expect(exitCodeFor({ result: "succeeded", counts: { same: 5, update: 1 }, expectNoChanges: true })).toBe(ExitCode.ChangesDetected);
    expect(exitCodeFor({ result: "succeeded", counts: { same: 5 }, expectNoChanges: true })).toBe(ExitCode.Ok);
    expect(exitCodeFor({ result: "failed", counts: {}, errorCode: ErrorCodes.ExpectedNoChanges })).toBe(ExitCode.ChangesDetected);
  });

  it("counts every step other than same and read as a change", () => {
    expect(changeCount({ same: 3, read: 1, create: 1, replace: 2, delete: 1 })).toBe(4);
  });
});
