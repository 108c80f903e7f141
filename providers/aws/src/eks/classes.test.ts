// aws.eks.Cluster under the SDK's mocks: type token, nested VPC config sent as given, outputs resolved.
import { afterEach, describe, expect, it } from "vitest";
import { runtime } from "@cairn/sdk";
import * as aws from "../index.js";

afterEach(() => runtime.clearMocks());

describe("aws.eks.Cluster", () => {
  it("registers with Pulumi's type token and resolves the certificate authority", async () => {
    const monitor = await runtime.setMocks({
      newResource: (args: { name: string; inputs: Record<string, unknown> }) =>
        ({ id: args.name, state: { ...args.inputs, endpoint: "https://k8s.example", certificateAuthority: { data: "Q0E=" } } }),
      call: () => ({}),
    }, "proj", "dev");
    const cluster = new aws.eks.Cluster("apps", { roleArn: "arn:aws:iam::1:role/eks", vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], endpointPrivateAccess: true } });
    await runtime.waitForRegistrations();
    const reg = monitor.registrations.find((r) => r.type === "aws:eks/cluster:Cluster")!;
    expect(reg.object).toMatchObject({ roleArn: "arn:aws:iam::1:role/eks", vpcConfig: { subnetIds: ["subnet-a", "subnet-b"], endpointPrivateAccess: true } });
    expect((await runtime.resolveOutput(cluster.certificateAuthority)).value).toEqual({ data: "Q0E=" });
    expect((await runtime.resolveOutput(cluster.endpoint)).value).toBe("https://k8s.example");
  });
});
