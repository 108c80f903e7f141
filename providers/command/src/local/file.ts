// local.File: one text file on the machine running Cairn, written atomically; refresh reports
// its content on disk, so changes made outside Cairn show up as drift.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";

export const FILE_TYPE = "command:local:File";

export interface FileArgs {
  /** Where the file goes (relative paths resolve against the program's directory). */
  path: Input<string>;
  content: Input<string>;
  /** Octal permission bits such as "0644", set exactly (umask does not apply). */
  mode?: Input<string>;
  /** Replace a file that already exists at create (default false: creating fails instead). */
  overwrite?: Input<boolean>;
}

export class File extends CustomResource {
  /** Adopts an existing file by its path. */
  static get(name: string, id: Input<string>, opts?: CustomResourceOptions): File {
    return new File(name, undefined, { ...opts, id });
  }

  /** The absolute path of the file. */
  declare readonly path: Output<string>;
  declare readonly content: Output<string>;
  declare readonly mode: Output<string | undefined>;
  declare readonly overwrite: Output<boolean>;
  /** SHA-256 of the content, hex. */
  declare readonly sha256: Output<string>;

  constructor(name: string, args: FileArgs | undefined, opts?: CustomResourceOptions) {
    super(FILE_TYPE, name, { path: args?.path, content: args?.content, mode: args?.mode, overwrite: args?.overwrite, sha256: undefined }, opts);
  }
}
