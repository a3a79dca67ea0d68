import type { Runbook, StepMode } from "../core/runbook.js";
import { type InterpreterOptions } from "./interpreters.js";
import type { RunbookSource } from "./read.js";
/** Parser options; they come from the configuration. */
export interface ParseOptions extends InterpreterOptions {
    /** Treat a step's first inline code span as its command when it has no fence. */
    readonly inlineCodeCommands: boolean;
    /** `fences`: without numbered steps, every executable fence is a step (front matter `steps:` wins). */
    readonly stepMode?: StepMode;
}
/** Parses a runbook's text into steps, commands and everything lint needs. Pure. */
export declare function parseRunbook(source: RunbookSource, options: ParseOptions): Runbook;
