import type { Parser } from "web-tree-sitter";
import { RunbookExecError } from "../core/errors.js";
import type { Config } from "../config/types.js";
import { parseRunbook, readRunbookFileSync } from "../parse/index.js";
import { assessWithRules, type RuleAssessment } from "./assess.js";

/** One file's outcome: its assessment, or why it could not be read. */
export type FileAssessment =
  | { readonly assessment: RuleAssessment; readonly error?: undefined }
  | { readonly assessment?: undefined; readonly error: RunbookExecError };

/**
 * Reads, parses, lints and rule-classifies files in order, in this thread. Files are read
 * synchronously, one at a time: the work is CPU-bound, and a synchronous read costs less CPU
 * than an asynchronous one (bench/validate); memory stays flat.
 */
export function assessFiles(
  files: readonly string[],
  parser: Parser,
  config: Config,
  deadline: number = Infinity,
): FileAssessment[] {
  const outcomes: FileAssessment[] = [];
  for (const [index, file] of files.entries()) {
    if (performance.now() > deadline) {
      outcomes.push(...files.slice(index).map((skippedFile) => ({ error: skipped(skippedFile) })));
      break;
    }
    outcomes.push(assessFile(file, parser, config));
  }
  return outcomes;
}

function assessFile(file: string, parser: Parser, config: Config): FileAssessment {
  try {
    const runbook = parseRunbook(
      readRunbookFileSync(file, { maxBytes: config.maxFileBytes }),
      config,
    );
    return { assessment: assessWithRules(runbook, parser, config) };
  } catch (error) {
    if (!(error instanceof RunbookExecError)) throw error;
    return { error };
  }
}

/** A file the validation budget ran out before: an error, so a check never passes it unread. */
function skipped(file: string): RunbookExecError {
  return new RunbookExecError(
    "INPUT_SKIPPED",
    "not validated: the validation time budget ran out first; validate fewer files at once",
    { file },
  );
}
