import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { CORPUS_DIR } from "../helpers/corpus.js";

/** One command from the dcg regression corpus, read in place (never copied into the repo). */
export interface CorpusCase {
  /** `file:line` or `file#case-index`, for failure messages. */
  readonly source: string;
  readonly command: string;
  /** dcg's label: `deny` must be blocked, `allow` may pass, `warn` either; `edge` only must not crash. */
  readonly expected: "deny" | "allow" | "warn" | "edge";
}

export const DCG_ROOT = path.join(CORPUS_DIR, "commands", "dcg");

function tomlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tomlFiles(full);
    return e.name.endsWith(".toml") ? [full] : [];
  });
}

function label(value: unknown): CorpusCase["expected"] {
  return value === "deny" || value === "allow" || value === "warn" ? value : "edge";
}

/** `[[case]]` entries with a string `command` (dcg's hook-JSON cases have none and are skipped). */
function tomlCases(): CorpusCase[] {
  const out: CorpusCase[] = [];
  for (const file of tomlFiles(path.join(DCG_ROOT, "corpus")).sort()) {
    const doc = parse(readFileSync(file, "utf8"));
    const cases = Array.isArray(doc["case"]) ? doc["case"] : [];
    cases.forEach((c, i) => {
      if (typeof c !== "object" || c === null || Array.isArray(c)) return;
      const entry = c as Record<string, unknown>;
      const command = entry["command"];
      if (typeof command !== "string") return;
      const expected = label(entry["expected"] ?? entry["expected_decision"]);
      out.push({ source: `${path.relative(DCG_ROOT, file)}#${i + 1}`, command, expected });
    });
  }
  return out;
}

const PREFIXED = /^(ALLOW|BLOCK|WARN):/;
const EXPECTED_OF: Readonly<Record<string, CorpusCase["expected"]>> = {
  ALLOW: "allow",
  BLOCK: "deny",
  WARN: "warn",
};

/**
 * `.txt` files: `dangerous.txt`/`safe.txt` hold one command a line; `edge_cases.txt` and
 * `heredocs.txt` use `EXPECT:command`. In `edge_cases.txt` lines without a prefix continue
 * the previous command (heredoc bodies); `heredocs.txt` writes line breaks as `\n`.
 */
function textCases(file: string): CorpusCase[] {
  const lines = readFileSync(path.join(DCG_ROOT, file), "utf8").split("\n");
  const out: { source: string; command: string; expected: CorpusCase["expected"] }[] = [];
  lines.forEach((line, i) => {
    const source = `${file}:${i + 1}`;
    if (line.startsWith("#") || (line.trim() === "" && !PREFIXED.test(line))) return;
    const prefix = PREFIXED.exec(line)?.[1];
    if (prefix === undefined) {
      const last = out[out.length - 1];
      if (file === "edge_cases.txt" && last !== undefined) last.command += `\n${line}`;
      else
        out.push({
          source,
          command: line,
          expected: file === "dangerous.txt" ? "deny" : file === "safe.txt" ? "allow" : "edge",
        });
      return;
    }
    let command = line.slice(prefix.length + 1);
    if (file === "heredocs.txt")
      command = command.replace(/\\(\\|n|t)/g, (_m, c: string) =>
        c === "n" ? "\n" : c === "t" ? "\t" : "\\",
      );
    out.push({ source, command, expected: EXPECTED_OF[prefix] ?? "edge" });
  });
  return out;
}

/** Every command of the corpus. */
export function loadDcgCorpus(): CorpusCase[] {
  return [
    ...tomlCases(),
    ...["dangerous.txt", "safe.txt", "edge_cases.txt", "heredocs.txt"].flatMap(textCases),
  ];
}
