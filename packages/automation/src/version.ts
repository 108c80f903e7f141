// The Cairn version recorded in checkpoints and history and shown by `cairn version`.
export const CAIRN_VERSION = "0.1.0";
