// @cairn/protocol: the vocabulary every Cairn package speaks. No runtime dependencies.
export * from "./urn.js";
export * from "./property-value.js";
export * from "./monitor.js";
export * from "./provider.js";
export * from "./errors.js";
export * from "./steps.js";
export * from "./events.js";
export * from "./input-schema.js";
