// The shape of a provider function (Pulumi's "data source", `aws.ec2.getAmi(...)`): a token, a
// check of its arguments, and a read-only call that answers with plain values.
import type { CheckFailure } from "@cairn/protocol";
import type { AwsClients } from "../clients.js";
import type { Plain } from "../values.js";

export interface FunctionContext {
  clients: AwsClients;
  /** Pass to every `client.send(command, ctx.sendOptions)` so cancellation reaches AWS calls. */
  sendOptions: { abortSignal: AbortSignal };
}

export interface FunctionDefinition {
  token: string;
  /** Every problem with the arguments at once; empty when they are fine. */
  check(args: Plain): CheckFailure[];
  call(ctx: FunctionContext, args: Plain): Promise<Plain>;
}

/** Reports arguments the function does not know (a typo should not silently widen a lookup). */
export function unknownArgs(args: Plain, known: readonly string[]): CheckFailure[] {
  return Object.keys(args)
    .filter((k) => !known.includes(k))
    .map((k) => ({ property: k, reason: `unknown argument ${JSON.stringify(k)}; known: ${known.join(", ")}` }));
}

/** `filters: [{name, values}]` as the EC2 API wants them, with their problems. */
export function ec2Filters(v: Plain[string] | undefined, failures: CheckFailure[]): Array<{ Name: string; Values: string[] }> {
  if (v === undefined) return [];
  if (!Array.isArray(v)) {
    failures.push({ property: "filters", reason: "must be a list of {name, values}" });
    return [];
  }
  const out: Array<{ Name: string; Values: string[] }> = [];
  v.forEach((f, i) => {
    const name = f !== null && typeof f === "object" && !Array.isArray(f) ? (f as Plain).name : undefined;
    const values = f !== null && typeof f === "object" && !Array.isArray(f) ? (f as Plain).values : undefined;
    if (typeof name !== "string" || !Array.isArray(values) || !values.every((x) => typeof x === "string")) {
      failures.push({ property: `filters[${i}]`, reason: "must be {name: string, values: string[]}" });
      return;
    }
    out.push({ Name: name, Values: values as string[] });
  });
  return out;
}

/** `tags: {k: v}` as EC2 `tag:<k>` filters. */
export function tagFilters(v: Plain[string] | undefined): Array<{ Name: string; Values: string[] }> {
  if (v === undefined || v === null || typeof v !== "object" || Array.isArray(v)) return [];
  return Object.entries(v as Plain).filter(([, x]) => typeof x === "string").map(([k, x]) => ({ Name: `tag:${k}`, Values: [x as string] }));
}

export function tagMap(tags: ReadonlyArray<{ Key?: string; Value?: string }> | undefined): Plain {
  const out: Plain = {};
  for (const t of tags ?? []) if (t.Key !== undefined) out[t.Key] = t.Value ?? "";
  return out;
}
