// The typed resource classes under the SDK's mocks: type tokens, inputs sent, output-only
// properties resolved from state, dependencies between resources, explicit providers.
import { afterEach, describe, expect, it } from "vitest";
import { FileAsset, interpolate, runtime } from "@cairn/sdk";
import * as aws from "./index.js";

afterEach(() => runtime.clearMocks());

const mocks = {
  newResource(args: { type: string; name: string; inputs: Record<string, unknown> }) {
    const computed: Record<string, unknown> = { arn: `arn:test:${args.name}`, tagsAll: args.inputs["tags"] ?? {} };
    if (args.type === "aws:s3/bucket:Bucket") computed["bucket"] = args.inputs["bucket"] ?? `${args.name}-1234567`;
    if (args.type === "aws:s3/bucketObject:BucketObject") computed["etag"] = "abc";
    return { id: `${args.name}-id`, state: { ...args.inputs, ...computed } };
  },
  call() {
    return {};
  },
};

describe("@cairn/aws resource classes", () => {
  it("register a network with Pulumi's type tokens and resolve output-only properties", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const east = new aws.Provider("east", { region: "us-east-1", defaultTags: { tags: { team: "net" } } });
    const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16", tags: { Name: "main" } }, { provider: east });
    const subnet = new aws.ec2.Subnet("public", { vpcId: vpc.id, cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: true }, { provider: east });
    const igw = new aws.ec2.InternetGateway("igw", { vpcId: vpc.id }, { provider: east });
    const rt = new aws.ec2.RouteTable("rt", { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }] }, { provider: east });
    new aws.ec2.Route("extra", { routeTableId: rt.id, destinationCidrBlock: "192.168.0.0/16", gatewayId: igw.id }, { provider: east });
    new aws.ec2.RouteTableAssociation("assoc", { subnetId: subnet.id, routeTableId: rt.id }, { provider: east });
    const sg = new aws.ec2.SecurityGroup("web", { vpcId: vpc.id, ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] }, { provider: east });
    new aws.ec2.SecurityGroupRule("ssh", { type: "ingress", securityGroupId: sg.id, protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"] }, { provider: east });
    await runtime.waitForRegistrations();

    expect(monitor.registrations.map((r) => r.type).sort()).toEqual([
      "cairn:cairn:Stack", "cairn:providers:aws", "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/internetGateway:InternetGateway",
      "aws:ec2/routeTable:RouteTable", "aws:ec2/route:Route", "aws:ec2/routeTableAssociation:RouteTableAssociation",
      "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/securityGroupRule:SecurityGroupRule",
    ].sort());
    expect((await runtime.resolveOutput(vpc.arn)).value).toBe("arn:test:vpc");
    expect((await runtime.resolveOutput(vpc.tagsAll)).value).toEqual({ Name: "main" });
    expect((await runtime.resolveOutput(subnet.vpcId)).value).toBe("vpc-id");
    const subnetReg = monitor.registrations.find((r) => r.name === "public")!;
    expect(subnetReg.propertyDependencies["vpcId"]).toEqual(["urn:cairn:dev::proj::aws:ec2/vpc:Vpc::vpc"]);
    expect(subnetReg.object).toMatchObject({ vpcId: "vpc-id", cidrBlock: "10.0.1.0/24", mapPublicIpOnLaunch: true });
    const rtReg = monitor.registrations.find((r) => r.name === "rt")!;
    expect(rtReg.object["routes"]).toEqual([{ cidrBlock: "0.0.0.0/0", gatewayId: "igw-id" }]);
    const providerReg = monitor.registrations.find((r) => r.type === "cairn:providers:aws")!;
    expect(providerReg.object).toMatchObject({ region: "us-east-1", defaultTags: { tags: { team: "net" } } });
    expect(subnetReg.provider).toContain("cairn:providers:aws::east");
  });

  it("register S3 resources with assets and an object policy", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const bucket = new aws.s3.Bucket("site", { website: { indexDocument: "index.html" }, forceDestroy: true });
    const obj = new aws.s3.BucketObject("index.html", { bucket: bucket.bucket, source: new FileAsset("./www/index.html"), contentType: "text/html" });
    new aws.s3.BucketPolicy("public", {
      bucket: bucket.bucket,
      policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: interpolate`${bucket.arn}/*` }] },
    });
    await runtime.waitForRegistrations();

    expect((await runtime.resolveOutput(bucket.bucket)).value).toBe("site-1234567");
    expect((await runtime.resolveOutput(obj.etag)).value).toBe("abc");
    const objReg = monitor.registrations.find((r) => r.type === "aws:s3/bucketObject:BucketObject")!;
    expect(objReg.object["source"]).toMatchObject({ "cairn:sig": "asset", path: "./www/index.html" });
    expect(objReg.object["bucket"]).toBe("site-1234567");
    const policyReg = monitor.registrations.find((r) => r.type === "aws:s3/bucketPolicy:BucketPolicy")!;
    expect(policyReg.object["policy"]).toMatchObject({ Statement: [{ Resource: "arn:test:site/*" }] });
  });

  it("read existing resources with get (a read, not a registration)", async () => {
    const monitor = await runtime.setMocks({
      newResource: (args: { type: string; name: string; id?: string; inputs: Record<string, unknown> }) =>
        ({ id: args.id, state: { ...args.inputs, cidrBlock: "10.9.0.0/16", arn: `arn:read:${args.id ?? ""}` } }),
      call: () => ({}),
    }, "proj", "dev");
    const vpc = aws.ec2.Vpc.get("shared", "vpc-123");
    await runtime.waitForRegistrations();
    expect((await runtime.resolveOutput(vpc.id)).value).toBe("vpc-123");
    expect((await runtime.resolveOutput(vpc.cidrBlock)).value).toBe("10.9.0.0/16");
    expect((await runtime.resolveOutput(vpc.arn)).value).toBe("arn:read:vpc-123");
    expect(monitor.reads.map((r) => [r.type, r.id])).toEqual([["aws:ec2/vpc:Vpc", "vpc-123"]]);
  });

  it("register an SNS topic and an SQS queue", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const topic = new aws.sns.Topic("alerts", { displayName: "Alerts" });
    const queue = new aws.sqs.Queue("jobs", { visibilityTimeoutSeconds: 60, maxMessageSize: 1024, policy: "{}" });
    await runtime.waitForRegistrations();
    // Every input is an Output, set or not.
    expect((await runtime.resolveOutput(queue.maxMessageSize)).value).toBe(1024);
    expect((await runtime.resolveOutput(queue.policy)).value).toBe("{}");
    expect(queue.receiveWaitTimeSeconds).toBeDefined();
    expect(queue.contentBasedDeduplication).toBeDefined();
    expect(topic.kmsMasterKeyId).toBeDefined();
    expect(topic.deliveryPolicy).toBeDefined();
    expect((await runtime.resolveOutput(topic.arn)).value).toBe("arn:test:alerts");
    expect((await runtime.resolveOutput(queue.visibilityTimeoutSeconds)).value).toBe(60);
    expect(monitor.registrations.map((r) => r.type)).toEqual(expect.arrayContaining(["aws:sns/topic:Topic", "aws:sqs/queue:Queue"]));
  });
});
