import type { FenceAttribute } from "../core/runbook.js";

/** A fence's info string split into language and attributes. */
export interface FenceInfo {
  /** Lower-cased language, `""` when none. */
  readonly language: string;
  /** Everything after the language, trimmed (the raw attribute text). */
  readonly meta: string;
  readonly attributes: readonly FenceAttribute[];
}

// A key starts a word (the lookbehind): unanchored, `[^\s=]+` rescanned every word to its end
// from each of its characters when no `=` followed, quadratic on a long info string.
const ATTRIBUTE = /(?<!\S)([^\s=]+)=("[^"]*"|'[^']*'|[^\s"']+)/g;

/**
 * Splits ```` ```bash {risk=destructive timeout=120} ```` style info strings. Attributes may
 * sit in braces or bare after the language; quoted values keep their spaces.
 */
export function parseFenceInfo(
  lang: string | null | undefined,
  meta: string | null | undefined,
): FenceInfo {
  const info = `${lang ?? ""} ${meta ?? ""}`.trim();
  const brace = info.indexOf("{");
  const head = brace === -1 ? info : info.slice(0, brace);
  const [first = "", ...rest] = head.trim().split(/\s+/);
  const language = first.includes("=") ? "" : first.toLowerCase();
  const metaText = [
    first.includes("=") ? first : "",
    ...rest,
    brace === -1 ? "" : info.slice(brace),
  ]
    .join(" ")
    .trim();
  return { language, meta: metaText, attributes: parseAttributes(metaText) };
}

/** Parses `key=value` pairs from the text after the language; other words are ignored here (lint reports them). */
export function parseAttributes(meta: string): FenceAttribute[] {
  const body = meta.replace(/^\{/, "").replace(/\}$/, "");
  const attributes: FenceAttribute[] = [];
  for (const match of body.matchAll(ATTRIBUTE)) {
    const [, key = "", raw = ""] = match;
    const quoted =
      (raw.startsWith('"') && raw.endsWith('"')) || (raw.startsWith("'") && raw.endsWith("'"));
    attributes.push({ key, value: quoted ? raw.slice(1, -1) : raw });
  }
  return attributes;
}

const PROMPT = /^\s*[$#](?: |$)/;

/**
 * Turns a `console` / `shell-session` transcript into a script: lines starting with a
 * `$ ` or `# ` prompt are commands (prompt removed), a line ending in `\` continues onto
 * the next, and every other line is output and dropped.
 */
export function stripConsolePrompts(transcript: string): string {
  const commands: string[] = [];
  let continuing = false;
  for (const line of transcript.split("\n")) {
    if (continuing) {
      commands.push(line);
    } else if (PROMPT.test(line)) {
      commands.push(line.replace(PROMPT, ""));
    } else {
      continue;
    }
    continuing = /\\$/.test(line);
  }
  return commands.join("\n");
}
