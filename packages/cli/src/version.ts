// The CLI's version (the same as the Cairn packages it ships with).
export const CLI_VERSION = "0.1.0";
