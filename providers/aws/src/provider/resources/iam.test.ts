// iam Role, Policy and RolePolicyAttachment against moto.
import {
  AttachRolePolicyCommand, CreatePolicyVersionCommand, DetachRolePolicyCommand, GetRoleCommand, IAMClient, ListAttachedRolePoliciesCommand, ListPolicyVersionsCommand,
  PutRolePolicyCommand, TagRoleCommand, UpdateRoleCommand,
} from "@aws-sdk/client-iam";
import { describe, expect, it } from "vitest";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ATTACH = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const m = useMoto({ provider: { defaultTags: { tags: { owner: "cairn" } } } });
const iam = m.client(IAMClient);

const trust = (service: string) => ({
  Version: "2012-10-17",
  Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }],
});
const allow = (action: string) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: action, Resource: "*" }] });

describe("aws:iam/role:Role", () => {
  it("creates an auto-named role, updates trust policy, description, session length and tags in place, drifts, imports, replaces", async () => {
    const role = await createResource(m.provider, ROLE, "app", { assumeRolePolicy: trust("ec2.amazonaws.com"), tags: { team: "a" } });
    expect(role.id).toMatch(/^app-[0-9a-f]{7}$/);
    expect(role.outputs).toMatchObject({ name: role.id, path: "/", maxSessionDuration: 3600, tagsAll: { team: "a", owner: "cairn" } });
    expect(role.outputs["arn"]).toBe(`arn:aws:iam::123456789012:role/${role.id}`);
    // The same document as a string with other formatting is no change.
    const same = await planChange(m.provider, role, { assumeRolePolicy: JSON.stringify(trust("ec2.amazonaws.com"), null, 2), tags: { team: "a" } });
    expect(same.diff.changes).toBe("none");

    const u = await updateResource(m.provider, role, {
      assumeRolePolicy: trust("lambda.amazonaws.com"), description: "runs the app", maxSessionDuration: 7200, tags: { team: "b" },
    });
    expect(u.diff.diffs?.sort()).toEqual(["assumeRolePolicy", "description", "maxSessionDuration", "tags", "tagsAll"]);
    const got = (await iam().send(new GetRoleCommand({ RoleName: role.id }))).Role;
    expect(got).toMatchObject({ Description: "runs the app", MaxSessionDuration: 7200 });
    expect(JSON.parse(decodeURIComponent(got?.AssumeRolePolicyDocument ?? ""))).toEqual(trust("lambda.amazonaws.com"));

    await iam().send(new UpdateRoleCommand({ RoleName: role.id, Description: "changed by hand", MaxSessionDuration: 7200 }));
    await iam().send(new TagRoleCommand({ RoleName: role.id, Tags: [{ Key: "extra", Value: "x" }] }));
    const drift = await readResource(m.provider, u);
    expect(drift.inputs).toMatchObject({ description: "changed by hand", tags: { team: "b", extra: "x" } });
    const imported = await importResource(m.provider, ROLE, "imp", role.id);
    expect(imported.inputs).toMatchObject({ name: role.id, maxSessionDuration: 7200 });
    expect(JSON.parse(imported.inputs?.["assumeRolePolicy"] as string)).toEqual(trust("lambda.amazonaws.com"));

    // Create-before-delete needs a new name: role names are unique per account.
    const r = await replaceResource(m.provider, u, { name: "app-svc", assumeRolePolicy: trust("lambda.amazonaws.com"), path: "/service/", tags: { team: "b" } });
    expect(r.diff.replaces?.sort()).toEqual(["name", "path"]);
    expect(r.outputs["arn"]).toBe("arn:aws:iam::123456789012:role/service/app-svc");
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });

  it("forceDetachPolicies detaches managed and deletes inline policies before delete; checks the session length", async () => {
    const role = await createResource(m.provider, ROLE, "worker", { name: "worker", assumeRolePolicy: trust("ec2.amazonaws.com"), forceDetachPolicies: true });
    const pol = await createResource(m.provider, POLICY, "pol", { policy: allow("s3:GetObject") });
    await iam().send(new AttachRolePolicyCommand({ RoleName: "worker", PolicyArn: pol.id }));
    await iam().send(new PutRolePolicyCommand({ RoleName: "worker", PolicyName: "inline", PolicyDocument: JSON.stringify(allow("sqs:*")) }));
    await deleteResource(m.provider, role);
    expect(await readResource(m.provider, role)).toEqual({});
    const bad = await m.provider.check({ urn: urnOf(ROLE, "bad"), type: ROLE, olds: {}, news: { assumeRolePolicy: "{}", maxSessionDuration: 60 }, randomSeed: "s" });
    expect(bad.failures?.map((f) => f.property)).toEqual(["maxSessionDuration"]);
  });
});

