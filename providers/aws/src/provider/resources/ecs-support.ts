// Shared by the ECS resources: ECS's lowercase tag lists, in-place tag changes by ARN, and the
// short forms of cluster and task definition references (name vs ARN) compared as equal.
import { TagResourceCommand, UntagResourceCommand, type Tag } from "@aws-sdk/client-ecs";
import type { PropertyValue } from "@cairn/protocol";
import type { ResourceContext } from "../resource-definition.js";
import { tagChanges } from "../tags.js";
import { str, strMap, type Plain } from "../values.js";

export function toEcsTags(tags: Record<string, string>): Tag[] {
  return Object.entries(tags).map(([key, value]) => ({ key, value }));
}

export function fromEcsTags(list: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of list ?? []) if (t.key !== undefined) out[t.key] = t.value ?? "";
  return out;
}

/** Applies a change of `tagsAll` to the ECS resource with this ARN. */
export async function updateEcsTags(ctx: ResourceContext, arn: string, olds: Plain, news: Plain): Promise<void> {
  const ecs = ctx.clients.ecs();
  const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
  if (remove.length > 0) await ecs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: remove }), ctx.sendOptions);
  if (Object.keys(set).length > 0) await ecs.send(new TagResourceCommand({ resourceArn: arn, tags: toEcsTags(set) }), ctx.sendOptions);
}

/** The last path segment of an ARN ("arn:...:cluster/web" → "web"); a plain name stays as it is. */
export function lastSegment(v: string): string {
  return v.slice(v.lastIndexOf("/") + 1);
}

/** A cluster given by name or by ARN. */
export function sameCluster(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const x = str(a);
  const y = str(b);
  if (x === undefined || y === undefined) return x === y;
  return lastSegment(x) === lastSegment(y);
}

/**
 * A task definition given as ARN, `family:revision` or `family` (the latest ACTIVE revision): equal
 * when the family matches and, where both name one, the revision too.
 */
export function sameTaskDefinition(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const x = str(a);
  const y = str(b);
  if (x === undefined || y === undefined) return x === y;
  const [fx, rx] = lastSegment(x).split(":");
  const [fy, ry] = lastSegment(y).split(":");
  return fx === fy && (rx === undefined || ry === undefined || rx === ry);
}
