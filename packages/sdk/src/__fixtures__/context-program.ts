// A program module with top-level resources, imported with `await import()` inside runProgram.
import * as cairn from "@cairn/sdk";
import { Bucket } from "./cloud.js";

export const stack = cairn.getStack();
export const assets = new Bucket(`assets-${cairn.getStack()}`);
export const assetsName = assets.bucket;
