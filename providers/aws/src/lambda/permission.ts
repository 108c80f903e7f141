// aws.lambda.Permission: lets a principal (a service such as SNS, or an account) invoke a Lambda function.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface PermissionArgs {
  /** The function's name or ARN. */
  function: Input<string>;
  /** Usually "lambda:InvokeFunction". */
  action: Input<string>;
  /** A service ("sns.amazonaws.com") or an account ID. */
  principal: Input<string>;
  sourceArn?: Input<string>;
  sourceAccount?: Input<string>;
  /** The statement ID; auto-named from the resource name when unset. */
  statementId?: Input<string>;
  qualifier?: Input<string>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["function", "action", "principal", "sourceArn", "sourceAccount", "statementId", "qualifier"] as const;

export class Permission extends CustomResource {
  declare readonly function: Output<string>;
  declare readonly action: Output<string>;
  declare readonly principal: Output<string>;
  declare readonly sourceArn: Output<string | undefined>;
  declare readonly sourceAccount: Output<string | undefined>;
  declare readonly statementId: Output<string>;
  declare readonly qualifier: Output<string | undefined>;

  constructor(name: string, args: PermissionArgs, opts: CustomResourceOptions = {}) {
    super("aws:lambda/permission:Permission", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Permission by "<function>/<statementId>" into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<PermissionArgs> = {}, opts: CustomResourceOptions = {}): Permission {
    return new Permission(name, state as PermissionArgs, { ...opts, id });
  }
}
