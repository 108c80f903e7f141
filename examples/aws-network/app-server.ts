// AppServer: a component for one server on a Network — a security group (HTTP in, all out), an EC2
// instance in the network's first public subnet, and an EBS data volume attached to it. The
// instance is replaced delete-first (a new AMI stops the old server before the new one starts),
// and the volume lives in the subnet's zone so it survives the server's replacement.
import * as aws from "@cairn/aws";
import { ComponentResource, type ComponentResourceOptions, type Output } from "@cairn/sdk";
import type { Network } from "./network.js";

export interface AppServerArgs {
  network: Network;
  ami: string;
  instanceType: string;
  /** Data volume size in GiB. */
  volumeSize: number;
  /** Who may reach port 80 (default: anyone). */
  httpCidr?: string;
  tags?: Record<string, string>;
}

export class AppServer extends ComponentResource {
  readonly instanceId: Output<string>;
  readonly publicIp: Output<string>;
  readonly volumeId: Output<string>;
  readonly securityGroupId: Output<string>;

  constructor(name: string, args: AppServerArgs, opts: ComponentResourceOptions = {}) {
    super("examples:aws:AppServer", name, {}, opts);
    const tags = { ...args.tags, Name: name };
    const sg = new aws.ec2.SecurityGroup(name, {
      vpcId: args.network.vpcId,
      description: `HTTP to ${name}`,
      ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: [args.httpCidr ?? "0.0.0.0/0"] }],
      egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
      tags,
    }, { parent: this });
    const zone = args.network.availabilityZones[0] ?? "";
    const server = new aws.ec2.Instance(name, {
      ami: args.ami,
      instanceType: args.instanceType,
      subnetId: args.network.publicSubnetIds.apply((ids) => ids[0] ?? ""),
      vpcSecurityGroupIds: [sg.id],
      tags,
    }, { parent: this, deleteBeforeReplace: true });
    const data = new aws.ebs.Volume(`${name}-data`, { availabilityZone: zone, size: args.volumeSize, type: "gp3", tags: { ...tags, Name: `${name}-data` } }, { parent: this });
    new aws.ec2.VolumeAttachment(`${name}-data`, { deviceName: "/dev/sdf", instanceId: server.id, volumeId: data.id }, { parent: this });

    this.instanceId = server.id;
    this.publicIp = server.publicIp;
    this.volumeId = data.id;
    this.securityGroupId = sg.id;
    this.registerOutputs({ instanceId: this.instanceId, publicIp: this.publicIp, volumeId: this.volumeId, securityGroupId: this.securityGroupId });
  }
}
