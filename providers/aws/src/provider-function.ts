// Calling the provider's functions from a program, in Pulumi's two forms: `getX(args)` answers a
// Promise once the arguments are plain; `getXOutput(args)` takes Inputs and answers an Output that
// carries the arguments' dependencies and secret-ness.
import { output, runtime, type Input, type Output, type ProviderResource } from "@cairn/sdk";

export interface InvokeOptions {
  /** An explicit `aws.Provider` (another region or account); the default provider otherwise. */
  provider?: ProviderResource;
}

/** Each argument may be an Input in the Output form. */
export type InputArgs<A> = { [K in keyof A]: Input<A[K]> };

export async function callFunction<R>(token: string, args: object, opts: InvokeOptions = {}): Promise<R> {
  const plain: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined) plain[k] = v;
  return (await runtime.invoke(token, plain, opts)) as R;
}

export function callFunctionOutput<A extends object, R>(token: string, args: InputArgs<A>, opts: InvokeOptions = {}): Output<R> {
  return output(args as Input<object>).apply((plain) => callFunction<R>(token, plain, opts)) as Output<R>;
}
