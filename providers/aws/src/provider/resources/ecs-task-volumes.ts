// A task definition's volumes as Pulumi writes them ({name, hostPath, efsVolumeConfiguration}):
// the schema, the conversion to and from ECS's form, and a set comparison that fills in ECS's
// defaults (root directory "/", transit encryption and IAM authorization "DISABLED").
import type { EFSAuthorizationConfigIAM, EFSTransitEncryption, Volume } from "@aws-sdk/client-ecs";
import type { PropertyValue } from "@cairn/protocol";
import type { FieldSpec } from "../resource-definition.js";
import { num, obj, objList, str, type Plain } from "../values.js";

const ENABLED = ["ENABLED", "DISABLED"];

export const VOLUME_FIELDS: Record<string, FieldSpec> = {
  name: { kind: "string", required: true },
  hostPath: { kind: "string" },
  efsVolumeConfiguration: {
    kind: "object",
    fields: {
      fileSystemId: { kind: "string", required: true },
      rootDirectory: { kind: "string" },
      transitEncryption: { kind: "string", oneOf: ENABLED },
      transitEncryptionPort: { kind: "number" },
      authorizationConfig: { kind: "object", fields: { accessPointId: { kind: "string" }, iam: { kind: "string", oneOf: ENABLED } } },
    },
  },
};

export function toVolumes(v: PropertyValue | undefined): Volume[] {
  return objList(v).map((x) => {
    const host = str(x["hostPath"]);
    const efs = obj(x["efsVolumeConfiguration"]);
    const auth = obj(efs?.["authorizationConfig"]);
    return {
      name: str(x["name"]),
      ...(host !== undefined ? { host: { sourcePath: host } } : {}),
      ...(efs !== undefined ? {
        efsVolumeConfiguration: {
          fileSystemId: str(efs["fileSystemId"]), rootDirectory: str(efs["rootDirectory"]),
          transitEncryption: str(efs["transitEncryption"]) as EFSTransitEncryption | undefined, transitEncryptionPort: num(efs["transitEncryptionPort"]),
          ...(auth !== undefined ? { authorizationConfig: { accessPointId: str(auth["accessPointId"]), iam: str(auth["iam"]) as EFSAuthorizationConfigIAM | undefined } } : {}),
        },
      } : {}),
    };
  });
}

function defined(m: Record<string, PropertyValue | undefined>): Plain {
  const out: Plain = {};
  for (const [k, v] of Object.entries(m)) if (v !== undefined) out[k] = v;
  return out;
}

export function fromVolumes(list: readonly Volume[] | undefined): Plain[] {
  return (list ?? []).map((v) => {
    const e = v.efsVolumeConfiguration;
    const a = e?.authorizationConfig;
    return defined({
      name: v.name ?? "",
      hostPath: v.host?.sourcePath,
      efsVolumeConfiguration: e === undefined ? undefined : defined({
        fileSystemId: e.fileSystemId ?? "", rootDirectory: e.rootDirectory, transitEncryption: e.transitEncryption, transitEncryptionPort: e.transitEncryptionPort,
        authorizationConfig: a === undefined ? undefined : defined({ accessPointId: a.accessPointId, iam: a.iam }),
      }),
    });
  });
}

/** One volume as a comparable string, with ECS's defaults filled in. */
function volumeKey(x: Plain): string {
  const efs = obj(x["efsVolumeConfiguration"]);
  const auth = obj(efs?.["authorizationConfig"]);
  return JSON.stringify([
    str(x["name"]), str(x["hostPath"]) ?? null,
    efs === undefined ? null : [
      str(efs["fileSystemId"]), str(efs["rootDirectory"]) ?? "/", str(efs["transitEncryption"]) ?? "DISABLED", num(efs["transitEncryptionPort"]) ?? null,
      str(auth?.["accessPointId"]) ?? null, str(auth?.["iam"]) ?? "DISABLED",
    ],
  ]);
}

/** Volumes compared as a set. */
export function sameVolumes(a: PropertyValue | undefined, b: PropertyValue | undefined): boolean {
  const key = (v: PropertyValue | undefined) => objList(v).map(volumeKey).sort().join("\n");
  return key(a) === key(b);
}
