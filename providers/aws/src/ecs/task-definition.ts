// aws.ecs.TaskDefinition: one revision of an ECS task definition; any change but tags registers a
// new revision and deregisters the old one.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

/** A task volume: a name, and a host path for bind mounts or an EFS file system (neither = a scratch volume). */
export interface TaskDefinitionVolume {
  name: Input<string>;
  hostPath?: Input<string>;
  efsVolumeConfiguration?: Input<{
    fileSystemId: Input<string>;
    /** Default "/". */
    rootDirectory?: Input<string>;
    /** "ENABLED" or "DISABLED" (default). */
    transitEncryption?: Input<string>;
    transitEncryptionPort?: Input<number>;
    authorizationConfig?: Input<{ accessPointId?: Input<string>; iam?: Input<string> }>;
  }>;
}

export interface TaskDefinitionArgs {
  family: Input<string>;
  /** The containers as a JSON string (as in ECS's API), e.g. `JSON.stringify([{ name, image, ... }])`. */
  containerDefinitions: Input<string>;
  /** Task-level CPU units ("256", "1024", or "1 vCPU"); required for FARGATE. */
  cpu?: Input<string>;
  /** Task-level memory in MiB ("512") or "1 GB"; required for FARGATE. */
  memory?: Input<string>;
  /** "bridge" (EC2 default), "host", "awsvpc" (required for FARGATE) or "none". */
  networkMode?: Input<string>;
  /** e.g. ["FARGATE"] or ["EC2"]. */
  requiresCompatibilities?: Input<Input<string>[]>;
  executionRoleArn?: Input<string>;
  taskRoleArn?: Input<string>;
  volumes?: Input<Input<TaskDefinitionVolume>[]>;
  /** e.g. `{ operatingSystemFamily: "LINUX", cpuArchitecture: "ARM64" }`. */
  runtimePlatform?: Input<{ operatingSystemFamily?: Input<string>; cpuArchitecture?: Input<string> }>;
  /** FARGATE task storage beyond the default 20 GiB. */
  ephemeralStorage?: Input<{ sizeInGib: Input<number> }>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "family", "containerDefinitions", "cpu", "memory", "networkMode", "requiresCompatibilities", "executionRoleArn", "taskRoleArn", "volumes", "runtimePlatform", "ephemeralStorage", "tags",
  "arn", "arnWithoutRevision", "revision", "tagsAll",
] as const;

export class TaskDefinition extends CustomResource {
  declare readonly family: Output<string>;
  declare readonly containerDefinitions: Output<string>;
  declare readonly cpu: Output<string | undefined>;
  declare readonly memory: Output<string | undefined>;
  declare readonly networkMode: Output<string>;
  declare readonly requiresCompatibilities: Output<string[] | undefined>;
  declare readonly executionRoleArn: Output<string | undefined>;
  declare readonly taskRoleArn: Output<string | undefined>;
  declare readonly volumes: Output<{ name: string; hostPath?: string; efsVolumeConfiguration?: Record<string, unknown> }[] | undefined>;
  declare readonly runtimePlatform: Output<{ operatingSystemFamily?: string; cpuArchitecture?: string } | undefined>;
  declare readonly ephemeralStorage: Output<{ sizeInGib: number } | undefined>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  /** The revision's ARN (`...:task-definition/<family>:<revision>`); also the resource ID. */
  declare readonly arn: Output<string>;
  declare readonly arnWithoutRevision: Output<string>;
  declare readonly revision: Output<number>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: TaskDefinitionArgs, opts: CustomResourceOptions = {}) {
    super("aws:ecs/taskDefinition:TaskDefinition", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing revision by ARN, `family:revision` or `family` (latest ACTIVE) without managing it. */
  static get(name: string, id: Input<string>, state: Partial<TaskDefinitionArgs> = {}, opts: CustomResourceOptions = {}): TaskDefinition {
    return new TaskDefinition(name, state as TaskDefinitionArgs, { ...opts, id });
  }
}
