// SecurityGroup (inline rules) and SecurityGroupRule against moto.
import { AuthorizeSecurityGroupIngressCommand, DescribeSecurityGroupsCommand, EC2Client } from "@aws-sdk/client-ec2";
import { beforeEach, describe, expect, it } from "vitest";
import { ResourceInitError } from "@cairn/protocol";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf, type Created } from "../../test-support/provider-harness.js";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const m = useMoto({ provider: {} });
const ec2 = m.client(EC2Client);
let vpc: Created;

const group = async (id: string) => (await ec2().send(new DescribeSecurityGroupsCommand({ GroupIds: [id] }))).SecurityGroups?.[0];
const ingressCidrs = async (id: string) =>
  ((await group(id))?.IpPermissions ?? []).flatMap((perm) => (perm.IpRanges ?? []).map((r) => `${perm.IpProtocol}:${perm.FromPort}-${perm.ToPort}:${r.CidrIp}`)).sort();

beforeEach(async () => {
  vpc = await createResource(m.provider, "aws:ec2/vpc:Vpc", "vpc", { cidrBlock: "10.0.0.0/16" });
});

const web = (cidrs: string[]) => [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: cidrs }];

describe("aws:ec2/securityGroup:SecurityGroup", () => {
  it("auto-names, removes AWS's default egress, syncs inline rules in place, drifts, imports, replaces and deletes", async () => {
    const sg = await createResource(m.provider, SG, "web", { vpcId: vpc.id, ingress: web(["10.0.0.0/8"]), egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
    expect(sg.id).toMatch(/^sg-/);
    expect(sg.outputs["name"]).toMatch(/^web-[0-9a-f]{7}$/);
    expect(sg.outputs["description"]).toBe("Managed by Cairn");
    expect(await ingressCidrs(sg.id)).toEqual(["tcp:443-443:10.0.0.0/8"]);

    const same = await planChange(m.provider, sg, { vpcId: vpc.id, ingress: web(["10.0.0.0/8"]), egress: [{ protocol: "all", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
    expect(same.diff.changes).toBe("none");

    const u = await updateResource(m.provider, sg, { vpcId: vpc.id, ingress: web(["10.0.0.0/8", "192.168.0.0/16"]), egress: [] });
    expect([...(u.diff.diffs ?? [])].sort()).toEqual(["egress", "ingress"]);
    expect(await ingressCidrs(sg.id)).toEqual(["tcp:443-443:10.0.0.0/8", "tcp:443-443:192.168.0.0/16"]);
    expect((await group(sg.id))?.IpPermissionsEgress ?? []).toEqual([]);

    await ec2().send(new AuthorizeSecurityGroupIngressCommand({ GroupId: sg.id, IpPermissions: [{ IpProtocol: "tcp", FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: "0.0.0.0/0" }] }] }));
    const drift = await readResource(m.provider, u);
    const refreshed = { ...u, outputs: drift.outputs ?? {} };
    const fix = await planChange(m.provider, refreshed, { vpcId: vpc.id, ingress: web(["10.0.0.0/8", "192.168.0.0/16"]), egress: [] });
    expect(fix.diff.diffs).toEqual(["ingress"]);
    await m.provider.update({ urn: u.urn, type: SG, id: u.id, olds: refreshed.outputs, oldInputs: u.inputs, news: fix.inputs, ignoreChanges: [], preview: false });
    expect(await ingressCidrs(sg.id)).toEqual(["tcp:443-443:10.0.0.0/8", "tcp:443-443:192.168.0.0/16"]);

    const imported = await importResource(m.provider, SG, "imp", sg.id);
    expect(imported.inputs).toMatchObject({ name: sg.outputs["name"], vpcId: vpc.id, description: "Managed by Cairn" });

    const r = await replaceResource(m.provider, u, { name: "web-renamed", vpcId: vpc.id, ingress: web(["10.0.0.0/8"]) });
    expect(r.diff.replaces).toEqual(["name"]);
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    await deleteResource(m.provider, r);
  });

  it("reports a group whose rules fail after it was made as partially created, with its ID", async () => {
    const urn = urnOf(SG, "half");
    const checked = await m.provider.check({ urn, type: SG, olds: {}, news: { vpcId: vpc.id, ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, securityGroups: ["sg-doesnotexist"] }] }, randomSeed: "s" });
    const err = await m.provider.create({ urn, type: SG, inputs: checked.inputs, preview: false }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResourceInitError);
    const init = err as ResourceInitError;
    expect(init.id).toMatch(/^sg-/);
    expect(init.reasons[0]).toMatch(/AuthorizeSecurityGroupIngress: InvalidGroup.NotFound/);
    expect((await group(init.id))?.GroupId).toBe(init.id);
  });

  it("stops with a Cancelled error once the provider is cancelled", async () => {
    await m.provider.cancel();
    const err = await createResource(m.provider, SG, "late", { vpcId: vpc.id }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "CAIRN_CANCELLED" });
  });

  it("reports malformed rules and names all at once", async () => {
    const res = await m.provider.check({
      urn: urnOf(SG, "bad"), type: SG, olds: {},
      news: { name: "sg-nope", ingress: [{ protocol: "tcp", fromPort: "80", cidrBlocks: "0.0.0.0/0" }] }, randomSeed: "s",
    });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["ingress[0].cidrBlocks", "ingress[0].fromPort", "ingress[0].toPort"]);
    const named = await m.provider.check({ urn: urnOf(SG, "bad"), type: SG, olds: {}, news: { name: "sg-nope" }, randomSeed: "s" });
    expect(named.failures?.map((f) => f.property)).toEqual(["name"]);
  });
});

describe("aws:ec2/securityGroupRule:SecurityGroupRule", () => {
  it("authorizes, imports by Pulumi's ID form, notices a revoked rule, replaces and revokes", async () => {
    const sg = await createResource(m.provider, SG, "app", { vpcId: vpc.id });
    const other = await createResource(m.provider, SG, "lb", { vpcId: vpc.id });
    const rule = await createResource(m.provider, RULE, "https", { type: "ingress", securityGroupId: sg.id, protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"], description: "tls" });
    expect(rule.id).toBe(`${sg.id}_ingress_tcp_443_443_10.0.0.0/8`);
    expect(await ingressCidrs(sg.id)).toEqual(["tcp:443-443:10.0.0.0/8"]);
    expect((await readResource(m.provider, rule)).inputs).toMatchObject({ description: "tls" });

    const imported = await importResource(m.provider, RULE, "imp", rule.id);
    expect(imported.inputs).toMatchObject({ securityGroupId: sg.id, type: "ingress", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"], description: "tls" });

    const fromLb = await createResource(m.provider, RULE, "from-lb", { type: "ingress", securityGroupId: sg.id, protocol: "tcp", fromPort: 8080, toPort: 8080, sourceSecurityGroupId: other.id });
    expect(fromLb.id).toBe(`${sg.id}_ingress_tcp_8080_8080_${other.id}`);
    expect((await importResource(m.provider, RULE, "imp2", fromLb.id)).inputs).toMatchObject({ sourceSecurityGroupId: other.id });

    const r = await replaceResource(m.provider, rule, { type: "ingress", securityGroupId: sg.id, protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["10.0.0.0/8"], description: "tls" });
    expect([...(r.diff.replaces ?? [])].sort()).toEqual(["fromPort", "toPort"]);
    expect(await ingressCidrs(sg.id)).toEqual(["tcp:8443-8443:10.0.0.0/8"]);
    expect(await readResource(m.provider, rule)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await ingressCidrs(sg.id)).toEqual([]);
    await deleteResource(m.provider, r);
  });
});
