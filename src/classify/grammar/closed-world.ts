import { code, type Hit, modifying } from "../hit.js";
import { type ParsedArgs, PROBLEM_TEXT, type Problem, parseArgs } from "./parse.js";
import type { Syntax } from "./syntax.js";

/** Every word of `parsed` that keeps it from being a proven read, in command-line order. */
export function readProblems(parsed: ParsedArgs): Problem[] {
  const problems: Problem[] = [...parsed.problems];
  for (const option of parsed.options) {
    if (!option.def.safe) problems.push({ word: option.word, kind: "unsafe-option" });
    else if (
      option.def.values !== undefined &&
      option.value !== undefined &&
      !option.def.values.has(option.value)
    )
      problems.push({ word: `${option.word} ${option.value}`, kind: "unsafe-value" });
  }
  const pattern = parsed.level.operands;
  if (pattern !== undefined)
    for (const operand of parsed.operands)
      if (!pattern.test(operand)) problems.push({ word: operand, kind: "unknown-operand" });
  const max = parsed.level.maxOperands;
  if (max !== undefined)
    for (const operand of parsed.operands.slice(max))
      problems.push({ word: operand, kind: "extra-operand" });
  return problems;
}

/** At most this many words are named in reasons; the rest only add noise. */
const SHOWN = 3;

/**
 * The closed-world rule: a command the tool tables call `read_only` stays so only when its
 * grammar accounts for every word (known options, safe for a read, known subcommand, operands
 * in a reading role). Each word that is not understood becomes a proven `modifying` hit that
 * names it; an empty list means the read is proven.
 */
export function closedWorldHits(tool: string, args: readonly string[], syntax: Syntax): Hit[] {
  return readProblems(parseArgs(args, syntax))
    .slice(0, SHOWN)
    .map((problem) =>
      modifying(
        `grammar.${problem.kind}`,
        `${code(tool)}: ${code(problem.word)} ${PROBLEM_TEXT[problem.kind]}, so the command is not a proven read`,
      ),
    );
}
