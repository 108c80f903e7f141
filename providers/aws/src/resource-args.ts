// The one helper every typed resource class uses: the user's args plus each output-only property
// set to undefined, so the SDK creates an Output for it (declared on the class with `declare`).
import type { Inputs } from "@cairn/sdk";

export function withOutputs(args: object, outputs: readonly string[]): Inputs {
  const props: Inputs = { ...(args as Inputs) };
  for (const k of outputs) if (!(k in props)) props[k] = undefined;
  return props;
}
