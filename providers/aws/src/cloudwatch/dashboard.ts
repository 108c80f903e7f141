// aws.cloudwatch.Dashboard: a CloudWatch dashboard.
import { CustomResource, type CustomResourceOptions, type Input, type Output } from "@cairn/sdk";
import { withOutputs } from "../resource-args.js";

export interface DashboardArgs {
  dashboardName: Input<string>;
  /** The dashboard's JSON body, as a string or an object. */
  dashboardBody: Input<string | Record<string, unknown>>;
}

/** Every property of the resource: each gets an Output, set or not. */
const PROPERTIES = ["dashboardName", "dashboardBody", "dashboardArn"] as const;

export class Dashboard extends CustomResource {
  declare readonly dashboardName: Output<string>;
  declare readonly dashboardBody: Output<string>;
  declare readonly dashboardArn: Output<string>;

  constructor(name: string, args: DashboardArgs, opts: CustomResourceOptions = {}) {
    super("aws:cloudwatch/dashboard:Dashboard", name, withOutputs(args, PROPERTIES), opts);
  }

  /** Reads an existing Dashboard by its name into the program without managing it. */
  static get(name: string, id: Input<string>, state: Partial<DashboardArgs> = {}, opts: CustomResourceOptions = {}): Dashboard {
    return new Dashboard(name, state as DashboardArgs, { ...opts, id });
  }
}
