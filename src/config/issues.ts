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
import { isSecretEnvName, TOOL_SECRET_ENV_NAMES } from "../redact/secret-env.js";

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

/**
 * The path to a secret-looking key: the unknown key itself or one in a table under it
 * (`[anthropic] api_key = …`), so a token pasted into the file is not called a mere typo.
 */
function secretPathIn(path: readonly string[], value: unknown): readonly string[] | undefined {
  if (isSecretEnvName(path.at(-1) ?? "")) return path;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  for (const [nested, inner] of Object.entries(value)) {
    const found = secretPathIn([...path, nested], inner);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The error for a secret in the file, naming the variable the tool reads when there is one. */
function secretInFile(source: LayerSource, path: readonly string[]): RunbookExecError {
  const guess = path.join("_").toUpperCase().replaceAll("-", "_");
  const variable = (TOOL_SECRET_ENV_NAMES as readonly string[]).includes(guess)
    ? `set \`${guess}\` in the environment`
    : "set it in the environment";
  return configError(
    source,
    path,
    `\`${dotted(path)}\` is a secret: secrets are never read from the config file; fix: remove it and ${variable}`,
  );
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
    const secret = secretPathIn(path.map(String), valueAt(raw, path));
    if (secret !== undefined) return secretInFile(source, secret);
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
