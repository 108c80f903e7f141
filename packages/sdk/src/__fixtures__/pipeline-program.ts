// A program using a component built on a dynamic provider, instantiated twice.
import { Pipeline } from "./pipeline.js";

export const web = new Pipeline("web");
export const api = new Pipeline("api");
