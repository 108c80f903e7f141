// aws:rds/instance:Instance — one RDS DB instance. ID = the DB instance identifier. Class, storage,
// engine version, password, port, security groups, public access, Multi-AZ, backups, deletion
// protection and tags update in place (ModifyDBInstance, then waiting for `available`); identifier,
// engine, database name, username and subnet group replace it. The master password is always
// secret and never read back from AWS (AWS does not return it): read keeps the recorded one.
import {
  CreateDBInstanceCommand, DeleteDBInstanceCommand, DescribeDBInstancesCommand, ModifyDBInstanceCommand, type DBInstance, type ModifyDBInstanceCommandInput,
} from "@aws-sdk/client-rds";
import { CairnError, ErrorCodes, type CheckFailure } from "@cairn/protocol";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { sameStringSet } from "../string-sets.js";
import { toTagList, userTags } from "../tags.js";
import { unsetComputedAsOutputs } from "../unset-computed.js";
import { bool, num, str, strList, strMap, type Plain } from "../values.js";
import { engineVersionEqual, identifierProblems, rdsTags, updateRdsTags } from "./rds-support.js";

const NOT_FOUND = ["DBInstanceNotFound", "DBInstanceNotFoundFault"];

async function describe(ctx: ResourceContext, id: string): Promise<DBInstance | undefined> {
  return (await ctx.clients.rds().send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }), ctx.sendOptions)).DBInstances?.[0];
}

/** Waits for `available`; with `settled`, also until no modification is pending (an applied-now change has landed). */
function waitAvailable(ctx: ResourceContext, id: string, opts: { settled: boolean } = { settled: false }): Promise<void> {
  return ctx.waitFor({
    what: `DB instance ${id} to become available`, intervalMs: 5_000,
    done: async () => {
      const db = await describe(ctx, id);
      const pending = Object.values(db?.PendingModifiedValues ?? {}).some((v) => v !== undefined && v !== null);
      return db?.DBInstanceStatus === "available" && !(opts.settled && pending);
    },
  });
}

/** Top-level inputs sent to ModifyDBInstance, with the request field each one sets. */
const MODIFIABLE: Record<string, (news: Plain) => Partial<ModifyDBInstanceCommandInput>> = {
  instanceClass: (n) => ({ DBInstanceClass: str(n["instanceClass"]) }),
  allocatedStorage: (n) => ({ AllocatedStorage: num(n["allocatedStorage"]) }),
  storageType: (n) => ({ StorageType: str(n["storageType"]) }),
  engineVersion: (n) => ({ EngineVersion: str(n["engineVersion"]) }),
  password: (n) => ({ MasterUserPassword: str(n["password"]) }),
  port: (n) => ({ DBPortNumber: num(n["port"]) }),
  vpcSecurityGroupIds: (n) => ({ VpcSecurityGroupIds: strList(n["vpcSecurityGroupIds"]) }),
  publiclyAccessible: (n) => ({ PubliclyAccessible: bool(n["publiclyAccessible"]) }),
  multiAz: (n) => ({ MultiAZ: bool(n["multiAz"]) }),
  backupRetentionPeriod: (n) => ({ BackupRetentionPeriod: num(n["backupRetentionPeriod"]) }),
  deletionProtection: (n) => ({ DeletionProtection: bool(n["deletionProtection"]) }),
};

/** Inputs that only steer Cairn (delete and update behaviour): carried over from the recorded inputs on read. */
const LOCAL_ONLY = ["skipFinalSnapshot", "finalSnapshotIdentifier", "applyImmediately", "identifierPrefix"] as const;

