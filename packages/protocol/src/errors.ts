// Errors are typed and coded and say who is at fault. Consumers match on `code`, never on text.
import type { Urn } from "./urn.js";

export const ErrorCodes = {
  // The user's program, project or config.
  ProgramFailed: "CAIRN_PROGRAM_FAILED",
  ProgramCompile: "CAIRN_PROGRAM_COMPILE",
  DuplicateUrn: "CAIRN_DUPLICATE_URN",
  ConfigMissing: "CAIRN_CONFIG_MISSING",
  ConfigInvalid: "CAIRN_CONFIG_INVALID",
  ProjectInvalid: "CAIRN_PROJECT_INVALID",
  ApplyFailed: "CAIRN_APPLY_FAILED",
  InvalidInput: "CAIRN_INVALID_INPUT",
  Protected: "CAIRN_PROTECTED",
  ImportMismatch: "CAIRN_IMPORT_MISMATCH",
  TargetNotFound: "CAIRN_TARGET_NOT_FOUND",
  // Providers.
  ProviderCheckFailed: "CAIRN_PROVIDER_CHECK_FAILED",
  ProviderError: "CAIRN_PROVIDER_ERROR",
  ProviderNotFound: "CAIRN_PROVIDER_NOT_FOUND",
  ProviderInvalidResponse: "CAIRN_PROVIDER_INVALID_RESPONSE",
  Timeout: "CAIRN_TIMEOUT",
  // State and backends.
  StateCorrupt: "CAIRN_STATE_CORRUPT",
  StateIntegrity: "CAIRN_STATE_INTEGRITY",
  StateVersion: "CAIRN_STATE_VERSION",
  StackNotFound: "CAIRN_STACK_NOT_FOUND",
  StackExists: "CAIRN_STACK_EXISTS",
  StackLocked: "CAIRN_STACK_LOCKED",
  LeaseLost: "CAIRN_LEASE_LOST",
  PendingOperations: "CAIRN_PENDING_OPERATIONS",
  // Secrets.
  WrongPassphrase: "CAIRN_WRONG_PASSPHRASE",
  PassphraseMissing: "CAIRN_PASSPHRASE_MISSING",
  // The run.
  Cancelled: "CAIRN_CANCELLED",
  ExpectedNoChanges: "CAIRN_EXPECTED_NO_CHANGES",
  Internal: "CAIRN_INTERNAL",
} as const;

export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** Who is at fault: the user's program or input, a provider (or the cloud), or Cairn itself. */
export type ErrorSource = "user" | "provider" | "internal";

export interface CairnErrorInit {
  code: ErrorCode;
  message: string;
  source: ErrorSource;
  urn?: Urn;
  /** A property path the error is about, when there is one. */
  property?: string;
  /** What the user can do about it. */
  hint?: string;
  cause?: unknown;
}

export class CairnError extends Error {
  readonly code: ErrorCode;
  readonly source: ErrorSource;
  readonly urn?: Urn;
  readonly property?: string;
  readonly hint?: string;

  constructor(init: CairnErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "CairnError";
    this.code = init.code;
    this.source = init.source;
    if (init.urn !== undefined) this.urn = init.urn;
    if (init.property !== undefined) this.property = init.property;
    if (init.hint !== undefined) this.hint = init.hint;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, source: this.source, urn: this.urn, property: this.property, hint: this.hint };
  }
}

export function isCairnError(e: unknown, code?: ErrorCode): e is CairnError {
  return e instanceof CairnError && (code === undefined || e.code === code);
}

/** A broken invariant: always a bug in Cairn. */
export function assertInvariant(cond: unknown, message: string): asserts cond {
  if (!cond) throw new CairnError({ code: ErrorCodes.Internal, source: "internal", message: `internal error (this is a bug in Cairn): ${message}` });
}
