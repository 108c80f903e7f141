// --json output: one JSON object per line for each engine event ({"type":"event",...}) and one
// final {"type":"result",...}. Secret values are redacted unless --show-secrets.
import type { EngineEvent } from "@cairn/protocol";
import type { OperationResult } from "@cairn/automation";
import type { Output } from "../cli-context.js";
import { redact } from "./format-value.js";

export class JsonReporter {
  constructor(private readonly out: Output, private readonly showSecrets = false) {}

  onEvent = (e: EngineEvent): void => {
    this.out.write(`${JSON.stringify({ type: "event", event: redact(e, { showSecrets: this.showSecrets }) })}\n`);
  };

  finish(result: OperationResult): void {
    const outputs = Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, v.secret && !this.showSecrets ? "[secret]" : v.value]));
    const body = { ...result, outputs, steps: redact(result.steps, { showSecrets: this.showSecrets }), history: undefined };
    this.out.write(`${JSON.stringify({ type: "result", ...body })}\n`);
  }
}
