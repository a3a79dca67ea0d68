import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { riskRank } from "../../src/core/risk.js";
import { classifyScript, loadBashParser } from "../../src/classify/index.js";
import { readCommandTable } from "./command-table.js";

/**
 * A property over the command table: putting a command inside a wrapper, a subshell, a
 * condition, a substitution or a remote shell never makes it look safer.
 */
const risky = readCommandTable()
  .filter((row) => row.level !== "read_only")
  .map((row) => row.command);

const singleQuoted = (script: string): string => `'${script.replaceAll("'", `'\\''`)}'`;

const WRAPPERS: Readonly<Record<string, (script: string) => string>> = {
  sudo: (s) => `sudo -u root ${s}`,
  "timeout + nice": (s) => `timeout 60 nice -n 10 ${s}`,
  "bash -c": (s) => `bash -c ${singleQuoted(s)}`,
  "ssh host": (s) => `ssh admin@host ${singleQuoted(s)}`,
  "kubectl exec sh -c": (s) => `kubectl exec -n prod pod-0 -- sh -c ${singleQuoted(s)}`,
  subshell: (s) => `(\n${s}\n)`,
  "if body": (s) => `if true; then\n${s}\nfi`,
  "for body": (s) => `for i in 1 2; do\n${s}\ndone`,
  "command substitution": (s) => `echo "$(\n${s}\n)"`,
  "after &&": (s) => `cd /srv && ${s}`,
  "function body": (s) => `run() {\n${s}\n}\nrun`,
};

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

describe("wrapping a risky command never lowers its risk", () => {
  it("has risky commands to wrap", () => {
    expect(risky.length).toBeGreaterThan(250);
  });

  it.each(Object.entries(WRAPPERS))("%s", (_name, wrap) => {
    const lowered: string[] = [];
    for (const command of risky) {
      const bare = classifyScript(parser, "bash", command);
      const wrapped = classifyScript(parser, "bash", wrap(command));
      // `sudo` before a compound command (`sudo f() { … }`) is not valid shell; bash runs
      // nothing of it, and the rules report the syntax error instead.
      if (wrapped.reasons.some((r) => r.ruleId === "shell.syntax-error")) continue;
      if (
        riskRank(wrapped.risk) < riskRank(bare.risk) ||
        riskRank(wrapped.floor) < riskRank(bare.floor)
      ) {
        lowered.push(
          `${command} → ${wrapped.risk}/${wrapped.floor} (was ${bare.risk}/${bare.floor})`,
        );
      }
    }
    expect(lowered).toEqual([]);
  });
});

describe("quoted data never runs", () => {
  const every = readCommandTable().map((row) => row.command);

  it.each([
    ["echo '…'", (s: string) => `echo ${singleQuoted(s)}`, "read_only"],
    ["grep -F '…' notes.txt", (s: string) => `grep -F ${singleQuoted(s)} notes.txt`, "read_only"],
    ["git commit -m '…'", (s: string) => `git commit -m ${singleQuoted(s)}`, "modifying"],
    ["a heredoc into cat", (s: string) => `cat <<'QUOTED_DATA'\n${s}\nQUOTED_DATA`, "read_only"],
  ] as const)("%s", (_name, wrap, level) => {
    const wrong = every.filter((command) => {
      const verdict = classifyScript(parser, "bash", wrap(command));
      // tree-sitter-bash reads a heredoc whose first line starts with a backslash (`\rm x`) as
      // words of the redirect, not as its body: the analysis says so and fails closed.
      if (/^\\/.test(command) && wrap(command).startsWith("cat <<"))
        return !verdict.reasons.some((reason) => reason.ruleId === "shell.misread");
      return verdict.risk !== level;
    });
    expect(wrong).toEqual([]);
  });
});
