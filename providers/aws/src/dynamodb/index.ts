// aws.dynamodb: DynamoDB resources for programs.
export * from "./table.js";
