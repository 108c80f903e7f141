// Two networks per stack (one for the app, one for data) and an app server on the first. Every
// value that differs between environments — CIDRs, AMI, instance type, volume size — comes from
// the stack's config (Cairn.<stack>.yaml), so each environment is one more stack.
import * as aws from "@cairn/aws";
import { Config, getStack } from "@cairn/sdk";
import { AppServer } from "./app-server.js";
import { Network } from "./network.js";

const config = new Config();
// The first two zones the region reports as available, unless the stack names its own.
const zones = config.getObject<string[]>("availabilityZones") ?? (await aws.getAvailabilityZones({ state: "available" })).names.slice(0, 2);
const tags = { Stack: getStack(), Project: "aws-network" };

const app = new Network("app", { cidrBlock: config.require("appVpcCidr"), availabilityZones: zones, tags });
const data = new Network("data", { cidrBlock: config.require("dataVpcCidr"), availabilityZones: zones, tags });

const server = new AppServer("web", {
  network: app,
  ami: config.require("ami"),
  instanceType: config.get("instanceType") ?? "t3.micro",
  volumeSize: config.getNumber("volumeSize") ?? 8,
  tags,
});

export const appVpcId = app.vpcId;
export const appPublicSubnetIds = app.publicSubnetIds;
export const appPrivateSubnetIds = app.privateSubnetIds;
export const dataVpcId = data.vpcId;
export const dataPublicSubnetIds = data.publicSubnetIds;
export const dataPrivateSubnetIds = data.privateSubnetIds;
export const instanceId = server.instanceId;
export const publicIp = server.publicIp;
export const volumeId = server.volumeId;
export const securityGroupId = server.securityGroupId;
