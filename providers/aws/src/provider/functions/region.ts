// aws.getRegion and aws.getAvailabilityZones: where the configured provider points.
import { DescribeAvailabilityZonesCommand, type Filter } from "@aws-sdk/client-ec2";
import type { CheckFailure } from "@cairn/protocol";
import { strList, type Plain } from "../values.js";
import { ec2Filters, unknownArgs, type FunctionDefinition } from "./function-definition.js";

export const getRegion: FunctionDefinition = {
  token: "aws:index/getRegion:getRegion",
  check: (args) => unknownArgs(args, ["name"]),
  async call(ctx, args) {
    const region = ctx.clients.region;
    if (typeof args.name === "string" && args.name !== region) {
      throw new Error(`the provider is configured for region ${region}, not ${args.name}`);
    }
    return { name: region, id: region, description: region };
  },
};

const AZ_ARGS = ["state", "allAvailabilityZones", "excludeNames", "excludeZoneIds", "filters"] as const;

export const getAvailabilityZones: FunctionDefinition = {
  token: "aws:index/getAvailabilityZones:getAvailabilityZones",
  check(args) {
    const failures: CheckFailure[] = unknownArgs(args, AZ_ARGS);
    if (args.state !== undefined && !["available", "information", "impaired", "unavailable"].includes(String(args.state))) {
      failures.push({ property: "state", reason: "must be one of available, information, impaired, unavailable" });
    }
    ec2Filters(args.filters, failures);
    return failures;
  },
  async call(ctx, args: Plain) {
    const filters: Filter[] = ec2Filters(args.filters, []);
    if (typeof args.state === "string") filters.push({ Name: "state", Values: [args.state] });
    const res = await ctx.clients.ec2().send(
      new DescribeAvailabilityZonesCommand({
        ...(filters.length > 0 ? { Filters: filters } : {}),
        ...(args.allAvailabilityZones === true ? { AllAvailabilityZones: true } : {}),
      }),
      ctx.sendOptions,
    );
    const excludeNames = new Set(strList(args.excludeNames));
    const excludeIds = new Set(strList(args.excludeZoneIds));
    const zones = (res.AvailabilityZones ?? [])
      .filter((z) => !excludeNames.has(z.ZoneName ?? "") && !excludeIds.has(z.ZoneId ?? ""))
      .sort((a, b) => (a.ZoneName ?? "").localeCompare(b.ZoneName ?? ""));
    return {
      id: ctx.clients.region,
      names: zones.map((z) => z.ZoneName ?? ""),
      zoneIds: zones.map((z) => z.ZoneId ?? ""),
      groupNames: [...new Set(zones.map((z) => z.GroupName ?? ""))].filter((g) => g !== ""),
    };
  },
};
