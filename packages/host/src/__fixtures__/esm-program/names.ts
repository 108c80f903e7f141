// A local module with a side effect at import time: it must run again on every run of the program.
import { CustomResource } from "@cairn/sdk";

export const shared = new CustomResource("test:index:Shared", "shared", { kind: "imported" });

export function bucketName(suffix: string): string {
  return `bucket-${suffix}`;
}
