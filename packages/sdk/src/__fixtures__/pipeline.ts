// A component that uses a dynamic provider resource defined in another module.
import * as cairn from "@cairn/sdk";
import { Counter } from "./counter-provider.js";

export class Pipeline extends cairn.ComponentResource {
  readonly counter: Counter;
  readonly summary: cairn.Output<string>;
  constructor(name: string, opts?: cairn.ComponentResourceOptions) {
    super("acme:ci:Pipeline", name, {}, opts);
    this.counter = new Counter(`${name}-builds`, { label: name }, { parent: this });
    this.summary = cairn.interpolate`${this.counter.label}=${this.counter.value}`;
    this.registerOutputs({ summary: this.summary });
  }
}
