// Test helper: the files of a user project with a dynamic provider in its own module, used by a
// component, as users write it ("register each environment with a metadata service").
export const METADATA_PROVIDER_TS = `
import type { ResourceProvider } from "@cairn/sdk/dynamic";

export interface RegistrationInputs {
  serviceUrl: string;
  name: string;
  tier: string;
  apiToken: string;
}

async function call(url: string, method: string, token: string, body?: unknown, allow404 = false): Promise<Response> {
  const res = await fetch(url, {
    method,
    headers: { authorization: "Bearer " + token, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok && !(allow404 && res.status === 404)) throw new Error(method + " " + url + " answered " + res.status);
  return res;
}

export class MetadataProvider implements ResourceProvider<RegistrationInputs> {
  private readonly team: string;
  constructor(opts: { team: string }) {
    this.team = opts.team;
  }
  async diff(_id: string, olds: RegistrationInputs, news: RegistrationInputs) {
    const replaces = olds.name !== news.name || olds.serviceUrl !== news.serviceUrl ? ["name"] : [];
    return { changes: replaces.length > 0 || olds.tier !== news.tier, replaces };
  }
  async create(inputs: RegistrationInputs) {
    const res = await call(inputs.serviceUrl + "/environments", "POST", inputs.apiToken, { name: inputs.name, tier: inputs.tier, team: this.team });
    const { id } = (await res.json()) as { id: string };
    return { id, outs: { ...inputs, team: this.team } };
  }
  async read(id: string, props: RegistrationInputs) {
    const res = await call(props.serviceUrl + "/environments/" + id, "GET", props.apiToken, undefined, true);
    if (res.status === 404) return {};
    const env = (await res.json()) as { tier: string };
    return { id, props: { ...props, tier: env.tier } };
  }
  async update(id: string, _olds: RegistrationInputs, news: RegistrationInputs) {
    await call(news.serviceUrl + "/environments/" + id, "PUT", news.apiToken, { tier: news.tier });
    return { outs: { ...news, team: this.team } };
  }
  async delete(id: string, props: RegistrationInputs) {
    await call(props.serviceUrl + "/environments/" + id, "DELETE", props.apiToken, undefined, true);
  }
}
`;

export const ENVIRONMENT_TS = `
import * as cairn from "@cairn/sdk";
import * as dynamic from "@cairn/sdk/dynamic";
import { MetadataProvider } from "./metadata-provider.ts";

export interface EnvironmentArgs {
  serviceUrl: string;
  tier: string;
  apiToken: cairn.Input<string>;
}

export class Environment extends cairn.ComponentResource {
  readonly registrationId: cairn.Output<string>;
  constructor(name: string, args: EnvironmentArgs, opts?: cairn.ComponentResourceOptions) {
    super("acme:index:Environment", name, {}, opts);
    const registration = new dynamic.Resource(
      new MetadataProvider({ team: "platform" }),
      name + "-registration",
      { serviceUrl: args.serviceUrl, name, tier: args.tier, apiToken: args.apiToken },
      { parent: this },
    );
    this.registrationId = registration.id;
    this.registerOutputs({ registrationId: this.registrationId });
  }
}
`;

export function indexTs(serviceUrl: string): string {
  return `
import * as cairn from "@cairn/sdk";
import { Environment } from "./environment.ts";

const staging = new Environment("staging", { serviceUrl: ${JSON.stringify(serviceUrl)}, tier: "small", apiToken: cairn.secret("t0ken") });
export const registrationId = staging.registrationId;
`;
}
