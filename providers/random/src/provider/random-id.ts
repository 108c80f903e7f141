// RandomId: `byteLength` random bytes shown as hex, standard and URL-safe base64 and decimal
// (each with the optional prefix). The ID is the unprefixed URL-safe base64, which is also what
// import takes ("prefix,b64url" to import with a prefix), as Terraform's random_id does.
import { randomBytes } from "node:crypto";
import { CairnError, ErrorCodes, type PropertyMap } from "@cairn/protocol";
import type { Generated, Imported, ResourceKind } from "./resource-kind.js";
import type { SchemaValues as Values } from "@cairn/protocol";

const TOKEN = "random:index/randomId:RandomId";

function encode(bytes: Buffer, prefix: string): PropertyMap {
  const b64Url = bytes.toString("base64url");
  const dec = bytes.length === 0 ? "0" : BigInt(`0x${bytes.toString("hex")}`).toString();
  return {
    hex: prefix + bytes.toString("hex"),
    b64Std: prefix + bytes.toString("base64"),
    b64Url: prefix + b64Url,
    dec: prefix + dec,
  };
}

export const randomId: ResourceKind = {
  token: TOKEN,
  schema: {
    byteLength: { kind: "integer", required: true, min: 1 },
    prefix: { kind: "string" },
    keepers: { kind: "map" },
  },
  computed: ["hex", "b64Std", "b64Url", "dec"],
  generate(values: Values): Generated {
    const bytes = randomBytes(values.int("byteLength")!);
    return { id: bytes.toString("base64url"), outputs: encode(bytes, values.str("prefix") ?? "") };
  },
  importId(id: string): Imported {
    const comma = id.lastIndexOf(",");
    const prefix = comma < 0 ? undefined : id.slice(0, comma);
    const b64 = comma < 0 ? id : id.slice(comma + 1);
    const bytes = Buffer.from(b64, "base64url");
    if (b64.length === 0 || bytes.toString("base64url") !== b64) {
      throw new CairnError({
        code: ErrorCodes.InvalidInput,
        source: "user",
        message: `cannot import ${TOKEN} with ID ${JSON.stringify(id)}: the ID must be URL-safe base64 without padding (the b64Url output), optionally preceded by "prefix,"`,
      });
    }
    const inputs: PropertyMap = { byteLength: bytes.length };
    if (prefix !== undefined) inputs.prefix = prefix;
    return { id: b64, inputs, outputs: encode(bytes, prefix ?? "") };
  },
};
