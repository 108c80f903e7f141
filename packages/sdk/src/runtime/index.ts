// @cairn/sdk/runtime: running programs (runProgram) and unit-testing them (setMocks, MockMonitor).
export { runProgram, SDK_NAME, SDK_VERSION, type RunProgramOptions } from "./run-program.js";
export { setMocks, clearMocks, setAllConfig, waitForRegistrations, isDryRun, resolveOutput, type OutputDetails } from "./mocks.js";
export { MockMonitor, type MockMonitorOptions, type Mocks, type MockResourceArgs, type MockResourceResult, type MockCallArgs } from "./mock-monitor.js";
export { invoke, registerResourceTransform, type InvokeOptions } from "./invoke.js";
