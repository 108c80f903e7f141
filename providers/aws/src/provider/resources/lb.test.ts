// ELBv2 (load balancer, target group, listener, target group attachment) against moto, and the
// aws.lb / aws.alb program classes under the SDK's mocks.
import { CreateSecurityGroupCommand, CreateSubnetCommand, CreateVpcCommand, EC2Client, RunInstancesCommand } from "@aws-sdk/client-ec2";
import {
  DeleteTargetGroupCommand, DeregisterTargetsCommand, ElasticLoadBalancingV2Client, ModifyListenerCommand, ModifyLoadBalancerAttributesCommand,
  ModifyTargetGroupCommand,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { IAMClient, UploadServerCertificateCommand } from "@aws-sdk/client-iam";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runtime } from "@cairn/sdk";
import * as aws from "../../index.js";
import { useMoto } from "../../test-support/use-moto.js";
import { createResource, deleteResource, importResource, planChange, readResource, replaceResource, updateResource, urnOf } from "../../test-support/provider-harness.js";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const TG = "aws:lb/targetGroup:TargetGroup";
const LISTENER = "aws:lb/listener:Listener";
const ATTACH = "aws:lb/targetGroupAttachment:TargetGroupAttachment";
const m = useMoto({ provider: { defaultTags: { tags: { team: "ops" } } } });
const ec2 = m.client(EC2Client);
const elb = m.client(ElasticLoadBalancingV2Client);
const iam = m.client(IAMClient);
let net: { vpcId: string; subnets: string[]; sg: string; sg2: string };

