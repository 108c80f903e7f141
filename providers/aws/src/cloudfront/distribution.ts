// aws.cloudfront.Distribution: a CloudFront distribution (a CDN in front of one or more origins).
import { CustomResource, type CustomResourceOptions, type Input, type Output, type Unwrap } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface DistributionOrigin {
  domainName: Input<string>;
  originId: Input<string>;
  originPath?: Input<string>;
  connectionAttempts?: Input<number>;
  connectionTimeout?: Input<number>;
  originAccessControlId?: Input<string>;
  customHeaders?: Input<Input<{ name: Input<string>; value: Input<string> }>[]>;
  /** An S3 bucket origin ("" for no origin access identity). */
  s3OriginConfig?: Input<{ originAccessIdentity: Input<string> }>;
  /** Any HTTP(S) origin, e.g. an S3 website endpoint or a load balancer. */
  customOriginConfig?: Input<{
    httpPort: Input<number>;
    httpsPort: Input<number>;
    /** "http-only", "https-only" or "match-viewer". */
    originProtocolPolicy: Input<string>;
    originSslProtocols: Input<Input<string>[]>;
    originReadTimeout?: Input<number>;
    originKeepaliveTimeout?: Input<number>;
  }>;
}

export interface DistributionForwardedValues {
  queryString: Input<boolean>;
  cookies: Input<{ forward: Input<string>; whitelistedNames?: Input<Input<string>[]> }>;
  headers?: Input<Input<string>[]>;
  queryStringCacheKeys?: Input<Input<string>[]>;
}

export interface DistributionDefaultCacheBehavior {
  targetOriginId: Input<string>;
  /** "allow-all", "https-only" or "redirect-to-https". */
  viewerProtocolPolicy: Input<string>;
  allowedMethods: Input<Input<string>[]>;
  cachedMethods: Input<Input<string>[]>;
  /** Legacy cache settings; give these or a cachePolicyId. */
  forwardedValues?: Input<DistributionForwardedValues>;
  /** Defaults 0 / 86400 / 31536000 seconds. */
  minTtl?: Input<number>;
  defaultTtl?: Input<number>;
  maxTtl?: Input<number>;
  compress?: Input<boolean>;
  cachePolicyId?: Input<string>;
  originRequestPolicyId?: Input<string>;
  responseHeadersPolicyId?: Input<string>;
}

export interface DistributionOrderedCacheBehavior extends DistributionDefaultCacheBehavior {
  pathPattern: Input<string>;
}

export interface DistributionCustomErrorResponse {
  errorCode: Input<number>;
  responseCode?: Input<number>;
  responsePagePath?: Input<string>;
  errorCachingMinTtl?: Input<number>;
}

export interface DistributionArgs {
  enabled: Input<boolean>;
  comment?: Input<string>;
  aliases?: Input<Input<string>[]>;
  defaultRootObject?: Input<string>;
  /** "PriceClass_All" (default), "PriceClass_200" or "PriceClass_100". */
  priceClass?: Input<string>;
  /** "http2" (default), "http1.1", "http2and3" or "http3". */
  httpVersion?: Input<string>;
  isIpv6Enabled?: Input<boolean>;
  webAclId?: Input<string>;
  origins: Input<Input<DistributionOrigin>[]>;
  defaultCacheBehavior: Input<DistributionDefaultCacheBehavior>;
  orderedCacheBehaviors?: Input<Input<DistributionOrderedCacheBehavior>[]>;
  customErrorResponses?: Input<Input<DistributionCustomErrorResponse>[]>;
  restrictions: Input<{ geoRestriction: Input<{ restrictionType: Input<string>; locations?: Input<Input<string>[]> }> }>;
  viewerCertificate: Input<{
    cloudfrontDefaultCertificate?: Input<boolean>;
    acmCertificateArn?: Input<string>;
    iamCertificateId?: Input<string>;
    sslSupportMethod?: Input<string>;
    minimumProtocolVersion?: Input<string>;
  }>;
  /** Leave the distribution in AWS (enabled) when the resource is deleted. */
  retainOnDelete?: Input<boolean>;
  /** Wait until the distribution is Deployed after create and update (default true). */
  waitForDeployment?: Input<boolean>;
  tags?: Input<Record<string, Input<string>>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = [
  "enabled", "comment", "aliases", "defaultRootObject", "priceClass", "httpVersion", "isIpv6Enabled", "webAclId", "origins",
  "defaultCacheBehavior", "orderedCacheBehaviors", "customErrorResponses", "restrictions", "viewerCertificate", "retainOnDelete",
  "waitForDeployment", "tags", "arn", "domainName", "hostedZoneId", "status", "etag", "callerReference", "lastModifiedTime",
  "inProgressValidationBatches", "tagsAll",
] as const;

export class Distribution extends CustomResource {
  declare readonly enabled: Output<boolean>;
  declare readonly comment: Output<string | undefined>;
  declare readonly aliases: Output<string[] | undefined>;
  declare readonly defaultRootObject: Output<string | undefined>;
  declare readonly priceClass: Output<string>;
  declare readonly httpVersion: Output<string>;
  declare readonly isIpv6Enabled: Output<boolean>;
  declare readonly webAclId: Output<string | undefined>;
  declare readonly origins: Output<Unwrap<DistributionOrigin>[]>;
  declare readonly defaultCacheBehavior: Output<Unwrap<DistributionDefaultCacheBehavior>>;
  declare readonly orderedCacheBehaviors: Output<Unwrap<DistributionOrderedCacheBehavior>[] | undefined>;
  declare readonly customErrorResponses: Output<Unwrap<DistributionCustomErrorResponse>[] | undefined>;
  declare readonly restrictions: Output<{ geoRestriction: { restrictionType: string; locations?: string[] } }>;
  declare readonly viewerCertificate: Output<Unwrap<DistributionArgs["viewerCertificate"]>>;
  declare readonly retainOnDelete: Output<boolean>;
  declare readonly waitForDeployment: Output<boolean>;
  declare readonly tags: Output<Record<string, string> | undefined>;
  declare readonly arn: Output<string>;
  /** The CloudFront domain ("d111111abcdef8.cloudfront.net"). */
  declare readonly domainName: Output<string>;
  /** CloudFront's Route 53 zone (Z2FDTNDATAQYW2), for alias records. */
  declare readonly hostedZoneId: Output<string>;
  /** "Deployed" or "InProgress". */
  declare readonly status: Output<string>;
  declare readonly etag: Output<string>;
  declare readonly callerReference: Output<string>;
  declare readonly lastModifiedTime: Output<string>;
  declare readonly inProgressValidationBatches: Output<number>;
  declare readonly tagsAll: Output<Record<string, string>>;

  constructor(name: string, args: DistributionArgs, opts: CustomResourceOptions = {}) {
    super("aws:cloudfront/distribution:Distribution", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Distribution by its ID into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<DistributionArgs> = {}, opts: CustomResourceOptions = {}): Distribution {
    return new Distribution(name, state as DistributionArgs, { ...opts, id });
  }
}
