// The input schema of aws:cloudfront/distribution:Distribution (as @pulumi/aws names it) and its
// cross-field rules: behaviors must target a declared origin, one certificate source, a cache
// policy or forwarded values, geo restriction locations that match the restriction type.
import { isUnknown, type CheckFailure } from "@cairn/protocol";
import type { FieldSpec } from "../resource-definition.js";
import { bool, obj, objList, str, strList, type Plain } from "../values.js";
import { configPropertyEqual } from "./cloudfront-config.js";

const METHODS = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"];
const VIEWER_POLICIES = ["allow-all", "https-only", "redirect-to-https"];

const behaviorFields: Record<string, FieldSpec> = {
  targetOriginId: { kind: "string", required: true },
  viewerProtocolPolicy: { kind: "string", required: true, oneOf: VIEWER_POLICIES },
  allowedMethods: { kind: "stringList", required: true },
  cachedMethods: { kind: "stringList", required: true },
  forwardedValues: {
    kind: "object",
    fields: {
      queryString: { kind: "boolean", required: true },
      cookies: { kind: "object", required: true, fields: { forward: { kind: "string", required: true, oneOf: ["none", "all", "whitelist"] }, whitelistedNames: { kind: "stringList" } } },
      headers: { kind: "stringList" },
      queryStringCacheKeys: { kind: "stringList" },
    },
  },
  minTtl: { kind: "number" },
  defaultTtl: { kind: "number" },
  maxTtl: { kind: "number" },
  compress: { kind: "boolean" },
  cachePolicyId: { kind: "string" },
  originRequestPolicyId: { kind: "string" },
  responseHeadersPolicyId: { kind: "string" },
};

export const DISTRIBUTION_INPUTS: Record<string, FieldSpec> = {
  enabled: { kind: "boolean", required: true },
  comment: { kind: "string" },
  aliases: { kind: "stringList", equal: configPropertyEqual("aliases") },
  defaultRootObject: { kind: "string" },
  priceClass: { kind: "string", default: "PriceClass_All", oneOf: ["PriceClass_All", "PriceClass_200", "PriceClass_100"] },
  httpVersion: { kind: "string", default: "http2", oneOf: ["http1.1", "http2", "http2and3", "http3"] },
  isIpv6Enabled: { kind: "boolean", default: false },
  webAclId: { kind: "string" },
  origins: {
    kind: "objectList", required: true, equal: configPropertyEqual("origins"),
    fields: {
      domainName: { kind: "string", required: true },
      originId: { kind: "string", required: true },
      originPath: { kind: "string" },
      connectionAttempts: { kind: "number" },
      connectionTimeout: { kind: "number" },
      originAccessControlId: { kind: "string" },
      customHeaders: { kind: "objectList", fields: { name: { kind: "string", required: true }, value: { kind: "string", required: true } } },
      s3OriginConfig: { kind: "object", fields: { originAccessIdentity: { kind: "string", required: true } } },
      customOriginConfig: {
        kind: "object",
        fields: {
          httpPort: { kind: "number", required: true },
          httpsPort: { kind: "number", required: true },
          originProtocolPolicy: { kind: "string", required: true, oneOf: ["http-only", "https-only", "match-viewer"] },
          originSslProtocols: { kind: "stringList", required: true },
          originReadTimeout: { kind: "number" },
          originKeepaliveTimeout: { kind: "number" },
        },
      },
    },
  },
  defaultCacheBehavior: { kind: "object", required: true, equal: configPropertyEqual("defaultCacheBehavior"), fields: behaviorFields },
  orderedCacheBehaviors: {
    kind: "objectList", equal: configPropertyEqual("orderedCacheBehaviors"),
    fields: { pathPattern: { kind: "string", required: true }, ...behaviorFields },
  },
  customErrorResponses: {
    kind: "objectList", equal: configPropertyEqual("customErrorResponses"),
    fields: {
      errorCode: { kind: "number", required: true },
      responseCode: { kind: "number" },
      responsePagePath: { kind: "string" },
      errorCachingMinTtl: { kind: "number" },
    },
  },
  restrictions: {
    kind: "object", required: true, equal: configPropertyEqual("restrictions"),
    fields: {
      geoRestriction: {
        kind: "object", required: true,
        fields: { restrictionType: { kind: "string", required: true, oneOf: ["none", "whitelist", "blacklist"] }, locations: { kind: "stringList" } },
      },
    },
  },
  viewerCertificate: {
    kind: "object", required: true, equal: configPropertyEqual("viewerCertificate"),
    fields: {
      cloudfrontDefaultCertificate: { kind: "boolean" },
      acmCertificateArn: { kind: "string" },
      iamCertificateId: { kind: "string" },
      sslSupportMethod: { kind: "string", oneOf: ["sni-only", "vip", "static-ip"] },
      minimumProtocolVersion: { kind: "string" },
    },
  },
  retainOnDelete: { kind: "boolean", default: false },
  waitForDeployment: { kind: "boolean", default: true },
  tags: { kind: "stringMap" },
};

