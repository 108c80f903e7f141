// End to end through the real engine, host, file backend and the built provider, against moto: an
// application load balancer with a target group and a listener. A second up changes nothing, a
// refresh finds no drift of inputs, a new target group port replaces the group and repoints the
// listener in place, and destroy removes everything in dependency order.
import { DescribeLoadBalancersCommand, DescribeTargetGroupsCommand, ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { describe, expect, it } from "vitest";
import { useMoto, motoWorkspace, motoClientConfig } from "../test-support/use-moto.js";
import * as aws from "../index.js";

const m = useMoto({ tempDir: "cairn-aws-lb-e2e-" });

describe("a load-balanced web tier in a deployment", () => {
  it("ups, stays unchanged, refreshes without drift, replaces a target group, and destroys", async () => {
    let port = 80;
    const ws = motoWorkspace({
      moto: m.moto,
      root: m.root,
      projectName: "web",
      program: () => {
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
        const subnets = ["a", "b"].map((az, i) =>
          new aws.ec2.Subnet(`sub-${az}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: `us-east-1${az}` }));
        const sg = new aws.ec2.SecurityGroup("lb", { vpcId: vpc.id, ingress: [{ protocol: "tcp", fromPort: 80, toPort: 80, cidrBlocks: ["0.0.0.0/0"] }] });
        const lb = new aws.lb.LoadBalancer("web", { subnets: subnets.map((s) => s.id), securityGroups: [sg.id], tags: { tier: "web" } });
        const tg = new aws.alb.TargetGroup("app", { port, protocol: "HTTP", vpcId: vpc.id, healthCheck: { path: "/health", matcher: "200" } });
        const listener = new aws.lb.Listener("http", { loadBalancerArn: lb.arn, port: 80, defaultActions: [{ type: "forward", targetGroupArn: tg.arn }] });
        return { dnsName: lb.dnsName, lbArn: lb.arn, tgArn: tg.arn, listenerArn: listener.arn };
      },
    });
    const elb = new ElasticLoadBalancingV2Client(motoClientConfig(m.moto));
    try {
      const stack = await ws.createStack("dev");
      const up = await stack.up();
      expect(up.error).toBeUndefined();
      expect(up.counts.create).toBe(9); // the stack, the default provider and seven resources
      const outs = await stack.outputs();
      const lbArn = String(outs["lbArn"]?.value);
      const firstTg = String(outs["tgArn"]?.value);
      expect(String(outs["dnsName"]?.value)).toMatch(/^web-[0-9a-f]{7}-/);

      const again = await stack.up();
      expect(again.counts).toEqual({ same: 9 });
      const refresh = await stack.refresh();
      expect(refresh.result).toBe("succeeded");
      // The only change: the target group's loadBalancerArns output now names the load balancer its listener joined.
      expect(refresh.counts).toEqual({ same: 6, refresh: 1 });
      const refreshed = refresh.steps.filter((s) => s.op !== "same");
      expect(refreshed.map((s) => [s.type, s.diff.map((d) => d.path)])).toEqual([["aws:lb/targetGroup:TargetGroup", ["loadBalancerArns[0]"]]]);
      expect((await stack.refresh()).counts).toEqual({ same: 7 });

      port = 8080;
      const replaced = await stack.up();
      expect(replaced.error).toBeUndefined();
      expect(replaced.counts).toMatchObject({ replace: 1, update: 1 });
      const secondTg = String((await stack.outputs())["tgArn"]?.value);
      expect(secondTg).not.toBe(firstTg);
      expect(String((await stack.outputs())["listenerArn"]?.value)).toBe(String(outs["listenerArn"]?.value));
      await expect(elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: [firstTg] }))).rejects.toMatchObject({ name: "TargetGroupNotFoundException" });

      const destroy = await stack.destroy();
      expect(destroy.result).toBe("succeeded");
      await expect(elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: [lbArn] }))).rejects.toMatchObject({ name: "LoadBalancerNotFoundException" });
    } finally {
      elb.destroy();
    }
  });
});
