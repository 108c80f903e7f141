// A Pulumi-style program: two instances of a component, config, secrets, all/interpolate/apply.
import * as cairn from "@cairn/sdk";
import { Bucket, Database } from "./cloud.js";
import { Network } from "./network.js";

const config = new cairn.Config();
const baseCidr = config.require("baseCidr");
const dbPassword = config.requireSecret("dbPassword");

export const a = new Network("a", { cidr: baseCidr, subnetCount: 2 });
export const b = new Network("b", { cidr: "10.1.0.0/16", subnetCount: 1 });

const db = new Database("db", { username: "admin", password: dbPassword });
export const connectionString = cairn.interpolate`postgres://admin:${db.password}@${db.endpoint}:5432/app`;
export const vpcIds = cairn.all([a.vpcId, b.vpcId]).apply(([x, y]) => `${x},${y}`);

const site = new Bucket("site", { website: { indexDocument: "index.html" } });
export const indexDocument = site.website.indexDocument;
export const siteUrl = site.bucket.apply((name) => `https://${name}.example.com`);
export const subnetCount = a.subnets.length + b.subnets.length;
