// RandomUuid: a random (version 4) UUID. Import takes the UUID itself.
import { randomUUID } from "node:crypto";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import type { Generated, Imported, ResourceKind } from "./resource-kind.js";

const TOKEN = "random:index/randomUuid:RandomUuid";
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const randomUuid: ResourceKind = {
  token: TOKEN,
  schema: { keepers: { kind: "map" } },
  computed: ["result"],
  generate(): Generated {
    const result = randomUUID();
    return { id: result, outputs: { result } };
  },
  importId(id: string): Imported {
    if (!UUID_RE.test(id)) {
      throw new CairnError({ code: ErrorCodes.InvalidInput, source: "user", message: `cannot import ${TOKEN} with ID ${JSON.stringify(id)}: the ID must be a UUID such as 123e4567-e89b-42d3-a456-426614174000` });
    }
    const result = id.toLowerCase();
    return { id: result, inputs: {}, outputs: { result } };
  },
};
