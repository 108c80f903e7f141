// @cairn/random: resource classes for programs (Pulumi's @pulumi/random names and properties).
// The provider implementation is the separate "./provider" entry.
export { RandomPassword } from "./random-password.js";
export { RandomString } from "./random-string.js";
export type { RandomStringArgs, RandomPasswordArgs } from "./string-args.js";
export { RandomId, type RandomIdArgs } from "./random-id.js";
export { RandomInteger, type RandomIntegerArgs } from "./random-integer.js";
export { RandomUuid, type RandomUuidArgs } from "./random-uuid.js";
export { RandomPet, type RandomPetArgs } from "./random-pet.js";
export { RandomShuffle, type RandomShuffleArgs } from "./random-shuffle.js";
export { Provider } from "./random-provider-resource.js";
export { RANDOM_TOKENS, type Keepers } from "./tokens.js";
