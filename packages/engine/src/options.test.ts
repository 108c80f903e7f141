import { describe, expect, it } from "vitest";
import { ErrorCodes, STACK_REFERENCE_TYPE } from "@cairn/protocol";
import { World, program, urn, TYPE } from "./__fixtures__/harness.js";

const COMP = "acme:index:Comp";

describe("aliases", () => {
  it("renames a resource without replacing it", async () => {
    const w = new World();
    await w.up([{ name: "old", inputs: { v: 1 } }]);
    const id = w.resource("old")?.id;
    const res = await w.up([{ name: "new", inputs: { v: 1 }, aliases: [{ name: "old" }] }]);
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations()).toEqual(["create old"]);
    expect(w.names()).toEqual(["new"]);
    expect(w.resource("new")?.id).toBe(id);
  });

  it("reparents a resource under a component without replacing it", async () => {
    const w = new World();
    await w.up([{ name: "db", inputs: { v: 1 } }]);
    const res = await w.up([
      { name: "comp", type: COMP, custom: false },
      { name: "db", inputs: { v: 1 }, parent: "comp", aliases: [{ parent: urn("proj-dev", "cairn:cairn:Stack") }] },
    ]);
    expect(res.result).toBe("succeeded");
    expect(w.provider.mutations()).toEqual(["create db"]);
    const moved = w.state.resources.find((r) => r.type === TYPE);
    expect(moved?.urn).toBe(urn("db", TYPE, urn("comp", COMP)));
    expect(moved?.parent).toBe(urn("comp", COMP));
  });
});

describe("import", () => {
  it("adopts a matching cloud resource without creating it", async () => {
    const w = new World();
    w.cloud.resources.set("ext-1", { id: "ext-1", urn: "x", type: TYPE, inputs: { v: 1 }, outputs: { v: 1, arn: "arn:x" } });
    const res = await w.up([{ name: "a", inputs: { v: 1 }, importId: "ext-1" }]);
    expect(res.result).toBe("succeeded");
    expect(res.counts.import).toBe(1);
    expect(w.provider.mutations()).toEqual([]);
    expect(w.resource("a")).toMatchObject({ id: "ext-1", importId: "ext-1", outputs: { v: 1, arn: "arn:x" } });
    const next = await w.up([{ name: "a", inputs: { v: 1 }, importId: "ext-1" }]);
    expect(next.counts.import ?? 0).toBe(0);
  });

  it("fails with ImportMismatch instead of silently updating", async () => {
    const w = new World();
    w.cloud.resources.set("ext-1", { id: "ext-1", urn: "x", type: TYPE, inputs: { v: 1 }, outputs: { v: 1 } });
    const res = await w.up([{ name: "a", inputs: { v: 2 }, importId: "ext-1" }]);
    expect(res.result).toBe("failed");
    expect(res.error?.code).toBe(ErrorCodes.ImportMismatch);
    expect(res.error?.message).toContain("v (cloud 1, program 2)");
    expect(w.names()).toEqual([]);
    expect(w.provider.mutations()).toEqual([]);
  });
});

describe("targets", () => {
  const decls = [{ name: "a", inputs: { v: 2 } }, { name: "b", inputs: { v: 2 }, deps: ["a"] }, { name: "c", inputs: { v: 2 } }];
  const v1 = [{ name: "a", inputs: { v: 1 } }, { name: "b", inputs: { v: 1 }, deps: ["a"] }, { name: "c", inputs: { v: 1 } }, { name: "gone" }];

  it("changes only the targets, and their dependents with targetDependents", async () => {
    const w = new World();
    await w.up(v1);
    const r1 = await w.up(decls, { targets: [urn("a")] });
    expect(r1.result).toBe("succeeded");
    expect(w.provider.mutations().slice(4)).toEqual(["update a"]);
    expect(w.names()).toContain("gone");
    expect(w.resource("b")?.inputs).toEqual({ v: 1 });
    await w.up(decls, { targets: [urn("a")], targetDependents: true });
    expect(w.resource("b")?.inputs).toEqual({ v: 2 });
    expect(w.resource("c")?.inputs).toEqual({ v: 1 });
  });

  it("leaves excluded resources alone, deleting nothing excluded", async () => {
    const w = new World();
    await w.up(v1);
    await w.up(decls, { excludes: [urn("c"), urn("gone")] });
    expect(w.resource("c")?.inputs).toEqual({ v: 1 });
    expect(w.resource("a")?.inputs).toEqual({ v: 2 });
    expect(w.names()).toContain("gone");
  });

  it("reports a target that is neither in the program nor in state", async () => {
    const w = new World();
    await w.up(v1);
    const res = await w.up(decls, { targets: [urn("nope")] });
    expect(res.error?.code).toBe(ErrorCodes.TargetNotFound);
    expect(res.error?.message).toContain(urn("nope"));
  });
});

