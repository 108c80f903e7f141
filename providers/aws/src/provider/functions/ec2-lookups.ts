// aws.ec2.getAmi, getVpc and getSubnets: look up existing EC2 things to build on.
import { DescribeImagesCommand, DescribeSubnetsCommand, DescribeVpcsCommand, type Filter, type Image } from "@aws-sdk/client-ec2";
import type { CheckFailure } from "@cairn/protocol";
import { strList, type Plain } from "../values.js";
import { ec2Filters, tagFilters, tagMap, unknownArgs, type FunctionDefinition } from "./function-definition.js";

const AMI_ARGS = ["owners", "mostRecent", "filters", "nameRegex", "executableUsers", "includeDeprecated"] as const;

function newest(images: Image[]): Image[] {
  return [...images].sort((a, b) => (b.CreationDate ?? "").localeCompare(a.CreationDate ?? ""));
}

export const getAmi: FunctionDefinition = {
  token: "aws:ec2/getAmi:getAmi",
  check(args) {
    const failures: CheckFailure[] = unknownArgs(args, AMI_ARGS);
    ec2Filters(args.filters, failures);
    if (args.nameRegex !== undefined) {
      try {
        new RegExp(String(args.nameRegex));
      } catch (e) {
        failures.push({ property: "nameRegex", reason: `not a valid regular expression: ${(e as Error).message}` });
      }
    }
    if (args.owners === undefined && args.filters === undefined && args.executableUsers === undefined) {
      failures.push({ property: "owners", reason: "give owners, filters or executableUsers, or the lookup would list every public image" });
    }
    return failures;
  },
  async call(ctx, args) {
    const owners = strList(args.owners);
    const users = strList(args.executableUsers);
    const res = await ctx.clients.ec2().send(
      new DescribeImagesCommand({
        ...(owners.length > 0 ? { Owners: owners } : {}),
        ...(users.length > 0 ? { ExecutableUsers: users } : {}),
        ...(args.filters !== undefined ? { Filters: ec2Filters(args.filters, []) } : {}),
        ...(args.includeDeprecated === true ? { IncludeDeprecated: true } : {}),
      }),
      ctx.sendOptions,
    );
    const pattern = typeof args.nameRegex === "string" ? new RegExp(args.nameRegex) : undefined;
    const found = (res.Images ?? []).filter((i) => pattern === undefined || pattern.test(i.Name ?? ""));
    if (found.length === 0) throw new Error("no AMI matches the lookup; widen owners, filters or nameRegex");
    if (found.length > 1 && args.mostRecent !== true) {
      throw new Error(`${found.length} AMIs match the lookup; narrow it or set mostRecent: true`);
    }
    const image = newest(found)[0]!;
    return {
      id: image.ImageId ?? "",
      imageId: image.ImageId ?? "",
      name: image.Name ?? "",
      description: image.Description ?? "",
      architecture: image.Architecture ?? "",
      creationDate: image.CreationDate ?? "",
      ownerId: image.OwnerId ?? "",
      platform: image.Platform ?? "",
      rootDeviceName: image.RootDeviceName ?? "",
      rootDeviceType: image.RootDeviceType ?? "",
      virtualizationType: image.VirtualizationType ?? "",
      state: image.State ?? "",
      tags: tagMap(image.Tags),
    };
  },
};

const VPC_ARGS = ["id", "default", "cidrBlock", "filters", "tags", "state"] as const;

export const getVpc: FunctionDefinition = {
  token: "aws:ec2/getVpc:getVpc",
  check(args) {
    const failures: CheckFailure[] = unknownArgs(args, VPC_ARGS);
    ec2Filters(args.filters, failures);
    return failures;
  },
  async call(ctx, args) {
    const filters: Filter[] = [...ec2Filters(args.filters, []), ...tagFilters(args.tags)];
    if (typeof args.default === "boolean") filters.push({ Name: "is-default", Values: [String(args.default)] });
    if (typeof args.cidrBlock === "string") filters.push({ Name: "cidr", Values: [args.cidrBlock] });
    if (typeof args.state === "string") filters.push({ Name: "state", Values: [args.state] });
    const res = await ctx.clients.ec2().send(
      new DescribeVpcsCommand({
        ...(typeof args.id === "string" ? { VpcIds: [args.id] } : {}),
        ...(filters.length > 0 ? { Filters: filters } : {}),
      }),
      ctx.sendOptions,
    );
    const vpcs = res.Vpcs ?? [];
    if (vpcs.length !== 1) throw new Error(`${vpcs.length} VPCs match the lookup; exactly one must`);
    const v = vpcs[0]!;
    const region = ctx.clients.region;
    return {
      id: v.VpcId ?? "",
      arn: `arn:aws:ec2:${region}:${v.OwnerId ?? ""}:vpc/${v.VpcId ?? ""}`,
      cidrBlock: v.CidrBlock ?? "",
      default: v.IsDefault ?? false,
      dhcpOptionsId: v.DhcpOptionsId ?? "",
      instanceTenancy: v.InstanceTenancy ?? "",
      ownerId: v.OwnerId ?? "",
      state: v.State ?? "",
      tags: tagMap(v.Tags),
    };
  },
};

export const getSubnets: FunctionDefinition = {
  token: "aws:ec2/getSubnets:getSubnets",
  check(args) {
    const failures: CheckFailure[] = unknownArgs(args, ["filters", "tags"]);
    ec2Filters(args.filters, failures);
    return failures;
  },
  async call(ctx, args: Plain) {
    const filters: Filter[] = [...ec2Filters(args.filters, []), ...tagFilters(args.tags)];
    const res = await ctx.clients.ec2().send(new DescribeSubnetsCommand(filters.length > 0 ? { Filters: filters } : {}), ctx.sendOptions);
    const ids = (res.Subnets ?? []).map((s) => s.SubnetId ?? "").filter((s) => s !== "").sort();
    return { id: ctx.clients.region, ids };
  },
};
