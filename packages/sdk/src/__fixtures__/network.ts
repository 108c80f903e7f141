// A component as a user would write it: a VPC with subnets.
import * as cairn from "@cairn/sdk";
import { Subnet, Vpc } from "./cloud.js";

export interface NetworkArgs {
  cidr: string;
  subnetCount: number;
}

export class Network extends cairn.ComponentResource {
  readonly vpc: Vpc;
  readonly subnets: Subnet[];
  readonly vpcId: cairn.Output<string>;

  constructor(name: string, args: NetworkArgs, opts?: cairn.ComponentResourceOptions) {
    super("acme:net:Network", name, args, opts);
    this.vpc = new Vpc(`${name}-vpc`, { cidrBlock: args.cidr, tags: { Name: name } }, { parent: this });
    this.subnets = [];
    for (let i = 0; i < args.subnetCount; i++) {
      const cidrBlock = args.cidr.replace(/\.0\.0\/16$/, `.${i}.0/24`);
      this.subnets.push(new Subnet(`${name}-subnet-${i}`, { vpcId: this.vpc.id, cidrBlock }, { parent: this }));
    }
    this.vpcId = this.vpc.id;
    this.registerOutputs({ vpcId: this.vpc.id, subnetIds: this.subnets.map((s) => s.id) });
  }
}
