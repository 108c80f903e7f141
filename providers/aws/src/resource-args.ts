// The one helper every typed resource class uses: the user's args plus every other property of the
// resource (inputs left unset and output-only ones) set to undefined, so the SDK creates an Output
// for each; the class declares them with `declare readonly x: Output<T>`.
import type { Inputs } from "@cairn/sdk";

export function withOutputs(args: object, properties: readonly string[]): Inputs {
  const props: Inputs = { ...(args as Inputs) };
  for (const k of properties) if (!(k in props)) props[k] = undefined;
  return props;
}
