// aws.ecr: ECR resources for programs.
export * from "./repository.js";
