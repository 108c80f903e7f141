// The translation between a Distribution's inputs as @pulumi/aws users write them (origins,
// defaultCacheBehavior, restrictions, ...) and CloudFront's DistributionConfig, both ways. The
// round trip `fromAws(toAws(x))` is the canonical form diff and refresh compare: defaults filled in,
// sets sorted, empty values dropped — so only a real difference shows as a change.
import type {
  CacheBehavior, CustomErrorResponse, DefaultCacheBehavior, DistributionConfig, Method, Origin, PriceClass, HttpVersion,
  Restrictions, ViewerCertificate, ViewerProtocolPolicy, OriginProtocolPolicy, SslProtocol, ItemSelection, GeoRestrictionType,
  SSLSupportMethod, MinimumProtocolVersion,
} from "@aws-sdk/client-cloudfront";
import { propertyValuesEqual, type PropertyValue } from "@cairn/protocol";
import { bool, num, obj, objList, str, strList, type Plain } from "../values.js";

export const DEFAULT_TTL = 86400;
export const MAX_TTL = 31536000;

const items = <T>(list: readonly T[]) => ({ Quantity: list.length, Items: [...list] });
const sorted = (list: readonly string[]) => [...list].sort();
/** Drops undefined, empty strings and empty lists, so "not set" has one form. */
function clean(m: Record<string, PropertyValue | undefined>): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(m)) {
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

function originToAws(o: Plain): Origin {
  const s3 = obj(o["s3OriginConfig"]);
  const custom = obj(o["customOriginConfig"]);
  const headers = objList(o["customHeaders"]).map((h) => ({ HeaderName: str(h["name"]), HeaderValue: str(h["value"]) }));
  return {
    Id: str(o["originId"]), DomainName: str(o["domainName"]), OriginPath: str(o["originPath"]) ?? "",
    ConnectionAttempts: num(o["connectionAttempts"]) ?? 3, ConnectionTimeout: num(o["connectionTimeout"]) ?? 10,
    CustomHeaders: items(headers),
    ...(str(o["originAccessControlId"]) !== undefined ? { OriginAccessControlId: str(o["originAccessControlId"]) } : {}),
    ...(s3 !== undefined ? { S3OriginConfig: { OriginAccessIdentity: str(s3["originAccessIdentity"]) ?? "" } } : {}),
    ...(custom !== undefined ? {
      CustomOriginConfig: {
        HTTPPort: num(custom["httpPort"]), HTTPSPort: num(custom["httpsPort"]),
        OriginProtocolPolicy: str(custom["originProtocolPolicy"]) as OriginProtocolPolicy,
        OriginSslProtocols: items(sorted(strList(custom["originSslProtocols"])) as SslProtocol[]),
        OriginReadTimeout: num(custom["originReadTimeout"]) ?? 30, OriginKeepaliveTimeout: num(custom["originKeepaliveTimeout"]) ?? 5,
      },
    } : {}),
  };
}

function originFromAws(o: Origin): Plain {
  const c = o.CustomOriginConfig;
  return clean({
    originId: o.Id, domainName: o.DomainName, originPath: o.OriginPath,
    connectionAttempts: o.ConnectionAttempts ?? 3, connectionTimeout: o.ConnectionTimeout ?? 10,
    customHeaders: (o.CustomHeaders?.Items ?? []).map((h) => ({ name: h.HeaderName ?? "", value: h.HeaderValue ?? "" })),
    originAccessControlId: o.OriginAccessControlId,
    s3OriginConfig: o.S3OriginConfig === undefined ? undefined : clean({ originAccessIdentity: o.S3OriginConfig.OriginAccessIdentity }),
    customOriginConfig: c === undefined ? undefined : clean({
      httpPort: c.HTTPPort, httpsPort: c.HTTPSPort, originProtocolPolicy: c.OriginProtocolPolicy,
      originSslProtocols: sorted(c.OriginSslProtocols?.Items ?? []), originReadTimeout: c.OriginReadTimeout ?? 30,
      originKeepaliveTimeout: c.OriginKeepaliveTimeout ?? 5,
    }),
  });
}

/** The parts a default and an ordered cache behavior share. */
function behaviorToAws(b: Plain): Omit<DefaultCacheBehavior, "TargetOriginId" | "ViewerProtocolPolicy"> {
  const cachePolicyId = str(b["cachePolicyId"]);
  const allowed = strList(b["allowedMethods"]);
  const cached = strList(b["cachedMethods"]);
  const base = {
    AllowedMethods: { ...items(sorted(allowed) as Method[]), CachedMethods: items(sorted(cached) as Method[]) },
    Compress: bool(b["compress"]) ?? false,
    ...(str(b["originRequestPolicyId"]) !== undefined ? { OriginRequestPolicyId: str(b["originRequestPolicyId"]) } : {}),
    ...(str(b["responseHeadersPolicyId"]) !== undefined ? { ResponseHeadersPolicyId: str(b["responseHeadersPolicyId"]) } : {}),
  };
  if (cachePolicyId !== undefined) return { ...base, CachePolicyId: cachePolicyId };
  const fv = obj(b["forwardedValues"]) ?? {};
  const cookies = obj(fv["cookies"]) ?? {};
  const whitelisted = strList(cookies["whitelistedNames"]);
  return {
    ...base,
    ForwardedValues: {
      QueryString: bool(fv["queryString"]) ?? false,
      Cookies: { Forward: (str(cookies["forward"]) ?? "none") as ItemSelection, ...(whitelisted.length > 0 ? { WhitelistedNames: items(sorted(whitelisted)) } : {}) },
      Headers: items(sorted(strList(fv["headers"]))), QueryStringCacheKeys: items(sorted(strList(fv["queryStringCacheKeys"]))),
    },
    MinTTL: num(b["minTtl"]) ?? 0, DefaultTTL: num(b["defaultTtl"]) ?? DEFAULT_TTL, MaxTTL: num(b["maxTtl"]) ?? MAX_TTL,
  };
}

function behaviorFromAws(b: DefaultCacheBehavior | CacheBehavior): Plain {
  const shared = {
    targetOriginId: b.TargetOriginId, viewerProtocolPolicy: b.ViewerProtocolPolicy,
    allowedMethods: sorted(b.AllowedMethods?.Items ?? []), cachedMethods: sorted(b.AllowedMethods?.CachedMethods?.Items ?? []),
    compress: b.Compress ?? false, originRequestPolicyId: b.OriginRequestPolicyId, responseHeadersPolicyId: b.ResponseHeadersPolicyId,
  };
  if (b.CachePolicyId !== undefined && b.CachePolicyId !== "") return clean({ ...shared, cachePolicyId: b.CachePolicyId });
  const fv = b.ForwardedValues;
  return clean({
    ...shared,
    forwardedValues: clean({
      queryString: fv?.QueryString ?? false,
      cookies: clean({ forward: fv?.Cookies?.Forward ?? "none", whitelistedNames: sorted(fv?.Cookies?.WhitelistedNames?.Items ?? []) }),
      headers: sorted(fv?.Headers?.Items ?? []), queryStringCacheKeys: sorted(fv?.QueryStringCacheKeys?.Items ?? []),
    }),
    minTtl: b.MinTTL ?? 0, defaultTtl: b.DefaultTTL ?? DEFAULT_TTL, maxTtl: b.MaxTTL ?? MAX_TTL,
  });
}

function defaultBehaviorToAws(b: Plain): DefaultCacheBehavior {
  return { TargetOriginId: str(b["targetOriginId"]), ViewerProtocolPolicy: str(b["viewerProtocolPolicy"]) as ViewerProtocolPolicy, ...behaviorToAws(b) };
}

function orderedBehaviorToAws(b: Plain): CacheBehavior {
  return { PathPattern: str(b["pathPattern"]), ...defaultBehaviorToAws(b) };
}

function errorResponseToAws(e: Plain): CustomErrorResponse {
  const code = num(e["responseCode"]);
  return {
    ErrorCode: num(e["errorCode"]),
    ...(code !== undefined ? { ResponseCode: String(code) } : {}),
    ...(str(e["responsePagePath"]) !== undefined ? { ResponsePagePath: str(e["responsePagePath"]) } : {}),
    ...(num(e["errorCachingMinTtl"]) !== undefined ? { ErrorCachingMinTTL: num(e["errorCachingMinTtl"]) } : {}),
  };
}

function errorResponseFromAws(e: CustomErrorResponse): Plain {
  const code = e.ResponseCode === undefined || e.ResponseCode === "" ? undefined : Number(e.ResponseCode);
  return clean({ errorCode: e.ErrorCode, responseCode: code, responsePagePath: e.ResponsePagePath, errorCachingMinTtl: e.ErrorCachingMinTTL });
}

function restrictionsToAws(r: Plain | undefined): Restrictions {
  const geo = obj(r?.["geoRestriction"]) ?? {};
  return { GeoRestriction: { RestrictionType: (str(geo["restrictionType"]) ?? "none") as GeoRestrictionType, ...items(sorted(strList(geo["locations"]))) } };
}

function restrictionsFromAws(r: Restrictions | undefined): Plain {
  const geo = r?.GeoRestriction;
  return { geoRestriction: clean({ restrictionType: geo?.RestrictionType ?? "none", locations: sorted(geo?.Items ?? []) }) };
}

function certificateToAws(c: Plain | undefined): ViewerCertificate {
  const byDefault = bool(c?.["cloudfrontDefaultCertificate"]) ?? false;
  return {
    CloudFrontDefaultCertificate: byDefault,
    ...(str(c?.["acmCertificateArn"]) !== undefined ? { ACMCertificateArn: str(c?.["acmCertificateArn"]) } : {}),
    ...(str(c?.["iamCertificateId"]) !== undefined ? { IAMCertificateId: str(c?.["iamCertificateId"]) } : {}),
    ...(!byDefault && str(c?.["sslSupportMethod"]) !== undefined ? { SSLSupportMethod: str(c?.["sslSupportMethod"]) as SSLSupportMethod } : {}),
    MinimumProtocolVersion: (str(c?.["minimumProtocolVersion"]) ?? "TLSv1") as MinimumProtocolVersion,
  };
}

function certificateFromAws(c: ViewerCertificate | undefined): Plain {
  const byDefault = c?.CloudFrontDefaultCertificate ?? false;
  return clean({
    cloudfrontDefaultCertificate: byDefault, acmCertificateArn: c?.ACMCertificateArn, iamCertificateId: c?.IAMCertificateId,
    // With CloudFront's own certificate the SSL support method means nothing (AWS reports one anyway).
    sslSupportMethod: byDefault ? undefined : c?.SSLSupportMethod, minimumProtocolVersion: c?.MinimumProtocolVersion ?? "TLSv1",
  });
}

/** The DistributionConfig for the inputs (CallerReference comes from the caller). */
export function toDistributionConfig(inputs: Plain, callerReference: string): DistributionConfig {
  const ordered = objList(inputs["orderedCacheBehaviors"]);
  const errors = objList(inputs["customErrorResponses"]);
  return {
    CallerReference: callerReference,
    Comment: str(inputs["comment"]) ?? "",
    Enabled: bool(inputs["enabled"]) ?? true,
    Aliases: items(sorted(strList(inputs["aliases"]))),
    DefaultRootObject: str(inputs["defaultRootObject"]) ?? "",
    PriceClass: (str(inputs["priceClass"]) ?? "PriceClass_All") as PriceClass,
    HttpVersion: (str(inputs["httpVersion"]) ?? "http2") as HttpVersion,
    IsIPV6Enabled: bool(inputs["isIpv6Enabled"]) ?? false,
    WebACLId: str(inputs["webAclId"]) ?? "",
    Origins: items(objList(inputs["origins"]).map(originToAws)),
    DefaultCacheBehavior: defaultBehaviorToAws(obj(inputs["defaultCacheBehavior"]) ?? {}),
    CacheBehaviors: ordered.length > 0 ? items(ordered.map(orderedBehaviorToAws)) : { Quantity: 0 },
    CustomErrorResponses: errors.length > 0 ? items(errors.map(errorResponseToAws)) : { Quantity: 0 },
    Restrictions: restrictionsToAws(obj(inputs["restrictions"])),
    ViewerCertificate: certificateToAws(obj(inputs["viewerCertificate"])),
  };
}

/** The inputs that describe a DistributionConfig, in canonical form. */
export function fromDistributionConfig(c: DistributionConfig): Plain {
  return clean({
    enabled: c.Enabled ?? false,
    comment: c.Comment,
    aliases: sorted(c.Aliases?.Items ?? []),
    defaultRootObject: c.DefaultRootObject,
    priceClass: c.PriceClass ?? "PriceClass_All",
    httpVersion: c.HttpVersion ?? "http2",
    isIpv6Enabled: c.IsIPV6Enabled ?? false,
    webAclId: c.WebACLId,
    origins: (c.Origins?.Items ?? []).map(originFromAws).sort(byKey("originId")),
    defaultCacheBehavior: behaviorFromAws(c.DefaultCacheBehavior ?? { TargetOriginId: "", ViewerProtocolPolicy: "allow-all" }),
    orderedCacheBehaviors: (c.CacheBehaviors?.Items ?? []).map((b) => ({ pathPattern: b.PathPattern ?? "", ...behaviorFromAws(b) })),
    customErrorResponses: (c.CustomErrorResponses?.Items ?? []).map(errorResponseFromAws).sort(byKey("errorCode")),
    restrictions: restrictionsFromAws(c.Restrictions),
    viewerCertificate: certificateFromAws(c.ViewerCertificate),
  });
}

function byKey(key: string): (a: Plain, b: Plain) => number {
  return (a, b) => String(a[key]).localeCompare(String(b[key]));
}

/** The top-level inputs that live in the DistributionConfig (the rest are Cairn's own switches and tags). */
export const CONFIG_PROPERTIES = [
  "enabled", "comment", "aliases", "defaultRootObject", "priceClass", "httpVersion", "isIpv6Enabled", "webAclId", "origins",
  "defaultCacheBehavior", "orderedCacheBehaviors", "customErrorResponses", "restrictions", "viewerCertificate",
] as const;

/** Compares one config property of two input sets through the canonical round trip. */
export function configPropertyEqual(key: (typeof CONFIG_PROPERTIES)[number]): (a: PropertyValue | undefined, b: PropertyValue | undefined) => boolean {
  const canonical = (v: PropertyValue | undefined) => fromDistributionConfig(toDistributionConfig(v === undefined ? {} : { [key]: v }, ""))[key];
  return (a, b) => propertyValuesEqual(canonical(a), canonical(b));
}
