// Config: typed reads of the stack's configuration ("namespace:key" -> string) with errors that
// name the missing key, the stack and the command that sets it; secret reads return secret Outputs.
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { knownOutput, type Output } from "./output.js";
import { requireContext, type RunContext } from "./run-context.js";

export interface StringConfigOptions<K extends string = string> {
  allowedValues?: K[];
  minLength?: number;
  maxLength?: number;
  pattern?: string | RegExp;
}
export interface NumberConfigOptions {
  min?: number;
  max?: number;
}

export class Config {
  /** The namespace of the keys this object reads; defaults to the project name. */
  readonly name: string;

  constructor(name?: string) {
    if (name === undefined) name = requireContext("new Config()").project;
    if (name.endsWith(":config")) name = name.slice(0, -":config".length);
    this.name = name;
  }

  private fullKey(key: string): string {
    return `${this.name}:${key}`;
  }

  private raw(key: string, secretRead: boolean): string | undefined {
    const ctx = requireContext(`reading config "${this.fullKey(key)}"`);
    const full = this.fullKey(key);
    const v = ctx.config[full];
    if (v !== undefined && !secretRead && ctx.configSecretKeys.has(full)) {
      const warned = ctx.monitor.log({ level: "warning", message: `configuration key "${full}" is secret but was read with a plain getter; use getSecret/requireSecret so the value stays secret` });
      warned.catch((e: unknown) => ctx.fail(e));
      ctx.track(warned);
    }
    return v;
  }

  private invalid(key: string, message: string): CairnError {
    return new CairnError({ code: ErrorCodes.ConfigInvalid, source: "user", property: this.fullKey(key), message: `configuration key "${this.fullKey(key)}" ${message}` });
  }

  private missing(key: string, secret: boolean): CairnError {
    const ctx = requireContext("config");
    return missingConfigError(ctx, this.fullKey(key), secret);
  }

  get<K extends string = string>(key: string, opts?: StringConfigOptions<K>): K | undefined {
    return this.checkString(key, this.raw(key, false), opts);
  }
  require<K extends string = string>(key: string, opts?: StringConfigOptions<K>): K {
    return this.required(key, this.get(key, opts), false);
  }
  getSecret<K extends string = string>(key: string, opts?: StringConfigOptions<K>): Output<K> | undefined {
    return secretOf(this.checkString(key, this.raw(key, true), opts));
  }
  requireSecret<K extends string = string>(key: string, opts?: StringConfigOptions<K>): Output<K> {
    return knownOutput(this.required(key, this.checkString(key, this.raw(key, true), opts), true), [], true);
  }

  getNumber(key: string, opts?: NumberConfigOptions): number | undefined {
    return this.parseNumber(key, this.raw(key, false), opts);
  }
  requireNumber(key: string, opts?: NumberConfigOptions): number {
    return this.required(key, this.getNumber(key, opts), false);
  }
  getSecretNumber(key: string, opts?: NumberConfigOptions): Output<number> | undefined {
    return secretOf(this.parseNumber(key, this.raw(key, true), opts));
  }
  requireSecretNumber(key: string, opts?: NumberConfigOptions): Output<number> {
    return knownOutput(this.required(key, this.parseNumber(key, this.raw(key, true), opts), true), [], true);
  }

  getBoolean(key: string): boolean | undefined {
    return this.parseBoolean(key, this.raw(key, false));
  }
  requireBoolean(key: string): boolean {
    return this.required(key, this.getBoolean(key), false);
  }
  getSecretBoolean(key: string): Output<boolean> | undefined {
    return secretOf(this.parseBoolean(key, this.raw(key, true)));
  }
  requireSecretBoolean(key: string): Output<boolean> {
    return knownOutput(this.required(key, this.parseBoolean(key, this.raw(key, true)), true), [], true);
  }

  getObject<T>(key: string): T | undefined {
    return this.parseObject<T>(key, this.raw(key, false));
  }
  requireObject<T>(key: string): T {
    return this.required(key, this.getObject<T>(key), false);
  }
  getSecretObject<T>(key: string): Output<T> | undefined {
    return secretOf(this.parseObject<T>(key, this.raw(key, true)));
  }
  requireSecretObject<T>(key: string): Output<T> {
    return knownOutput(this.required(key, this.parseObject<T>(key, this.raw(key, true)), true), [], true);
  }

  private required<T>(key: string, v: T | undefined, secret: boolean): T {
    if (v === undefined) throw this.missing(key, secret);
    return v;
  }

  private checkString<K extends string>(key: string, v: string | undefined, opts: StringConfigOptions<K> | undefined): K | undefined {
    if (v === undefined || opts === undefined) return v as K | undefined;
    if (opts.allowedValues !== undefined && !opts.allowedValues.includes(v as K)) throw this.invalid(key, `must be one of ${opts.allowedValues.map((x) => JSON.stringify(x)).join(", ")} (got ${JSON.stringify(v)})`);
    if (opts.minLength !== undefined && v.length < opts.minLength) throw this.invalid(key, `must be at least ${opts.minLength} characters long`);
    if (opts.maxLength !== undefined && v.length > opts.maxLength) throw this.invalid(key, `must be at most ${opts.maxLength} characters long`);
    if (opts.pattern !== undefined && !new RegExp(opts.pattern).test(v)) throw this.invalid(key, `must match the pattern ${String(opts.pattern)}`);
    return v as K;
  }

  private parseNumber(key: string, v: string | undefined, opts: NumberConfigOptions | undefined): number | undefined {
    if (v === undefined) return undefined;
    const n = Number(v);
    if (v.trim() === "" || Number.isNaN(n)) throw this.invalid(key, `must be a number (got ${JSON.stringify(v)})`);
    if (opts?.min !== undefined && n < opts.min) throw this.invalid(key, `must be at least ${opts.min} (got ${n})`);
    if (opts?.max !== undefined && n > opts.max) throw this.invalid(key, `must be at most ${opts.max} (got ${n})`);
    return n;
  }

  private parseBoolean(key: string, v: string | undefined): boolean | undefined {
    if (v === undefined) return undefined;
    if (v === "true") return true;
    if (v === "false") return false;
    throw this.invalid(key, `must be true or false (got ${JSON.stringify(v)})`);
  }

  private parseObject<T>(key: string, v: string | undefined): T | undefined {
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as T;
    } catch {
      throw this.invalid(key, `must be JSON (got ${JSON.stringify(v)})`);
    }
  }
}

function secretOf<T>(v: T | undefined): Output<T> | undefined {
  return v === undefined ? undefined : knownOutput<T>(v, [], true);
}

export function missingConfigError(ctx: RunContext, fullKey: string, secret: boolean): CairnError {
  const command = `${ctx.configSetCommand} ${fullKey} <value>${secret ? " --secret" : ""} --stack ${ctx.stack}`;
  return new CairnError({
    code: ErrorCodes.ConfigMissing,
    source: "user",
    property: fullKey,
    message: `missing required configuration key "${fullKey}" for stack "${ctx.stack}"; set it with \`${command}\``,
    hint: command,
  });
}

/** The current stack's name. */
export function getStack(): string {
  return requireContext("getStack()").stack;
}
/** The current project's name. */
export function getProject(): string {
  return requireContext("getProject()").project;
}
/** The current organization's name. */
export function getOrganization(): string {
  return requireContext("getOrganization()").organization;
}