function validate(inputs: Plain): CheckFailure[] {
  const failures = [
    ...identifierProblems("identifier", inputs["identifier"], { prefix: false }),
    ...identifierProblems("identifierPrefix", inputs["identifierPrefix"], { prefix: true }),
    ...identifierProblems("finalSnapshotIdentifier", inputs["finalSnapshotIdentifier"], { prefix: false }),
  ];
  const engine = str(inputs["engine"]) ?? "";
  if (!engine.startsWith("aurora") && inputs["allocatedStorage"] === undefined) {
    failures.push({ property: "allocatedStorage", reason: `allocatedStorage (GiB) is required for engine ${JSON.stringify(engine)}` });
  }
  for (const k of ["username", "password"]) {
    if (inputs[k] === undefined) failures.push({ property: k, reason: `${k} is required: Cairn creates the DB instance with a master user` });
  }
  return failures;
}

function readInputs(db: DBInstance, id: string): Plain {
  const read: Plain = {
    identifier: db.DBInstanceIdentifier ?? id,
    engine: db.Engine ?? "",
    engineVersion: db.EngineVersion ?? "",
    instanceClass: db.DBInstanceClass ?? "",
    allocatedStorage: db.AllocatedStorage ?? 0,
    storageType: db.StorageType ?? "",
    username: db.MasterUsername ?? "",
    port: db.Endpoint?.Port ?? db.DbInstancePort ?? 0,
    vpcSecurityGroupIds: (db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId ?? "").filter((g) => g !== ""),
    publiclyAccessible: db.PubliclyAccessible ?? false,
    multiAz: db.MultiAZ ?? false,
    backupRetentionPeriod: db.BackupRetentionPeriod ?? 0,
    deletionProtection: db.DeletionProtection ?? false,
  };
  if (db.DBName !== undefined) read["dbName"] = db.DBName;
  if (db.DBSubnetGroup?.DBSubnetGroupName !== undefined) read["dbSubnetGroupName"] = db.DBSubnetGroup.DBSubnetGroupName;
  return read;
}

