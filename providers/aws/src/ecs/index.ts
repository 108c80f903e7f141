// aws.ecs: ECS resources for programs.
export * from "./cluster.js";
export * from "./task-definition.js";
export * from "./service.js";
