import { z } from "zod";
import { innerSchema } from "./record-problem.js";

/**
 * Puts back, after redaction, the values of fields that can only hold one of the format's own
 * words (`decision: "approved"`, `channel: "github_comment"`, `reason: "already_done"`): a
 * secret that happens to equal or contain such a word (`DEPLOY_TOKEN=github`) would otherwise
 * turn the field into `***_comment`, a record the format refuses. Those fields carry no text
 * from anywhere else, so keeping them reveals nothing; every other string stays redacted.
 */
export function keepFormatWords<T>(schema: z.ZodType, original: T, scrubbed: T): T {
  // Every value returned sits where the same field of `original` or `scrubbed` sat.
  return kept(schema, original, scrubbed) as T;
}

function kept(schema: z.ZodType, original: unknown, scrubbed: unknown): unknown {
  const at = innerSchema(schema);
  if (at instanceof z.ZodEnum || at instanceof z.ZodLiteral) {
    return typeof original === "string" && at.safeParse(original).success ? original : scrubbed;
  }
  if (at instanceof z.ZodArray && Array.isArray(original) && Array.isArray(scrubbed)) {
    const item = at.element as z.ZodType;
    return scrubbed.map((value: unknown, index) => kept(item, original[index], value));
  }
  if (at instanceof z.ZodObject && isObject(original) && isObject(scrubbed)) {
    const shape = at.shape as Readonly<Record<string, z.ZodType>>;
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(scrubbed)) {
      const field = Object.hasOwn(shape, key) ? shape[key] : undefined;
      fields[key] = field === undefined ? value : kept(field, original[key], value);
    }
    return fields;
  }
  return scrubbed;
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
