// Provider functions at the top of the package: `aws.getRegion()`, `aws.getAvailabilityZones()`.
import type { Output } from "@cairn/sdk";
import { callFunction, callFunctionOutput, type InputArgs, type InvokeOptions } from "./provider-function.js";

export interface Filter {
  name: string;
  values: string[];
}

export interface GetRegionArgs {
  /** Fails unless the provider is configured for this region. */
  name?: string;
}
export interface GetRegionResult {
  id: string;
  name: string;
  description: string;
}
/** The region the (default or given) provider is configured for. */
export function getRegion(args: GetRegionArgs = {}, opts?: InvokeOptions): Promise<GetRegionResult> {
  return callFunction("aws:index/getRegion:getRegion", args, opts);
}
export function getRegionOutput(args: InputArgs<GetRegionArgs> = {}, opts?: InvokeOptions): Output<GetRegionResult> {
  return callFunctionOutput("aws:index/getRegion:getRegion", args, opts);
}

export interface GetAvailabilityZonesArgs {
  /** "available", "information", "impaired" or "unavailable". */
  state?: string;
  allAvailabilityZones?: boolean;
  excludeNames?: string[];
  excludeZoneIds?: string[];
  filters?: Filter[];
}
export interface GetAvailabilityZonesResult {
  id: string;
  /** Zone names, sorted ("us-east-1a", "us-east-1b", ...). */
  names: string[];
  zoneIds: string[];
  groupNames: string[];
}
/** The availability zones of the provider's region, for spreading subnets over zones. */
export function getAvailabilityZones(args: GetAvailabilityZonesArgs = {}, opts?: InvokeOptions): Promise<GetAvailabilityZonesResult> {
  return callFunction("aws:index/getAvailabilityZones:getAvailabilityZones", args, opts);
}
export function getAvailabilityZonesOutput(args: InputArgs<GetAvailabilityZonesArgs> = {}, opts?: InvokeOptions): Output<GetAvailabilityZonesResult> {
  return callFunctionOutput("aws:index/getAvailabilityZones:getAvailabilityZones", args, opts);
}
