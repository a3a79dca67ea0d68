import type { ShellWord } from "../../shell/types.js";
import { hasFlag } from "../flags.js";
import { stepLabel } from "../step-label.js";
import type { LintRule, RuleReport } from "../types.js";

/** `$DIR/…`, `${DIR}/…` or `/$DIR`: empty DIR leaves a path rooted at `/`. */
const ROOTED = /^(?:\$\{?([A-Za-z_]\w*)\}?\/|\/\$\{?([A-Za-z_]\w*)\}?$)/;
/** Always set by the login, so never empty. */
const ALWAYS_SET = new Set(["HOME", "PWD"]);

/** A literal non-empty assignment, a `for` loop over it, or a `${NAME:?}` guard earlier in the script. */
function isGuarded(name: string, script: string, before: number): boolean {
  const text = script.split("\n").slice(0, before).join("\n");
  const assigned = new RegExp(
    `(^|[\\s;&|(])(export\\s+|readonly\\s+|local\\s+|declare\\s+(-\\w+\\s+)?)?${name}=(?![\\s;]|$|""|'')`,
    "m",
  );
  return (
    assigned.test(text) ||
    new RegExp(`\\bfor\\s+${name}\\s+in\\b`).test(text) ||
    text.includes(`\${${name}:?`)
  );
}

function emptyVariable(word: ShellWord, script: string): string | undefined {
  const match = ROOTED.exec(word.value);
  const name = match?.[1] ?? match?.[2];
  if (name === undefined || ALWAYS_SET.has(name) || isGuarded(name, script, word.line))
    return undefined;
  return name;
}

/** RB015: `rm -rf "$DIR/"` deletes from `/` when DIR is empty or unset. */
export const rmEmptyVariable: LintRule = {
  id: "RB015",
  alias: "rm-empty-variable",
  description: 'Recursive `rm` of a path built on a variable that may be empty (`rm -rf "$DIR/"`).',
  defaultSeverity: "error",
  check({ commands }) {
    const reports: RuleReport[] = [];
    for (const { step, command: fence, shell, at } of commands) {
      for (const command of shell?.commands ?? []) {
        const args = command.argv.slice(1);
        const flags = args.map((w) => w.value);
        const recursive = hasFlag(flags, "r", "--recursive") || hasFlag(flags, "R");
        if (command.name !== "rm" || !recursive) continue;
        for (const word of args) {
          const name = emptyVariable(word, fence.script);
          if (name === undefined) continue;
          reports.push({
            ...at(word),
            message: `Unexpected \`rm\` of \`${word.raw}\` in ${stepLabel(step)}, expected \`\${${name}:?}\`; if \`${name}\` is empty or unset this deletes from \`/\``,
            fix: `Write \`"\${${name}:?}/…"\` so the shell stops with an error when ${name} is empty`,
          });
        }
      }
    }
    return reports;
  },
};
