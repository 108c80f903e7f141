// aws:iam/rolePolicyAttachment:RolePolicyAttachment — a managed policy attached to a role.
// ID = "<role>/<policyArn>" (also the import form, as in Pulumi). Both properties replace it.
import { AttachRolePolicyCommand, DetachRolePolicyCommand, ListAttachedRolePoliciesCommand } from "@aws-sdk/client-iam";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { IAM_NOT_FOUND } from "../iam-support.js";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { str } from "../values.js";

function parseId(ctx: ResourceContext, id: string): { role: string; policyArn: string } {
  const slash = id.indexOf("/");
  if (slash <= 0 || !id.slice(slash + 1).startsWith("arn:")) {
    throw new CairnError({
      code: ErrorCodes.InvalidInput, source: "user", urn: ctx.urn,
      message: `role policy attachment ID ${JSON.stringify(id)} is not <role>/<policyArn>`,
      hint: "import it as e.g. my-role/arn:aws:iam::123456789012:policy/my-policy",
    });
  }
  return { role: id.slice(0, slash), policyArn: id.slice(slash + 1) };
}

async function attached(ctx: ResourceContext, role: string, policyArn: string): Promise<boolean> {
  let marker: string | undefined;
  do {
    const res = await ctx.clients.iam().send(new ListAttachedRolePoliciesCommand({ RoleName: role, Marker: marker }), ctx.sendOptions);
    if ((res.AttachedPolicies ?? []).some((p) => p.PolicyArn === policyArn)) return true;
    marker = res.IsTruncated === true ? res.Marker : undefined;
  } while (marker !== undefined);
  return false;
}

export const iamRolePolicyAttachment = defineResource({
  type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
  inputs: {
    role: { kind: "string", required: true, forceNew: true },
    policyArn: { kind: "string", required: true, forceNew: true },
  },
  outputs: [],
  notFound: IAM_NOT_FOUND,

  async create(ctx, inputs) {
    const role = str(inputs["role"]) as string;
    const policyArn = str(inputs["policyArn"]) as string;
    await ctx.clients.iam().send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: policyArn }), ctx.sendOptions);
    return `${role}/${policyArn}`;
  },
  async read(ctx, { id }) {
    const { role, policyArn } = parseId(ctx, id);
    if (!(await attached(ctx, role, policyArn))) return undefined;
    return { inputs: { role, policyArn }, outputs: {} };
  },
  async delete(ctx, { id }) {
    const { role, policyArn } = parseId(ctx, id);
    await ctx.clients.iam().send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: policyArn }), ctx.sendOptions);
  },
});
