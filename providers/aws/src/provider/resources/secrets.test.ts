// Secrets Manager Secret and SecretVersion (the value stays secret) and KMS Key against moto.
import { DisableKeyRotationCommand, EncryptCommand, KMSClient, UpdateKeyDescriptionCommand } from "@aws-sdk/client-kms";
import { DescribeSecretCommand, PutSecretValueCommand, SecretsManagerClient, UpdateSecretCommand } from "@aws-sdk/client-secrets-manager";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isSecretValue, makeSecret, type Provider } from "@cairn/protocol";
import { startMoto, type Moto } from "../../test-support/moto.js";
import {
  createResource, deleteResource, importResource, motoProvider, planChange, readResource, replaceResource, updateResource, urnOf,
} from "../../test-support/provider-harness.js";

const SECRET = "aws:secretsmanager/secret:Secret";
const VERSION = "aws:secretsmanager/secretVersion:SecretVersion";
const KEY = "aws:kms/key:Key";
let moto: Moto;
let p: Provider;
let sm: SecretsManagerClient;
let kms: KMSClient;

beforeAll(async () => {
  moto = await startMoto();
  const cfg = { endpoint: moto.url, region: "us-east-1", credentials: { accessKeyId: "testing", secretAccessKey: "testing" } };
  sm = new SecretsManagerClient(cfg);
  kms = new KMSClient(cfg);
});
afterAll(async () => {
  sm?.destroy();
  kms?.destroy();
  await moto?.stop();
});
beforeEach(async () => {
  await moto.reset();
  p = await motoProvider(moto, { defaultTags: { tags: { team: "ops" } } });
});

describe("aws:secretsmanager/secret:Secret", () => {
  it("creates, updates description and tags in place, drifts, imports, replaces and schedules deletion", async () => {
    const s = await createResource(p, SECRET, "db", { description: "db password", tags: { env: "dev" }, recoveryWindowInDays: 7 });
    expect(s.id).toMatch(/^arn:aws:secretsmanager:us-east-1:\d+:secret:db-[0-9a-f]{7}-\w+$/);
    expect(s.outputs).toMatchObject({ arn: s.id, name: expect.stringMatching(/^db-[0-9a-f]{7}$/) as string, tagsAll: { env: "dev", team: "ops" } });
    expect((await planChange(p, s, { description: "db password", tags: { env: "dev" }, recoveryWindowInDays: 7 })).diff.changes).toBe("none");

    const u = await updateResource(p, s, { description: "rotated monthly", tags: { env: "prod" }, recoveryWindowInDays: 7 });
    expect(u.outputs).toMatchObject({ description: "rotated monthly", tagsAll: { env: "prod", team: "ops" } });

    await sm.send(new UpdateSecretCommand({ SecretId: s.id, Description: "edited by hand" }));
    expect((await readResource(p, u)).inputs?.["description"]).toBe("edited by hand");
    const imported = await importResource(p, SECRET, "imp", s.outputs["name"] as string);
    expect(imported.id).toBe(s.id);
    expect(imported.inputs).toMatchObject({ name: s.outputs["name"], tags: { env: "prod" } });

    const r = await replaceResource(p, u, { name: "db-two", recoveryWindowInDays: 7 });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(p, u)).toEqual({});
    expect((await sm.send(new DescribeSecretCommand({ SecretId: s.id }))).DeletedDate).toBeInstanceOf(Date);
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });

  it("validates the recovery window", async () => {
    const res = await p.check({ urn: urnOf(SECRET, "bad"), type: SECRET, olds: {}, news: { recoveryWindowInDays: 3 }, randomSeed: "s" });
    expect(res.failures?.map((f) => f.property)).toEqual(["recoveryWindowInDays"]);
  });
});

describe("aws:secretsmanager/secretVersion:SecretVersion", () => {
  it("stores a value that stays secret in outputs, reads and imports, replaces with a new version and drifts", async () => {
    const s = await createResource(p, SECRET, "api", { recoveryWindowInDays: 0 });
    const plainArgs = { secretId: s.id, secretString: "hunter2" };
    const v = await createResource(p, VERSION, "v1", plainArgs);
    expect(v.id).toMatch(new RegExp(`^${s.id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\|.+`));
    expect(isSecretValue(v.outputs["secretString"])).toBe(true);
    expect(v.outputs).toMatchObject({ arn: s.id, versionStages: ["AWSCURRENT"], secretString: makeSecret("hunter2") });
    const read = await readResource(p, v);
    expect(read.inputs?.["secretString"]).toEqual(makeSecret("hunter2"));
    expect(read.outputs?.["secretString"]).toEqual(makeSecret("hunter2"));
    const imported = await importResource(p, VERSION, "imp", v.id);
    expect(imported.inputs?.["secretString"]).toEqual(makeSecret("hunter2"));
    expect(imported.outputs?.["secretString"]).toEqual(makeSecret("hunter2"));

    const r = await replaceResource(p, v, { secretId: s.id, secretString: makeSecret("correct horse") });
    expect(r.diff.replaces).toEqual(["secretString"]);
    expect(r.outputs["secretString"]).toEqual(makeSecret("correct horse"));
    expect(await readResource(p, v)).toEqual({});

    await sm.send(new PutSecretValueCommand({ SecretId: s.id, SecretString: "changed outside" }));
    expect((await readResource(p, r)).outputs?.["versionStages"]).toEqual(["AWSPREVIOUS"]);
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
  });
});

describe("aws:kms/key:Key", () => {
  it("creates, updates description, rotation, enablement and tags in place, drifts, imports, replaces and schedules deletion", async () => {
    const k = await createResource(p, KEY, "data", { description: "data key", tags: { env: "dev" }, deletionWindowInDays: 7 });
    expect(k.outputs).toMatchObject({ keyId: k.id, keyUsage: "ENCRYPT_DECRYPT", enableKeyRotation: false, isEnabled: true, tagsAll: { env: "dev", team: "ops" } });
    expect(k.outputs["arn"]).toMatch(/:key\//);
    expect((await kms.send(new EncryptCommand({ KeyId: k.id, Plaintext: Buffer.from("x") }))).CiphertextBlob?.length).toBeGreaterThan(0);
    expect((await planChange(p, k, { description: "data key", tags: { env: "dev" }, deletionWindowInDays: 7 })).diff.changes).toBe("none");

    const u = await updateResource(p, k, { description: "data key v2", enableKeyRotation: true, isEnabled: false, tags: { env: "prod" }, deletionWindowInDays: 7 });
    expect(u.outputs).toMatchObject({ description: "data key v2", enableKeyRotation: true, isEnabled: false, tagsAll: { env: "prod", team: "ops" } });

    await kms.send(new DisableKeyRotationCommand({ KeyId: k.id }));
    await kms.send(new UpdateKeyDescriptionCommand({ KeyId: k.id, Description: "by hand" }));
    expect((await readResource(p, u)).inputs).toMatchObject({ enableKeyRotation: false, description: "by hand" });
    expect((await importResource(p, KEY, "imp", k.id)).inputs).toMatchObject({ description: "by hand", isEnabled: false, tags: { env: "prod" } });

    const r = await replaceResource(p, u, { keyUsage: "SIGN_VERIFY", customerMasterKeySpec: "RSA_2048", deletionWindowInDays: 7 });
    expect(r.diff.replaces?.sort()).toEqual(["customerMasterKeySpec", "keyUsage"]);
    expect(await readResource(p, u)).toEqual({});
    await deleteResource(p, r);
    expect(await readResource(p, r)).toEqual({});
    await deleteResource(p, r);
  });
});
