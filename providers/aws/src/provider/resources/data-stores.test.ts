// DynamoDB Table and ECR Repository against moto.
import { DynamoDBClient, PutItemCommand, UpdateTableCommand } from "@aws-sdk/client-dynamodb";
import { ECRClient, PutImageTagMutabilityCommand } from "@aws-sdk/client-ecr";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const TABLE = "aws:dynamodb/table:Table";
const REPO = "aws:ecr/repository:Repository";
const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const ddb = m.client(DynamoDBClient);
const ecr = m.client(ECRClient);

describe("aws:dynamodb/table:Table", () => {
  const attributes = [{ name: "pk", type: "S" }, { name: "sk", type: "N" }];

  it("creates, updates capacity, billing and tags in place, drifts, imports, replaces and deletes", async () => {
    const args = { hashKey: "pk", rangeKey: "sk", attributes, readCapacity: 5, writeCapacity: 5, tags: { env: "dev" } };
    const t = await createResource(m.provider, TABLE, "orders", args);
    expect(t.id).toMatch(/^orders-[0-9a-f]{7}$/);
    expect(t.outputs).toMatchObject({ name: t.id, billingMode: "PROVISIONED", readCapacity: 5, tagsAll: { env: "dev", team: "ops" } });
    expect(t.outputs["arn"]).toMatch(/:table\/orders-/);
    await ddb().send(new PutItemCommand({ TableName: t.id, Item: { pk: { S: "a" }, sk: { N: "1" } } }));
    expect((await planChange(m.provider, t, { ...args, attributes: [...attributes].reverse() })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, t, { ...args, readCapacity: 10, writeCapacity: 7, tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ readCapacity: 10, writeCapacity: 7, tagsAll: { env: "prod", team: "ops" } });
    const onDemand = await updateResource(m.provider, u, { hashKey: "pk", rangeKey: "sk", attributes, billingMode: "PAY_PER_REQUEST", tags: { env: "prod" } });
    expect(onDemand.outputs["billingMode"]).toBe("PAY_PER_REQUEST");

    await ddb().send(new UpdateTableCommand({ TableName: t.id, BillingMode: "PROVISIONED", ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 } }));
    expect((await readResource(m.provider, onDemand)).inputs).toMatchObject({ billingMode: "PROVISIONED", readCapacity: 2 });
    expect((await importResource(m.provider, TABLE, "imp", t.id)).inputs).toMatchObject({ name: t.id, hashKey: "pk", rangeKey: "sk", tags: { env: "prod" } });

    const r = await replaceResource(m.provider, onDemand, { name: "orders-v2", hashKey: "pk", attributes: [{ name: "pk", type: "S" }], billingMode: "PAY_PER_REQUEST" });
    expect(r.diff.replaces?.sort()).toEqual(["attributes", "name", "rangeKey"]);
    expect(await readResource(m.provider, onDemand)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("reports keys missing from attributes and missing capacity at once", async () => {
    const res = await m.provider.check({ urn: urnOf(TABLE, "bad"), type: TABLE, olds: {}, news: { hashKey: "id", rangeKey: "ts", attributes: [{ name: "x", type: "S" }] }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["hashKey", "rangeKey", "readCapacity", "writeCapacity"]);
  });
});

describe("aws:ecr/repository:Repository", () => {
  it("creates, updates mutability, scanning and tags in place, drifts, imports, replaces and deletes", async () => {
    const repo = await createResource(m.provider, REPO, "Web-App", { tags: { env: "dev" } });
    expect(repo.id).toMatch(/^web-app-[0-9a-f]{7}$/);
    expect(repo.outputs).toMatchObject({ imageTagMutability: "MUTABLE", imageScanningConfiguration: { scanOnPush: false }, tagsAll: { env: "dev", team: "ops" } });
    expect(repo.outputs["repositoryUrl"]).toMatch(new RegExp(`/${repo.id}$`));
    expect((await planChange(m.provider, repo, { tags: { env: "dev" } })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, repo, { imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true }, tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ imageTagMutability: "IMMUTABLE", imageScanningConfiguration: { scanOnPush: true }, tagsAll: { env: "prod", team: "ops" } });

    await ecr().send(new PutImageTagMutabilityCommand({ repositoryName: repo.id, imageTagMutability: "MUTABLE" }));
    expect((await readResource(m.provider, u)).inputs?.["imageTagMutability"]).toBe("MUTABLE");
    expect((await importResource(m.provider, REPO, "imp", repo.id)).inputs).toMatchObject({ name: repo.id, tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { name: "web-app-two", forceDelete: true });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});