describe("ignoreChanges, reads, stack references, explicit providers, timeouts", () => {
  it("keeps old values for ignored paths", async () => {
    const w = new World();
    await w.up([{ name: "a", inputs: { tags: { env: "dev", owner: "x" } } }]);
    const res = await w.up([{ name: "a", inputs: { tags: { env: "prod", owner: "x" } }, ignoreChanges: ["tags.env"] }]);
    expect(res.counts.update ?? 0).toBe(0);
    expect(w.resource("a")?.inputs).toEqual({ tags: { env: "dev", owner: "x" } });
  });

  it("reads an existing resource with get and never deletes it", async () => {
    const w = new World();
    w.cloud.resources.set("ext-9", { id: "ext-9", urn: "x", type: TYPE, inputs: { v: 9 }, outputs: { v: 9 } });
    const res = await w.up([{ name: "ext", readId: "ext-9" }]);
    expect(res.counts.read).toBe(1);
    expect(w.resource("ext")).toMatchObject({ external: true, outputs: { v: 9 } });
    await w.up([]);
    expect(w.cloud.get("ext-9")).toBeDefined();
    expect(w.names()).toEqual([]);
  });

  it("serves stack references from the injected resolver", async () => {
    const w = new World();
    const res = await w.up([{ name: "org/net/prod", type: STACK_REFERENCE_TYPE, readId: "org/net/prod" }], {
      stackReferences: async (name) => ({ outputs: { vpcId: `vpc-of-${name}`, pw: "s" }, secretOutputNames: ["pw"] }),
    });
    expect(res.result).toBe("succeeded");
    const ref = w.state.resources.find((r) => r.type === STACK_REFERENCE_TYPE);
    expect(ref?.outputs["outputs"]).toEqual({ vpcId: "vpc-of-org/net/prod", pw: { "cairn:sig": "secret", value: "s" } });
  });

  it("uses an explicit provider resource with its own configuration and a stable id", async () => {
    const w = new World();
    const decls = [{ name: "east", type: "cairn:providers:fake", inputs: { region: "east" } }, { name: "a", provider: "east" }];
    await w.up(decls);
    const p = w.resource("east", "cairn:providers:fake");
    expect(w.resource("a")?.provider).toBe(`${p?.urn}::${p?.id}`);
    expect(w.provider.config).toEqual({ region: "east" });
    await w.up([{ ...decls[0], inputs: { region: "west" } }, decls[1] as { name: string }]);
    expect(w.resource("east", "cairn:providers:fake")?.id).toBe(p?.id);
    expect(w.provider.mutations()).toEqual(["create a"]);
  });

  it("turns a custom timeout into a Timeout error naming the resource and operation", async () => {
    const w = new World({ latencyMs: (c) => (c.op === "create" ? 2_000 : 0) });
    const res = await w.up([{ name: "slow", customTimeouts: { create: "20ms" } }]);
    expect(res.error?.code).toBe(ErrorCodes.Timeout);
    expect(res.error?.message).toContain(`create of ${urn("slow")}`);
  });

  it("logs program messages as diagnostics", async () => {
    const w = new World();
    await w.run("update", async (m) => {
      await m.log({ level: "warning", message: "careful" });
    });
    expect(w.events).toContainEqual(expect.objectContaining({ code: "diagnostic", level: "warning", message: "careful" }));
    expect(program([])).toBeTypeOf("function");
  });
});

describe("cairn import", () => {
  it("adopts the cloud resource's inputs when the registration declares none", async () => {
    const w = new World();
    w.cloud.resources.set("ext-2", { id: "ext-2", urn: "x", type: TYPE, inputs: { v: 7 }, outputs: { v: 7 } });
    const res = await w.run("import", program([{ name: "adopted", importId: "ext-2" }]));
    expect(res.result).toBe("succeeded");
    expect(w.resource("adopted")).toMatchObject({ id: "ext-2", inputs: { v: 7 }, outputs: { v: 7 } });
    expect(w.provider.mutations()).toEqual([]);
  });
});

describe("secrets", () => {
  it("keeps secret config secret in the provider's recorded inputs and marks additionalSecretOutputs", async () => {
    const w = new World();
    const res = await w.up([{ name: "a", inputs: { token: "t0k" }, additionalSecretOutputs: ["token"] }], { config: { "fake:apiKey": "k3y" }, configSecretKeys: ["fake:apiKey"] });
    expect(res.result).toBe("succeeded");
    expect(w.provider.config).toEqual({ apiKey: "k3y" });
    expect(w.resource("default", "cairn:providers:fake")?.inputs).toEqual({ apiKey: { "cairn:sig": "secret", value: "k3y" } });
    expect(w.resource("a")?.outputs["token"]).toEqual({ "cairn:sig": "secret", value: "t0k" });
    const prelude = w.events.find((e) => e.code === "prelude");
    expect(prelude && "config" in prelude ? prelude.config["fake:apiKey"] : undefined).toBe("[secret]");
  });
});
