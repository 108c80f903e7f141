// esbuild's JavaScript API, loaded with `require`: it is a CommonJS package, and importing it as an
// ES module makes Node scan its source for named exports first (measurable at every start-up).
import { createRequire } from "node:module";

export const esbuild = createRequire(import.meta.url)("esbuild") as typeof import("esbuild");
