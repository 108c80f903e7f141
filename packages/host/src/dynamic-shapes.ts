// The shapes of a user's dynamic provider as the SDK hands it over (Pulumi's ResourceProvider:
// check/diff/create/read/update/delete on plain JavaScript values), declared structurally so the
// adapter does not depend on how the SDK spells its types.
export type Inputs = Record<string, unknown>;

export interface CheckResult {
  inputs?: Inputs;
  failures?: { property: string; reason: string }[];
}
export interface DiffResult {
  changes?: boolean;
  replaces?: string[];
  stables?: string[];
  deleteBeforeReplace?: boolean;
}
export interface CreateResult {
  id: string;
  outs?: Inputs;
}
export interface ReadResult {
  id?: string;
  props?: Inputs;
}
export interface UpdateResult {
  outs?: Inputs;
}

export interface UserResourceProvider {
  check?(olds: Inputs, news: Inputs): Promise<CheckResult>;
  diff?(id: string, olds: Inputs, news: Inputs): Promise<DiffResult>;
  create(inputs: Inputs): Promise<CreateResult>;
  read?(id: string, props?: Inputs): Promise<ReadResult>;
  update?(id: string, olds: Inputs, news: Inputs): Promise<UpdateResult>;
  delete?(id: string, props: Inputs): Promise<void>;
}

/** Rebuilds the user's provider from the `__provider` text stored in a resource's inputs. */
export type UserProviderLoader = (providerText: string) => Promise<UserResourceProvider>;
