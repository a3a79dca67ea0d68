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
const DOLLAR_PROMPT = /^\s*\$ +\S/;
/** The shell's secondary prompt (`PS2`): the command goes on (an open quote, a pipe at the end). */
const CONTINUATION = /^\s*> ?/;

/**
 * Turns a `console` / `shell-session` transcript into a script: lines starting with a
 * `$ ` or `# ` prompt are commands (prompt removed), a line ending in `\` continues onto
 * the next, a `> ` line right after a command is its continuation (prompt removed), and every
 * other line is output and dropped.
 */
export function stripConsolePrompts(transcript: string, prompt: RegExp = PROMPT): string {
  const commands: string[] = [];
  let continuing = false;
  let inCommand = false;
  for (const line of transcript.split("\n")) {
    if (continuing) {
      commands.push(line);
    } else if (prompt.test(line)) {
      commands.push(line.replace(/^\s*[$#] ?/, ""));
    } else if (inCommand && CONTINUATION.test(line)) {
      commands.push(line.replace(CONTINUATION, ""));
    } else {
      inCommand = false;
      continue;
    }
    inCommand = true;
    continuing = /\\$/.test(line);
  }
  return commands.join("\n");
}

/** How a `bash`/`sh`/`shell`/`zsh` fence is written (design rule 11). */
export type ScriptForm =
  | { readonly kind: "script" }
  /** A pasted terminal session: `$ ` command lines, other lines output. Read like `console`. */
  | { readonly kind: "session"; readonly script: string }
  /** `$ ` on some lines of what is otherwise a script, or `# ` lines inside a session. */
  | { readonly kind: "ambiguous"; readonly line: number; readonly why: string };

/**
 * Whether a shell fence is a script or a pasted session. It is a session when its first
 * non-blank line is a `$ ` prompt; then lines without a prompt are output. `$ ` lines after
 * script lines, or a `# ` line in a session (a comment, or a root prompt?), are ambiguous:
 * never guessed. A fence without any `$ ` line is a script (its `# ` lines are comments).
 */
export function scriptForm(body: string): ScriptForm {
  const lines = body.split("\n");
  const first = lines.findIndex((line) => line.trim() !== "");
  if (!lines.some((line) => DOLLAR_PROMPT.test(line))) return { kind: "script" };
  if (first === -1 || !DOLLAR_PROMPT.test(lines[first] ?? "")) {
    const at = lines.findIndex((line) => DOLLAR_PROMPT.test(line));
    return {
      kind: "ambiguous",
      line: at + 1,
      why: "a `$ ` prompt after lines without one",
    };
  }
  const rootLine = lines.findIndex((line) => /^\s*# /.test(line));
  if (rootLine !== -1) {
    return {
      kind: "ambiguous",
      line: rootLine + 1,
      why: "a `# ` line in a pasted session, which is either a comment or a root prompt",
    };
  }
  return { kind: "session", script: stripConsolePrompts(body, DOLLAR_PROMPT) };
}
