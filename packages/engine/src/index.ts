export * from "./deployment-types.js";
