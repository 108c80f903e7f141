// aws.sqs: SQS resources for programs.
export * from "./queue.js";
