import { RunbookExecError } from "../core/errors.js";
import {
  CONFIG_KEYS,
  FILE_SCHEMA,
  isConfigKey,
  KEY_HELP,
  type FileLayer,
  type KeyHelp,
} from "./file-schema.js";
import { findKeyLine } from "./key-line.js";
import { closest } from "./suggest.js";

/** The parts of a zod issue this module reads. */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly keys?: readonly string[];
}

/** Where a layer came from: a file (with its text, for line numbers) or the environment. */
export type LayerSource =
  | { readonly kind: "file"; readonly file: string; readonly text: string }
  | { readonly kind: "env"; readonly prefix: string };

/** Shows a value the way the user wrote it, for "got …". */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return `\`${JSON.stringify(value)}\``;
  if (typeof value === "number" || typeof value === "boolean") return `\`${String(value)}\``;
  if (Array.isArray(value)) return "an array";
  if (value instanceof Date) return "a date";
  if (typeof value === "object" && value !== null) return "a table";
  return "nothing";
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function dotted(path: readonly PropertyKey[]): string {
  return path
    .map((p) => (typeof p === "number" ? `[${p}]` : String(p)))
    .join(".")
    .replaceAll(".[", "[");
}

/** The name the user sees: `timeout_seconds` in a file, `RUNBOOK_EXEC_TIMEOUT_SECONDS` in the environment. */
export function displayKey(source: LayerSource, key: string): string {
  return source.kind === "file" ? key : `${source.prefix}${key.toUpperCase()}`;
}

/** A `CONFIG_INVALID` error at `path`, with the key's line when the layer is a file. */
export function configError(
  source: LayerSource,
  path: readonly PropertyKey[],
  message: string,
): RunbookExecError {
  if (source.kind === "env") return new RunbookExecError("CONFIG_INVALID", message);
  const line = findKeyLine(
    source.text,
    path.map((p) => (typeof p === "number" ? p : String(p))),
  );
  return new RunbookExecError("CONFIG_INVALID", message, {
    file: source.file,
    ...(line !== undefined && { line }),
  });
}

/** Turns the first schema issue into an error naming the key, what was expected, and the fix. */
export function issueToError(
  issue: SchemaIssue,
  raw: unknown,
  source: LayerSource,
): RunbookExecError {
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys?.[0] ?? "";
    const path = [...issue.path, key];
    const suggestion = closest(key, CONFIG_KEYS);
    const hint =
      suggestion === undefined
        ? `remove it; known keys: ${CONFIG_KEYS.join(", ")}`
        : `did you mean \`${suggestion}\`?`;
    return configError(source, path, `unknown configuration key \`${dotted(path)}\`; ${hint}`);
  }
  const top = String(issue.path[0] ?? "");
  const help: KeyHelp | undefined = isConfigKey(top) ? KEY_HELP[top] : undefined;
  const name = source.kind === "file" ? dotted(issue.path) : displayKey(source, top);
  const expected = (issue.path.length > 1 ? help?.item : help?.expected) ?? "a valid value";
  const fix =
    help === undefined
      ? ""
      : source.kind === "file"
        ? `; fix: e.g. \`${help.example.replace("\n", " ")}\``
        : "; fix: correct or unset it";
  const got = describeValue(valueAt(raw, issue.path));
  return configError(source, issue.path, `\`${name}\` must be ${expected}, got ${got}${fix}`);
}

/**
 * Validates one layer against the schema; throws its first problem (by line, in a file) as a
 * `CONFIG_INVALID` error.
 */
export function validateLayer(raw: unknown, source: LayerSource): FileLayer {
  const parsed = FILE_SCHEMA.safeParse(raw);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => issueToError(issue, raw, source));
  const first = errors.reduce((a, b) => ((b.line ?? Infinity) < (a.line ?? Infinity) ? b : a));
  throw first;
}
