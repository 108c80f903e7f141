// Small builders for hand-written state tests.
import { makeProviderReference, makeUrn } from "@cairn/protocol";
import type { ResourceState, Snapshot } from "../snapshot.js";

export function urnOf(name: string, type = "test:index:Thing"): string {
  return makeUrn({ stack: "dev", project: "proj", type, name });
}

export function res(name: string, extra: Partial<ResourceState> = {}): ResourceState {
  const type = extra.type ?? "test:index:Thing";
  return {
    urn: urnOf(name, type),
    type,
    custom: true,
    inputs: {},
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    retainOnDelete: false,
    ...extra,
  };
}

export function providerRes(name: string, id: string, extra: Partial<ResourceState> = {}): ResourceState {
  return res(name, { type: "cairn:providers:test", id, ...extra });
}

export function providerRef(p: ResourceState): string {
  return makeProviderReference(p.urn, p.id!);
}

export function snap(resources: ResourceState[], extra: Partial<Snapshot> = {}): Snapshot {
  return { resources, pendingOperations: [], manifest: { time: "2026-01-01T00:00:00.000Z", cairnVersion: "0.1.0" }, ...extra };
}
