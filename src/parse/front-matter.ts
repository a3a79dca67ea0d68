import { parse as parseYaml, YAMLParseError } from "yaml";
import type { FrontMatter } from "../core/runbook.js";

/** Front matter as parsed, or the line of the problem when it does not parse. */
export type FrontMatterResult =
  | { readonly ok: true; readonly value: FrontMatter }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * Parses YAML front matter. `startLine` is the line of the opening `---`, so error lines
 * point into the runbook, not into the YAML snippet.
 */
export function parseFrontMatter(yaml: string, startLine: number): FrontMatterResult {
  let data: unknown;
  try {
    data = parseYaml(yaml);
  } catch (error) {
    const line = error instanceof YAMLParseError ? (error.linePos?.[0]?.line ?? 1) : 1;
    const message = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    return {
      ok: false,
      line: startLine + line,
      message: `front matter is not valid YAML: ${message}`,
    };
  }
  if (data === null || data === undefined) return { ok: true, value: emptyFrontMatter() };
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      line: startLine + 1,
      message: "front matter must be a YAML mapping (key: value)",
    };
  }
  const record = data as Record<string, unknown>;
  const { title, parameters, owners, ...extra } = record;
  return {
    ok: true,
    value: {
      title: typeof title === "string" ? title : undefined,
      parameters: parseParameters(parameters),
      owners: Array.isArray(owners)
        ? owners.map(String)
        : typeof owners === "string"
          ? [owners]
          : [],
      extra,
    },
  };
}

function emptyFrontMatter(): FrontMatter {
  return { title: undefined, parameters: {}, owners: [], extra: {} };
}

/**
 * Parameters are declared either as a mapping (`NAME: default`) or as a list of names or
 * `{ name, default }` objects; values are kept as strings because they reach steps as
 * environment variables.
 */
function parseParameters(value: unknown): Record<string, string> {
  const parameters: Record<string, string> = {};
  if (Array.isArray(value)) {
    for (const entry of value) {
      if (typeof entry === "string") parameters[entry] = "";
      else if (entry !== null && typeof entry === "object" && "name" in entry) {
        const { name, default: fallback } = entry as { name: unknown; default?: unknown };
        parameters[String(name)] =
          fallback === undefined || fallback === null ? "" : String(fallback);
      }
    }
  } else if (value !== null && typeof value === "object") {
    for (const [name, fallback] of Object.entries(value)) {
      parameters[name] = fallback === undefined || fallback === null ? "" : String(fallback);
    }
  }
  return parameters;
}
