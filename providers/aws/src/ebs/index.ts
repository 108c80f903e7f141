// aws.ebs: EBS volumes for programs.
export * from "./volume.js";
