// CommonJS (no "type": "module"): import syntax compiles to require, no top-level await.
import { CustomResource } from "@cairn/sdk";
import { prefix } from "./lib";

const queue = new CustomResource("test:index:Queue", `${prefix}-queue`, { fifo: true });

export const queueId = queue.id;
export const format = typeof module === "object" ? "commonjs" : "esm";
