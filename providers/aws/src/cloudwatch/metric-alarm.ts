// aws.cloudwatch.MetricAlarm: a CloudWatch alarm on one metric, with actions such as SNS topics.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface MetricAlarmArgs {
  /** The alarm name; auto-named from the resource name when unset. */
  name?: Input<string>;
  comparisonOperator: Input<string>;
  evaluationPeriods: Input<number>;
  metricName: Input<string>;
  namespace: Input<string>;
  period: Input<number>;
  statistic: Input<string>;
  threshold: Input<number>;
  actionsEnabled?: Input<boolean>;
  /** ARNs to notify (e.g. SNS topics) when the alarm fires. */
  alarmActions?: Input<Input<string>[]>;
  okActions?: Input<Input<string>[]>;
  insufficientDataActions?: Input<Input<string>[]>;
  alarmDescription?: Input<string>;
  datapointsToAlarm?: Input<number>;
  treatMissingData?: Input<string>;
  unit?: Input<string>;
  dimensions?: Input<Record<string, Input<string>>>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "name", "comparisonOperator", "evaluationPeriods", "metricName", "namespace", "period", "statistic", "threshold", "actionsEnabled",
  "alarmActions", "okActions", "insufficientDataActions", "alarmDescription", "datapointsToAlarm", "treatMissingData", "unit",
  "dimensions", "tags", "arn", "tagsAll",
] as const;

export class MetricAlarm extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly comparisonOperator: Output<string>;
  declare readonly evaluationPeriods: Output<number>;
  declare readonly metricName: Output<string>;
  declare readonly namespace: Output<string>;
  declare readonly period: Output<number>;
  declare readonly statistic: Output<string>;
  declare readonly threshold: Output<number>;
  declare readonly actionsEnabled: Output<boolean>;
  declare readonly alarmActions: Output<string[] | undefined>;
  declare readonly okActions: Output<string[] | undefined>;
  declare readonly insufficientDataActions: Output<string[] | undefined>;
  declare readonly alarmDescription: Output<string | undefined>;
  declare readonly datapointsToAlarm: Output<number | undefined>;
  declare readonly treatMissingData: Output<string>;
  declare readonly unit: Output<string | undefined>;
  declare readonly dimensions: Output<Record<string, string> | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: MetricAlarmArgs, opts: CustomResourceOptions = {}) {
    super("aws:cloudwatch/metricAlarm:MetricAlarm", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing MetricAlarm by its name into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<MetricAlarmArgs> = {}, opts: CustomResourceOptions = {}): MetricAlarm {
    return new MetricAlarm(name, state as MetricAlarmArgs, { ...opts, id });
  }
}
