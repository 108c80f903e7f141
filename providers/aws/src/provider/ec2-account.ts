// The AWS account ID for ARNs of EC2 resources whose describe call does not name the owner
// (volumes): the recorded ARN's account when there is one, else the owner of a security group.
import { DescribeSecurityGroupsCommand } from "@aws-sdk/client-ec2";
import type { PropertyValue } from "@cairn/protocol";
import type { ResourceContext } from "./resource-definition.js";

export async function ec2AccountId(ctx: ResourceContext, recordedArn: PropertyValue | undefined): Promise<string> {
  if (typeof recordedArn === "string") {
    const account = recordedArn.split(":")[4];
    if (account !== undefined && account !== "") return account;
  }
  const res = await ctx.clients.ec2().send(new DescribeSecurityGroupsCommand({ MaxResults: 5 }), ctx.sendOptions);
  return res.SecurityGroups?.find((g) => g.OwnerId !== undefined)?.OwnerId ?? "";
}
