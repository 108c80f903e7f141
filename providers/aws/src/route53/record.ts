// aws.route53.Record: one record set (name + type) in a hosted zone.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface RecordArgs {
  zoneId: Input<string>;
  /** The record name: fully qualified, or relative to the zone ("www"). */
  name: Input<string>;
  /** "A", "AAAA", "CNAME", "TXT", "MX", ... */
  type: Input<string>;
  ttl: Input<number>;
  records: Input<Input<string>[]>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["zoneId", "name", "type", "ttl", "records", "fqdn"] as const;

export class Record extends CustomResource {
  declare readonly zoneId: Output<string>;
  declare readonly name: Output<string>;
  declare readonly type: Output<string>;
  declare readonly ttl: Output<number>;
  declare readonly records: Output<string[]>;
  declare readonly fqdn: Output<string>;

  constructor(name: string, args: RecordArgs, opts: CustomResourceOptions = {}) {
    super("aws:route53/record:Record", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Record by "<zoneId>_<name>_<type>" into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<RecordArgs> = {}, opts: CustomResourceOptions = {}): Record {
    return new Record(name, state as RecordArgs, { ...opts, id });
  }
}
