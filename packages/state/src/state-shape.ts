// Shape checks for decoded state: every field a snapshot, resource, pending operation or journal
// entry must have, with its type. Problems are collected (never thrown one by one), each naming
// where it is and the resource URN, so a user sees every problem of a document at once.

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

const isString = (v: unknown): boolean => typeof v === "string";
const isBool = (v: unknown): boolean => typeof v === "boolean";
const isStringArray = (v: unknown): boolean => Array.isArray(v) && v.every(isString);

const REQUIRED: Array<[string, (v: unknown) => boolean, string]> = [
  ["urn", isString, "a string"],
  ["type", isString, "a string"],
  ["custom", isBool, "a boolean"],
  ["inputs", isObj, "an object"],
  ["outputs", isObj, "an object"],
  ["dependencies", isStringArray, "an array of URNs"],
  ["propertyDependencies", (v) => isObj(v) && Object.values(v).every(isStringArray), "an object of URN arrays"],
  ["protect", isBool, "a boolean"],
  ["retainOnDelete", isBool, "a boolean"],
];

const OPTIONAL: Array<[string, (v: unknown) => boolean, string]> = [
  ["id", isString, "a string"],
  ["parent", isString, "a URN"],
  ["provider", isString, "a provider reference"],
  ["deletedWith", isString, "a URN"],
  ["external", isBool, "a boolean"],
  ["delete", isBool, "a boolean"],
  ["pendingReplacement", isBool, "a boolean"],
  ["importId", isString, "a string"],
  ["customTimeouts", isObj, "an object"],
  ["ignoreChanges", isStringArray, "an array of strings"],
  ["replaceOnChanges", isStringArray, "an array of strings"],
  ["additionalSecretOutputs", isStringArray, "an array of strings"],
  ["initErrors", isStringArray, "an array of strings"],
  ["sourcePosition", isObj, "an object"],
  ["created", isString, "a string"],
  ["modified", isString, "a string"],
];

/** Problems with one resource; `where` is e.g. "resources[3]". */
export function resourceShapeProblems(value: unknown, where: string): string[] {
  if (!isObj(value)) return [`${where} must be an object`];
  const label = typeof value["urn"] === "string" ? `${where} (${value["urn"]})` : where;
  const problems: string[] = [];
  for (const [field, ok, what] of REQUIRED) {
    if (!(field in value) || value[field] === undefined) problems.push(`${label}: missing field "${field}"`);
    else if (!ok(value[field])) problems.push(`${label}: field "${field}" must be ${what}`);
  }
  for (const [field, ok, what] of OPTIONAL) {
    if (value[field] !== undefined && !ok(value[field])) problems.push(`${label}: field "${field}" must be ${what}`);
  }
  return problems;
}

const PENDING_KINDS = new Set(["creating", "updating", "deleting", "reading", "importing"]);

/** Problems with a checkpoint's body: resources, pending operations, secrets provider, manifest. */
export function snapshotShapeProblems(value: unknown, where = "checkpoint"): string[] {
  if (!isObj(value)) return [`${where} must be an object`];
  const problems: string[] = [];
  if (!Array.isArray(value["resources"])) problems.push(`${where}.resources must be an array`);
  else value["resources"].forEach((r, i) => problems.push(...resourceShapeProblems(r, `resources[${i}]`)));
  if (!Array.isArray(value["pendingOperations"])) problems.push(`${where}.pendingOperations must be an array`);
  else value["pendingOperations"].forEach((op, i) => problems.push(...pendingShapeProblems(op, `pendingOperations[${i}]`)));
  const sp = value["secretsProvider"];
  if (sp !== undefined && !(isObj(sp) && isString(sp["type"]) && isObj(sp["state"]))) {
    problems.push(`${where}.secretsProvider must be {type: string, state: object}`);
  }
  const m = value["manifest"];
  if (!(isObj(m) && isString(m["time"]) && isString(m["cairnVersion"]))) {
    problems.push(`${where}.manifest must be {time: string, cairnVersion: string}`);
  }
  return problems;
}

function pendingShapeProblems(value: unknown, where: string): string[] {
  if (!isObj(value)) return [`${where} must be an object`];
  const problems: string[] = [];
  if (!PENDING_KINDS.has(value["kind"] as string)) {
    problems.push(`${where}: kind must be one of ${[...PENDING_KINDS].join(", ")}`);
  }
  problems.push(...resourceShapeProblems(value["resource"], `${where}.resource`));
  return problems;
}

const OPS = new Set(["create", "update", "delete", "import", "read"]);
const isSeq = (v: unknown): boolean => typeof v === "number" && Number.isSafeInteger(v);
const isKey = (v: unknown): boolean => isObj(v) && isString(v["urn"]) && (v["delete"] === undefined || isBool(v["delete"]));

/** Problems with one journal entry; `where` is e.g. "line 7". */
export function journalEntryShapeProblems(value: unknown, where: string): string[] {
  if (!isObj(value)) return [`${where} must be a JSON object`];
  const problems: string[] = [];
  if (!isSeq(value["seq"])) problems.push(`${where}: "seq" must be an integer`);
  const optionalResource = (field: string, nullable = false): void => {
    const v = value[field];
    if (v === undefined || (nullable && v === null)) return;
    problems.push(...resourceShapeProblems(v, `${where}: ${field}`));
  };
  switch (value["kind"]) {
    case "begin":
      if (!OPS.has(value["op"] as string)) problems.push(`${where}: "op" must be one of ${[...OPS].join(", ")}`);
      if (value["old"] !== undefined && !isKey(value["old"])) problems.push(`${where}: "old" must be {urn, delete?}`);
      optionalResource("planned");
      break;
    case "end":
      if (!isSeq(value["begin"])) problems.push(`${where}: "begin" must be an integer`);
      if (!isBool(value["ok"])) problems.push(`${where}: "ok" must be a boolean`);
      if (value["ok"] === false && !isString(value["error"])) problems.push(`${where}: "error" must be a string`);
      optionalResource("state");
      optionalResource("partial");
      break;
    case "write":
      if (value["old"] !== undefined && !isKey(value["old"])) problems.push(`${where}: "old" must be {urn, delete?}`);
      if (value["state"] === undefined) problems.push(`${where}: missing field "state" (a resource or null)`);
      optionalResource("state", true);
      break;
    case "clear-pending":
      if (!isStringArray(value["urns"])) problems.push(`${where}: "urns" must be an array of URNs`);
      break;
    default:
      problems.push(`${where}: unknown kind ${JSON.stringify(value["kind"])}`);
  }
  return problems;
}
