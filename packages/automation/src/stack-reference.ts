// StackReference: reads another stack's outputs from the same backend. Names are "stack",
// "project/stack" or "org/project/stack". Secret outputs stay secret (markers and their names).
import { CairnError, ErrorCodes, containsSecrets } from "@cairn/protocol";
import type { StackReferenceResolver } from "@cairn/engine";
import { PassphraseSecretsManager, type Decrypter } from "@cairn/state";
import { loadCurrentState } from "./deployment-runner.js";
import { rootOutputs } from "./outputs.js";
import { Stack, findSecretsProvider } from "./stack.js";

export function stackReferenceResolver(from: Stack): StackReferenceResolver {
  return async (name) => {
    const parts = name.split("/");
    const stackName = parts[parts.length - 1]!;
    const project = parts.length >= 2 ? parts[parts.length - 2]! : from.workspace.projectName;
    const ctx = from.workspace.ctx;
    const ref = { project, stack: stackName };
    if (!(await ctx.backend.stackExists(ref))) {
      throw new CairnError({ code: ErrorCodes.StackNotFound, source: "user", message: `StackReference ${name}: stack ${project}/${stackName} does not exist in ${ctx.backend.url}` });
    }
    let decrypter: Decrypter;
    if (project === from.workspace.projectName) decrypter = await new Stack(from.workspace, stackName).secrets();
    else {
      const sp = findSecretsProvider(await ctx.backend.exportStack(ref));
      if (sp === undefined) decrypter = { decrypt: () => { throw new CairnError({ code: ErrorCodes.StateCorrupt, source: "user", message: `StackReference ${name}: the stack has secrets but no secrets provider` }); } };
      else decrypter = PassphraseSecretsManager.fromState(sp, await ctx.passphrase.get(stackName));
    }
    const state = await loadCurrentState({ workspace: from.workspace, ref }, decrypter);
    const outputs = rootOutputs(state);
    return { outputs, secretOutputNames: Object.keys(outputs).filter((k) => containsSecrets(outputs[k]!)) };
  };
}
