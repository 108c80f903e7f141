// aws.ecs.Service: an ECS service running a task definition on a cluster.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface ServiceNetworkConfiguration {
  subnets: Input<Input<string>[]>;
  securityGroups?: Input<Input<string>[]>;
  /** Give tasks a public IP (FARGATE); default false. */
  assignPublicIp?: Input<boolean>;
}

export interface ServiceLoadBalancer {
  /** An ALB/NLB target group ARN (or `elbName` for a Classic Load Balancer). */
  targetGroupArn?: Input<string>;
  elbName?: Input<string>;
  containerName: Input<string>;
  containerPort: Input<number>;
}

export interface ServiceArgs {
  /** The service name; auto-named from the resource name when unset. */
  name?: Input<string>;
  /** Cluster ARN or name; the account's "default" cluster when unset. */
  cluster?: Input<string>;
  /** Task definition ARN, `family:revision` or `family`. */
  taskDefinition?: Input<string>;
  /** Default 0. */
  desiredCount?: Input<number>;
  launchType?: Input<string>;
  platformVersion?: Input<string>;
  /** "REPLICA" (default) or "DAEMON". */
  schedulingStrategy?: Input<string>;
  networkConfiguration?: Input<ServiceNetworkConfiguration>;
  loadBalancers?: Input<Input<ServiceLoadBalancer>[]>;
  deploymentMinimumHealthyPercent?: Input<number>;
  deploymentMaximumPercent?: Input<number>;
  /** Stop (and with `rollback`, roll back) a deployment whose tasks fail to start. */
  deploymentCircuitBreaker?: Input<{ enable: Input<boolean>; rollback: Input<boolean> }>;
  healthCheckGracePeriodSeconds?: Input<number>;
  enableExecuteCommand?: Input<boolean>;
  propagateTags?: Input<string>;
  enableEcsManagedTags?: Input<boolean>;
  /** Instead of launchType, e.g. `[{ capacityProvider: "FARGATE_SPOT", weight: 1 }]`. */
  capacityProviderStrategies?: Input<Input<{ capacityProvider: Input<string>; weight?: Input<number>; base?: Input<number> }>[]>;
  /** The role for a Classic Load Balancer (services in awsvpc mode use the service-linked role). */
  iamRole?: Input<string>;
  /** Start a new deployment with every update. */
  forceNewDeployment?: Input<boolean>;
  /** Any change of these values redeploys the service. */
  triggers?: Input<Record<string, Input<string>>>;
  /** Wait after create and update until all desired tasks run in one deployment. */
  waitForSteadyState?: Input<boolean>;
  /** Delete without scaling to zero first. */
  forceDelete?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "name", "cluster", "taskDefinition", "desiredCount", "launchType", "platformVersion", "schedulingStrategy", "networkConfiguration", "loadBalancers",
  "deploymentMinimumHealthyPercent", "deploymentMaximumPercent", "deploymentCircuitBreaker", "healthCheckGracePeriodSeconds", "enableExecuteCommand", "propagateTags",
  "enableEcsManagedTags", "capacityProviderStrategies", "iamRole",
  "forceNewDeployment", "triggers", "waitForSteadyState", "forceDelete", "tags", "arn", "tagsAll",
] as const;

export class Service extends CustomResource {
  declare readonly name: Output<string>;
  declare readonly cluster: Output<string>;
  declare readonly taskDefinition: Output<string | undefined>;
  declare readonly desiredCount: Output<number>;
  declare readonly launchType: Output<string>;
  declare readonly platformVersion: Output<string | undefined>;
  declare readonly schedulingStrategy: Output<string>;
  declare readonly networkConfiguration: Output<{ subnets: string[]; securityGroups: string[]; assignPublicIp: boolean } | undefined>;
  declare readonly loadBalancers: Output<{ targetGroupArn?: string; elbName?: string; containerName: string; containerPort: number }[]>;
  declare readonly deploymentMinimumHealthyPercent: Output<number>;
  declare readonly deploymentMaximumPercent: Output<number>;
  declare readonly deploymentCircuitBreaker: Output<{ enable: boolean; rollback: boolean }>;
  declare readonly healthCheckGracePeriodSeconds: Output<number | undefined>;
  declare readonly enableExecuteCommand: Output<boolean>;
  declare readonly propagateTags: Output<string>;
  declare readonly enableEcsManagedTags: Output<boolean>;
  declare readonly capacityProviderStrategies: Output<{ capacityProvider: string; weight: number; base: number }[] | undefined>;
  declare readonly iamRole: Output<string | undefined>;
  declare readonly forceNewDeployment: Output<boolean | undefined>;
  declare readonly triggers: Output<Record<string, string> | undefined>;
  declare readonly waitForSteadyState: Output<boolean>;
  declare readonly forceDelete: Output<boolean | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: ServiceArgs = {}, opts: CustomResourceOptions = {}) {
    super("aws:ecs/service:Service", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Service by its ARN (or `cluster/service`) into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<ServiceArgs> = {}, opts: CustomResourceOptions = {}): Service {
    return new Service(name, state as ServiceArgs, { ...opts, id });
  }
}
