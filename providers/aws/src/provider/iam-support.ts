// Helpers shared by the IAM resources: policy documents as IAM returns them (URL-encoded JSON),
// and the "NoSuchEntity" code IAM uses for anything gone.
export const IAM_NOT_FOUND = ["NoSuchEntity", "NoSuchEntityException"] as const;

/** IAM returns policy documents URL-encoded; moto sometimes returns them as is. */
export function policyDocument(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (text.trimStart().startsWith("{")) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
