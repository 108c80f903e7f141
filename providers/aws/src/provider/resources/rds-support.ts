// Helpers shared by the RDS resources: identifier rules, tag sync by ARN, and the engine-version
// comparison that lets a program ask for "16" while AWS reports "16.3".
import { AddTagsToResourceCommand, ListTagsForResourceCommand, RemoveTagsFromResourceCommand } from "@aws-sdk/client-rds";
import type { CheckFailure, PropertyValue } from "@cairn/protocol";
import type { ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList } from "../tags.js";
import { strMap, type Plain } from "../values.js";

/** Problems with an RDS instance identifier (or the start of one, for a prefix). */
export function identifierProblems(property: string, value: PropertyValue | undefined, opts: { prefix: boolean }): CheckFailure[] {
  if (typeof value !== "string") return [];
  const reasons: string[] = [];
  if (!/^[a-z]/.test(value)) reasons.push("start with a lowercase letter");
  if (!/^[a-z0-9-]*$/.test(value)) reasons.push("contain only lowercase letters, digits and hyphens");
  if (value.includes("--")) reasons.push("not contain two consecutive hyphens");
  if (!opts.prefix && value.endsWith("-")) reasons.push("not end with a hyphen");
  if (value.length > (opts.prefix ? 37 : 63)) reasons.push(`be at most ${opts.prefix ? 37 : 63} characters long`);
  if (reasons.length === 0) return [];
  return [{ property, reason: `${property} ${JSON.stringify(value)} must ${reasons.join(", ")} (RDS identifier rules)` }];
}

/** "16" matches "16.3" and "8.0" matches "8.0.35": a version the program left partly open equals AWS's full one. */
export function engineVersionEqual(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  if (typeof a !== "string" || typeof b !== "string") return a === b;
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

export async function rdsTags(ctx: ResourceContext, arn: string): Promise<Record<string, string>> {
  return fromTagList((await ctx.clients.rds().send(new ListTagsForResourceCommand({ ResourceName: arn }), ctx.sendOptions)).TagList);
}

/** Applies the difference between the old and new tagsAll to the resource with this ARN. */
export async function updateRdsTags(ctx: ResourceContext, arn: string, olds: Plain, news: Plain): Promise<void> {
  const rds = ctx.clients.rds();
  const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
  if (remove.length > 0) await rds.send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: remove }), ctx.sendOptions);
  if (Object.keys(set).length > 0) await rds.send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: toTagList(set) }), ctx.sendOptions);
}