const known = (v: Plain[string] | undefined): boolean => v !== undefined && !isUnknown(v);
/** The elements of a list that are known objects (an unknown element is checked at apply time). */
const knownObjects = (v: Plain[string] | undefined): Plain[] => objList(v).filter((x) => !isUnknown(x));
const knownObject = (v: Plain[string] | undefined): Plain | undefined => (isUnknown(v) ? undefined : obj(v));

function checkBehavior(path: string, b: Plain, originIds: Set<string> | undefined, out: CheckFailure[]): void {
  const target = str(b["targetOriginId"]);
  if (originIds !== undefined && target !== undefined && !originIds.has(target)) {
    out.push({ property: `${path}.targetOriginId`, reason: `${path}.targetOriginId ${JSON.stringify(target)} names no origin; origins are ${[...originIds].join(", ")}` });
  }
  const allowed = strList(b["allowedMethods"]);
  for (const m of allowed) if (!METHODS.includes(m)) out.push({ property: `${path}.allowedMethods`, reason: `${path}.allowedMethods: ${JSON.stringify(m)} is not one of ${METHODS.join(", ")}` });
  for (const m of strList(b["cachedMethods"])) {
    if (known(b["allowedMethods"]) && !allowed.includes(m)) out.push({ property: `${path}.cachedMethods`, reason: `${path}.cachedMethods: ${m} must also be in allowedMethods` });
  }
  const hasPolicy = known(b["cachePolicyId"]);
  if (hasPolicy && (b["forwardedValues"] !== undefined || ["minTtl", "defaultTtl", "maxTtl"].some((k) => b[k] !== undefined))) {
    out.push({ property: `${path}.cachePolicyId`, reason: `${path}: a cachePolicyId replaces forwardedValues and the TTLs; set one or the other` });
  }
  if (b["cachePolicyId"] === undefined && b["forwardedValues"] === undefined) {
    out.push({ property: `${path}.forwardedValues`, reason: `${path} needs forwardedValues (e.g. {queryString: false, cookies: {forward: "none"}}) or a cachePolicyId` });
  }
}

function checkOrigins(origins: Plain[], out: CheckFailure[]): Set<string> | undefined {
  const ids = origins.map((o) => o["originId"]);
  origins.forEach((o, i) => {
    const configs = ["s3OriginConfig", "customOriginConfig"].filter((k) => o[k] !== undefined);
    if (configs.length !== 1) out.push({ property: `origins[${i}]`, reason: `origins[${i}] needs exactly one of s3OriginConfig and customOriginConfig` });
  });
  if (!ids.every((x) => typeof x === "string")) return undefined;
  const unique = new Set(ids as string[]);
  if (unique.size !== ids.length) out.push({ property: "origins", reason: "origins must not use the same originId twice" });
  return unique;
}

function checkCertificate(c: Plain | undefined, out: CheckFailure[]): void {
  if (c === undefined) return;
  const sources = [bool(c["cloudfrontDefaultCertificate"]) === true, c["acmCertificateArn"] !== undefined, c["iamCertificateId"] !== undefined].filter(Boolean).length;
  if (sources !== 1) {
    out.push({ property: "viewerCertificate", reason: "viewerCertificate needs exactly one of cloudfrontDefaultCertificate: true, acmCertificateArn and iamCertificateId" });
  } else if (bool(c["cloudfrontDefaultCertificate"]) !== true && c["sslSupportMethod"] === undefined) {
    out.push({ property: "viewerCertificate.sslSupportMethod", reason: "viewerCertificate.sslSupportMethod is required with acmCertificateArn or iamCertificateId" });
  }
}

function checkGeo(r: Plain | undefined, out: CheckFailure[]): void {
  const geo = obj(r?.["geoRestriction"]);
  const type = str(geo?.["restrictionType"]);
  if (geo === undefined || type === undefined || isUnknown(geo["locations"])) return;
  const n = strList(geo["locations"]).length;
  if (type === "none" && n > 0) out.push({ property: "restrictions.geoRestriction.locations", reason: "restrictions.geoRestriction.locations must be empty when restrictionType is none" });
  if (type !== "none" && n === 0) out.push({ property: "restrictions.geoRestriction.locations", reason: `restrictions.geoRestriction.locations must list countries when restrictionType is ${type}` });
}

export function validateDistribution(inputs: Plain): CheckFailure[] {
  const out: CheckFailure[] = [];
  const origins = knownObjects(inputs["origins"]);
  const originIds = known(inputs["origins"]) && origins.length === objList(inputs["origins"]).length ? checkOrigins(origins, out) : undefined;
  const dcb = knownObject(inputs["defaultCacheBehavior"]);
  if (dcb !== undefined) checkBehavior("defaultCacheBehavior", dcb, originIds, out);
  knownObjects(inputs["orderedCacheBehaviors"]).forEach((b, i) => checkBehavior(`orderedCacheBehaviors[${i}]`, b, originIds, out));
  const codes = knownObjects(inputs["customErrorResponses"]).map((e) => e["errorCode"]);
  if (new Set(codes).size !== codes.length) out.push({ property: "customErrorResponses", reason: "customErrorResponses must not name an errorCode twice" });
  checkCertificate(knownObject(inputs["viewerCertificate"]), out);
  checkGeo(knownObject(inputs["restrictions"]), out);
  return out;
}
