// Which resources a targeted run may touch: --target (with --target-dependents), --exclude and
// --replace. Registrations ask as they arrive; deletes ask after the program. Unknown target URNs
// are reported together as TargetNotFound.
import { CairnError, ErrorCodes, type Urn } from "@cairn/protocol";

export interface TargetOptions {
  targets?: Urn[];
  targetDependents?: boolean;
  excludes?: Urn[];
  replaceTargets?: Urn[];
}

export class TargetFilter {
  private readonly targeted: Set<Urn> | undefined;
  private readonly excluded: Set<Urn>;
  private readonly replace: Set<Urn>;

  constructor(private readonly opts: TargetOptions) {
    this.targeted = opts.targets && opts.targets.length > 0 ? new Set(opts.targets) : undefined;
    this.excluded = new Set(opts.excludes ?? []);
    this.replace = new Set(opts.replaceTargets ?? []);
  }

  /** May this resource change? With targetDependents, a dependent of a target becomes a target. */
  allows(urn: Urn, dependencies: Urn[]): boolean {
    if (this.excluded.has(urn)) return false;
    if (!this.targeted) return true;
    if (this.targeted.has(urn)) return true;
    if (this.opts.targetDependents && dependencies.some((d) => this.targeted?.has(d))) {
      this.targeted.add(urn);
      return true;
    }
    return false;
  }

  forceReplace(urn: Urn): boolean {
    return this.replace.has(urn);
  }

  get isTargeted(): boolean {
    return this.targeted !== undefined;
  }

  /** Every URN named by targets, replaceTargets or excludes that is neither in the program nor in state. */
  check(known: (urn: Urn) => boolean): void {
    const named = [...(this.opts.targets ?? []), ...(this.opts.replaceTargets ?? []), ...(this.opts.excludes ?? [])];
    const missing = [...new Set(named.filter((u) => !known(u)))];
    if (missing.length === 0) return;
    throw new CairnError({
      code: ErrorCodes.TargetNotFound,
      source: "user",
      urn: missing[0],
      message: `target${missing.length > 1 ? "s" : ""} not found in the program or the stack's state: ${missing.join(", ")}`,
      hint: "list the stack's resources with `cairn stack --show-urns` and pass an existing URN",
    });
  }
}
