// aws.route53.Zone: a public Route 53 hosted zone.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface ZoneArgs {
  /** The domain, e.g. "example.com". */
  name: Input<string>;
  comment?: Input<string>;
  /** Delete the zone's records (all but the apex NS and SOA) before the zone. */
  forceDestroy?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["name", "comment", "forceDestroy", "tags", "zoneId", "arn", "nameServers", "tagsAll"] as const;

export class Zone extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly comment: Output<string>;
  declare readonly forceDestroy: Output<boolean | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly zoneId: Output<string>;
  declare readonly arn: Output<string>;
  declare readonly nameServers: Output<string[]>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: ZoneArgs, opts: CustomResourceOptions = {}) {
    super("aws:route53/zone:Zone", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Zone by its zone ID into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<ZoneArgs> = {}, opts: CustomResourceOptions = {}): Zone {
    return new Zone(name, state as ZoneArgs, { ...opts, id });
  }
}
