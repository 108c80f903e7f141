// Provider configuration as Pulumi users write it (stack config of package "aws", keys without the
// prefix) plus the AWS SDK's own environment, resolved into one AwsConfig. checkConfigInputs
// reports every malformed key at once.
import { type CheckFailure, type PropertyMap, type PropertyValue, unwrapSecrets } from "@cairn/protocol";

export type Env = Readonly<Record<string, string | undefined>>;

/** Services this provider talks to, by their config/env names ("s3" / AWS_ENDPOINT_URL_S3). */
export const SERVICES = ["s3", "ec2", "sns", "sqs", "iam", "autoscaling", "cloudwatch", "lambda", "secretsmanager", "kms", "dynamodb", "ecr", "route53", "ecs", "elbv2", "rds", "cloudfront", "eks"] as const;
export type ServiceName = (typeof SERVICES)[number];
/** The SDK's AWS_ENDPOINT_URL_<SERVICE> suffix where it is not the config name uppercased. */
const ENV_SUFFIX: Partial<Record<ServiceName, string>> = { secretsmanager: "SECRETS_MANAGER", route53: "ROUTE_53", autoscaling: "AUTO_SCALING", elbv2: "ELASTIC_LOAD_BALANCING_V2" };

export interface AwsConfig {
  region?: string;
  profile?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Per-service endpoint URL overrides. */
  endpoints: Partial<Record<ServiceName, string>>;
  s3UsePathStyle: boolean;
  skipCredentialsValidation: boolean;
  skipRequestingAccountId: boolean;
  defaultTags: Record<string, string>;
  maxRetries?: number;
}

const KNOWN_KEYS = new Set([
  "region", "profile", "accessKey", "secretKey", "token", "endpoints", "s3UsePathStyle",
  "skipCredentialsValidation", "skipRequestingAccountId", "skipMetadataApiCheck", "skipRegionValidation",
  "defaultTags", "maxRetries", "version",
]);
const STRING_KEYS = ["region", "profile", "accessKey", "secretKey", "token"];
const BOOL_KEYS = ["s3UsePathStyle", "skipCredentialsValidation", "skipRequestingAccountId", "skipMetadataApiCheck", "skipRegionValidation"];

/** Config values arrive as strings from stack config; JSON-looking ones are parsed. */
function decoded(v: PropertyValue | undefined): PropertyValue | undefined {
  const u = v === undefined ? undefined : unwrapSecrets(v);
  if (typeof u !== "string") return u;
  const t = u.trim();
  if (t.startsWith("{") || t.startsWith("[") || t === "true" || t === "false" || /^-?\d+$/.test(t)) {
    try {
      return JSON.parse(t) as PropertyValue;
    } catch {
      return u;
    }
  }
  return u;
}

function isMap(v: PropertyValue | undefined): v is PropertyMap {
  return v !== null && v !== undefined && typeof v === "object" && !Array.isArray(v);
}

/** Accepts a map {s3: url} or Pulumi's list form [{s3: url}, {ec2: url}]. */
function endpointsOf(v: PropertyValue | undefined, failures: CheckFailure[]): Partial<Record<ServiceName, string>> {
  const out: Partial<Record<ServiceName, string>> = {};
  if (v === undefined || v === null) return out;
  const maps = Array.isArray(v) ? v : [v];
  for (const m of maps) {
    if (!isMap(m)) {
      failures.push({ property: "endpoints", reason: "aws:endpoints must be a list of maps like [{s3: \"http://...\"}] or a map of service to URL" });
      continue;
    }
    for (const [svc, url] of Object.entries(m)) {
      if (typeof url !== "string" || !/^https?:\/\//.test(url)) {
        failures.push({ property: `endpoints.${svc}`, reason: `aws:endpoints ${svc} must be an http(s) URL, got ${JSON.stringify(url)}` });
      } else if ((SERVICES as readonly string[]).includes(svc)) {
        out[svc as ServiceName] = url;
      }
    }
  }
  return out;
}

