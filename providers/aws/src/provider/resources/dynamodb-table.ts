// aws:dynamodb/table:Table — a DynamoDB table with a hash (and optional range) key. ID = table
// name. Billing mode, provisioned capacity and tags update in place (UpdateTable, waiting until the
// table is ACTIVE again); name, keys and attribute definitions replace. No secondary indexes yet.
import {
  CreateTableCommand, DeleteTableCommand, DescribeTableCommand, ListTagsOfResourceCommand, TagResourceCommand, UntagResourceCommand,
  UpdateTableCommand, type BillingMode, type KeySchemaElement, type ScalarAttributeType,
} from "@aws-sdk/client-dynamodb";
import type { CheckFailure } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { num, objList, str, strMap, type Plain } from "../values.js";

function keySchema(inputs: Plain): KeySchemaElement[] {
  const keys: KeySchemaElement[] = [{ AttributeName: str(inputs["hashKey"]), KeyType: "HASH" }];
  const range = str(inputs["rangeKey"]);
  if (range !== undefined) keys.push({ AttributeName: range, KeyType: "RANGE" });
  return keys;
}

function throughput(inputs: Plain): { ProvisionedThroughput?: { ReadCapacityUnits: number; WriteCapacityUnits: number } } {
  if (str(inputs["billingMode"]) === "PAY_PER_REQUEST") return {};
  return { ProvisionedThroughput: { ReadCapacityUnits: num(inputs["readCapacity"]) ?? 0, WriteCapacityUnits: num(inputs["writeCapacity"]) ?? 0 } };
}

function waitActive(ctx: ResourceContext, name: string): Promise<void> {
  return ctx.waitFor({
    what: `DynamoDB table ${name} to become ACTIVE`,
    done: async () => (await ctx.clients.dynamodb().send(new DescribeTableCommand({ TableName: name }), ctx.sendOptions)).Table?.TableStatus === "ACTIVE",
  });
}

/** Attribute definitions compared as a set. */
function attributesEqual(a: Plain[string] | undefined, b: Plain[string] | undefined): boolean {
  const key = (v: Plain[string] | undefined) => objList(v).map((x) => `${str(x["name"])}:${str(x["type"])}`).sort().join(",");
  return key(a) === key(b);
}

export const dynamodbTable = defineResource({
  type: "aws:dynamodb/table:Table",
  inputs: {
    name: { kind: "string", forceNew: true },
    billingMode: { kind: "string", default: "PROVISIONED", oneOf: ["PROVISIONED", "PAY_PER_REQUEST"] },
    hashKey: { kind: "string", required: true, forceNew: true },
    rangeKey: { kind: "string", forceNew: true },
    attributes: {
      kind: "objectList", required: true, forceNew: true, equal: attributesEqual,
      fields: { name: { kind: "string", required: true }, type: { kind: "string", required: true, oneOf: ["S", "N", "B"] } },
    },
    readCapacity: { kind: "number" },
    writeCapacity: { kind: "number" },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "tagsAll"],
  naming: { property: "name", maxLength: 255 },
  tags: true,
  notFound: ["ResourceNotFoundException"],
  validate(inputs) {
    const failures: CheckFailure[] = [];
    const names = new Set(objList(inputs["attributes"]).map((a) => str(a["name"])));
    for (const k of ["hashKey", "rangeKey"]) {
      const v = str(inputs[k]);
      if (v !== undefined && !names.has(v)) failures.push({ property: k, reason: `${k} ${JSON.stringify(v)} must be listed in attributes` });
    }
    if (names.size !== objList(inputs["attributes"]).length) failures.push({ property: "attributes", reason: "attributes must not name an attribute twice" });
    if (str(inputs["billingMode"]) !== "PAY_PER_REQUEST") {
      for (const k of ["readCapacity", "writeCapacity"]) if (inputs[k] === undefined) failures.push({ property: k, reason: `${k} is required when billingMode is PROVISIONED` });
    }
    return failures;
  },

  async create(ctx, inputs) {
    const name = str(inputs["name"]) as string;
    const tags = toTagList(strMap(inputs["tagsAll"]));
    await ctx.clients.dynamodb().send(new CreateTableCommand({
      TableName: name, BillingMode: str(inputs["billingMode"]) as BillingMode, KeySchema: keySchema(inputs),
      AttributeDefinitions: objList(inputs["attributes"]).map((a) => ({ AttributeName: str(a["name"]), AttributeType: str(a["type"]) as ScalarAttributeType })),
      ...throughput(inputs), ...(tags.length > 0 ? { Tags: tags } : {}),
    }), ctx.sendOptions);
    ctx.created(name);
    await waitActive(ctx, name);
    return name;
  },
  async read(ctx, { id, inputs }) {
    const ddb = ctx.clients.dynamodb();
    const t = (await ddb.send(new DescribeTableCommand({ TableName: id }), ctx.sendOptions)).Table;
    if (t === undefined || t.TableStatus === "DELETING") return undefined;
    const all = fromTagList((await ddb.send(new ListTagsOfResourceCommand({ ResourceArn: t.TableArn }), ctx.sendOptions)).Tags);
    const billingMode = t.BillingModeSummary?.BillingMode ?? "PROVISIONED";
    const read: Plain = {
      name: t.TableName ?? id,
      billingMode,
      hashKey: t.KeySchema?.find((k) => k.KeyType === "HASH")?.AttributeName ?? "",
      attributes: (t.AttributeDefinitions ?? []).map((a) => ({ name: a.AttributeName ?? "", type: a.AttributeType ?? "S" })),
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    const range = t.KeySchema?.find((k) => k.KeyType === "RANGE")?.AttributeName;
    if (range !== undefined) read["rangeKey"] = range;
    if (billingMode === "PROVISIONED") {
      read["readCapacity"] = t.ProvisionedThroughput?.ReadCapacityUnits ?? 0;
      read["writeCapacity"] = t.ProvisionedThroughput?.WriteCapacityUnits ?? 0;
    }
    return { inputs: read, outputs: { arn: t.TableArn ?? "", tagsAll: all } };
  },
  async update(ctx, { id, olds, news, changed }) {
    const ddb = ctx.clients.dynamodb();
    if (["billingMode", "readCapacity", "writeCapacity"].some((k) => changed.has(k))) {
      await ddb.send(new UpdateTableCommand({ TableName: id, BillingMode: str(news["billingMode"]) as BillingMode, ...throughput(news) }), ctx.sendOptions);
      await waitActive(ctx, id);
    }
    if (changed.has("tagsAll")) {
      const arn = (await ddb.send(new DescribeTableCommand({ TableName: id }), ctx.sendOptions)).Table?.TableArn;
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await ddb.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await ddb.send(new TagResourceCommand({ ResourceArn: arn, Tags: toTagList(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.dynamodb().send(new DeleteTableCommand({ TableName: id }), ctx.sendOptions);
  },
});
