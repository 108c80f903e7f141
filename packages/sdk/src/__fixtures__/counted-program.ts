// A program whose dynamic provider lives in the program module itself; it counts its evaluations.
import * as cairn from "@cairn/sdk";

export const evaluations = { count: 0 };
(globalThis as { cairnCountedEvaluations?: number }).cairnCountedEvaluations =
  ((globalThis as { cairnCountedEvaluations?: number }).cairnCountedEvaluations ?? 0) + 1;

export class InlineProvider implements cairn.dynamic.ResourceProvider {
  async create(inputs: Record<string, unknown>) {
    return { id: "inline", outs: inputs };
  }
}

export const inline = new cairn.dynamic.Resource(new InlineProvider(), "inline", { a: 1 });
