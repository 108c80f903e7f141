import { CustomResource } from "@cairn/sdk";
import { validate } from "./validate.js";

new CustomResource("test:index:First", "first", { n: 1 });

validate({ region: "" });

new CustomResource("test:index:Second", "second", { n: 2 });
