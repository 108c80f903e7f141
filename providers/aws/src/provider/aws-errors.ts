// AWS SDK errors as Cairn sees them: the error code and operation of a failed call, "not found"
// detection by code, and the conversion into a CairnError that names the resource and operation.
import { CairnError, ErrorCodes, isCairnError, type Urn } from "@cairn/protocol";

/** Set on errors by the middleware in clients.ts: the AWS operation that failed ("CreateBucket"). */
export const OPERATION_KEY = "$cairnOperation";

export interface AwsErrorInfo {
  code: string;
  message: string;
  operation?: string;
  httpStatus?: number;
}

/** The AWS error code and message of an SDK error, or undefined for anything else. */
export function awsErrorInfo(e: unknown): AwsErrorInfo | undefined {
  if (e === null || typeof e !== "object") return undefined;
  const rec = e as Record<string, unknown>;
  const meta = rec["$metadata"] as { httpStatusCode?: number } | undefined;
  if (meta === undefined && rec[OPERATION_KEY] === undefined) return undefined;
  const code = typeof rec["Code"] === "string" ? (rec["Code"] as string) : typeof rec["name"] === "string" ? (rec["name"] as string) : "Unknown";
  const message = typeof rec["message"] === "string" && rec["message"] !== "" ? (rec["message"] as string) : code;
  const info: AwsErrorInfo = { code, message };
  if (typeof rec[OPERATION_KEY] === "string") info.operation = rec[OPERATION_KEY] as string;
  if (meta?.httpStatusCode !== undefined) info.httpStatus = meta.httpStatusCode;
  return info;
}

/** True when the error is an AWS error whose code is one of `codes` (or a bare HTTP 404 when `codes` has "404"). */
export function isAwsError(e: unknown, codes: readonly string[]): boolean {
  const info = awsErrorInfo(e);
  if (info === undefined) return false;
  return codes.includes(info.code) || (info.httpStatus !== undefined && codes.includes(String(info.httpStatus)));
}

export interface ToProviderErrorRequest {
  error: unknown;
  urn: Urn;
  type: string;
  /** The provider method that failed: "create", "read", "update", "delete". */
  method: string;
}

/** Converts whatever a handler threw into a CairnError naming the resource, operation and AWS's code. */
export function toProviderError(req: ToProviderErrorRequest): CairnError {
  const { error, urn, method } = req;
  if (isCairnError(error)) return error;
  if (error instanceof Error && error.name === "AbortError") {
    return new CairnError({ code: ErrorCodes.Cancelled, source: "user", urn, message: `${method} of ${urn} was cancelled`, cause: error });
  }
  const info = awsErrorInfo(error);
  if (info === undefined || info.httpStatus === undefined) {
    // No HTTP answer from AWS at all: a network or endpoint problem.
    const text = error instanceof Error ? error.message : String(error);
    const op = info?.operation !== undefined ? `${info.operation} could not reach AWS: ` : "";
    return new CairnError({
      code: ErrorCodes.ProviderError,
      source: "provider",
      urn,
      message: `${method} of ${urn} failed: ${op}${text}`,
      hint: "check the AWS region and endpoint settings (aws:region, aws:endpoints, AWS_ENDPOINT_URL) and network access",
      cause: error,
    });
  }
  const op = info.operation ?? "an AWS call";
  return new CairnError({
    code: ErrorCodes.ProviderError,
    source: "provider",
    urn,
    message: `${method} of ${urn} failed: ${op}: ${info.code}: ${info.message}`,
    cause: error,
  });
}