beforeEach(async () => {
  const vpcId = (await ec2().send(new CreateVpcCommand({ CidrBlock: "10.0.0.0/16" }))).Vpc!.VpcId!;
  const subnets: string[] = [];
  for (const [i, az] of ["us-east-1a", "us-east-1b", "us-east-1c"].entries()) {
    subnets.push((await ec2().send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.0.${i}.0/24`, AvailabilityZone: az }))).Subnet!.SubnetId!);
  }
  const sg = (await ec2().send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "web", Description: "web" }))).GroupId!;
  const sg2 = (await ec2().send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: "web2", Description: "web2" }))).GroupId!;
  net = { vpcId, subnets, sg, sg2 };
});

describe("aws:lb/loadBalancer:LoadBalancer", () => {
  it("creates, updates in place, drifts, imports, replaces and deletes", async () => {
    const args = { subnets: net.subnets.slice(0, 2), securityGroups: [net.sg], tags: { env: "dev" } };
    const lb = await createResource(m.provider, LB, "a-rather-long-load-balancer-name", args);
    expect(lb.id).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:\d+:loadbalancer\/app\//);
    const name = lb.outputs["name"] as string;
    expect(name).toMatch(/^a-rather-long-load-balan-[0-9a-f]{7}$/);
    expect(name.length).toBeLessThanOrEqual(32);
    expect(lb.outputs).toMatchObject({
      internal: false, loadBalancerType: "application", vpcId: net.vpcId, ipAddressType: "ipv4", idleTimeout: 60, enableDeletionProtection: false,
      tagsAll: { env: "dev", team: "ops" }, arn: lb.id,
    });
    expect(lb.outputs["arnSuffix"]).toBe(lb.id.split(":loadbalancer/")[1]);
    expect(lb.outputs["arnSuffix"]).toMatch(new RegExp(`^app/${name}/`));
    expect(lb.outputs["dnsName"]).toEqual(expect.stringContaining(name));
    expect(lb.outputs["zoneId"]).toMatch(/^Z/);
    expect((await planChange(m.provider, lb, { ...args, subnets: [...args.subnets].reverse() })).diff.changes).toBe("none");
    expect(await readResource(m.provider, lb)).toMatchObject({ id: lb.id, inputs: lb.inputs });

    expect(lb.outputs["enableHttp2"]).toBe(true);
    const changed = { subnets: net.subnets, securityGroups: [net.sg2], idleTimeout: 120, enableDeletionProtection: true, enableHttp2: false, tags: { env: "prod" } };
    const u = await updateResource(m.provider, lb, changed);
    expect(u.diff.replaces ?? []).toEqual([]);
    expect(u.outputs).toMatchObject({
      idleTimeout: 120, enableDeletionProtection: true, enableHttp2: false, securityGroups: [net.sg2], tagsAll: { env: "prod", team: "ops" },
    });
    expect([...(u.outputs["subnets"] as string[])].sort()).toEqual([...net.subnets].sort());

    await elb().send(new ModifyLoadBalancerAttributesCommand({ LoadBalancerArn: lb.id, Attributes: [{ Key: "idle_timeout.timeout_seconds", Value: "30" }] }));
    expect((await readResource(m.provider, u)).inputs).toMatchObject({ idleTimeout: 30, enableDeletionProtection: true, enableHttp2: false });
    const byArn = await importResource(m.provider, LB, "imp", lb.id);
    expect(byArn.inputs).toMatchObject({ name, internal: false, loadBalancerType: "application", securityGroups: [net.sg2], tags: { env: "prod" } });
    expect((await importResource(m.provider, LB, "imp", name)).id).toBe(lb.id);

    const off = await updateResource(m.provider, u, { ...changed, enableDeletionProtection: false });
    const r = await replaceResource(m.provider, off, { ...changed, enableDeletionProtection: false, internal: true, name: "edge-v2" });
    expect(r.diff.replaces?.sort()).toEqual(["internal", "name"]);
    expect(r.id).not.toBe(lb.id);
    expect(r.outputs).toMatchObject({ name: "edge-v2", internal: true });
    expect(await readResource(m.provider, off)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("creates a network load balancer with a name prefix", async () => {
    const nlb = await createResource(m.provider, LB, "net", {
      namePrefix: "nlb-", loadBalancerType: "network", internal: true, subnets: [net.subnets[0]!], enableCrossZoneLoadBalancing: true,
    });
    expect(nlb.outputs["name"]).toMatch(/^nlb-[0-9a-f]{26}$/);
    expect(nlb.outputs).toMatchObject({ loadBalancerType: "network", internal: true, enableCrossZoneLoadBalancing: true });
    expect((await planChange(m.provider, nlb, { namePrefix: "nlb-", loadBalancerType: "network", internal: true, subnets: [net.subnets[0]!] })).diff.changes).toBe("none");
    expect(nlb.outputs["idleTimeout"]).toBeUndefined();
    expect(nlb.outputs["arnSuffix"]).toBe(nlb.id.split(":loadbalancer/")[1]);
    await deleteResource(m.provider, nlb);
    expect(await readResource(m.provider, nlb)).toEqual({});
  });

  it("reports every bad input at once", async () => {
    const res = await m.provider.check({
      urn: urnOf(LB, "bad"), type: LB, randomSeed: "s",
      olds: {}, news: { name: "internal-this_name_is_far_too_long_for_aws", loadBalancerType: "network", idleTimeout: 30, enableHttp2: true, subnets: ["subnet-1"] },
    });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["enableHttp2", "idleTimeout", "name", "name", "name"]);
    const prefix = await m.provider.check({ urn: urnOf(LB, "bad"), type: LB, randomSeed: "s", olds: {}, news: { namePrefix: "toolong-", subnets: ["a"] } });
    expect(prefix.failures?.map((f) => f.property)).toEqual(["namePrefix", "subnets"]);
  });
});

describe("aws:lb/targetGroup:TargetGroup", () => {
  it("creates, updates health check and attributes in place, drifts, imports, replaces and deletes", async () => {
    const args = { port: 80, protocol: "HTTP", vpcId: net.vpcId, healthCheck: { path: "/health", matcher: "200-299" }, tags: { env: "dev" } };
    const tg = await createResource(m.provider, TG, "web", args);
    expect(tg.id).toMatch(/:targetgroup\/web-[0-9a-f]{7}\//);
    expect(tg.outputs).toMatchObject({
      name: expect.stringMatching(/^web-[0-9a-f]{7}$/), targetType: "instance", deregistrationDelay: 300, arn: tg.id,
      healthCheck: { path: "/health", matcher: "200-299" }, tagsAll: { env: "dev", team: "ops" },
    });
    expect(tg.outputs["arnSuffix"]).toBe(`targetgroup/${tg.id.split(":targetgroup/")[1]}`);
    expect((await planChange(m.provider, tg, args)).diff.changes).toBe("none");

    expect(tg.outputs["stickiness"]).toMatchObject({ enabled: false, type: "lb_cookie" });
    const hc = { path: "/ready", interval: 15, healthyThreshold: 3, matcher: "200" };
    const stickiness = { type: "lb_cookie", cookieDuration: 600 };
    const u = await updateResource(m.provider, tg, { ...args, healthCheck: hc, deregistrationDelay: 30, stickiness, tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ healthCheck: hc, deregistrationDelay: 30, stickiness, tagsAll: { env: "prod", team: "ops" } });
    expect((await importResource(m.provider, TG, "imp", tg.id)).inputs?.["stickiness"]).toEqual({ enabled: true, type: "lb_cookie", cookieDuration: 600 });
    expect((await planChange(m.provider, u, { ...args, healthCheck: hc, deregistrationDelay: 30, stickiness, tags: { env: "prod" } })).diff.changes).toBe("none");
    expect(u.id).toBe(tg.id);

    await elb().send(new ModifyTargetGroupCommand({ TargetGroupArn: tg.id, HealthCheckPath: "/other" }));
    expect((await readResource(m.provider, u)).inputs?.["healthCheck"]).toMatchObject({ path: "/other" });
    expect((await importResource(m.provider, TG, "imp", tg.id)).inputs).toMatchObject({
      port: 80, protocol: "HTTP", vpcId: net.vpcId, targetType: "instance", deregistrationDelay: 30, tags: { env: "prod" },
      healthCheck: { ...hc, path: "/other", port: "traffic-port", protocol: "HTTP", enabled: true },
    });

    const r = await replaceResource(m.provider, u, { ...args, name: "web-v2", port: 8080, targetType: "ip" });
    expect(r.diff.replaces?.sort()).toEqual(["name", "port", "targetType"]);
    expect(r.outputs).toMatchObject({ name: "web-v2", port: 8080, targetType: "ip" });
    expect(await readResource(m.provider, u)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("requires port, protocol and vpcId except for Lambda targets", async () => {
    const check = (news: Record<string, unknown>) => m.provider.check({ urn: urnOf(TG, "t"), type: TG, olds: {}, news: news as never, randomSeed: "s" });
    expect((await check({})).failures?.map((f) => f.property).sort()).toEqual(["port", "protocol", "vpcId"]);
    expect((await check({ targetType: "lambda", port: 80 })).failures?.map((f) => f.property)).toEqual(["port"]);
    expect((await check({ targetType: "lambda" })).failures).toBeUndefined();
  });
});

describe("aws:lb/listener:Listener and aws:lb/targetGroupAttachment:TargetGroupAttachment", () => {
  it("forward, redirect and fixed-response actions update in place; drift, import, replace and delete", async () => {
    const lb = await createResource(m.provider, LB, "front", { subnets: net.subnets.slice(0, 2) });
    const tg = await createResource(m.provider, TG, "app", { port: 80, protocol: "HTTP", vpcId: net.vpcId });
    const forward = [{ type: "forward", targetGroupArn: tg.id }];
    const l = await createResource(m.provider, LISTENER, "http", { loadBalancerArn: lb.id, port: 80, defaultActions: forward, tags: { env: "dev" } });
    expect(l.id).toMatch(/:listener\/app\//);
    expect(l.outputs).toMatchObject({ arn: l.id, port: 80, protocol: "HTTP", tagsAll: { env: "dev", team: "ops" } });
    expect((await planChange(m.provider, l, { loadBalancerArn: lb.id, port: 80, defaultActions: forward, tags: { env: "dev" } })).diff.changes).toBe("none");
    expect(await readResource(m.provider, l)).toMatchObject({ inputs: l.inputs });

    const redirect = [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }];
    const u = await updateResource(m.provider, l, { loadBalancerArn: lb.id, port: 8080, defaultActions: redirect, tags: { env: "prod" } });
    expect(u.outputs).toMatchObject({ port: 8080, tagsAll: { env: "prod", team: "ops" } });
    const afterRedirect = await readResource(m.provider, u);
    expect(afterRedirect.inputs?.["defaultActions"]).toEqual(redirect);
    expect(afterRedirect.outputs?.["port"]).toBe(8080);

    await elb().send(new ModifyListenerCommand({
      ListenerArn: l.id, DefaultActions: [{ Type: "fixed-response", FixedResponseConfig: { ContentType: "text/plain", MessageBody: "down", StatusCode: "503" } }],
    }));
    const drifted = await readResource(m.provider, u);
    expect(drifted.inputs?.["defaultActions"]).toMatchObject([{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "down", statusCode: "503" } }]);
    const imported = await importResource(m.provider, LISTENER, "imp", l.id);
    expect(imported.inputs).toMatchObject({ loadBalancerArn: lb.id, port: 8080, protocol: "HTTP", tags: { env: "prod" } });

    const back = await updateResource(m.provider, u, { loadBalancerArn: lb.id, port: 8080, defaultActions: forward, tags: { env: "prod" } });
    expect((await readResource(m.provider, back)).inputs?.["defaultActions"]).toEqual(forward);
    expect((await importResource(m.provider, LISTENER, "imp", l.id)).inputs?.["defaultActions"]).toMatchObject(forward);

    const lb2 = await createResource(m.provider, LB, "front2", { subnets: net.subnets.slice(1, 3) });
    const r = await replaceResource(m.provider, back, { loadBalancerArn: lb2.id, port: 80, defaultActions: forward });
    expect(r.diff.replaces).toEqual(["loadBalancerArn"]);
    expect(await readResource(m.provider, back)).toEqual({});
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);
  });

  it("switches a listener to HTTPS and changes its certificate and SSL policy in place", async () => {
    const lb = await createResource(m.provider, LB, "tls", { subnets: net.subnets.slice(0, 2) });
    const fixed = [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", messageBody: "ok", statusCode: "200" } }];
    const l = await createResource(m.provider, LISTENER, "web", { loadBalancerArn: lb.id, port: 80, defaultActions: fixed });
    const certs = new Map<string, string>();
    for (const n of ["one", "two"]) {
      const res = await iam().send(new UploadServerCertificateCommand({ ServerCertificateName: n, CertificateBody: "body", PrivateKey: "key" }));
      certs.set(n, res.ServerCertificateMetadata!.Arn!);
    }
    const cert = (n: string) => certs.get(n)!;
    const https = { loadBalancerArn: lb.id, port: 443, protocol: "HTTPS", certificateArn: cert("one"), sslPolicy: "ELBSecurityPolicy-2016-08", defaultActions: fixed };
    const u = await updateResource(m.provider, l, https);
    expect(u.id).toBe(l.id);
    expect((await importResource(m.provider, LISTENER, "imp", l.id)).inputs).toMatchObject({ port: 443, protocol: "HTTPS", certificateArn: cert("one"), sslPolicy: "ELBSecurityPolicy-2016-08" });
    const u2 = await updateResource(m.provider, u, { ...https, certificateArn: cert("two"), sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
    expect(u2.diff.replaces ?? []).toEqual([]);
    expect((await importResource(m.provider, LISTENER, "imp", l.id)).inputs).toMatchObject({ certificateArn: cert("two"), sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" });
    expect((await planChange(m.provider, u2, { ...https, certificateArn: cert("two"), sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" })).diff.changes).toBe("none");
  });

  it("deletes a target group once the listener using it is gone", async () => {
    const lb = await createResource(m.provider, LB, "front", { subnets: net.subnets.slice(0, 2) });
    const tg = await createResource(m.provider, TG, "app", { port: 80, protocol: "HTTP", vpcId: net.vpcId });
    const l = await createResource(m.provider, LISTENER, "http", { loadBalancerArn: lb.id, port: 80, defaultActions: [{ type: "forward", targetGroupArn: tg.id }] });
    await expect(elb().send(new DeleteTargetGroupCommand({ TargetGroupArn: tg.id }))).rejects.toThrow(/in use/);
    const deleting = deleteResource(m.provider, tg);
    await deleteResource(m.provider, l);
    await deleting;
    expect(await readResource(m.provider, tg)).toEqual({});
  });

  it("reports listener action problems at once", async () => {
    const res = await m.provider.check({
      urn: urnOf(LISTENER, "bad"), type: LISTENER, randomSeed: "s", olds: {},
      news: { loadBalancerArn: "arn:lb", protocol: "HTTPS", defaultActions: [{ type: "forward" }, { type: "redirect", fixedResponse: { contentType: "text/plain" } }] },
    });
    expect(res.failures?.map((f) => f.property).sort()).toEqual(["certificateArn", "defaultActions[0]", "defaultActions[1].fixedResponse", "defaultActions[1].redirect"]);
  });

  it("registers a target, reads it by ID, replaces it delete-first and deregisters it", async () => {
    const tg = await createResource(m.provider, TG, "ips", { port: 80, protocol: "HTTP", vpcId: net.vpcId, targetType: "ip" });
    const a = await createResource(m.provider, ATTACH, "one", { targetGroupArn: tg.id, targetId: "10.0.0.10", port: 8080 });
    expect(a.id).toBe(`${tg.id},10.0.0.10,8080`);
    expect((await readResource(m.provider, a)).inputs).toEqual({ targetGroupArn: tg.id, targetId: "10.0.0.10", port: 8080 });
    expect((await importResource(m.provider, ATTACH, "imp", a.id)).inputs).toEqual({ targetGroupArn: tg.id, targetId: "10.0.0.10", port: 8080 });

    const r = await replaceResource(m.provider, a, { targetGroupArn: tg.id, targetId: "10.0.0.10", port: 9090 });
    expect(r.diff).toMatchObject({ replaces: ["port"], deleteBeforeReplace: true });
    expect(await readResource(m.provider, a)).toEqual({});
    expect((await readResource(m.provider, r)).inputs).toMatchObject({ port: 9090 });
    await deleteResource(m.provider, r);
    expect(await readResource(m.provider, r)).toEqual({});
    await deleteResource(m.provider, r);

    await expect(importResource(m.provider, ATTACH, "x", "not-an-id")).rejects.toThrow(/not a target group attachment ID/);
  });

  it("attaches an EC2 instance on the target group's port and notices when it is deregistered elsewhere", async () => {
    // moto's example image (it survives resets).
    const run = await ec2().send(new RunInstancesCommand({ ImageId: "ami-12c6146b", MinCount: 1, MaxCount: 1, SubnetId: net.subnets[0] }));
    const instanceId = run.Instances![0]!.InstanceId!;
    const tg = await createResource(m.provider, TG, "vms", { port: 8080, protocol: "HTTP", vpcId: net.vpcId });
    const a = await createResource(m.provider, ATTACH, "vm", { targetGroupArn: tg.id, targetId: instanceId });
    expect(a.id).toBe(`${tg.id},${instanceId}`);
    expect((await readResource(m.provider, a)).inputs).toEqual({ targetGroupArn: tg.id, targetId: instanceId });
    await elb().send(new DeregisterTargetsCommand({ TargetGroupArn: tg.id, Targets: [{ Id: instanceId }] }));
    expect(await readResource(m.provider, a)).toEqual({});
    await deleteResource(m.provider, a);
  });
});

describe("aws.lb program classes", () => {
  afterEach(() => runtime.clearMocks());

  it("register Pulumi's lb type tokens (also under aws.alb) and resolve outputs", async () => {
    const monitor = await runtime.setMocks({
      newResource: (args: { type: string; name: string; inputs: Record<string, unknown> }) =>
        ({ id: `${args.name}-id`, state: { ...args.inputs, arn: `arn:${args.name}`, dnsName: `${args.name}.elb.test` } }),
      call: () => ({}),
    }, "proj", "dev");
    const lb = new aws.lb.LoadBalancer("web", { subnets: ["subnet-a", "subnet-b"] });
    const tg = new aws.alb.TargetGroup("app", { port: 80, protocol: "HTTP", vpcId: "vpc-1", healthCheck: { path: "/health" } });
    new aws.lb.Listener("http", { loadBalancerArn: lb.arn, port: 80, defaultActions: [{ type: "forward", targetGroupArn: tg.arn }] });
    new aws.lb.TargetGroupAttachment("i", { targetGroupArn: tg.arn, targetId: "i-123" });
    await runtime.waitForRegistrations();

    expect(monitor.registrations.map((r) => r.type).filter((t) => t.startsWith("aws:")).sort()).toEqual([
      "aws:lb/listener:Listener", "aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup", "aws:lb/targetGroupAttachment:TargetGroupAttachment",
    ]);
    expect((await runtime.resolveOutput(lb.dnsName)).value).toBe("web.elb.test");
    const listener = monitor.registrations.find((r) => r.type === "aws:lb/listener:Listener")!;
    expect(listener.object).toMatchObject({ loadBalancerArn: "arn:web", defaultActions: [{ type: "forward", targetGroupArn: "arn:app" }] });
    expect(aws.alb.LoadBalancer).toBe(aws.lb.LoadBalancer);
  });
});
