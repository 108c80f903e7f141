// One AWS SDK client per service per configured provider, created on first use from AwsConfig:
// region, credentials, endpoint overrides, retries (the SDK's standard strategy with maxAttempts)
// and a middleware that records the failing operation's name on every error.
import { AutoScalingClient } from "@aws-sdk/client-auto-scaling";
import { EC2Client } from "@aws-sdk/client-ec2";
import { IAMClient } from "@aws-sdk/client-iam";
import { S3Client } from "@aws-sdk/client-s3";
import { SNSClient } from "@aws-sdk/client-sns";
import { SQSClient } from "@aws-sdk/client-sqs";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { ECRClient } from "@aws-sdk/client-ecr";
import { KMSClient } from "@aws-sdk/client-kms";
import { LambdaClient } from "@aws-sdk/client-lambda";
import { Route53Client } from "@aws-sdk/client-route-53";
import { SecretsManagerClient } from "@aws-sdk/client-secrets-manager";
import { ECSClient } from "@aws-sdk/client-ecs";
import { ElasticLoadBalancingV2Client } from "@aws-sdk/client-elastic-load-balancing-v2";
import { RDSClient } from "@aws-sdk/client-rds";
import { CloudFrontClient } from "@aws-sdk/client-cloudfront";
import { EKSClient } from "@aws-sdk/client-eks";
import { CairnError, ErrorCodes } from "@cairn/protocol";
import { OPERATION_KEY } from "./aws-errors.js";
import type { AwsConfig, ServiceName } from "./config.js";

interface BaseClientConfig {
  region: string;
  maxAttempts?: number;
  retryMode: "standard";
  endpoint?: string;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  profile?: string;
}

interface MiddlewareHost {
  middlewareStack: {
    add(
      mw: (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => (args: unknown) => Promise<unknown>,
      opts: { step: "initialize"; name: string },
    ): void;
  };
}

function tagOperationErrors(client: MiddlewareHost): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (e) {
        if (e !== null && typeof e === "object" && context.commandName !== undefined) {
          (e as Record<string, unknown>)[OPERATION_KEY] = context.commandName.replace(/Command$/, "");
        }
        throw e;
      }
    },
    { step: "initialize", name: "cairnOperationName" },
  );
}

/** Lazily created clients for one configured provider. */
export class AwsClients {
  readonly config: AwsConfig;
  private readonly cache = new Map<ServiceName, unknown>();

  constructor(config: AwsConfig) {
    this.config = config;
  }

  get region(): string {
    const region = this.config.region;
    if (region === undefined) {
      throw new CairnError({
        code: ErrorCodes.ConfigMissing,
        source: "user",
        message: "no AWS region is configured",
        hint: "set it with `cairn config set aws:region us-east-1` or the AWS_REGION environment variable",
      });
    }
    return region;
  }

  private base(service: ServiceName): BaseClientConfig {
    const c: BaseClientConfig = { region: this.region, retryMode: "standard" };
    if (this.config.maxRetries !== undefined) c.maxAttempts = this.config.maxRetries + 1;
    const endpoint = this.config.endpoints[service];
    if (endpoint !== undefined) c.endpoint = endpoint;
    if (this.config.credentials !== undefined) c.credentials = this.config.credentials;
    else if (this.config.profile !== undefined) c.profile = this.config.profile;
    return c;
  }

  private get<T extends MiddlewareHost>(service: ServiceName, make: (base: BaseClientConfig) => T): T {
    let client = this.cache.get(service) as T | undefined;
    if (client === undefined) {
      client = make(this.base(service));
      tagOperationErrors(client);
      this.cache.set(service, client);
    }
    return client;
  }

  s3(): S3Client {
    return this.get("s3", (b) => new S3Client({ ...b, forcePathStyle: this.config.s3UsePathStyle }) as S3Client & MiddlewareHost);
  }
  ec2(): EC2Client {
    return this.get("ec2", (b) => new EC2Client(b) as EC2Client & MiddlewareHost);
  }
  sns(): SNSClient {
    return this.get("sns", (b) => new SNSClient(b) as SNSClient & MiddlewareHost);
  }
  sqs(): SQSClient {
    return this.get("sqs", (b) => new SQSClient(b) as SQSClient & MiddlewareHost);
  }

  iam(): IAMClient {
    return this.get("iam", (b) => new IAMClient(b) as IAMClient & MiddlewareHost);
  }
  autoscaling(): AutoScalingClient {
    return this.get("autoscaling", (b) => new AutoScalingClient(b) as AutoScalingClient & MiddlewareHost);
  }

  cloudwatch(): CloudWatchClient {
    return this.get("cloudwatch", (b) => new CloudWatchClient(b) as CloudWatchClient & MiddlewareHost);
  }
  lambda(): LambdaClient {
    return this.get("lambda", (b) => new LambdaClient(b) as LambdaClient & MiddlewareHost);
  }
  secretsmanager(): SecretsManagerClient {
    return this.get("secretsmanager", (b) => new SecretsManagerClient(b) as SecretsManagerClient & MiddlewareHost);
  }
  kms(): KMSClient {
    return this.get("kms", (b) => new KMSClient(b) as KMSClient & MiddlewareHost);
  }
  dynamodb(): DynamoDBClient {
    return this.get("dynamodb", (b) => new DynamoDBClient(b) as DynamoDBClient & MiddlewareHost);
  }
  ecr(): ECRClient {
    return this.get("ecr", (b) => new ECRClient(b) as ECRClient & MiddlewareHost);
  }
  route53(): Route53Client {
    return this.get("route53", (b) => new Route53Client(b) as Route53Client & MiddlewareHost);
  }

  ecs(): ECSClient {
    return this.get("ecs", (b) => new ECSClient(b) as ECSClient & MiddlewareHost);
  }
  elbv2(): ElasticLoadBalancingV2Client {
    return this.get("elbv2", (b) => new ElasticLoadBalancingV2Client(b) as ElasticLoadBalancingV2Client & MiddlewareHost);
  }
  rds(): RDSClient {
    return this.get("rds", (b) => new RDSClient(b) as RDSClient & MiddlewareHost);
  }
  cloudfront(): CloudFrontClient {
    return this.get("cloudfront", (b) => new CloudFrontClient(b) as CloudFrontClient & MiddlewareHost);
  }
  eks(): EKSClient {
    return this.get("eks", (b) => new EKSClient(b) as EKSClient & MiddlewareHost);
  }

  destroy(): void {
    for (const c of this.cache.values()) (c as { destroy(): void }).destroy();
    this.cache.clear();
  }
}
