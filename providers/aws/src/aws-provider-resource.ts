// `new aws.Provider(name, args)`: an explicit AWS provider (a second region or account), with the
// same keys as the aws:* stack config.
import { ProviderResource, type Input, type ResourceOptions } from "@cairn/sdk";

export interface ProviderEndpoint {
  s3?: Input<string>;
  ec2?: Input<string>;
  sns?: Input<string>;
  sqs?: Input<string>;
  iam?: Input<string>;
  autoscaling?: Input<string>;
}

export interface ProviderArgs {
  region?: Input<string>;
  profile?: Input<string>;
  accessKey?: Input<string>;
  secretKey?: Input<string>;
  token?: Input<string>;
  endpoints?: Input<Input<ProviderEndpoint>[]>;
  s3UsePathStyle?: Input<boolean>;
  skipCredentialsValidation?: Input<boolean>;
  skipRequestingAccountId?: Input<boolean>;
  defaultTags?: Input<{ tags?: Input<Record<string, Input<string>>> }>;
  maxRetries?: Input<number>;
}

export class Provider extends ProviderResource {
  constructor(name: string, args: ProviderArgs = {}, opts: ResourceOptions = {}) {
    super("aws", name, { ...args }, opts);
  }
}
