// What a program module gives as its stack outputs, as in Pulumi: its named exports; or its
// default export (a module with a default export must have no other exports); and when that value
// is a function (`export default async () => ({...})`, `module.exports = async () => ...`), what
// calling it returns.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { ModuleFormat } from "./main-file.js";

export async function programExports(ns: Record<string, unknown>, format: ModuleFormat, file: string): Promise<unknown> {
  let value: unknown = format === "cjs" ? ns.default : ns;
  if (isModuleLike(value) && Object.prototype.hasOwnProperty.call(value, "default")) {
    const others = Object.keys(value).filter((k) => k !== "default");
    if (others.length > 0) {
      throw new CairnError({
        code: ErrorCodes.ProgramFailed,
        source: "user",
        message: `the program ${file} has a default export and named exports (${others.join(", ")}); stack outputs come from one or the other`,
        hint: "export the outputs by name, or return them from the default export",
      });
    }
    value = value.default;
  }
  return typeof value === "function" ? await (value as () => unknown)() : value;
}

/** An ES module namespace, or CommonJS exports compiled from an ES module (`__esModule`). */
function isModuleLike(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  return Object.prototype.toString.call(v) === "[object Module]" || (v as { __esModule?: unknown }).__esModule === true;
}