/** Validates config inputs; returns every problem at once. */
export function checkConfigInputs(inputs: PropertyMap): CheckFailure[] {
  const failures: CheckFailure[] = [];
  for (const key of Object.keys(inputs)) {
    if (!KNOWN_KEYS.has(key)) failures.push({ property: key, reason: `unknown configuration key aws:${key}` });
  }
  for (const key of STRING_KEYS) {
    const v = decoded(inputs[key]);
    if (v !== undefined && v !== null && typeof v !== "string") failures.push({ property: key, reason: `aws:${key} must be a string` });
  }
  for (const key of BOOL_KEYS) {
    const v = decoded(inputs[key]);
    if (v !== undefined && v !== null && typeof v !== "boolean") failures.push({ property: key, reason: `aws:${key} must be true or false` });
  }
  const retries = decoded(inputs["maxRetries"]);
  if (retries !== undefined && retries !== null && (typeof retries !== "number" || retries < 0 || !Number.isInteger(retries))) {
    failures.push({ property: "maxRetries", reason: "aws:maxRetries must be a non-negative integer" });
  }
  const region = decoded(inputs["region"]);
  if (typeof region === "string" && decoded(inputs["skipRegionValidation"]) !== true && !/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d+$/.test(region)) {
    failures.push({ property: "region", reason: `aws:region ${JSON.stringify(region)} is not an AWS region name like "us-east-1" (set aws:skipRegionValidation to use it anyway)` });
  }
  const hasKey = decoded(inputs["accessKey"]) !== undefined;
  const hasSecret = decoded(inputs["secretKey"]) !== undefined;
  if (hasKey !== hasSecret) failures.push({ property: hasKey ? "secretKey" : "accessKey", reason: "aws:accessKey and aws:secretKey must be set together" });
  endpointsOf(decoded(inputs["endpoints"]), failures);
  defaultTagsOf(decoded(inputs["defaultTags"]), failures);
  return failures;
}

function defaultTagsOf(v: PropertyValue | undefined, failures: CheckFailure[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (v === undefined || v === null) return out;
  const tags = isMap(v) ? v["tags"] : undefined;
  if (!isMap(v) || (tags !== undefined && tags !== null && !isMap(tags))) {
    failures.push({ property: "defaultTags", reason: "aws:defaultTags must look like {tags: {key: value}}" });
    return out;
  }
  for (const [k, x] of Object.entries(isMap(tags) ? tags : {})) {
    if (typeof x === "string") out[k] = x;
    else failures.push({ property: `defaultTags.tags.${k}`, reason: "default tag values must be strings" });
  }
  return out;
}

function firstString(...vals: (PropertyValue | string | undefined)[]): string | undefined {
  for (const v of vals) if (typeof v === "string" && v !== "") return v;
  return undefined;
}

/** Resolves config inputs and the environment into one AwsConfig (config wins over env). */
export function resolveConfig(inputs: PropertyMap, env: Env): AwsConfig {
  const ignored: CheckFailure[] = [];
  const get = (k: string) => decoded(inputs[k]);
  const endpoints: Partial<Record<ServiceName, string>> = {};
  const fromConfig = endpointsOf(get("endpoints"), ignored);
  for (const svc of SERVICES) {
    const url = firstString(fromConfig[svc], env[`AWS_ENDPOINT_URL_${ENV_SUFFIX[svc] ?? svc.toUpperCase()}`], env["AWS_ENDPOINT_URL"]);
    if (url !== undefined) endpoints[svc] = url;
  }
  const config: AwsConfig = {
    endpoints,
    s3UsePathStyle: get("s3UsePathStyle") === true,
    skipCredentialsValidation: get("skipCredentialsValidation") === true,
    skipRequestingAccountId: get("skipRequestingAccountId") === true,
    defaultTags: defaultTagsOf(get("defaultTags"), ignored),
  };
  const region = firstString(get("region"), env["AWS_REGION"], env["AWS_DEFAULT_REGION"]);
  if (region !== undefined) config.region = region;
  const accessKeyId = firstString(get("accessKey"), env["AWS_ACCESS_KEY_ID"]);
  const secretAccessKey = firstString(get("secretKey"), env["AWS_SECRET_ACCESS_KEY"]);
  const fromConfigKeys = firstString(get("accessKey")) !== undefined;
  if (accessKeyId !== undefined && secretAccessKey !== undefined) {
    const sessionToken = fromConfigKeys ? firstString(get("token")) : firstString(get("token"), env["AWS_SESSION_TOKEN"]);
    config.credentials = sessionToken === undefined ? { accessKeyId, secretAccessKey } : { accessKeyId, secretAccessKey, sessionToken };
  } else {
    const profile = firstString(get("profile"), env["AWS_PROFILE"]);
    if (profile !== undefined) config.profile = profile;
  }
  const retries = get("maxRetries");
  if (typeof retries === "number") config.maxRetries = retries;
  return config;
}
