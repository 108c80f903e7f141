// Provider functions of aws.ec2: find an AMI, a VPC or subnets that already exist.
import type { Output } from "@cairn/sdk";
import type { Filter } from "../functions.js";
import { callFunction, callFunctionOutput, type InputArgs, type InvokeOptions } from "../provider-function.js";

export interface GetAmiArgs {
  owners?: string[];
  mostRecent?: boolean;
  filters?: Filter[];
  nameRegex?: string;
  executableUsers?: string[];
  includeDeprecated?: boolean;
}
export interface GetAmiResult {
  id: string;
  imageId: string;
  name: string;
  description: string;
  architecture: string;
  creationDate: string;
  ownerId: string;
  platform: string;
  rootDeviceName: string;
  rootDeviceType: string;
  virtualizationType: string;
  state: string;
  tags: Record<string, string>;
}
/** One AMI: the only match, or the newest with `mostRecent: true`. */
export function getAmi(args: GetAmiArgs, opts?: InvokeOptions): Promise<GetAmiResult> {
  return callFunction("aws:ec2/getAmi:getAmi", args, opts);
}
export function getAmiOutput(args: InputArgs<GetAmiArgs>, opts?: InvokeOptions): Output<GetAmiResult> {
  return callFunctionOutput("aws:ec2/getAmi:getAmi", args, opts);
}

export interface GetVpcArgs {
  id?: string;
  default?: boolean;
  cidrBlock?: string;
  state?: string;
  filters?: Filter[];
  tags?: Record<string, string>;
}
export interface GetVpcResult {
  id: string;
  arn: string;
  cidrBlock: string;
  default: boolean;
  dhcpOptionsId: string;
  instanceTenancy: string;
  ownerId: string;
  state: string;
  tags: Record<string, string>;
}
/** Exactly one VPC matching the arguments (`{ default: true }` for the default VPC). */
export function getVpc(args: GetVpcArgs = {}, opts?: InvokeOptions): Promise<GetVpcResult> {
  return callFunction("aws:ec2/getVpc:getVpc", args, opts);
}
export function getVpcOutput(args: InputArgs<GetVpcArgs> = {}, opts?: InvokeOptions): Output<GetVpcResult> {
  return callFunctionOutput("aws:ec2/getVpc:getVpc", args, opts);
}

export interface GetSubnetsArgs {
  filters?: Filter[];
  tags?: Record<string, string>;
}
export interface GetSubnetsResult {
  id: string;
  /** Subnet IDs, sorted. */
  ids: string[];
}
/** The IDs of every subnet matching the filters (e.g. `{name: "vpc-id", values: [vpcId]}`). */
export function getSubnets(args: GetSubnetsArgs = {}, opts?: InvokeOptions): Promise<GetSubnetsResult> {
  return callFunction("aws:ec2/getSubnets:getSubnets", args, opts);
}
export function getSubnetsOutput(args: InputArgs<GetSubnetsArgs> = {}, opts?: InvokeOptions): Output<GetSubnetsResult> {
  return callFunctionOutput("aws:ec2/getSubnets:getSubnets", args, opts);
}
