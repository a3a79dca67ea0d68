import { readFile } from "node:fs/promises";
import { parse, TomlError } from "smol-toml";
import { RunbookExecError } from "../core/errors.js";
import type { Severity } from "../core/findings.js";
import type { FileLayer } from "./file-schema.js";
import { configError, validateLayer, type LayerSource } from "./issues.js";
import { closest } from "./suggest.js";

/** A rule as the `[rules]` table may name it, with its default severity when known. */
export interface RuleRef {
  readonly id: string;
  readonly alias: string;
  readonly defaultSeverity?: Severity;
}

/** The bytes of a config file; a missing or unreadable file is a `CONFIG_INVALID` error. */
export async function readConfigBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (cause) {
    const reason =
      (cause as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : "cannot be read";
    throw new RunbookExecError(
      "CONFIG_INVALID",
      `configuration file ${reason}; fix: check the --config path or RUNBOOK_EXEC_CONFIG`,
      { file, cause },
    );
  }
}

function decodeText(file: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new RunbookExecError(
      "CONFIG_INVALID",
      "configuration file is not valid UTF-8; fix: save it as UTF-8",
      { file, cause },
    );
  }
}

function parseToml(text: string, file: string): unknown {
  try {
    return parse(text);
  } catch (cause) {
    if (!(cause instanceof TomlError)) throw cause;
    const reason =
      cause.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "") ?? "syntax error";
    throw new RunbookExecError(
      "CONFIG_INVALID",
      `invalid TOML at column ${cause.column}: ${reason}; fix: see https://toml.io for the syntax`,
      {
        file,
        line: cause.line,
        cause,
      },
    );
  }
}

/** Rewrites `[rules]` keys to rule ids; unknown names and a rule named twice are errors. */
function normalizeRules(
  layer: FileLayer,
  rules: readonly RuleRef[],
  source: LayerSource,
): FileLayer {
  if (layer.rules === undefined) return layer;
  const byName = new Map<string, string>();
  for (const rule of rules) {
    byName.set(rule.id, rule.id);
    byName.set(rule.alias, rule.id);
  }
  const normalized: Record<string, (typeof layer.rules)[string]> = {};
  for (const [name, severity] of Object.entries(layer.rules)) {
    const id = byName.get(name);
    if (id === undefined) {
      const suggestion = closest(name, [...byName.keys()]);
      const hint =
        suggestion === undefined
          ? "use a rule id such as `RB001` or its alias"
          : `did you mean \`${suggestion}\`?`;
      throw configError(
        source,
        ["rules", name],
        `unknown rule \`${name}\` in \`[rules]\`; ${hint}`,
      );
    }
    if (Object.hasOwn(normalized, id)) {
      throw configError(
        source,
        ["rules", name],
        `rule \`${id}\` is set twice in \`[rules]\` (by id and by alias); fix: keep one entry`,
      );
    }
    normalized[id] = severity;
  }
  return { ...layer, rules: normalized };
}

/**
 * Reads and validates a `.runbook-exec.toml` (or its `bytes`, already read). `[rules]` keys come
 * back as rule ids.
 * Every problem is a `CONFIG_INVALID` error with the file, the key's line and a fix.
 */
export async function readConfigFile(
  file: string,
  rules: readonly RuleRef[],
  bytes?: Uint8Array,
): Promise<FileLayer> {
  const text = decodeText(file, bytes ?? (await readConfigBytes(file)));
  const source: LayerSource = { kind: "file", file, text };
  const layer = validateLayer(parseToml(text, file), source);
  return normalizeRules(layer, rules, source);
}
