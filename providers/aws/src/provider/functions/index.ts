// Every provider function the AWS provider answers, by token.
import { getAmi, getSubnets, getVpc } from "./ec2-lookups.js";
import type { FunctionDefinition } from "./function-definition.js";
import { getAvailabilityZones, getRegion } from "./region.js";

export const FUNCTIONS: readonly FunctionDefinition[] = [getRegion, getAvailabilityZones, getAmi, getVpc, getSubnets];
export type { FunctionContext, FunctionDefinition } from "./function-definition.js";
