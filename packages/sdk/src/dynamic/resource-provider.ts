// The dynamic provider interface (Pulumi's shapes): a program-defined provider the engine runs
// through the host's dynamic-provider adapter. The SDK itself never calls these methods.

export interface CheckFailure {
  property: string;
  reason: string;
}
export interface CheckResult<Inputs = any> {
  inputs?: Inputs;
  failures?: CheckFailure[];
}
export interface DiffResult {
  changes?: boolean;
  replaces?: string[];
  stables?: string[];
  deleteBeforeReplace?: boolean;
}
export interface CreateResult<Outputs = any> {
  id: string;
  outs?: Outputs;
}
export interface ReadResult<Outputs = any> {
  id?: string;
  props?: Outputs;
}
export interface UpdateResult<Outputs = any> {
  outs?: Outputs;
}

export interface ResourceProvider<Inputs = any, Outputs = any> {
  check?(olds: Inputs, news: Inputs): Promise<CheckResult<Inputs>>;
  diff?(id: string, olds: Outputs, news: Inputs): Promise<DiffResult>;
  create(inputs: Inputs): Promise<CreateResult<Outputs>>;
  read?(id: string, props?: Outputs): Promise<ReadResult<Outputs>>;
  update?(id: string, olds: Outputs, news: Inputs): Promise<UpdateResult<Outputs>>;
  delete?(id: string, props: Outputs): Promise<void>;
}
