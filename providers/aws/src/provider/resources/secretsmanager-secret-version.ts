// aws:secretsmanager/secretVersion:SecretVersion — one value of a secret. ID = "<secret ARN>|<version ID>"
// (Pulumi's form). The value is always a secret in outputs and state. A new value is a new version
// (replace). Delete takes the version's staging labels away (AWS then drops it); a version still
// labelled AWSCURRENT stays until another value replaces it, as AWS requires.
import { GetSecretValueCommand, PutSecretValueCommand, UpdateSecretVersionStageCommand } from "@aws-sdk/client-secrets-manager";
import { defineResource } from "../resource-definition.js";
import { str, strList, type Plain } from "../values.js";

function split(id: string): { secretId: string; versionId: string } {
  const bar = id.lastIndexOf("|");
  return { secretId: id.slice(0, bar), versionId: id.slice(bar + 1) };
}

export const secretsmanagerSecretVersion = defineResource({
  type: "aws:secretsmanager/secretVersion:SecretVersion",
  inputs: {
    secretId: { kind: "string", required: true, forceNew: true },
    secretString: { kind: "string", forceNew: true },
    secretBinary: { kind: "string", forceNew: true },
    versionStages: { kind: "stringList", computed: true },
  },
  outputs: ["arn", "versionId"],
  secretOutputs: ["secretString", "secretBinary"],
  notFound: ["ResourceNotFoundException"],
  skipDeleteWait: true,
  validate(inputs) {
    if ((inputs["secretString"] === undefined) === (inputs["secretBinary"] === undefined)) {
      return [{ property: "secretString", reason: "set exactly one of secretString and secretBinary (base64)" }];
    }
    return [];
  },

  async create(ctx, inputs) {
    const secretId = str(inputs["secretId"]) as string;
    const binary = str(inputs["secretBinary"]);
    const stages = strList(inputs["versionStages"]);
    const res = await ctx.clients.secretsmanager().send(new PutSecretValueCommand({
      SecretId: secretId,
      ...(binary !== undefined ? { SecretBinary: Buffer.from(binary, "base64") } : { SecretString: str(inputs["secretString"]) }),
      ...(stages.length > 0 ? { VersionStages: stages } : {}),
    }), ctx.sendOptions);
    return `${res.ARN ?? secretId}|${res.VersionId ?? ""}`;
  },
  async read(ctx, { id }) {
    const { secretId, versionId } = split(id);
    const res = await ctx.clients.secretsmanager().send(new GetSecretValueCommand({ SecretId: secretId, VersionId: versionId }), ctx.sendOptions);
    // A version without staging labels is deprecated: AWS removes it, so it counts as gone.
    if ((res.VersionStages ?? []).length === 0) return undefined;
    const read: Plain = { secretId: res.ARN ?? secretId, versionStages: res.VersionStages ?? [] };
    if (res.SecretString !== undefined) read["secretString"] = res.SecretString;
    if (res.SecretBinary !== undefined) read["secretBinary"] = Buffer.from(res.SecretBinary).toString("base64");
    return { id: `${res.ARN ?? secretId}|${versionId}`, inputs: read, outputs: { arn: res.ARN ?? secretId, versionId } };
  },
  async update(ctx, { id, olds, news }) {
    // Only versionStages is not forceNew: move labels onto this version or away from it.
    const { secretId, versionId } = split(id);
    const before = new Set(strList(olds["versionStages"]));
    const after = new Set(strList(news["versionStages"]));
    const sm = ctx.clients.secretsmanager();
    for (const stage of after) if (!before.has(stage)) await sm.send(new UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: stage, MoveToVersionId: versionId }), ctx.sendOptions);
    for (const stage of before) if (!after.has(stage) && stage !== "AWSCURRENT") await sm.send(new UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: stage, RemoveFromVersionId: versionId }), ctx.sendOptions);
  },
  async delete(ctx, { id }) {
    const { secretId, versionId } = split(id);
    const sm = ctx.clients.secretsmanager();
    const res = await sm.send(new GetSecretValueCommand({ SecretId: secretId, VersionId: versionId }), ctx.sendOptions);
    for (const stage of res.VersionStages ?? []) {
      if (stage === "AWSCURRENT") continue;
      await sm.send(new UpdateSecretVersionStageCommand({ SecretId: secretId, VersionStage: stage, RemoveFromVersionId: versionId }), ctx.sendOptions);
    }
  },
});
