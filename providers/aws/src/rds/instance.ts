// aws.rds.Instance: an RDS DB instance. The master password is always secret in outputs and state.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface InstanceArgs {
  /** The DB instance identifier; auto-named (lowercase, at most 63 characters) from the resource name when unset. */
  identifier?: Input<string>;
  /** A prefix for the auto-named identifier. */
  identifierPrefix?: Input<string>;
  /** "postgres", "mysql", "mariadb", ... */
  engine: Input<string>;
  /** The engine version; "16" matches whatever 16.x AWS picks. */
  engineVersion?: Input<string>;
  /** "db.t3.micro", ... */
  instanceClass: Input<string>;
  /** Storage in GiB. */
  allocatedStorage?: Input<number>;
  /** "gp2", "gp3", "io1", "io2" or "standard". */
  storageType?: Input<string>;
  /** The database created with the instance. */
  dbName?: Input<string>;
  /** The master user's name. */
  username?: Input<string>;
  /** The master user's password (always secret; a change updates the instance in place). */
  password?: Input<string>;
  port?: Input<number>;
  dbSubnetGroupName?: Input<string>;
  vpcSecurityGroupIds?: Input<Input<string>[]>;
  publiclyAccessible?: Input<boolean>;
  multiAz?: Input<boolean>;
  /** Days to keep automated backups (0 turns them off). */
  backupRetentionPeriod?: Input<number>;
  /** Delete without a final snapshot (default false: then finalSnapshotIdentifier is needed to delete). */
  skipFinalSnapshot?: Input<boolean>;
  finalSnapshotIdentifier?: Input<string>;
  deletionProtection?: Input<boolean>;
  /** Apply modifications now instead of in the next maintenance window. */
  applyImmediately?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "identifier", "identifierPrefix", "engine", "engineVersion", "instanceClass", "allocatedStorage", "storageType", "dbName", "username",
  "password", "port", "dbSubnetGroupName", "vpcSecurityGroupIds", "publiclyAccessible", "multiAz", "backupRetentionPeriod",
  "skipFinalSnapshot", "finalSnapshotIdentifier", "deletionProtection", "applyImmediately", "tags",
  "arn", "address", "endpoint", "engineVersionActual", "resourceId", "status", "tagsAll",
] as const;
const SECRETS = ["password"];

export class Instance extends CustomResource {
  declare readonly identifier: Output<string>;
  declare readonly identifierPrefix: Output<string | undefined>;
  declare readonly engine: Output<string>;
  declare readonly engineVersion: Output<string>;
  declare readonly instanceClass: Output<string>;
  declare readonly allocatedStorage: Output<number>;
  declare readonly storageType: Output<string>;
  declare readonly dbName: Output<string | undefined>;
  declare readonly username: Output<string>;
  declare readonly password: Output<string | undefined>;
  declare readonly port: Output<number>;
  declare readonly dbSubnetGroupName: Output<string>;
  declare readonly vpcSecurityGroupIds: Output<string[]>;
  declare readonly publiclyAccessible: Output<boolean>;
  declare readonly multiAz: Output<boolean>;
  declare readonly backupRetentionPeriod: Output<number>;
  declare readonly skipFinalSnapshot: Output<boolean>;
  declare readonly finalSnapshotIdentifier: Output<string | undefined>;
  declare readonly deletionProtection: Output<boolean>;
  declare readonly applyImmediately: Output<boolean | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  /** The host name to connect to. */
  declare readonly address: Output<string>;
  /** "address:port". */
  declare readonly endpoint: Output<string>;
  /** The full engine version AWS runs ("16.3" when the program asked for "16"). */
  declare readonly engineVersionActual: Output<string>;
  declare readonly resourceId: Output<string>;
  declare readonly status: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: InstanceArgs, opts: CustomResourceOptions = {}) {
    const additionalSecretOutputs = [...new Set([...(opts.additionalSecretOutputs ?? []), ...SECRETS])];
    super("aws:rds/instance:Instance", name, withOutputs(args, PROPERTIES), { ...opts, additionalSecretOutputs });
  }

  /** Reads an existing DB instance by its identifier into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<InstanceArgs> = {}, opts: CustomResourceOptions = {}): Instance {
    return new Instance(name, state as InstanceArgs, { ...opts, id });
  }
}