export const rdsInstance = defineResource({
  type: "aws:rds/instance:Instance",
  inputs: {
    identifier: { kind: "string", forceNew: true },
    identifierPrefix: { kind: "string", forceNew: true },
    engine: { kind: "string", required: true, forceNew: true },
    engineVersion: { kind: "string", computed: true, equal: engineVersionEqual },
    instanceClass: { kind: "string", required: true },
    allocatedStorage: { kind: "number" },
    storageType: { kind: "string", computed: true, oneOf: ["standard", "gp2", "gp3", "io1", "io2"] },
    dbName: { kind: "string", forceNew: true },
    username: { kind: "string", forceNew: true },
    password: { kind: "string" },
    port: { kind: "number", computed: true },
    dbSubnetGroupName: { kind: "string", forceNew: true, computed: true },
    vpcSecurityGroupIds: { kind: "stringList", computed: true, equal: sameStringSet },
    publiclyAccessible: { kind: "boolean", default: false },
    multiAz: { kind: "boolean", computed: true },
    backupRetentionPeriod: { kind: "number", computed: true },
    skipFinalSnapshot: { kind: "boolean", default: false },
    finalSnapshotIdentifier: { kind: "string" },
    deletionProtection: { kind: "boolean", default: false },
    applyImmediately: { kind: "boolean" },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "address", "endpoint", "engineVersionActual", "resourceId", "status", "tagsAll"],
  naming: { property: "identifier", prefixProperty: "identifierPrefix", maxLength: 63, lowercase: true },
  tags: true,
  notFound: NOT_FOUND,
  secretOutputs: ["password"],
  validate,

  async create(ctx, inputs) {
    const id = str(inputs["identifier"]) as string;
    const tags = toTagList(strMap(inputs["tagsAll"]));
    const groups = strList(inputs["vpcSecurityGroupIds"]);
    await ctx.clients.rds().send(new CreateDBInstanceCommand({
      DBInstanceIdentifier: id, Engine: str(inputs["engine"]), EngineVersion: str(inputs["engineVersion"]),
      DBInstanceClass: str(inputs["instanceClass"]), AllocatedStorage: num(inputs["allocatedStorage"]), StorageType: str(inputs["storageType"]),
      DBName: str(inputs["dbName"]), MasterUsername: str(inputs["username"]), MasterUserPassword: str(inputs["password"]),
      Port: num(inputs["port"]), DBSubnetGroupName: str(inputs["dbSubnetGroupName"]),
      ...(groups.length > 0 ? { VpcSecurityGroupIds: groups } : {}),
      PubliclyAccessible: bool(inputs["publiclyAccessible"]), MultiAZ: bool(inputs["multiAz"]),
      BackupRetentionPeriod: num(inputs["backupRetentionPeriod"]), DeletionProtection: bool(inputs["deletionProtection"]),
      ...(tags.length > 0 ? { Tags: tags } : {}),
    }), ctx.sendOptions);
    ctx.created(id);
    await waitAvailable(ctx, id);
    return id;
  },
  async read(ctx, { id, inputs }) {
    const db = await describe(ctx, id);
    if (db === undefined) return undefined;
    const all = db.DBInstanceArn === undefined ? {} : await rdsTags(ctx, db.DBInstanceArn);
    const read = readInputs(db, id);
    read["tags"] = userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]);
    // AWS never returns the master password: keep the one last applied (none on import).
    if (inputs?.["password"] !== undefined) read["password"] = inputs["password"];
    for (const k of LOCAL_ONLY) if (inputs?.[k] !== undefined) read[k] = inputs[k];
    const address = db.Endpoint?.Address ?? "";
    const port = db.Endpoint?.Port ?? db.DbInstancePort ?? 0;
    const outputs: Plain = {
      arn: db.DBInstanceArn ?? "", address, endpoint: address === "" ? "" : `${address}:${port}`, engineVersionActual: db.EngineVersion ?? "",
      resourceId: db.DbiResourceId ?? "", status: db.DBInstanceStatus ?? "", tagsAll: all,
    };
    return unsetComputedAsOutputs(rdsInstance.inputs, { inputs: read, outputs }, inputs);
  },
  async update(ctx, { id, olds, news, changed }) {
    let request: ModifyDBInstanceCommandInput = { DBInstanceIdentifier: id };
    for (const [key, field] of Object.entries(MODIFIABLE)) if (changed.has(key) && news[key] !== undefined) request = { ...request, ...field(news) };
    if (Object.keys(request).length > 1) {
      request.ApplyImmediately = bool(news["applyImmediately"]) ?? false;
      await ctx.clients.rds().send(new ModifyDBInstanceCommand(request), ctx.sendOptions);
      // Changes left for the maintenance window stay pending: then only wait for `available`.
      await waitAvailable(ctx, id, { settled: request.ApplyImmediately });
    }
    if (changed.has("tagsAll")) {
      const arn = (await describe(ctx, id))?.DBInstanceArn;
      if (arn !== undefined) await updateRdsTags(ctx, arn, olds, news);
    }
  },
  async delete(ctx, { id, inputs }) {
    const skip = bool(inputs["skipFinalSnapshot"]) === true;
    const snapshot = str(inputs["finalSnapshotIdentifier"]);
    if (!skip && snapshot === undefined) {
      throw new CairnError({
        code: ErrorCodes.InvalidInput, source: "user", urn: ctx.urn,
        message: `cannot delete DB instance ${id} (${ctx.urn}): skipFinalSnapshot is false and no finalSnapshotIdentifier is set, so there is nowhere to keep the final snapshot`,
        hint: "set finalSnapshotIdentifier (or skipFinalSnapshot: true to delete without a snapshot), run `cairn up`, then delete again",
      });
    }
    await ctx.clients.rds().send(new DeleteDBInstanceCommand({
      DBInstanceIdentifier: id, SkipFinalSnapshot: skip, ...(skip ? {} : { FinalDBSnapshotIdentifier: snapshot }),
    }), ctx.sendOptions);
  },
});
