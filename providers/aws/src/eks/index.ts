// aws.eks: EKS resources for programs.
export * from "./cluster.js";
