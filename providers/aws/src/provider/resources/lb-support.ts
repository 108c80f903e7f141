// Shared ELBv2 helpers for the load balancer, target group and listener definitions: tags by ARN
// (DescribeTags, AddTags, RemoveTags), attribute maps, ARN suffixes and the name rules AWS applies
// to load balancer and target group names.
import {
  AddTagsCommand, DescribeTagsCommand, RemoveTagsCommand, type Tag,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { CheckFailure } from "@cairn/protocol";
import type { ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { str, strMap, type Plain } from "../values.js";

/** The tags AWS holds for one ELBv2 resource ARN. */
export async function readLbTags(ctx: ResourceContext, arn: string): Promise<Record<string, string>> {
  const res = await ctx.clients.elbv2().send(new DescribeTagsCommand({ ResourceArns: [arn] }), ctx.sendOptions);
  return fromTagList(res.TagDescriptions?.find((d) => d.ResourceArn === arn)?.Tags);
}

/** tags as read: all AWS tags minus the default tags the user did not set. */
export function lbUserTags(ctx: ResourceContext, all: Record<string, string>, recorded: Plain | undefined): Record<string, string> {
  return userTags(all, ctx.clients.config.defaultTags, recorded?.["tags"]);
}

/** The create call's Tags list (undefined when there are none: AWS rejects an empty list on some calls). */
export function createTags(inputs: Plain): Tag[] | undefined {
  const tags = toTagList(strMap(inputs["tagsAll"]));
  return tags.length > 0 ? tags : undefined;
}

/** Applies a tagsAll change with AddTags / RemoveTags. */
export async function updateLbTags(ctx: ResourceContext, arn: string, olds: Plain, news: Plain): Promise<void> {
  const elb = ctx.clients.elbv2();
  const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
  if (remove.length > 0) await elb.send(new RemoveTagsCommand({ ResourceArns: [arn], TagKeys: remove }), ctx.sendOptions);
  if (Object.keys(set).length > 0) await elb.send(new AddTagsCommand({ ResourceArns: [arn], Tags: toTagList(set) }), ctx.sendOptions);
}

/** The part of an ARN after `marker` ("loadbalancer/" gives "app/web/50dc6c495c0c9188"). */
export function arnSuffix(arn: string, marker: string): string {
  const at = arn.indexOf(marker);
  return at < 0 ? "" : arn.slice(at + marker.length);
}

/** Attributes as a key → value map. */
export function attributeMap(list: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of list ?? []) if (a.Key !== undefined) out[a.Key] = a.Value ?? "";
  return out;
}

/** A number attribute, or undefined when AWS did not return it. */
export function numberAttribute(attrs: Record<string, string>, key: string): number | undefined {
  const v = attrs[key];
  return v === undefined || v === "" || Number.isNaN(Number(v)) ? undefined : Number(v);
}

/**
 * AWS's rules for load balancer and target group names: at most 32 characters, letters, digits and
 * hyphens, not starting or ending with a hyphen; `namePrefix` at most 6 characters (as in Pulumi).
 */
export function checkLbName(inputs: Plain, what: string, out: CheckFailure[]): void {
  const name = str(inputs["name"]);
  const hint = "set `name` (or `namePrefix`) to letters, digits and hyphens";
  if (name !== undefined) {
    if (name.length > 32) out.push({ property: "name", reason: `name ${JSON.stringify(name)} is ${name.length} characters; a ${what} name has at most 32` });
    if (!/^[A-Za-z0-9-]*$/.test(name) || name.startsWith("-") || name.endsWith("-")) {
      out.push({ property: "name", reason: `name ${JSON.stringify(name)} is not a valid ${what} name: ${hint}, not starting or ending with a hyphen` });
    }
    if (what === "load balancer" && name.toLowerCase().startsWith("internal-")) {
      out.push({ property: "name", reason: `name ${JSON.stringify(name)} must not start with "internal-" (AWS reserves it)` });
    }
  }
  const prefix = str(inputs["namePrefix"]);
  if (prefix !== undefined && prefix.length > 6) out.push({ property: "namePrefix", reason: `namePrefix ${JSON.stringify(prefix)} is longer than 6 characters` });
  if (str(inputs["name"]) !== undefined && prefix !== undefined && !str(inputs["name"])!.startsWith(prefix)) {
    out.push({ property: "namePrefix", reason: "set either name or namePrefix, not both" });
  }
}
