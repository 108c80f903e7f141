// Cairn's own word lists for RandomPet: short, friendly, lower-case words with no separators.
export const ADVERBS: readonly string[] = [
  "boldly", "briskly", "calmly", "cheerfully", "clearly", "closely", "deeply", "eagerly", "easily", "evenly",
  "fairly", "firmly", "freely", "gently", "gladly", "greatly", "happily", "highly", "honestly", "keenly",
  "kindly", "lightly", "lively", "loudly", "merrily", "mildly", "neatly", "nicely", "openly", "politely",
  "proudly", "quickly", "quietly", "rapidly", "readily", "really", "safely", "sharply", "simply", "slowly",
  "smoothly", "softly", "solidly", "steadily", "sweetly", "swiftly", "tenderly", "truly", "vastly", "warmly",
  "wildly", "wisely",
];

export const ADJECTIVES: readonly string[] = [
  "able", "amber", "ample", "azure", "brave", "bright", "brisk", "calm", "candid", "clever",
  "cosy", "crisp", "curious", "daring", "dapper", "eager", "early", "fancy", "fleet", "fond",
  "frank", "fresh", "gentle", "glad", "golden", "grand", "happy", "hardy", "humble", "jolly",
  "keen", "kind", "lucky", "mellow", "merry", "mighty", "modest", "nimble", "noble", "patient",
  "plucky", "polite", "proud", "quick", "quiet", "rapid", "ready", "robust", "rosy", "sharp",
  "shiny", "silent", "snappy", "steady", "sturdy", "sunny", "swift", "tidy", "tender", "upbeat",
  "vivid", "warm", "witty", "zesty",
];

export const NAMES: readonly string[] = [
  "alpaca", "badger", "beaver", "bison", "bobcat", "buffalo", "camel", "caribou", "cheetah", "chipmunk",
  "cougar", "coyote", "crane", "dingo", "dolphin", "donkey", "eagle", "egret", "falcon", "ferret",
  "finch", "fox", "gazelle", "gecko", "gibbon", "giraffe", "gopher", "heron", "hedgehog", "ibex",
  "iguana", "jackal", "jaguar", "koala", "lemur", "leopard", "llama", "lynx", "marmot", "marten",
  "meerkat", "mink", "moose", "narwhal", "ocelot", "otter", "owl", "panda", "panther", "pelican",
  "penguin", "puffin", "quokka", "rabbit", "raven", "robin", "salmon", "seal", "sparrow", "stork",
  "swan", "tapir", "tiger", "toucan", "turtle", "walrus", "weasel", "whale", "wombat", "yak", "zebra",
];
