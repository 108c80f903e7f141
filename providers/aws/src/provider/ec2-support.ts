// Helpers shared by the EC2 resources: tag specifications on create, tag updates, ARNs, and the
// "describe one by ID" pattern that turns an empty answer into "gone".
import { CreateTagsCommand, DeleteTagsCommand, type ResourceType, type TagSpecification } from "@aws-sdk/client-ec2";
import type { ResourceContext } from "./resource-definition.js";
import { tagChanges, toTagList } from "./tags.js";
import { strMap, type Plain } from "./values.js";

export function tagSpecifications(resourceType: ResourceType, inputs: Plain): TagSpecification[] | undefined {
  const tags = strMap(inputs["tagsAll"]);
  return Object.keys(tags).length === 0 ? undefined : [{ ResourceType: resourceType, Tags: toTagList(tags) }];
}

/** Applies the difference between the old and new `tagsAll` to one EC2 resource. */
export async function updateEc2Tags(ctx: ResourceContext, id: string, olds: Plain, news: Plain): Promise<void> {
  const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
  const ec2 = ctx.clients.ec2();
  if (remove.length > 0) await ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: remove.map((Key) => ({ Key })) }), ctx.sendOptions);
  if (Object.keys(set).length > 0) await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: toTagList(set) }), ctx.sendOptions);
}

export function ec2Arn(ctx: ResourceContext, owner: string | undefined, kind: string, id: string): string {
  return `arn:aws:ec2:${ctx.clients.region}:${owner ?? ""}:${kind}/${id}`;
}
