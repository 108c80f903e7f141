// Provider functions (data sources) called from programs: runtime.invoke(token, args) and
// runtime.registerResourceTransform for stack-wide transforms.
import { CairnError, ErrorCodes, unwrapSecrets, isPropertyMap } from "@cairn/protocol";
import type { Inputs } from "../output.js";
import type { ProviderResource } from "../resource.js";
import type { ResourceTransform } from "../resource-options.js";
import { providerReference } from "../register.js";
import { requireContext } from "../run-context.js";
import { serializeValue } from "../serialize.js";

export interface InvokeOptions {
  provider?: ProviderResource;
  version?: string;
}

/** Calls a provider function (e.g. "aws:ec2/getAmi:getAmi") once its arguments are known. */
export async function invoke(token: string, args: Inputs, opts: InvokeOptions = {}): Promise<Record<string, unknown>> {
  const ctx = requireContext(`invoke("${token}")`);
  const value = await serializeValue(args, new Set(), "");
  const resp = await ctx.monitor.invoke({
    token,
    args: isPropertyMap(value) ? value : {},
    ...(opts.provider === undefined ? {} : { provider: await providerReference(opts.provider) }),
    ...(opts.version === undefined ? {} : { version: opts.version }),
  });
  if (resp.failures !== undefined && resp.failures.length > 0) {
    throw new CairnError({
      code: ErrorCodes.ProviderCheckFailed,
      source: "user",
      message: `invoking ${token} failed:\n${resp.failures.map((f) => `  ${f.property === "" ? "" : `${f.property}: `}${f.reason}`).join("\n")}`,
    });
  }
  return unwrapSecrets(resp.return) as Record<string, unknown>;
}

/** Applies `t` to every resource registered afterwards that has no parent with its own list. */
export function registerResourceTransform(t: ResourceTransform): void {
  requireContext("registerResourceTransform").stackTransforms.push(t);
}
