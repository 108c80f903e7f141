// A program that declares the same resource twice (a duplicate URN).
import { Bucket } from "./cloud.js";

export const first = new Bucket("logs");
export const second = new Bucket("logs");
