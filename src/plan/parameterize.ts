import type { Parser } from "web-tree-sitter";
import type { Command, PlaceholderUse, Runbook, Step } from "../core/runbook.js";
import { commandName, SHELL_NAMES } from "../shell/index.js";
import { findPlaceholders, placeholderParameterName } from "../shell/placeholder-text.js";
import { withLiteralValues } from "../shell/placeholder-literals.js";
import { rewritePlaceholders, type NameFor } from "../shell/placeholders.js";

/**
 * Design rule 12: every placeholder in a shell command becomes a quoted reference to its
 * parameter's environment variable, so the step is classified, hashed, shown and run as it
 * will be once bound. Placeholders in other languages are reported unbindable. Pure given the
 * parser; a runbook without placeholders comes back unchanged.
 */
export function parameterizeRunbook(runbook: Runbook, parser: Parser): Runbook {
  if (parameterized.has(runbook)) return runbook;
  const result = rewriteRunbook(runbook, parser);
  parameterized.add(result);
  return result;
}

/**
 * Runbooks this module returned: parameterizing one again changes nothing, and lint, the
 * classifier and the run each ask for it (a second scan of every script in `validate`).
 */
const parameterized = new WeakSet<Runbook>();

function rewriteRunbook(runbook: Runbook, parser: Parser): Runbook {
  const nameFor = declaredSpelling(runbook);
  let changed = false;
  const steps = runbook.steps.map((step): Step => {
    const commands = step.commands.map((command) => {
      const next = parameterizeCommand(command, parser, nameFor);
      changed ||= next !== command;
      return next;
    });
    return commands.every((command, index) => command === step.commands[index])
      ? step
      : { ...step, commands };
  });
  return changed ? { ...runbook, steps } : runbook;
}

function parameterizeCommand(command: Command, parser: Parser, nameFor: NameFor): Command {
  if (command.placeholders !== undefined) return command;
  if (!SHELL_NAMES.has(commandName(command.interpreter.program))) {
    const placeholders = findPlaceholders(command.script).map((found): PlaceholderUse => ({
      ...found,
      name: nameFor(placeholderParameterName(found.text)),
      binding: { kind: "unbindable", reason: "not_shell" },
    }));
    return placeholders.length === 0 ? command : { ...command, placeholders };
  }
  const rewritten = rewritePlaceholders(parser, command.script, nameFor);
  if (rewritten.placeholders.length === 0) return command;
  return {
    ...command,
    script: rewritten.script,
    writtenScript: command.script,
    placeholders: rewritten.placeholders,
  };
}

/** A placeholder binds to a declared parameter of the same name in any letter case, spelled as declared. */
function declaredSpelling(runbook: Runbook): NameFor {
  const declared = new Map(
    (runbook.frontMatter?.parameters ?? []).map((p) => [p.name.toUpperCase(), p.name]),
  );
  return (canonical) => declared.get(canonical) ?? canonical;
}

/** Parameter names a step's placeholders need, in first-use order. */
export function placeholderNames(step: Pick<Step, "commands">): string[] {
  const names = new Set<string>();
  for (const command of step.commands)
    for (const use of command.placeholders ?? []) names.add(use.name);
  return [...names];
}

/**
 * What the classifier reads for a step: its commands as they run (references to the
 * parameters' variables) and, where every parameter of a command has a value, the same command
 * with the values written in as quoted literals. The verdict is the riskier of the two, so a
 * value that a program would read as an option (`--output=/etc/x`) or as code (a shell
 * wrapper's script) counts. The literal copies are read, never run.
 */
export function classificationCommands(
  step: Pick<Step, "commands">,
  values: Readonly<Record<string, string>>,
): Pick<Command, "language" | "script">[] {
  const commands: Pick<Command, "language" | "script">[] = [...step.commands];
  for (const command of step.commands) {
    const bound = (command.placeholders ?? []).filter((use) => use.binding.kind === "bound");
    if (bound.length === 0 || bound.some((use) => values[use.name] === undefined)) continue;
    commands.push({
      language: command.language,
      script: withLiteralValues(command.script, bound, values),
    });
  }
  return commands;
}
