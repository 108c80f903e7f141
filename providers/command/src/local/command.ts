// local.Command: runs shell commands on the machine running Cairn when the resource is created,
// updated and deleted (Pulumi's `command.local.Command` names and properties).
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";

export const COMMAND_TYPE = "command:local:Command";

export interface CommandArgs {
  /** Run on create. */
  create?: Input<string>;
  /** Run on update; without it, a change to what create runs replaces the resource. */
  update?: Input<string>;
  /** Run on delete. */
  delete?: Input<string>;
  /** Working directory (relative to the program's directory). */
  dir?: Input<string>;
  /** Added to the host's environment for the commands. */
  environment?: Input<{ [key: string]: Input<string> }>;
  /** Any change to these values replaces the resource (runs delete, then create). */
  triggers?: Input<any[]>;
  /** Program and leading arguments the command is appended to (default ["/bin/sh", "-c"]). */
  interpreter?: Input<Input<string>[]>;
  /** Written to the command's standard input. */
  stdin?: Input<string>;
  /** Pass the previous stdout/stderr as CAIRN_COMMAND_STDOUT/_STDERR to update and delete (default true). */
  addPreviousOutputInEnv?: Input<boolean>;
  /** Accepted for compatibility; Cairn does not stream command output. */
  logging?: Input<string>;
}

export class Command extends CustomResource {
  declare readonly create: Output<string | undefined>;
  declare readonly update: Output<string | undefined>;
  declare readonly delete: Output<string | undefined>;
  declare readonly dir: Output<string | undefined>;
  declare readonly environment: Output<{ [key: string]: string } | undefined>;
  declare readonly triggers: Output<any[] | undefined>;
  declare readonly interpreter: Output<string[] | undefined>;
  declare readonly stdin: Output<string | undefined>;
  declare readonly addPreviousOutputInEnv: Output<boolean>;
  declare readonly logging: Output<string | undefined>;
  /** Standard output of the last create or update (one final newline removed). */
  declare readonly stdout: Output<string>;
  /** Standard error of the last create or update (one final newline removed). */
  declare readonly stderr: Output<string>;

  constructor(name: string, args?: CommandArgs, opts?: CustomResourceOptions) {
    const a = args ?? {};
    super(
      COMMAND_TYPE,
      name,
      {
        create: a.create,
        update: a.update,
        delete: a.delete,
        dir: a.dir,
        environment: a.environment,
        triggers: a.triggers,
        interpreter: a.interpreter,
        stdin: a.stdin,
        addPreviousOutputInEnv: a.addPreviousOutputInEnv,
        logging: a.logging,
        stdout: undefined,
        stderr: undefined,
      },
      opts,
    );
  }
}
