// Secrets Manager Secret and SecretVersion (the value stays secret) and KMS Key against moto.
import { DisableKeyRotationCommand, EncryptCommand, KMSClient, UpdateKeyDescriptionCommand } from "@aws-sdk/client-kms";
import { DescribeSecretCommand, PutSecretValueCommand, SecretsManagerClient, UpdateSecretCommand } from "@aws-sdk/client-secrets-manager";
import { describe, expect, it } from "vitest";
import { isSecretValue, makeSecret } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
const KEY = "aws:kms/key:Key";
const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const sm = m.client(SecretsManagerClient);
const kms = m.client(KMSClient);

describe("aws:secretsmanager/secret:Secret", () => {
  it("creates, updates description and tags in place, drifts, imports, replaces and schedules deletion", async () => {
    const s = await createResource(m.provider, SECRET, "db", { description: "db password", tags: { env: "dev" }, recoveryWindowInDays: 7 });
    expect(s.id).toMatch(/^arn:aws:secretsmanager:us-east-1:\d+:secret:db-[0-9a-f]{7}-\w+$/);
    expect(s.outputs).toMatchObject({ arn: s.id, name: expect.stringMatching(/^db-[0-9a-f]{7}$/) as string, tagsAll: { env: "dev", team: "ops" } });
    expect((await planChange(m.provider, s, { description: "db password", tags: { env: "dev" }, recoveryWindowInDays: 7 })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, s, { description: "rotated monthly", tags: { env: "prod" }, recoveryWindowInDays: 7 });
    expect(u.outputs).toMatchObject({ description: "rotated monthly", tagsAll: { env: "prod", team: "ops" } });

    await sm().send(new UpdateSecretCommand({ SecretId: s.id, Description: "edited by hand" }));
    expect((await readResource(m.provider, u)).inputs?.["description"]).toBe("edited by hand");
    const imported = await importResource(m.provider, SECRET, "imp", s.outputs["name"] as string);
    expect(imported.id).toBe(s.id);
    expect(imported.inputs).toMatchObject({ name: s.outputs["name"], tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { name: "db-two", recoveryWindowInDays: 7 });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    expect((await sm().send(new DescribeSecretCommand({ SecretId: s.id }))).DeletedDate).toBeInstanceOf(Date);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("validates the recovery window", async () => {
    const res = await m.provider.check({ urn: urnOf(SECRET, "bad"), type: SECRET, olds: {}, news: { recoveryWindowInDays: 3 }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property)).toEqual(["recoveryWindowInDays"]);
  });
});

describe("aws:secretsmanager/secretVersion:SecretVersion", () => {
  it("stores a value that stays secret in outputs, reads and imports, replaces with a new version and drifts", async () => {
    const s = await createResource(m.provider, SECRET, "api", { recoveryWindowInDays: 0 });
    const plainArgs = { secretId: s.id, secretString: "hunter2" };
    const v = await createResource(m.provider, VERSION, "v1", plainArgs);
    expect(v.id).toMatch(new RegExp(`^${s.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\|.+`));
    expect(isSecretValue(v.outputs["secretString"])).toBe(true);
    expect(v.outputs).toMatchObject({ arn: s.id, versionStages: ["AWSCURRENT"], secretString: makeSecret("hunter2") });
    const read = await readResource(m.provider, v);
    expect(read.inputs?.["secretString"]).toEqual(makeSecret("hunter2"));
    expect(read.outputs?.["secretString"]).toEqual(makeSecret("hunter2"));
    const imported = await importResource(m.provider, VERSION, "imp", v.id);
    expect(imported.inputs?.["secretString"]).toEqual(makeSecret("hunter2"));
    expect(imported.outputs?.["secretString"]).toEqual(makeSecret("hunter2"));

    const r = await replaceResource(m.provider, v, { secretId: s.id, secretString: makeSecret("correct horse") });
    expect(r.diff.replaces).toEqual(["secretString"]);
    expect(r.outputs["secretString"]).toEqual(makeSecret("correct horse"));
    expect(await readResource(m.provider, v)).toEqual({});

    await sm().send(new PutSecretValueCommand({ SecretId: s.id, SecretString: "changed outside" }));
    expect((await readResource(m.provider, r)).outputs?.["versionStages"]).toEqual(["AWSPREVIOUS"]);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });
});

describe("aws:kms/key:Key", () => {
  it("creates, updates description, rotation, enablement and tags in place, drifts, imports, replaces and schedules deletion", async () => {
    const k = await createResource(m.provider, KEY, "data", { description: "data key", tags: { env: "dev" }, deletionWindowInDays: 7 });
    expect(k.outputs).toMatchObject({ keyId: k.id, keyUsage: "ENCRYPT_DECRYPT", enableKeyRotation: false, isEnabled: true, tagsAll: { env: "dev", team: "ops" } });
    expect(k.outputs["arn"]).toMatch(/:key\//);
    expect((await kms().send(new EncryptCommand({ KeyId: k.id, Plaintext: Buffer.from("x") }))).CiphertextBlob?.length).toBeGreaterThan(0);
    expect((await planChange(m.provider, k, { description: "data key", tags: { env: "dev" }, deletionWindowInDays: 7 })).diff.changes).toBe("none");

    const u = await updateResource(m.provider, k, { description: "data key v2", enableKeyRotation: true, isEnabled: false, tags: { env: "prod" }, deletionWindowInDays: 7 });
    expect(u.outputs).toMatchObject({ description: "data key v2", enableKeyRotation: true, isEnabled: false, tagsAll: { env: "prod", team: "ops" } });

    await kms().send(new DisableKeyRotationCommand({ KeyId: k.id }));
    await kms().send(new UpdateKeyDescriptionCommand({ KeyId: k.id, Description: "by hand" }));
    expect((await readResource(m.provider, u)).inputs).toMatchObject({ enableKeyRotation: false, description: "by hand" });
    expect((await importResource(m.provider, KEY, "imp", k.id)).inputs).toMatchObject({ description: "by hand", isEnabled: false, tags: { env: "prod" } });

    const r = await replaceResource(m.provider, u, { keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "RSA_2048", deletionWindowInDays: 7 });
    expect(r.diff.replaces?.sort()).toEqual(["customerMasterKeySpec", "keyUsage"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });
});
