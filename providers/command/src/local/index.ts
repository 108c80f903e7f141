// The `local` namespace of @cairn/command: resources that act on the machine running Cairn.
export { Command, COMMAND_TYPE, type CommandArgs } from "./command.js";
export { File, FILE_TYPE, type FileArgs } from "./file.js";
