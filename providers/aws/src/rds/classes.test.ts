// aws.rds classes under the SDK's mocks: type tokens, inputs sent, dependencies, and the master
// password kept secret even when the program passes a plain string.
import { afterEach, describe, expect, it } from "vitest";
import { runtime } from "@cairn/sdk";
import * as aws from "../index.js";

afterEach(() => runtime.clearMocks());

const mocks = {
  newResource(args: { type: string; name: string; inputs: Record<string, unknown> }) {
    const computed: Record<string, unknown> = { arn: `arn:test:${args.name}`, tagsAll: args.inputs["tags"] ?? {} };
    if (args.type === "aws:rds/subnetGroup:SubnetGroup") computed["name"] = `${args.name}-1234567`;
    if (args.type === "aws:rds/instance:Instance") Object.assign(computed, { address: "db.example", endpoint: "db.example:5432", port: 5432, status: "available" });
    return { id: `${args.name}-id`, state: { ...args.inputs, ...computed } };
  },
  call() {
    return {};
  },
};

describe("aws.rds classes", () => {
  it("register a subnet group and an instance whose password output is secret", async () => {
    const monitor = await runtime.setMocks(mocks, "proj", "dev");
    const group = new aws.rds.SubnetGroup("dbs", { subnetIds: ["subnet-a", "subnet-b"] });
    const db = new aws.rds.Instance("db", {
      engine: "postgres", instanceClass: "db.t3.micro", allocatedStorage: 20, username: "app", password: "plain-text-pass",
      dbSubnetGroupName: group.name, skipFinalSnapshot: true,
    });
    await runtime.waitForRegistrations();

    expect(monitor.registrations.map((r) => r.type)).toEqual(expect.arrayContaining(["aws:rds/subnetGroup:SubnetGroup", "aws:rds/instance:Instance"]));
    const reg = monitor.registrations.find((r) => r.type === "aws:rds/instance:Instance")!;
    expect(reg.object).toMatchObject({ engine: "postgres", dbSubnetGroupName: "dbs-1234567", skipFinalSnapshot: true });
    expect(reg.propertyDependencies["dbSubnetGroupName"]).toEqual(["urn:cairn:dev::proj::aws:rds/subnetGroup:SubnetGroup::dbs"]);
    const password = await runtime.resolveOutput(db.password);
    expect(password).toMatchObject({ value: "plain-text-pass", secret: true });
    expect(await runtime.resolveOutput(db.endpoint)).toMatchObject({ value: "db.example:5432", secret: false });
  });
});
