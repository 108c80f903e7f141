// The type tokens of @cairn/random's resources (the same as Pulumi's, so state and programs port).
export const RANDOM_TOKENS = {
  RandomPassword: "random:index/randomPassword:RandomPassword",
  RandomString: "random:index/randomString:RandomString",
  RandomId: "random:index/randomId:RandomId",
  RandomInteger: "random:index/randomInteger:RandomInteger",
  RandomUuid: "random:index/randomUuid:RandomUuid",
  RandomPet: "random:index/randomPet:RandomPet",
  RandomShuffle: "random:index/randomShuffle:RandomShuffle",
} as const;

/** Inputs that, when changed, generate a new value (any values; only their change matters). */
export type Keepers = { [key: string]: any };
