// Collecting validation problems so one error reports all of them at once, each naming the file
// and the field at fault.
import { CairnError, type ErrorCode } from "@cairn/protocol";

export interface Problem {
  field: string;
  message: string;
}

export class ProblemList {
  readonly items: Problem[] = [];
  add(field: string, message: string): void {
    this.items.push({ field, message });
  }
  /** Throws one CairnError listing every problem, when there is any. */
  throwIfAny(req: { file: string; code: ErrorCode; hint?: string }): void {
    if (this.items.length === 0) return;
    const lines = this.items.map((p) => `  - ${p.field}: ${p.message}`);
    const message = `${req.file} is invalid (${this.items.length} problem${this.items.length === 1 ? "" : "s"}):\n${lines.join("\n")}`;
    throw new CairnError({
      code: req.code,
      source: "user",
      message,
      ...(req.hint === undefined ? {} : { hint: req.hint }),
      property: this.items[0]?.field,
    });
  }
}
