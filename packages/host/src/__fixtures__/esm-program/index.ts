import { CustomResource } from "@cairn/sdk";
import { bucketName, shared } from "./names.js";

const suffix: string = await Promise.resolve("tla");
const bucket = new CustomResource("test:index:Bucket", bucketName(suffix), { size: 3, sharedId: shared.id });

export const bucketId = bucket.id;
export const plain = { answer: 42 };
