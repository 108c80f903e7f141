// aws:lambda/function:Function — a Lambda function from a zip built from an archive marker
// (AssetArchive, FileArchive of a directory or of a ready-made .zip). ID = function name.
// A changed body (new archive, or local files whose zip no longer matches AWS's CodeSha256)
// updates in place with UpdateFunctionCode; configuration with UpdateFunctionConfiguration.
import {
  CreateFunctionCommand, DeleteFunctionCommand, GetFunctionCommand, TagResourceCommand, UntagResourceCommand, UpdateFunctionCodeCommand,
  UpdateFunctionConfigurationCommand, type FunctionConfiguration, type UpdateFunctionConfigurationCommandInput,
} from "@aws-sdk/client-lambda";
import { isAssetValue } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { tagChanges, userTags } from "../tags.js";
import { num, obj, str, strMap, type Plain } from "../values.js";
import { sha256Base64, zipBytes } from "../zip-archive.js";

/** Configuration properties UpdateFunctionConfiguration changes in place. */
const CONFIG_PROPS = ["role", "runtime", "handler", "timeout", "memorySize", "description", "environment"];

function code(ctx: { urn?: ResourceContext["urn"]; rootDirectory?: string }, inputs: Plain): Promise<Buffer> {
  return zipBytes({ property: "code", value: inputs["code"] ?? null, ...(ctx.urn !== undefined ? { urn: ctx.urn } : {}), ...(ctx.rootDirectory !== undefined ? { rootDirectory: ctx.rootDirectory } : {}) });
}

function configOf(inputs: Plain): Omit<UpdateFunctionConfigurationCommandInput, "FunctionName"> {
  const env = strMap(obj(inputs["environment"])?.["variables"]);
  return {
    Role: str(inputs["role"]),
    Runtime: str(inputs["runtime"]) as UpdateFunctionConfigurationCommandInput["Runtime"],
    Handler: str(inputs["handler"]),
    Timeout: num(inputs["timeout"]),
    MemorySize: num(inputs["memorySize"]),
    Description: str(inputs["description"]) ?? "",
    Environment: { Variables: env },
  };
}

/** Waits until the function is Active and no update is in progress. */
function waitReady(ctx: ResourceContext, name: string): Promise<void> {
  return ctx.waitFor({
    what: `Lambda function ${name} to become active`,
    done: async () => {
      const c = (await ctx.clients.lambda().send(new GetFunctionCommand({ FunctionName: name }), ctx.sendOptions)).Configuration;
      if (c?.State === "Failed") throw new Error(`function ${name} failed: ${c.StateReason ?? "no reason given"}`);
      return (c?.State === undefined || c.State === "Active") && c?.LastUpdateStatus !== "InProgress";
    },
  });
}

function inputsOf(c: FunctionConfiguration, tags: Record<string, string>): Plain {
  const read: Plain = {
    name: c.FunctionName ?? "",
    role: c.Role ?? "",
    timeout: c.Timeout ?? 3,
    memorySize: c.MemorySize ?? 128,
    tags,
  };
  if (c.Runtime !== undefined) read["runtime"] = c.Runtime;
  if (c.Handler !== undefined) read["handler"] = c.Handler;
  if (c.Description !== undefined && c.Description !== "") read["description"] = c.Description;
  const vars = c.Environment?.Variables ?? {};
  if (Object.keys(vars).length > 0) read["environment"] = { variables: vars };
  return read;
}

