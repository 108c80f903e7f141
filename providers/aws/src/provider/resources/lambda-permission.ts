// aws:lambda/permission:Permission — one statement of a Lambda function's resource policy (who may
// invoke it, e.g. SNS from one topic). ID = statement ID; import "<function>/<statementId>".
// Every property replaces (AWS has no in-place change of a statement), delete-first because the
// replacement keeps its statement ID.
import { AddPermissionCommand, GetPolicyCommand, RemovePermissionCommand } from "@aws-sdk/client-lambda";
import { defineResource } from "../resource-definition.js";
import { str, type Plain } from "../values.js";

interface Statement {
  Sid?: string;
  Action?: string | string[];
  Principal?: string | { Service?: string; AWS?: string };
  Condition?: { ArnLike?: Record<string, string>; StringEquals?: Record<string, string> };
}

/** The function and statement ID named by an ID ("sid") plus recorded inputs, or by an import ID ("fn/sid"). */
function locate(id: string, inputs: Plain | undefined): { fn: string; sid: string } {
  const fn = str(inputs?.["function"]);
  if (fn !== undefined) return { fn, sid: id };
  const slash = id.lastIndexOf("/");
  return slash < 0 ? { fn: id, sid: id } : { fn: id.slice(0, slash), sid: id.slice(slash + 1) };
}

function principalOf(p: Statement["Principal"]): string {
  if (typeof p === "string") return p;
  const v = p?.Service ?? p?.AWS ?? "";
  const account = /^arn:aws:iam::(\d+):root$/.exec(v);
  return account !== null ? (account[1] as string) : v;
}

export const lambdaPermission = defineResource({
  type: "aws:lambda/permission:Permission",
  inputs: {
    function: { kind: "string", required: true, forceNew: true },
    action: { kind: "string", required: true, forceNew: true },
    principal: { kind: "string", required: true, forceNew: true },
    sourceArn: { kind: "string", forceNew: true },
    sourceAccount: { kind: "string", forceNew: true },
    statementId: { kind: "string", forceNew: true },
    qualifier: { kind: "string", forceNew: true },
  },
  outputs: [],
  naming: { property: "statementId", maxLength: 100 },
  notFound: ["ResourceNotFoundException"],
  skipDeleteWait: true,
  deleteBeforeReplace: true,

  async create(ctx, inputs) {
    const sid = str(inputs["statementId"]) as string;
    await ctx.clients.lambda().send(new AddPermissionCommand({
      FunctionName: str(inputs["function"]), StatementId: sid, Action: str(inputs["action"]), Principal: str(inputs["principal"]),
      SourceArn: str(inputs["sourceArn"]), SourceAccount: str(inputs["sourceAccount"]), Qualifier: str(inputs["qualifier"]),
    }), ctx.sendOptions);
    return sid;
  },
  async read(ctx, { id, inputs }) {
    const { fn, sid } = locate(id, inputs);
    const qualifier = str(inputs?.["qualifier"]);
    const res = await ctx.clients.lambda().send(new GetPolicyCommand({ FunctionName: fn, Qualifier: qualifier }), ctx.sendOptions);
    const policy = JSON.parse(res.Policy ?? "{}") as { Statement?: Statement[] };
    const st = (policy.Statement ?? []).find((s) => s.Sid === sid);
    if (st === undefined) return undefined;
    const read: Plain = {
      function: fn,
      action: Array.isArray(st.Action) ? (st.Action[0] ?? "") : (st.Action ?? ""),
      principal: principalOf(st.Principal),
      statementId: sid,
    };
    const sourceArn = st.Condition?.ArnLike?.["AWS:SourceArn"];
    if (sourceArn !== undefined) read["sourceArn"] = sourceArn;
    const sourceAccount = st.Condition?.StringEquals?.["AWS:SourceAccount"];
    if (sourceAccount !== undefined) read["sourceAccount"] = sourceAccount;
    if (qualifier !== undefined) read["qualifier"] = qualifier;
    return { id: sid, inputs: read, outputs: {} };
  },
  async delete(ctx, { id, inputs }) {
    const { fn, sid } = locate(id, inputs);
    await ctx.clients.lambda().send(new RemovePermissionCommand({ FunctionName: fn, StatementId: sid, Qualifier: str(inputs["qualifier"]) }), ctx.sendOptions);
  },
});
