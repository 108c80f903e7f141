// Network: a reusable component for one VPC over two availability zones — a public and a private
// subnet in each, an internet gateway, and a public route table whose default route goes through
// the gateway, associated with the public subnets. Outputs the VPC and subnet IDs.
import * as aws from "@cairn/aws";
import { CairnError, ComponentResource, ErrorCodes, output, type ComponentResourceOptions, type Output } from "@cairn/sdk";

export interface NetworkArgs {
  /** The VPC's block, a /16 such as "10.10.0.0/16"; subnets are /24s carved from it. */
  cidrBlock: string;
  /** Two (or more) availability zones; each gets one public and one private subnet. */
  availabilityZones: string[];
  /** Added to every resource's tags (with Name). */
  tags?: Record<string, string>;
}

/** The /24 number `index` inside a /16 ("10.10.0.0/16", 3 -> "10.10.3.0/24"). */
export function subnetCidr(vpcCidr: string, index: number): string {
  const m = /^(\d+)\.(\d+)\.0\.0\/16$/.exec(vpcCidr);
  if (!m) throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `Network: cidrBlock ${JSON.stringify(vpcCidr)} must be a /16 such as "10.10.0.0/16"`, hint: "fix the VPC CIDR in this stack's Cairn.<stack>.yaml" });
  return `${m[1]}.${m[2]}.${index}.0/24`;
}

export class Network extends ComponentResource {
  readonly vpcId: Output<string>;
  readonly publicSubnetIds: Output<string[]>;
  readonly privateSubnetIds: Output<string[]>;
  /** The public subnets' zones, in the same order as publicSubnetIds. */
  readonly availabilityZones: string[];

  constructor(name: string, args: NetworkArgs, opts: ComponentResourceOptions = {}) {
    super("examples:aws:Network", name, {}, opts);
    const tags = (role: string) => ({ ...args.tags, Name: `${name}-${role}` });
    const vpc = new aws.ec2.Vpc(name, { cidrBlock: args.cidrBlock, enableDnsHostnames: true, tags: tags("vpc") }, { parent: this });
    const igw = new aws.ec2.InternetGateway(name, { vpcId: vpc.id, tags: tags("igw") }, { parent: this });
    const publicRoutes = new aws.ec2.RouteTable(`${name}-public`, { vpcId: vpc.id, routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }], tags: tags("public") }, { parent: this });

    const publicSubnets = args.availabilityZones.map((az, i) => {
      const subnet = new aws.ec2.Subnet(`${name}-public-${i}`, { vpcId: vpc.id, cidrBlock: subnetCidr(args.cidrBlock, i), availabilityZone: az, mapPublicIpOnLaunch: true, tags: tags(`public-${az}`) }, { parent: this });
      new aws.ec2.RouteTableAssociation(`${name}-public-${i}`, { routeTableId: publicRoutes.id, subnetId: subnet.id }, { parent: this });
      return subnet;
    });
    // Private subnets keep the VPC's main route table: no route to the internet.
    const privateSubnets = args.availabilityZones.map((az, i) =>
      new aws.ec2.Subnet(`${name}-private-${i}`, { vpcId: vpc.id, cidrBlock: subnetCidr(args.cidrBlock, 100 + i), availabilityZone: az, tags: tags(`private-${az}`) }, { parent: this }),
    );

    this.vpcId = vpc.id;
    this.publicSubnetIds = output(publicSubnets.map((s) => s.id));
    this.privateSubnetIds = output(privateSubnets.map((s) => s.id));
    this.availabilityZones = [...args.availabilityZones];
    this.registerOutputs({ vpcId: this.vpcId, publicSubnetIds: this.publicSubnetIds, privateSubnetIds: this.privateSubnetIds });
  }
}
