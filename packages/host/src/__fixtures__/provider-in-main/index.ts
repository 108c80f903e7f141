// The dynamic provider lives in the main module itself: locating it must not run the program again.
import * as dynamic from "@cairn/sdk/dynamic";
import { CustomResource } from "@cairn/sdk";

export class CounterProvider implements dynamic.ResourceProvider {
  async create(inputs: { start: number }) {
    return { id: `counter-${inputs.start}`, outs: { value: inputs.start } };
  }
}

new CustomResource("test:index:Before", "before", {});
const counter = new dynamic.Resource(new CounterProvider(), "counter", { start: 7 });
export const counterId = counter.id;
