import { describe, expect, it } from "vitest";
import * as cairn from "./index.js";
import { runProgram } from "./runtime/run-program.js";
import { RecordingMonitor } from "./__fixtures__/recording-monitor.js";
import { AwsProvider, Bucket, Vpc } from "./__fixtures__/cloud.js";

const STACK = "urn:cairn:dev::proj::cairn:cairn:Stack::proj-dev";

class Group extends cairn.ComponentResource {
  constructor(name: string, opts?: cairn.ComponentResourceOptions) {
    super("acme:index:Group", name, {}, opts);
  }
}

describe("resource options", () => {
  it("sends every option value in the RegisterResourceRequest", async () => {
    const monitor = new RecordingMonitor();
    await runProgram(monitor, () => {
      const provider = new AwsProvider("east", { region: "us-east-1" });
      const other = new Bucket("other");
      const parent = new Group("group");
      new Bucket(
        "full",
        {},
        {
          parent,
          provider,
          dependsOn: [other],
          protect: true,
          deleteBeforeReplace: true,
          ignoreChanges: ["tags"],
          replaceOnChanges: ["name"],
          aliases: ["urn:cairn:dev::proj::aws:s3/bucket:Bucket::old", { name: "older", parent: other }, { noParent: true, stack: "prod" }],
          retainOnDelete: true,
          deletedWith: other,
          customTimeouts: { create: "5m", delete: "1h" },
          import: "bucket-123",
          additionalSecretOutputs: ["bucket"],
          version: "6.1.0",
          pluginDownloadURL: "https://example.com/plugins",
        },
      );
    });
    const full = monitor.byName("full");
    const other = "urn:cairn:dev::proj::aws:s3/bucket:Bucket::other";
    expect(full).toMatchObject({
      type: "aws:s3/bucket:Bucket",
      custom: true,
      parent: "urn:cairn:dev::proj::acme:index:Group::group",
      provider: "urn:cairn:dev::proj::cairn:providers:aws::east::east-id",
      dependencies: [other],
      protect: true,
      deleteBeforeReplace: true,
      ignoreChanges: ["tags"],
      replaceOnChanges: ["name"],
      aliases: [{ urn: "urn:cairn:dev::proj::aws:s3/bucket:Bucket::old" }, { name: "older", parent: other }, { noParent: true, stack: "prod" }],
      retainOnDelete: true,
      deletedWith: other,
      customTimeouts: { create: "5m", delete: "1h" },
      importId: "bucket-123",
      additionalSecretOutputs: ["bucket"],
      version: "6.1.0",
      pluginDownloadURL: "https://example.com/plugins",
    });
    expect(full.sourcePosition?.file).toMatch(/resource-options\.test\.ts$/);
    expect(full.sourcePosition?.line).toBeGreaterThan(20);
    expect(monitor.byName("east")).toMatchObject({ type: "cairn:providers:aws", object: { region: "us-east-1" }, parent: STACK });
  });

  it("inherits providers, provider (given to a component), protect, retainOnDelete and transforms", async () => {
    const monitor = new RecordingMonitor();
    const seen: string[] = [];
    await runProgram(monitor, () => {
      const east = new AwsProvider("east", { region: "us-east-1" });
      const west = new AwsProvider("west", { region: "us-west-2" });
      const outer = new Group("outer", {
        providers: [east],
        protect: true,
        retainOnDelete: true,
        transforms: [
          (a) => {
            seen.push(`outer:${a.name}`);
            return a.type === "aws:ec2/vpc:Vpc" ? { props: { ...a.props, cidrBlock: "10.9.0.0/16" }, opts: a.opts } : undefined;
          },
        ],
      });
      const inner = new Group("inner", {
        parent: outer,
        transforms: [
          (a) => {
            seen.push(`inner:${a.name}`);
            return undefined;
          },
        ],
      });
      new Vpc("inherits", { cidrBlock: "10.0.0.0/16" }, { parent: inner });
      new Vpc("unprotected", { cidrBlock: "10.0.0.0/16" }, { parent: inner, protect: false, provider: west });
      const viaProvider = new Group("via-provider", { provider: west });
      new Bucket("child-of-provider-group", {}, { parent: viaProvider });
      new Bucket("top");
    });
    expect(monitor.byName("inherits")).toMatchObject({
      provider: "urn:cairn:dev::proj::cairn:providers:aws::east::east-id",
      protect: true,
      retainOnDelete: true,
      object: { cidrBlock: "10.9.0.0/16" },
    });
    expect(monitor.byName("inner")).toMatchObject({ protect: true, providers: { aws: "urn:cairn:dev::proj::cairn:providers:aws::east::east-id" } });
    expect(monitor.byName("unprotected")).toMatchObject({ protect: false, provider: "urn:cairn:dev::proj::cairn:providers:aws::west::west-id" });
    expect(monitor.byName("child-of-provider-group").provider).toBe("urn:cairn:dev::proj::cairn:providers:aws::west::west-id");
    expect(monitor.byName("top").provider).toBeUndefined();
    expect(monitor.byName("top").protect).toBeUndefined();
    // Own transforms run before the parent's; they apply to the component's descendants.
    const order = (name: string) => seen.filter((s) => s.endsWith(`:${name}`)).map((s) => s.split(":")[0]);
    expect(order("outer")).toEqual(["outer"]);
    expect(order("inner")).toEqual(["inner", "outer"]);
    expect(order("inherits")).toEqual(["inner", "outer"]);
    expect(order("top")).toEqual([]);
  });

  it("reads an existing resource when opts.id is set", async () => {
    const monitor = new RecordingMonitor({ reads: { "vpc-42": { cidrBlock: "10.4.0.0/16", arn: "arn:vpc-42" } } });
    let arn: unknown;
    await runProgram(monitor, async () => {
      const vpc = new Vpc("existing", { cidrBlock: "ignored" }, { id: "vpc-42" });
      arn = (await cairn.runtime.resolveOutput(vpc.arn)).value;
      expect((await cairn.runtime.resolveOutput(vpc.id)).value).toBe("vpc-42");
    });
    expect(monitor.registrations.map((r) => r.name)).toEqual(["proj-dev"]);
    expect(monitor.reads[0]).toMatchObject({ type: "aws:ec2/vpc:Vpc", name: "existing", id: "vpc-42", parent: STACK, properties: { cidrBlock: "ignored" } });
    expect(arn).toBe("arn:vpc-42");
  });

  it("expands dependsOn on a component to its children", async () => {
    const monitor = new RecordingMonitor();
    await runProgram(monitor, () => {
      const g = new Group("g");
      new Bucket("inside", {}, { parent: g });
      new Bucket("after", {}, { dependsOn: g });
    });
    expect(monitor.byName("after").dependencies.sort()).toEqual(["urn:cairn:dev::proj::acme:index:Group$aws:s3/bucket:Bucket::inside", "urn:cairn:dev::proj::acme:index:Group::g"]);
  });

  it("rejects a resource constructed outside any program", () => {
    expect(() => new Bucket("orphan")).toThrow(/setMocks/);
  });
});
