import { describeProviderConformance } from "./provider-conformance.js";
import { FakeProvider } from "./fake-provider.js";

describeProviderConformance({
  name: "fake",
  makeProvider: () => new FakeProvider({ replaceOnChanges: { "fake:index:Bucket": ["region"] } }),
  config: { region: "mars-1" },
  resources: [
    { type: "fake:index:Res", inputs: { size: 1 }, update: { size: 2 } },
    { type: "fake:index:Bucket", inputs: { region: "a", tags: { env: "dev" } }, update: { region: "a", tags: { env: "prod" } }, replace: { region: "b", tags: { env: "prod" } } },
  ],
});
