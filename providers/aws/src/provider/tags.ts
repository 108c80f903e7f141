// Tags: the resource's own `tags` merged over the provider's aws:defaultTags into `tagsAll`, and
// the conversions between tag maps and the AWS tag lists.
import { isUnknown, type PropertyValue } from "@cairn/protocol";
import { strMap } from "./values.js";

export function mergeTags(defaults: Record<string, string>, tags: PropertyValue | undefined): Record<string, string> {
  return { ...defaults, ...strMap(tags) };
}

/** True when the tags value is unknown (preview), so tagsAll cannot be computed. */
export function tagsUnknown(tags: PropertyValue | undefined): boolean {
  if (isUnknown(tags)) return true;
  return tags !== null && typeof tags === "object" && !Array.isArray(tags) && Object.values(tags).some(isUnknown);
}

export function toTagList(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));
}

export function fromTagList(list: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of list ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}

/** The user's tags as read from AWS: all tags minus default tags the user did not set themselves. */
export function userTags(all: Record<string, string>, defaults: Record<string, string>, oldTags: PropertyValue | undefined): Record<string, string> {
  const own = strMap(oldTags);
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (k in own || defaults[k] !== v) out[k] = v;
  }
  return out;
}

export function tagChanges(oldTags: Record<string, string>, newTags: Record<string, string>): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  for (const [k, v] of Object.entries(newTags)) if (oldTags[k] !== v) set[k] = v;
  const remove = Object.keys(oldTags).filter((k) => !(k in newTags));
  return { set, remove };
}
