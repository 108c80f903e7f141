// aws.lambda: Lambda resources for programs.
export * from "./function.js";
export * from "./permission.js";
