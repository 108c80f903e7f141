import { afterEach, describe, expect, it } from "vitest";
import * as cairn from "@cairn/sdk";
import { isCairnError, ErrorCodes } from "@cairn/protocol";
import type { MockResourceArgs, MockMonitor } from "./mock-monitor.js";

const { runtime } = cairn;

function mocks(extra: (args: MockResourceArgs) => Record<string, unknown> = () => ({})) {
  return {
    newResource(args: MockResourceArgs) {
      return { id: `${args.name}_id`, state: { ...args.inputs, ...extra(args) } };
    },
    call(args: { token: string; inputs: Record<string, unknown> }) {
      return { token: args.token, echoed: args.inputs };
    },
  };
}

afterEach(() => runtime.clearMocks());

describe("setMocks with Pulumi-style programs", () => {
  it("runs components instantiated twice, config, secrets, all/interpolate/apply", async () => {
    const monitor: MockMonitor = await runtime.setMocks(
      mocks((a) => (a.type === "aws:s3/bucket:Bucket" ? { bucket: `${a.name}-bucket` } : a.type === "aws:rds/instance:Instance" ? { endpoint: "db.internal" } : {})),
      "proj",
      "dev",
    );
    runtime.setAllConfig({ "proj:baseCidr": "10.0.0.0/16", "proj:dbPassword": "s3cret" }, ["proj:dbPassword"]);
    const program = await import("../__fixtures__/network-program.js");
    await runtime.waitForRegistrations();

    const vpcUrn = await runtime.resolveOutput(program.a.vpc.urn);
    expect(vpcUrn.value).toBe("urn:cairn:dev::proj::acme:net:Network$aws:ec2/vpc:Vpc::a-vpc");
    expect((await runtime.resolveOutput(program.b.subnets[0]!.urn)).value).toBe("urn:cairn:dev::proj::acme:net:Network$aws:ec2/subnet:Subnet::b-subnet-0");
    expect((await runtime.resolveOutput(program.a.urn)).value).toBe("urn:cairn:dev::proj::acme:net:Network::a");

    const subnet = await runtime.resolveOutput(program.a.subnets[1]!.cidrBlock);
    expect(subnet.value).toBe("10.0.1.0/24");
    const vpcIds = await runtime.resolveOutput(program.vpcIds);
    expect(vpcIds).toMatchObject({ value: "a-vpc_id,b-vpc_id", known: true, secret: false });
    expect(vpcIds.dependencies.sort()).toEqual([
      "urn:cairn:dev::proj::acme:net:Network$aws:ec2/vpc:Vpc::a-vpc",
      "urn:cairn:dev::proj::acme:net:Network$aws:ec2/vpc:Vpc::b-vpc",
    ]);

    const conn = await runtime.resolveOutput(program.connectionString);
    expect(conn.value).toBe("postgres://admin:s3cret@db.internal:5432/app");
    expect(conn.secret).toBe(true);
    // The password input was secret, so the registration carried a secret marker.
    const dbReg = monitor.registrations.find((r) => r.name === "db")!;
    expect(dbReg.object["password"]).toEqual({ "cairn:sig": "secret", value: "s3cret" });

    expect(await runtime.resolveOutput(program.indexDocument)).toMatchObject({ value: "index.html", secret: false });
    expect((await runtime.resolveOutput(program.siteUrl)).value).toBe("https://site-bucket.example.com");
    expect(program.subnetCount).toBe(3);

    // The component's children registered under it; the component recorded its outputs.
    const aUrn = "urn:cairn:dev::proj::acme:net:Network::a";
    expect(monitor.registrations.filter((r) => r.parent === aUrn).map((r) => r.name).sort()).toEqual(["a-subnet-0", "a-subnet-1", "a-vpc"]);
    expect(monitor.outputs.get(aUrn)).toEqual({ vpcId: "a-vpc_id", subnetIds: ["a-subnet-0_id", "a-subnet-1_id"] });
    // Subnets depend on their VPC through the vpcId input.
    const subnetReg = monitor.registrations.find((r) => r.name === "a-subnet-0")!;
    expect(subnetReg.propertyDependencies["vpcId"]).toEqual(["urn:cairn:dev::proj::acme:net:Network$aws:ec2/vpc:Vpc::a-vpc"]);
    expect(subnetReg.sourcePosition?.file).toMatch(/__fixtures__\/network\.ts$/);
  });

  it("runs a component built on a dynamic provider class from its own module", async () => {
    const monitor = await runtime.setMocks(mocks((a) => (a.type === "cairn-nodejs:counters:Counter" ? { value: 10 } : {})), "proj", "dev");
    const program = await import("../__fixtures__/pipeline-program.js");
    await runtime.waitForRegistrations();

    expect((await runtime.resolveOutput(program.web.counter.urn)).value).toBe("urn:cairn:dev::proj::acme:ci:Pipeline$cairn-nodejs:counters:Counter::web-builds");
    expect((await runtime.resolveOutput(program.api.summary)).value).toBe("api=10");
    const reg = monitor.registrations.find((r) => r.name === "api-builds")!;
    const ref = JSON.parse(reg.object["__provider"] as string) as cairn.dynamic.DynamicProviderRef;
    expect(ref).toMatchObject({ exportName: "CounterProvider", kind: "class", fields: { start: 10, settings: { step: 2, tags: ["x"] } } });
    expect(ref.module).toMatch(/__fixtures__\/counter-provider\.ts$/);
    const provider = await cairn.dynamic.loadProvider(ref, "/");
    expect(await provider.create({ label: "x" })).toEqual({ id: "counter-x", outs: { label: "x", value: 10 } });
  });

  it("rejects a duplicate URN naming both source positions", async () => {
    await runtime.setMocks(mocks(), "proj", "dev");
    await import("../__fixtures__/duplicate-program.js");
    const err = await runtime.waitForRegistrations().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isCairnError(err, ErrorCodes.DuplicateUrn)).toBe(true);
    const message = (err as Error).message;
    expect(message).toContain("urn:cairn:dev::proj::aws:s3/bucket:Bucket::logs");
    expect(message).toMatch(/duplicate-program\.ts:4\b.*duplicate-program\.ts:5\b/s);
  });

  it("reports preview mode, organization and stack to the program", async () => {
    await runtime.setMocks(mocks(), "p", "s", true, "acme");
    expect(runtime.isDryRun()).toBe(true);
    expect([cairn.getProject(), cairn.getStack(), cairn.getOrganization()]).toEqual(["p", "s", "acme"]);
  });

  it("marks additionalSecretOutputs secret and reads stack references through the mocks", async () => {
    await runtime.setMocks(
      {
        newResource: (a) =>
          a.type === "cairn:cairn:StackReference"
            ? { id: a.inputs["name"] as string, state: { outputs: { vpcId: "vpc-1", token: "t0k" }, secretOutputNames: ["token"] } }
            : { id: "x", state: { ...a.inputs, bucket: "b" } },
        call: () => ({}),
      },
      "proj",
      "dev",
    );
    const { Bucket } = await import("../__fixtures__/cloud.js");
    const bucket = new Bucket("secretive", {}, { additionalSecretOutputs: ["bucket"] });
    expect(await runtime.resolveOutput(bucket.bucket)).toMatchObject({ value: "b", secret: true });
    const ref = new cairn.StackReference("acme/net/prod");
    expect(await runtime.resolveOutput(ref.getOutput("vpcId"))).toMatchObject({ value: "vpc-1", secret: false });
    expect(await runtime.resolveOutput(ref.getOutput("token"))).toMatchObject({ value: "t0k", secret: true });
    expect(await ref.getOutputDetails("token")).toEqual({ secretValue: "t0k" });
    expect(await ref.getOutputDetails("vpcId")).toEqual({ value: "vpc-1" });
  });

  it("routes invoke to mocks.call and applies stack-wide transforms", async () => {
    const monitor = await runtime.setMocks(mocks(), "proj", "dev");
    expect(await runtime.invoke("aws:ec2/getAmi:getAmi", { owners: ["amazon"], filter: cairn.secret("x") })).toEqual({
      token: "aws:ec2/getAmi:getAmi",
      echoed: { owners: ["amazon"], filter: "x" },
    });
    runtime.registerResourceTransform((a) => ({ props: { ...a.props, tagged: true }, opts: { ...a.opts, protect: true } }));
    const { Bucket } = await import("../__fixtures__/cloud.js");
    new Bucket("transformed");
    await runtime.waitForRegistrations();
    expect(monitor.registrations.find((r) => r.name === "transformed")).toMatchObject({ object: { tagged: true }, protect: true });
  });
});
