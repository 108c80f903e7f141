// End to end: examples/aws-database deploys with the real `cairn` binary against moto — a VPC,
// RDS subnet group and instance, a generated password and a Secrets Manager secret — and the
// password is never printed or written in plaintext by Cairn; then destroy leaves nothing behind.
import { DescribeDBInstancesCommand, RDSClient } from "@aws-sdk/client-rds";
import { GetSecretValueCommand, ListSecretsCommand, SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { cpSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliSandbox, expectCode } from "../../packages/cli/test/cli-harness.js";
import { startMoto, type Moto } from "../../providers/aws/src/test-support/moto.js";

const EXAMPLE = resolve(dirname(fileURLToPath(import.meta.url)), "../../examples/aws-database");
const creds = { accessKeyId: "testing", secretAccessKey: "testing" };
let moto: Moto;
let rds: RDSClient;
let sm: SecretsManagerClient;

beforeAll(async () => {
  moto = await startMoto();
  rds = new RDSClient({ endpoint: moto.url, region: "us-east-1", credentials: creds });
  sm = new SecretsManagerClient({ endpoint: moto.url, region: "us-east-1", credentials: creds });
});
afterAll(async () => {
  rds?.destroy();
  sm?.destroy();
  await moto?.stop();
});

interface Connection {
  engine: string;
  host: string;
  port: number;
  dbname: string;
  username: string;
  password: string;
}

describe("the aws-database example", () => {
  it("deploys a database whose password stays secret, is stable on preview and refresh, and destroys cleanly", async () => {
    const sb = new CliSandbox({ AWS_ENDPOINT_URL: moto.url, AWS_ACCESS_KEY_ID: creds.accessKeyId, AWS_SECRET_ACCESS_KEY: creds.secretAccessKey });
    cpSync(EXAMPLE, join(sb.root, "db"), { recursive: true });
    expectCode(await sb.run("db", ["stack", "select", "dev", "--create"]), 0);
    expectCode(await sb.run("db", ["config", "set", "aws:region", "us-east-1"]), 0);
    const up = expectCode(await sb.run("db", ["up", "--yes"]), 0);
    expect(up.stdout).toMatch(/dbPassword\s*: \[secret\]/);

    const outputs = JSON.parse(expectCode(await sb.run("db", ["stack", "output", "--json"]), 0).stdout) as Record<string, unknown>;
    expect(outputs).toMatchObject({ port: 5432, database: "app", user: "app", dbPassword: "[secret]" });
    const id = String(outputs["instanceIdentifier"]);
    expect(id).toMatch(/^db-[0-9a-f]{7}$/);
    expect(outputs["host"]).toMatch(new RegExp(`^${id}\\.`));
    expect(outputs["endpoint"]).toBe(`${String(outputs["host"])}:5432`);

    // The instance is in the subnet group; the secret holds the connection details.
    const instance = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances?.[0];
    expect(instance).toMatchObject({ Engine: "postgres", DBName: "app", MasterUsername: "app", DBInstanceStatus: "available" });
    expect(instance?.DBSubnetGroup?.DBSubnetGroupName).toMatch(/^db-subnets-/);
    const value = await sm.send(new GetSecretValueCommand({ SecretId: String(outputs["secretArn"]) }));
    const conn = JSON.parse(value.SecretString ?? "{}") as Connection;
    expect(conn).toMatchObject({ engine: "postgres", host: outputs["host"], port: 5432, dbname: "app", username: "app" });
    expect(conn.password).toMatch(/^[A-Za-z0-9!#$%^&*()\-_=+]{24}$/);

    expectCode(await sb.run("db", ["preview", "--expect-no-changes"]), 0);
    // Reading everything back from AWS finds no drift (RDS never returns the password: Cairn keeps it).
    expectCode(await sb.run("db", ["refresh", "--yes", "--expect-no-changes"]), 0);
    expectCode(await sb.run("db", ["preview", "--expect-no-changes"]), 0);
    // Nothing Cairn printed or wrote through up, preview and refresh (state, history, config, logs) holds the password in plaintext.
    expect(sb.whereIs(id).some((f) => f.startsWith(sb.state))).toBe(true); // the scan does see the state files
    expect(sb.whereIs(conn.password)).toEqual([]);

    // A new password (the RandomPassword replaced) updates the instance in place and the secret gets a new version.
    const rotate = expectCode(await sb.run("db", ["up", "--yes", "--replace", "urn:cairn:dev::aws-database::random:index/randomPassword:RandomPassword::db-password"]), 0);
    expect(rotate.stdout).toMatch(/aws:rds\/instance:Instance db updated/);
    expect(rotate.stdout).not.toMatch(/aws:rds\/instance:Instance db (creat|replac|delet)/);
    const rotated = JSON.parse((await sm.send(new GetSecretValueCommand({ SecretId: String(outputs["secretArn"]) }))).SecretString ?? "{}") as Connection;
    expect(rotated.password).not.toBe(conn.password);
    expect((await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances).toHaveLength(1);
    expect(sb.whereIs(rotated.password)).toEqual([]);

    const revealed = expectCode(await sb.run("db", ["stack", "output", "dbPassword", "--show-secrets"]), 0).stdout.trim();
    expect(revealed).toBe(rotated.password);

    expectCode(await sb.run("db", ["destroy", "--yes"]), 0);
    expect((await rds.send(new DescribeDBInstancesCommand({}))).DBInstances ?? []).toEqual([]);
    expect((await sm.send(new ListSecretsCommand({}))).SecretList ?? []).toEqual([]);
  }, 240_000);
});
