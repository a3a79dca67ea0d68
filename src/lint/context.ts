import type { Parser } from "web-tree-sitter";
import { classifyCommands } from "../classify/index.js";
import type { RuleVerdict } from "../classify/types.js";
import type { CodeBlock, Runbook, Step } from "../core/runbook.js";
import {
  analyzeShell,
  bashOnlyConstructs,
  commandName,
  dialectOf,
  SHELL_NAMES,
} from "../shell/index.js";
import { inlineLocator, scriptLocator } from "./locate.js";
import type { LintCommand, LintContext } from "./types.js";

/** What {@link buildContext} needs besides the runbook. */
export interface ContextOptions {
  /** web-tree-sitter with the bash grammar, from `loadBashParser()`. */
  readonly parser: Parser;
  /** Rule verdicts by step index, when the caller has them already; computed on demand otherwise. */
  readonly verdicts?: ReadonlyMap<number, RuleVerdict> | undefined;
}

/** Analyses every shell command once, so rules stay pure and cheap. */
export function buildContext(runbook: Runbook, options: ContextOptions): LintContext {
  const blocks = new Map<string, CodeBlock>();
  for (const block of runbook.codeBlocks) blocks.set(`${block.line}:${block.column}`, block);
  const commands: LintCommand[] = [];
  for (const step of runbook.steps) {
    for (const command of step.commands) {
      const isShell = SHELL_NAMES.has(commandName(command.interpreter.program));
      const block = blocks.get(`${command.line}:${command.column}`);
      const dialect = dialectOf(command.interpreter.program);
      commands.push({
        step,
        command,
        shell: isShell ? analyzeShell(options.parser, command.script) : undefined,
        bashOnly:
          isShell && dialect !== undefined && dialect !== "bash"
            ? bashOnlyConstructs(options.parser, command.script)
            : [],
        at:
          block === undefined
            ? inlineLocator(runbook.lines, command)
            : scriptLocator(runbook.lines, block, command.script),
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
  return { runbook, commands, verdict };
}
