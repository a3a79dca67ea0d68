import type { Parser } from "web-tree-sitter";
import type { Command, Runbook, Step } from "../core/runbook.js";
/**
 * Design rule 12: every placeholder in a shell command becomes a quoted reference to its
 * parameter's environment variable, so the step is classified, hashed, shown and run as it
 * will be once bound. Placeholders in other languages are reported unbindable. Pure given the
 * parser; a runbook without placeholders comes back unchanged.
 */
export declare function parameterizeRunbook(runbook: Runbook, parser: Parser): Runbook;
/** Parameter names a step's placeholders need, in first-use order. */
export declare function placeholderNames(step: Pick<Step, "commands">): string[];
/**
 * What the classifier reads for a step: its commands as they run (references to the
 * parameters' variables) and, where every parameter of a command has a value, the same command
 * with the values written in as quoted literals. The verdict is the riskier of the two, so a
 * value that a program would read as an option (`--output=/etc/x`) or as code (a shell
 * wrapper's script) counts. The literal copies are read, never run.
 */
export declare function classificationCommands(step: Pick<Step, "commands">, values: Readonly<Record<string, string>>): Pick<Command, "language" | "script">[];
