// End to end: a user's dynamic provider, defined in its own module of a project on disk, driven
// through the adapter against a real HTTP metadata service, without running the program.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCodes, SIG, makeSecret, type PropertyMap } from "@cairn/protocol";
import { createDynamicProvider, PROVIDER_KEY } from "./dynamic-provider.js";
import { createProviderLoader } from "./provider-loader.js";
import { createProgramSource } from "./program-source.js";
import { recordingMonitor } from "./__fixtures__/recording-monitor.js";
import { startMetadataService, type MetadataService } from "./__fixtures__/metadata-service.js";
import { ENVIRONMENT_TS, METADATA_PROVIDER_TS, indexTs } from "./__fixtures__/metadata-project.js";
import { tempProject, type TempProject } from "./__fixtures__/temp-project.js";

const TYPE = "cairn-nodejs:dynamic:Resource";
const URN = `urn:cairn:dev::proj::acme:index:Environment$${TYPE}::staging-registration`;
const REF = JSON.stringify({ module: "metadata-provider.ts", exportName: "MetadataProvider", kind: "class", fields: { team: "platform" } });

describe("dynamic provider against a metadata service", () => {
  let service: MetadataService;
  let project: TempProject;
  beforeAll(async () => {
    service = await startMetadataService();
    project = tempProject({
      "package.json": JSON.stringify({ name: "envs", type: "module" }),
      "metadata-provider.ts": METADATA_PROVIDER_TS,
      "environment.ts": ENVIRONMENT_TS,
      "index.ts": indexTs(service.url),
    });
  });
  afterAll(async () => {
    await service.close();
    project.remove();
  });

  it("creates, reads, updates, replaces and deletes a registration from the recorded provider reference alone", async () => {
    const provider = createDynamicProvider({ rootDirectory: project.dir });
    const inputs: PropertyMap = { [PROVIDER_KEY]: REF, serviceUrl: service.url, name: "staging", tier: "small", apiToken: makeSecret("t0ken") };

    const checked = await provider.check({ urn: URN, type: TYPE, olds: {}, news: inputs, randomSeed: "s" });
    expect(checked.inputs).toEqual(inputs);

    const created = await provider.create({ urn: URN, type: TYPE, inputs, preview: false });
    expect(created.id).toBe("env-1");
    expect(service.environments.get("env-1")).toEqual({ name: "staging", tier: "small", team: "platform" });
    expect(service.tokens.at(-1)).toBe("Bearer t0ken");
    expect(created.outputs).toMatchObject({ [PROVIDER_KEY]: REF, team: "platform", apiToken: { [SIG]: "secret", value: "t0ken" } });

    // Drift made outside Cairn shows up on refresh.
    service.environments.get("env-1")!.tier = "medium";
    const read = await provider.read({ urn: URN, type: TYPE, id: "env-1", inputs, state: created.outputs });
    expect(read.outputs).toMatchObject({ tier: "medium", [PROVIDER_KEY]: REF });

    const bigger = { ...inputs, tier: "large" };
    const d1 = await provider.diff({ urn: URN, type: TYPE, id: "env-1", olds: created.outputs, oldInputs: inputs, news: bigger, ignoreChanges: [] });
    expect(d1).toMatchObject({ changes: "some", diffs: ["tier"] });
    expect(d1.replaces).toBeUndefined();
    const updated = await provider.update({ urn: URN, type: TYPE, id: "env-1", olds: created.outputs, oldInputs: inputs, news: bigger, ignoreChanges: [], preview: false });
    expect(service.environments.get("env-1")?.tier).toBe("large");
    expect(updated.outputs).toMatchObject({ tier: "large", [PROVIDER_KEY]: REF });

    const renamed = { ...bigger, name: "staging-2" };
    const d2 = await provider.diff({ urn: URN, type: TYPE, id: "env-1", olds: updated.outputs, oldInputs: bigger, news: renamed, ignoreChanges: [] });
    expect(d2).toMatchObject({ changes: "some", replaces: ["name"] });

    await provider.delete({ urn: URN, type: TYPE, id: "env-1", inputs: bigger, outputs: updated.outputs });
    expect(service.environments.has("env-1")).toBe(false);
    const gone = await provider.read({ urn: URN, type: TYPE, id: "env-1", inputs: bigger, state: updated.outputs });
    expect(gone).toEqual({});
  });

  it("round-trips the reference the SDK records when the program runs, then destroys without the program", async () => {
    const monitor = recordingMonitor({ rootDirectory: project.dir });
    await createProgramSource({ rootDirectory: project.dir, main: "index.ts" })(monitor, new AbortController().signal);
    const reg = monitor.registrations.find((r) => r.type === TYPE);
    expect(reg?.name).toBe("staging-registration");
    const recorded = JSON.parse(String(reg!.object[PROVIDER_KEY])) as Record<string, unknown>;
    expect(recorded).toEqual({ module: "metadata-provider.ts", exportName: "MetadataProvider", kind: "class", fields: { team: "platform" } });

    // A later process: only the package loader and the recorded inputs.
    const provider = await createProviderLoader({ rootDirectory: project.dir, env: {} })({ package: "cairn-nodejs" });
    const created = await provider.create({ urn: URN, type: TYPE, inputs: reg!.object, preview: false });
    expect(service.environments.get(created.id)).toEqual({ name: "staging", tier: "small", team: "platform" });
    await provider.delete({ urn: URN, type: TYPE, id: created.id, inputs: reg!.object, outputs: created.outputs });
    expect(service.environments.has(created.id)).toBe(false);
  });

  it("reports the service's failure as ProviderError naming the resource", async () => {
    const provider = createDynamicProvider({ rootDirectory: project.dir });
    const state: PropertyMap = { [PROVIDER_KEY]: REF, serviceUrl: `${service.url}/nope`, name: "x", tier: "small", apiToken: "t" };
    const e = await provider.update({ urn: URN, type: TYPE, id: "env-9", olds: state, oldInputs: state, news: state, ignoreChanges: [], preview: false }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: ErrorCodes.ProviderError, source: "provider", urn: URN });
    expect((e as Error).message).toContain("dynamic provider update failed: PUT");
    expect((e as Error).message).toContain("answered 404");
  });

  it("says which module is missing when the provider's file is gone", async () => {
    const provider = createDynamicProvider({ rootDirectory: project.dir });
    const ref = JSON.stringify({ module: "gone-provider.ts", exportName: "Gone", kind: "class", fields: {} });
    const e = await provider.delete({ urn: URN, type: TYPE, id: "x", inputs: {}, outputs: { [PROVIDER_KEY]: ref } }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: ErrorCodes.ProviderError, urn: URN });
    expect((e as Error).message).toContain("gone-provider.ts");
  });
});
