import { z } from "zod";

/** Where a record departs from its type's schema, and how, in words. */
export interface RecordProblem {
  /** The field's path in the record (`["output", "stdoutBytes"]`). */
  readonly path: readonly PropertyKey[];
  /** `missing`: the record lacks the field; `unknown`: the format has no such field; `wrong`: its value is not what the format says. */
  readonly kind: "missing" | "unknown" | "wrong";
  /** "`output.stdoutBytes` is missing; expected a whole number ≥ 0". */
  readonly message: string;
}

/** Longest piece of a string value or a field name quoted in a message. */
const QUOTE_CHARS = 40;

/** The first issue zod found (schema field order), as a {@link RecordProblem}. */
export function firstProblem(
  schema: z.ZodType,
  record: unknown,
  issues: readonly z.core.$ZodIssue[],
): RecordProblem {
  const issue = issues[0];
  if (issue === undefined) return { path: [], kind: "wrong", message: "not a valid record" };
  if (issue.code === "unrecognized_keys") {
    const path = [...issue.path, issue.keys[0] ?? ""];
    return {
      path,
      kind: "unknown",
      message: `${fieldName(path)} is not a field the format has here`,
    };
  }
  const path = issue.path;
  const value = valueAt(record, path);
  const expected = describe(schemaAt(schema, path));
  return value === undefined
    ? { path, kind: "missing", message: `${fieldName(path)} is missing; expected ${expected}` }
    : {
        path,
        kind: "wrong",
        message: `${fieldName(path)} is ${kindOf(value)}; expected ${expected}`,
      };
}

/** `output.stdoutBytes`, `reasons[0].ruleId`, `["odd key"]`, in backticks. */
export function fieldName(path: readonly PropertyKey[]): string {
  const parts = path.map((key, index) => {
    if (typeof key === "number") return `[${key}]`;
    const name = String(key);
    if (/^[A-Za-z_$][\w$]*$/.test(name)) return index === 0 ? name : `.${name}`;
    return `[${quoted(name)}]`;
  });
  return `\`${parts.join("")}\``;
}

/** What the format expects of a schema's values, in words. */
export function describe(schema: z.ZodType | undefined): string {
  if (schema === undefined) return "nothing here";
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodReadonly) {
    return describe(schema.unwrap() as z.ZodType);
  }
  if (schema instanceof z.ZodNullable) return `${describe(schema.unwrap() as z.ZodType)} or null`;
  if (schema instanceof z.ZodString) return "a string";
  if (schema instanceof z.ZodNumber) {
    const what = schema.isInt ? "a whole number" : "a number";
    // `z.int()` alone has the lowest safe integer as its bound: not worth saying.
    return schema.minValue === null || schema.minValue <= Number.MIN_SAFE_INTEGER
      ? what
      : `${what} ≥ ${schema.minValue}`;
  }
  if (schema instanceof z.ZodBoolean) return "true or false";
  if (schema instanceof z.ZodEnum) return `one of ${schema.options.map(code).join(", ")}`;
  if (schema instanceof z.ZodLiteral) return [...schema.values].map(code).join(" or ");
  if (schema instanceof z.ZodObject) return "an object";
  if (schema instanceof z.ZodArray) {
    return `a list (each item ${describe(schema.element as z.ZodType)})`;
  }
  if (schema instanceof z.ZodRecord) {
    return `an object (each value ${describe(schema.valueType as z.ZodType)})`;
  }
  return "a JSON value";
}

/** The schema of the value at `path`, through optional, nullable and read-only wrappers. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let at: z.ZodType | undefined = schema;
  for (const key of path) {
    at = at === undefined ? undefined : innerSchema(at);
    if (at instanceof z.ZodObject && typeof key === "string") at = at.shape[key] as z.ZodType;
    else if (at instanceof z.ZodArray && typeof key === "number") at = at.element as z.ZodType;
    else if (at instanceof z.ZodRecord) at = at.valueType as z.ZodType;
    else return undefined;
  }
  return at;
}

/** A schema without its optional, nullable and read-only wrappers. */
export function innerSchema(schema: z.ZodType): z.ZodType {
  let at = schema;
  while (
    at instanceof z.ZodOptional ||
    at instanceof z.ZodNullable ||
    at instanceof z.ZodReadonly
  ) {
    at = at.unwrap() as z.ZodType;
  }
  return at;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

/** A JSON value's kind in words, with the value when it is short enough to help. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return `the string ${quoted(value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  return "an object";
}

function quoted(text: string): string {
  const cut = text.length > QUOTE_CHARS ? `${text.slice(0, QUOTE_CHARS)}…` : text;
  return JSON.stringify(cut);
}

function code(value: unknown): string {
  return `\`${String(value)}\``;
}