describe("aws:iam/policy:Policy", () => {
  it("creates, updates the document as a new default version pruning old ones, drifts, imports, replaces and deletes", async () => {
    const pol = await createResource(m.provider, POLICY, "read", { namePrefix: "read-", description: "read only", policy: allow("s3:GetObject"), tags: { a: "1" } });
    expect(pol.id).toMatch(/^arn:aws:iam::123456789012:policy\/read-[0-9a-f]+$/);
    expect(pol.outputs).toMatchObject({ defaultVersionId: "v1", attachmentCount: 0, tagsAll: { a: "1", owner: "cairn" } });

    let cur = pol;
    for (const action of ["s3:ListBucket", "s3:PutObject", "s3:DeleteObject", "s3:*", "s3:Get*", "s3:List*"]) {
      cur = await updateResource(m.provider, cur, { namePrefix: "read-", description: "read only", policy: allow(action), tags: { a: "2" } });
    }
    const versions = (await iam().send(new ListPolicyVersionsCommand({ PolicyArn: pol.id }))).Versions ?? [];
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ VersionId: "v7", IsDefaultVersion: true });
    expect(cur.outputs).toMatchObject({ defaultVersionId: "v7", tagsAll: { a: "2", owner: "cairn" } });

    await iam().send(new CreatePolicyVersionCommand({ PolicyArn: pol.id, PolicyDocument: JSON.stringify(allow("ec2:*")), SetAsDefault: true }));
    const drift = await readResource(m.provider, cur);
    expect(JSON.parse(drift.inputs?.["policy"] as string)).toEqual(allow("ec2:*"));
    const imported = await importResource(m.provider, POLICY, "imp", pol.id);
    expect(imported.inputs).toMatchObject({ name: pol.outputs["name"], description: "read only", path: "/" });

    // Create-before-delete needs a new name: IAM policy names are unique per account.
    const r = await replaceResource(m.provider, cur, { namePrefix: "ro-", description: "changed", policy: allow("s3:GetObject") });
    expect(r.diff.replaces?.sort()).toEqual(["description", "name", "namePrefix"]);
    expect(r.outputs["name"]).toMatch(/^ro-/);
    expect(await readResource(m.provider, cur)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
  });
});

describe("aws:iam/rolePolicyAttachment:RolePolicyAttachment", () => {
  it("attaches, imports by role/arn, shows a detach made outside, replaces on a new policy and detaches", async () => {
    const role = await createResource(m.provider, ROLE, "r", { name: "svc", assumeRolePolicy: trust("ecs-tasks.amazonaws.com") });
    const p1 = await createResource(m.provider, POLICY, "p1", { policy: allow("s3:*") });
    const p2 = await createResource(m.provider, POLICY, "p2", { policy: allow("sqs:*") });
    const a = await createResource(m.provider, ATTACH, "a", { role: "svc", policyArn: p1.id });
    expect(a.id).toBe(`svc/${p1.id}`);
    const attached = async () => ((await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: "svc" }))).AttachedPolicies ?? []).map((x) => x.PolicyArn);
    expect(await attached()).toEqual([p1.id]);
    expect((await importResource(m.provider, ATTACH, "imp", a.id)).inputs).toEqual({ role: "svc", policyArn: p1.id });
    const badImport = importResource(m.provider, ATTACH, "bad", "svc-only");
    await expect(badImport).rejects.toThrow(/<role>\/<policyArn>/);

    const r = await replaceResource(m.provider, a, { role: "svc", policyArn: p2.id });
    expect(r.diff.replaces).toEqual(["policyArn"]);
    expect(await attached()).toEqual([p2.id]);
    expect(await readResource(m.provider, a)).toEqual({});
    // A detach made outside Cairn shows as gone; put it back for the delete below.
    await iam().send(new DetachRolePolicyCommand({ RoleName: "svc", PolicyArn: p2.id }));
    expect(await readResource(m.provider, r)).toEqual({});
    await iam().send(new AttachRolePolicyCommand({ RoleName: "svc", PolicyArn: p2.id }));
    expect((await readResource(m.provider, r)).inputs).toEqual({ role: "svc", policyArn: p2.id });
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
    expect(await attached()).toEqual([]);
    await deleteResource(m.provider, role);
  });
});
