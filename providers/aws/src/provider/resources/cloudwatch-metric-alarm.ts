// aws:cloudwatch/metricAlarm:MetricAlarm — a CloudWatch alarm on one metric. ID = alarm name.
// Everything but the name updates in place (PutMetricAlarm rewrites the whole alarm); tags are
// changed with TagResource/UntagResource.
import {
  DeleteAlarmsCommand, DescribeAlarmsCommand, ListTagsForResourceCommand, PutMetricAlarmCommand, TagResourceCommand, UntagResourceCommand,
  type PutMetricAlarmCommandInput,
} from "@aws-sdk/client-cloudwatch";
import { defineResource, type ResourceContext } from "../resource-definition.js";
import { fromTagList, tagChanges, toTagList, userTags } from "../tags.js";
import { bool, num, str, strList, strMap, type Plain } from "../values.js";

const COMPARISONS = [
  "GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold",
  "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold",
];

function alarmInput(inputs: Plain): PutMetricAlarmCommandInput {
  const p: PutMetricAlarmCommandInput = {
    AlarmName: str(inputs["name"]),
    ComparisonOperator: str(inputs["comparisonOperator"]) as PutMetricAlarmCommandInput["ComparisonOperator"],
    EvaluationPeriods: num(inputs["evaluationPeriods"]),
    MetricName: str(inputs["metricName"]),
    Namespace: str(inputs["namespace"]),
    Period: num(inputs["period"]),
    Statistic: str(inputs["statistic"]) as PutMetricAlarmCommandInput["Statistic"],
    Threshold: num(inputs["threshold"]),
    ActionsEnabled: bool(inputs["actionsEnabled"]),
    AlarmActions: strList(inputs["alarmActions"]),
    OKActions: strList(inputs["okActions"]),
    InsufficientDataActions: strList(inputs["insufficientDataActions"]),
    AlarmDescription: str(inputs["alarmDescription"]),
    DatapointsToAlarm: num(inputs["datapointsToAlarm"]),
    TreatMissingData: str(inputs["treatMissingData"]),
    Unit: str(inputs["unit"]) as PutMetricAlarmCommandInput["Unit"],
    Dimensions: Object.entries(strMap(inputs["dimensions"])).map(([Name, Value]) => ({ Name, Value })),
  };
  return p;
}

async function put(ctx: ResourceContext, inputs: Plain, withTags: boolean): Promise<void> {
  const tags = toTagList(strMap(inputs["tagsAll"]));
  await ctx.clients.cloudwatch().send(new PutMetricAlarmCommand({ ...alarmInput(inputs), ...(withTags && tags.length > 0 ? { Tags: tags } : {}) }), ctx.sendOptions);
}

export const cloudwatchMetricAlarm = defineResource({
  type: "aws:cloudwatch/metricAlarm:MetricAlarm",
  inputs: {
    name: { kind: "string", forceNew: true },
    comparisonOperator: { kind: "string", required: true, oneOf: COMPARISONS },
    evaluationPeriods: { kind: "number", required: true },
    metricName: { kind: "string", required: true },
    namespace: { kind: "string", required: true },
    period: { kind: "number", required: true },
    statistic: { kind: "string", required: true, oneOf: ["SampleCount", "Average", "Sum", "Minimum", "Maximum"] },
    threshold: { kind: "number", required: true },
    actionsEnabled: { kind: "boolean", default: true },
    alarmActions: { kind: "stringList", equal: setEqual },
    okActions: { kind: "stringList", equal: setEqual },
    insufficientDataActions: { kind: "stringList", equal: setEqual },
    alarmDescription: { kind: "string" },
    datapointsToAlarm: { kind: "number" },
    treatMissingData: { kind: "string", default: "missing", oneOf: ["missing", "ignore", "breaching", "notBreaching"] },
    unit: { kind: "string" },
    dimensions: { kind: "stringMap" },
    tags: { kind: "stringMap" },
  },
  outputs: ["arn", "tagsAll"],
  naming: { property: "name", maxLength: 255 },
  tags: true,
  notFound: ["ResourceNotFound", "ResourceNotFoundException"],

  async create(ctx, inputs) {
    await put(ctx, inputs, true);
    const name = str(inputs["name"]) as string;
    ctx.created(name);
    return name;
  },
  async read(ctx, { id, inputs }) {
    const cw = ctx.clients.cloudwatch();
    const alarm = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [id], AlarmTypes: ["MetricAlarm"] }), ctx.sendOptions)).MetricAlarms?.[0];
    if (alarm === undefined) return undefined;
    const all = fromTagList((await cw.send(new ListTagsForResourceCommand({ ResourceARN: alarm.AlarmArn }), ctx.sendOptions)).Tags);
    const read: Plain = {
      name: alarm.AlarmName ?? id,
      comparisonOperator: alarm.ComparisonOperator ?? "",
      evaluationPeriods: alarm.EvaluationPeriods ?? 0,
      metricName: alarm.MetricName ?? "",
      namespace: alarm.Namespace ?? "",
      period: alarm.Period ?? 0,
      statistic: alarm.Statistic ?? "",
      threshold: alarm.Threshold ?? 0,
      actionsEnabled: alarm.ActionsEnabled ?? true,
      treatMissingData: alarm.TreatMissingData ?? "missing",
      tags: userTags(all, ctx.clients.config.defaultTags, inputs?.["tags"]),
    };
    const lists: [string, string[] | undefined][] = [["alarmActions", alarm.AlarmActions], ["okActions", alarm.OKActions], ["insufficientDataActions", alarm.InsufficientDataActions]];
    for (const [k, v] of lists) if (v !== undefined && v.length > 0) read[k] = v;
    if (alarm.AlarmDescription !== undefined && alarm.AlarmDescription !== "") read["alarmDescription"] = alarm.AlarmDescription;
    if (alarm.DatapointsToAlarm !== undefined) read["datapointsToAlarm"] = alarm.DatapointsToAlarm;
    if (alarm.Unit !== undefined) read["unit"] = alarm.Unit;
    const dims = Object.fromEntries((alarm.Dimensions ?? []).map((d) => [d.Name ?? "", d.Value ?? ""]));
    if (Object.keys(dims).length > 0) read["dimensions"] = dims;
    return { inputs: read, outputs: { arn: alarm.AlarmArn ?? "", tagsAll: all } };
  },
  async update(ctx, { olds, news, changed }) {
    if ([...changed].some((k) => k !== "tags" && k !== "tagsAll")) await put(ctx, news, false);
    if (changed.has("tagsAll")) {
      const cw = ctx.clients.cloudwatch();
      const arn = (await cw.send(new DescribeAlarmsCommand({ AlarmNames: [str(news["name"]) as string] }), ctx.sendOptions)).MetricAlarms?.[0]?.AlarmArn;
      const { set, remove } = tagChanges(strMap(olds["tagsAll"]), strMap(news["tagsAll"]));
      if (remove.length > 0) await cw.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: remove }), ctx.sendOptions);
      if (Object.keys(set).length > 0) await cw.send(new TagResourceCommand({ ResourceARN: arn, Tags: toTagList(set) }), ctx.sendOptions);
    }
  },
  async delete(ctx, { id }) {
    await ctx.clients.cloudwatch().send(new DeleteAlarmsCommand({ AlarmNames: [id] }), ctx.sendOptions);
  },
});

function setEqual(a: Plain[string] | undefined, b: Plain[string] | undefined): boolean {
  const x = [...strList(a)].sort();
  const y = [...strList(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
