// The quickstart: a random pet name, and a local command that runs when the pet is created
// (and again only when the pet changes). Its output becomes a stack output.
import * as random from "@cairn/random";
import { local } from "@cairn/command";
import { interpolate } from "@cairn/sdk";

const pet = new random.RandomPet("pet", { length: 2 });

const greeting = new local.Command("greet", {
  create: interpolate`echo "Hello, ${pet.id}!"`,
  delete: "echo goodbye",
  triggers: [pet.id],
});

export const petName = pet.id;
export const message = greeting.stdout;