export const lambdaFunction = defineResource({
  type: "aws:lambda/function:Function",
  inputs: {
    name: { kind: "string", forceNew: true },
    role: { kind: "string", required: true },
    runtime: { kind: "string" },
    handler: { kind: "string" },
    code: { kind: "asset" },
    timeout: { kind: "number", default: 3 },
    memorySize: { kind: "number", default: 128 },
    description: { kind: "string" },
    environment: { kind: "object", fields: { variables: { kind: "stringMap" } } },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "invokeArn", "qualifiedArn", "version", "lastModified", "sourceCodeHash", "sourceCodeSize", "tagsAll"],
  naming: { property: "name", maxLength: 64 },
  tags: true,
  notFound: ["ResourceNotFoundException"],
  validate(inputs) {
    const failures = [];
    if (inputs["code"] === undefined) failures.push({ property: "code", reason: "code is required: give an AssetArchive or a FileArchive (a directory or a .zip file)" });
    else if (isAssetValue(inputs["code"])) failures.push({ property: "code", reason: "code must be an archive, not a single asset: wrap it, e.g. new AssetArchive({\"index.js\": asset})" });
    for (const k of ["runtime", "handler"]) if (inputs[k] === undefined) failures.push({ property: k, reason: `${k} is required for a function deployed from a zip` });
    return failures;
  },
  async extraDiff({ olds, news, rootDirectory }) {
    const hash = str(olds["sourceCodeHash"]);
    if (hash === undefined || news["code"] === undefined) return [];
    const bytes = await code(rootDirectory !== undefined ? { rootDirectory } : {}, news).catch(() => undefined);
    return bytes !== undefined && sha256Base64(bytes) !== hash ? ["code"] : [];
  },

  async create(ctx, inputs) {
    const name = str(inputs["name"]) as string;
    const tags = strMap(inputs["tagsAll"]);
    await ctx.clients.lambda().send(new CreateFunctionCommand({
      FunctionName: name, ...configOf(inputs), Role: str(inputs["role"]) as string, Code: { ZipFile: await code(ctx, inputs) }, PackageType: "Zip",
      ...(Object.keys(tags).length > 0 ? { Tags: tags } : {}),
    }), ctx.sendOptions);
    ctx.created(name);
    await waitReady(ctx, name);
    return name;
  },
  async read(ctx, { id, inputs }) {
    const res = await ctx.clients.lambda().send(new GetFunctionCommand({ FunctionName: id }), ctx.sendOptions);
    const c = res.Configuration;
    if (c === undefined) return undefined;
    const all = res.Tags ?? {};
    const read = inputsOf(c, userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]));
    if (inputs?.["code"] !== undefined) read["code"] = inputs["code"];
    const arn = c.FunctionArn ?? "";
    return {
      inputs: read,
      outputs: {
        arn, qualifiedArn: `${arn}:${c.Version ?? "$LATEST"}`, version: c.Version ?? "$LATEST", lastModified: c.LastModified ?? "",
        invokeArn: `arn:aws:apigateway:${ctx.clients.region}:lambda:path/2015-03-31/functions/${arn}/invocations`,
        sourceCodeHash: c.CodeSha256 ?? "", sourceCodeSize: c.CodeSize ?? 0, tagsAll: all,
      },
    };
  },
  async update(ctx, { id, olds, news, changed }) {
    const lambda = ctx.clients.lambda();
    if (CONFIG_PROPS.some((k) => changed.has(k))) {
      await lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: id, ...configOf(news) }), ctx.sendOptions);
      await waitReady(ctx, id);
    }
    const zip = await code(ctx, news);
    if (changed.has("code") || sha256Base64(zip) !== str(olds["sourceCodeHash"])) {
      await lambda.send(new UpdateFunctionCodeCommand({ FunctionName: id, ZipFile: zip }), ctx.sendOptions);
      await waitReady(ctx, id);
    }
    if (changed.has("tagsAll")) {
      const arn = (await lambda.send(new GetFunctionCommand({ FunctionName: id }), ctx.sendOptions)).Configuration?.FunctionArn;
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await lambda.send(new UntagResourceCommand({ Resource: arn, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await lambda.send(new TagResourceCommand({ Resource: arn, Tags: set }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.lambda().send(new DeleteFunctionCommand({ FunctionName: id }), ctx.sendOptions);
  },
});
