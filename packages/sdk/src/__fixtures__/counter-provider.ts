// A dynamic provider class in its own module (with a constructor field), and a resource using it.
import * as cairn from "@cairn/sdk";

export interface CounterInputs {
  label: string;
}
export interface CounterOutputs extends CounterInputs {
  value: number;
}

export class CounterProvider implements cairn.dynamic.ResourceProvider<CounterInputs, CounterOutputs> {
  constructor(
    readonly start: number,
    readonly settings: { step: number; tags: string[] } = { step: 1, tags: [] },
  ) {}
  async create(inputs: CounterInputs): Promise<cairn.dynamic.CreateResult<CounterOutputs>> {
    return { id: `counter-${inputs.label}`, outs: { ...inputs, value: this.start } };
  }
  async update(_id: string, olds: CounterOutputs, news: CounterInputs): Promise<cairn.dynamic.UpdateResult<CounterOutputs>> {
    return { outs: { ...news, value: olds.value + this.settings.step } };
  }
  async delete(): Promise<void> {}
}

export class Counter extends cairn.dynamic.Resource {
  declare readonly label: cairn.Output<string>;
  declare readonly value: cairn.Output<number>;
  constructor(name: string, args: { label: cairn.Input<string> }, opts?: cairn.CustomResourceOptions) {
    super(new CounterProvider(10, { step: 2, tags: ["x"] }), name, { ...args, value: undefined }, opts, "counters", "Counter");
  }
}
