import { afterEach, describe, expect, it } from "vitest";
import { CairnError, ErrorCodes, type Provider, type ProviderFactoryContext } from "@cairn/protocol";
import { createProviderLoader } from "./provider-loader.js";
import { tempProject, type TempProject } from "./__fixtures__/temp-project.js";

// A provider package as a user would install it: "./provider" exports createProvider(ctx).
function fakeProviderPackage(name: string, marker: string): Record<string, string> {
  return {
    [`node_modules/${name}/package.json`]: JSON.stringify({ name, type: "module", exports: { "./provider": "./provider.js" } }),
    [`node_modules/${name}/provider.js`]: `
      let loads = (globalThis.__cairnFakeLoads ??= {});
      loads[${JSON.stringify(name)}] = (loads[${JSON.stringify(name)}] ?? 0) + 1;
      export function createProvider(ctx) {
        return {
          ctx,
          marker: ${JSON.stringify(marker)},
          async create(req) { return { id: "id-" + req.inputs.name, outputs: { ...req.inputs, by: ${JSON.stringify(marker)}, home: ctx.env.HOME_DIR ?? null } }; },
        };
      }
    `,
  };
}

type Probe = Provider & { ctx: ProviderFactoryContext; marker: string };

describe("createProviderLoader", () => {
  let project: TempProject | undefined;
  afterEach(() => project?.remove());

  it("loads a provider package from the project's node_modules and passes it the context", async () => {
    project = tempProject(fakeProviderPackage("@cairn/widget", "project-widget"));
    const load = createProviderLoader({ rootDirectory: project.dir, env: { HOME_DIR: "/home/u" } });
    const p = (await load({ package: "widget", version: "1.2.3" })) as Probe;
    expect(p.marker).toBe("project-widget");
    expect(p.ctx).toEqual({ package: "widget", version: "1.2.3", rootDirectory: project.dir, env: { HOME_DIR: "/home/u" } });
    const res = await p.create({ urn: "urn:cairn:s::p::widget:Widget::a", type: "widget:Widget", inputs: { name: "a" }, preview: false });
    expect(res).toEqual({ id: "id-a", outputs: { name: "a", by: "project-widget", home: "/home/u" } });
  });

  it("accepts the cairn-provider-<name> package name too", async () => {
    project = tempProject(fakeProviderPackage("cairn-provider-gadget", "gadget"));
    const load = createProviderLoader({ rootDirectory: project.dir, env: {} });
    expect(((await load({ package: "gadget" })) as Probe).marker).toBe("gadget");
  });

  it("imports each package's module once and makes a new provider per call", async () => {
    project = tempProject(fakeProviderPackage("@cairn/counted", "counted"));
    const load = createProviderLoader({ rootDirectory: project.dir, env: {} });
    const [a, b] = await Promise.all([load({ package: "counted" }), load({ package: "counted" })]);
    expect(a).not.toBe(b);
    expect((globalThis as { __cairnFakeLoads?: Record<string, number> }).__cairnFakeLoads?.["@cairn/counted"]).toBe(1);
  });

  it("prefers the project's copy over Cairn's own and falls back to Cairn's own", async () => {
    project = tempProject(fakeProviderPackage("@cairn/random", "project-random"));
    const fromProject = (await createProviderLoader({ rootDirectory: project.dir, env: {} })({ package: "random" })) as Probe;
    expect(fromProject.marker).toBe("project-random");

    const empty = tempProject();
    try {
      const own = await createProviderLoader({ rootDirectory: empty.dir, env: {} })({ package: "random" });
      expect((own as Partial<Probe>).marker).toBeUndefined();
      const created = await own.create({ urn: "urn:cairn:s::p::random:index/randomInteger:RandomInteger::n", type: "random:index/randomInteger:RandomInteger", inputs: { min: 3, max: 3 }, preview: false });
      expect(created.outputs.result).toBe(3);
    } finally {
      empty.remove();
    }
  });

  it("falls back to the packages of Cairn's own install when the project lacks one", async () => {
    project = tempProject();
    const cairn = tempProject(fakeProviderPackage("@cairn/widget", "cairn-widget"));
    try {
      const load = createProviderLoader({ rootDirectory: project.dir, env: {}, ownInstall: `${cairn.dir}/package.json` });
      expect(((await load({ package: "widget" })) as Probe).marker).toBe("cairn-widget");
      project.write(fakeProviderPackage("@cairn/widget", "project-widget"));
      const again = createProviderLoader({ rootDirectory: project.dir, env: {}, ownInstall: `${cairn.dir}/package.json` });
      expect(((await again({ package: "widget" })) as Probe).marker).toBe("project-widget");
    } finally {
      cairn.remove();
    }
  });

  it("uses builtins first and the dynamic adapter for cairn-nodejs", async () => {
    project = tempProject(fakeProviderPackage("@cairn/widget", "project-widget"));
    const builtin = { marker: "builtin" } as unknown as Provider;
    const load = createProviderLoader({ rootDirectory: project.dir, env: {}, builtins: { widget: () => builtin } });
    expect(await load({ package: "widget" })).toBe(builtin);
    const dynamic = await load({ package: "cairn-nodejs" });
    expect(await dynamic.configure({ inputs: {}, preview: false })).toEqual({ acceptSecrets: true });
  });

  it("names the package and the install command when a provider is missing", async () => {
    project = tempProject();
    const load = createProviderLoader({ rootDirectory: project.dir, env: {} });
    const err = await load({ package: "nosuchcloud" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CairnError);
    expect((err as CairnError).code).toBe(ErrorCodes.ProviderNotFound);
    expect((err as CairnError).message).toContain("@cairn/nosuchcloud/provider");
    expect((err as CairnError).hint).toContain("npm install @cairn/nosuchcloud");
  });
});
