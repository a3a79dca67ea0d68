import type { Parser } from "web-tree-sitter";
import { classifyCommands } from "../classify/index.js";
import type { RuleVerdict } from "../classify/types.js";
import type { CodeBlock, Command, Runbook, Step } from "../core/runbook.js";
import { analyzeShell, commandName, SHELL_NAMES, type ShellPosition } from "../shell/index.js";
import { parameterizeRunbook } from "../plan/parameterize.js";
import { bashOnlyConstructs, dialectOf } from "../shell/index.js";
import { inlineLocator, scriptLocator } from "./locate.js";
import type { LintCommand, LintContext } from "./types.js";

/** What {@link buildContext} needs besides the runbook. */
export interface ContextOptions {
  /** web-tree-sitter with the bash grammar, from `loadBashParser()`. */
  readonly parser: Parser;
  /** Rule verdicts by step index, when the caller has them already; computed on demand otherwise. */
  readonly verdicts?: ReadonlyMap<number, RuleVerdict> | undefined;
  readonly boundParameters?: ReadonlySet<string> | undefined;
  /** The configured `audit_key_file`, for the rule that keeps steps away from it. */
  readonly auditKeyFile?: string | undefined;
}

/** Analyses every shell command once, so rules stay pure and cheap. */
export function buildContext(parsed: Runbook, options: ContextOptions): LintContext {
  // Lint reads commands as they run: placeholders already turned into parameters.
  const runbook = parameterizeRunbook(parsed, options.parser);
  const blocks = new Map<string, CodeBlock>();
  for (const block of runbook.codeBlocks) blocks.set(`${block.line}:${block.column}`, block);
  const commands: LintCommand[] = [];
  for (const step of runbook.steps) {
    for (const command of step.commands) {
      const isShell = SHELL_NAMES.has(commandName(command.interpreter.program));
      const block = blocks.get(`${command.line}:${command.column}`);
      const written = command.writtenScript ?? command.script;
      const atWritten =
        block === undefined
          ? inlineLocator(runbook.lines, command)
          : scriptLocator(runbook.lines, block, written);
      const toWritten = writtenPosition(command);
      const dialect = dialectOf(command.interpreter.program);
      commands.push({
        step,
        command,
        shell: isShell ? analyzeShell(options.parser, command.script) : undefined,
        bashOnly:
          isShell && dialect !== undefined && dialect !== "bash"
            ? bashOnlyConstructs(options.parser, command.script)
            : [],
        at: (position) => atWritten(toWritten(position)),
        atWritten,
      });
    }
  }
  const computed = new Map<number, RuleVerdict>();
  const verdict = (step: Step): RuleVerdict => {
    const known = options.verdicts?.get(step.index) ?? computed.get(step.index);
    if (known !== undefined) return known;
    const fresh = classifyCommands(options.parser, step.commands);
    computed.set(step.index, fresh);
    return fresh;
  };
  return {
    runbook,
    commands,
    verdict,
    boundParameters: options.boundParameters ?? new Set(),
    auditKeyFile: options.auditKeyFile,
  };
}

/**
 * Maps a position in the script that runs to the script as written: rewriting placeholders
 * never adds or removes a line, it only shifts columns after each rewritten reference.
 */
function writtenPosition(command: Command): (position: ShellPosition) => ShellPosition {
  const bound = (command.placeholders ?? []).flatMap((use) =>
    use.binding.kind === "bound" ? [use.binding] : [],
  );
  if (bound.length === 0 || command.writtenScript === undefined) return (position) => position;
  const { script, writtenScript } = command;
  return ({ line, column }) => {
    const offset = offsetOf(script, line, column);
    let written = offset;
    for (const binding of bound) {
      if (offset < binding.start) break;
      written =
        offset < binding.end ? binding.writtenStart : binding.writtenEnd + (offset - binding.end);
    }
    return positionAt(writtenScript, written);
  };
}

function offsetOf(script: string, line: number, column: number): number {
  let offset = 0;
  for (let row = 1; row < line; row++) {
    const next = script.indexOf("\n", offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return offset + column - 1;
}

function positionAt(script: string, offset: number): ShellPosition {
  const before = script.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}
