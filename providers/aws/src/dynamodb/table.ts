// aws.dynamodb.Table: a DynamoDB table with a hash (and optional range) key.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface TableAttribute {
  name: Input<string>;
  /** "S", "N" or "B". */
  type: Input<string>;
}

export interface TableArgs {
  /** The table name; auto-named from the resource name when unset. */
  name?: Input<string>;
  /** "PROVISIONED" (default, needs readCapacity and writeCapacity) or "PAY_PER_REQUEST". */
  billingMode?: Input<string>;
  hashKey: Input<string>;
  rangeKey?: Input<string>;
  /** Definitions of the key attributes. */
  attributes: Input<Input<TableAttribute>[]>;
  readCapacity?: Input<number>;
  writeCapacity?: Input<number>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "billingMode", "hashKey", "rangeKey", "attributes", "readCapacity", "writeCapacity", "tags", "arn", "tagsAll"] as const;

export class Table extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly billingMode: Output<string>;
  declare readonly hashKey: Output<string>;
  declare readonly rangeKey: Output<string | undefined>;
  declare readonly attributes: Output<{ name: string; type: string }[]>;
  declare readonly readCapacity: Output<number | undefined>;
  declare readonly writeCapacity: Output<number | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: TableArgs, opts: CustomResourceOptions = {}) {
    super("aws:dynamodb/table:Table", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Table by its name into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<TableArgs> = {}, opts: CustomResourceOptions = {}): Table {
    return new Table(name, state as TableArgs, { ...opts, id });
  }
}
