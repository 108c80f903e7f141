// @cairn/engine: one Deployment per operation. runDeployment is the entry point; the pure
// pieces (step generator, delete planner, diff helpers, targets) are exported for tests and tools.
export * from "./deployment-types.js";
export { runDeployment } from "./deployment.js";
export { generateStep, stateDiffers, protectedError, type GenerateStepRequest } from "./step-generator.js";
export { planDeletes, deleteKey, type PlannedDelete, type PlanDeletesRequest } from "./delete-planner.js";
export { applyIgnoreChanges, detailedDiff, getPath, parsePath, pathMatches, replaceOnChangesKeys, setPath, stepDiff } from "./diff.js";
export { dependenciesOf, withDependents } from "./graph.js";
export { TargetFilter, type TargetOptions } from "./targets.js";
export { stepInfo, type Step } from "./step.js";
export { providerConfigFromStack } from "./provider-registry.js";
