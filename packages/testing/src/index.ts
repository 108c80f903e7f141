// @cairn/testing: the test kit every Cairn package and provider uses (dev dependency only).
export * from "./fake-provider.js";
export * from "./memory-backend.js";
export * from "./lifecycle.js";
export * from "./provider-conformance.js";
export * from "./backend-conformance.js";
