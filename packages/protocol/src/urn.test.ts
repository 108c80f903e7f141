import { describe, expect, it } from "vitest";
import { makeUrn, parseUrn, parseProviderReference, makeProviderReference, ROOT_STACK_TYPE, typePackage, parseDuration } from "./index.js";

describe("URNs", () => {
  const root = makeUrn({ stack: "dev", project: "shop", type: ROOT_STACK_TYPE, name: "shop-dev" });

  it("leaves the root stack type out of its children's qualified type", () => {
    const bucket = makeUrn({ stack: "dev", project: "shop", type: "aws:s3/bucket:Bucket", name: "site", parent: root });
    expect(bucket).toBe("urn:cairn:dev::shop::aws:s3/bucket:Bucket::site");
  });

  it("carries the parent type chain for children of components", () => {
    const comp = makeUrn({ stack: "dev", project: "shop", type: "acme:net:Network", name: "net", parent: root });
    const sub = makeUrn({ stack: "dev", project: "shop", type: "acme:net:Tier", name: "net-tier", parent: comp });
    const vpc = makeUrn({ stack: "dev", project: "shop", type: "aws:ec2/vpc:Vpc", name: "net-vpc", parent: sub });
    expect(vpc).toBe("urn:cairn:dev::shop::acme:net:Network$acme:net:Tier$aws:ec2/vpc:Vpc::net-vpc");
    const parts = parseUrn(vpc);
    expect(parts).toMatchObject({ stack: "dev", project: "shop", type: "aws:ec2/vpc:Vpc", parentType: "acme:net:Network$acme:net:Tier", name: "net-vpc" });
  });

  it("keeps names that contain the separator", () => {
    expect(parseUrn("urn:cairn:s::p::t:m:T::a::b").name).toBe("a::b");
  });

  it("rejects strings that are not URNs", () => {
    expect(() => parseUrn("arn:aws:s3:::x")).toThrow(/not a Cairn URN/);
  });

  it("round-trips provider references", () => {
    const urn = "urn:cairn:dev::shop::cairn:providers:aws::default";
    expect(parseProviderReference(makeProviderReference(urn, "abc-123"))).toEqual({ urn, id: "abc-123" });
    expect(typePackage("cairn:providers:aws")).toBe("aws");
    expect(typePackage("aws:s3/bucket:Bucket")).toBe("aws");
  });

  it("parses durations and rejects nonsense", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("250ms")).toBe(250);
    expect(parseDuration(undefined)).toBeUndefined();
    expect(() => parseDuration("5 minutes")).toThrow(/invalid duration/);
  });
});
