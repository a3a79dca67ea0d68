import type { Parser } from "web-tree-sitter";
import { RunbookExecError } from "../core/errors.js";
import type { Config } from "../config/types.js";
import { parseRunbook, readRunbookFile, type RunbookSource } from "../parse/index.js";
import { assessWithRules, type RuleAssessment } from "./assess.js";

/** One file's outcome: its assessment, or why it could not be read. */
export type FileAssessment =
  | { readonly assessment: RuleAssessment; readonly error?: undefined }
  | { readonly assessment?: undefined; readonly error: RunbookExecError };

/**
 * Files being read while earlier ones are parsed. Reading one at a time left the thread idle
 * for a sixth of a thousand-file validation (bench/validate); a small window keeps memory flat.
 */
const READ_AHEAD = 16;

/** Reads, parses, lints and rule-classifies files in order, in this thread. */
export async function assessFiles(
  files: readonly string[],
  parser: Parser,
  config: Config,
  deadline: number = Infinity,
): Promise<FileAssessment[]> {
  const reads: Promise<RunbookSource>[] = [];
  const startRead = (index: number): void => {
    const file = files[index];
    if (file === undefined) return;
    const read = readRunbookFile(file, { maxBytes: config.maxFileBytes });
    read.catch(() => undefined); // handled when its turn comes; never an unhandled rejection
    reads.push(read);
  };
  for (let index = 0; index < READ_AHEAD; index++) startRead(index);

  const outcomes: FileAssessment[] = [];
  for (let index = 0; index < files.length; index++) {
    if (performance.now() > deadline) {
      outcomes.push(...files.slice(index).map((file) => ({ error: skipped(file) })));
      break;
    }
    startRead(index + READ_AHEAD);
    try {
      const runbook = parseRunbook(await (reads[index] as Promise<RunbookSource>), config);
      outcomes.push({ assessment: assessWithRules(runbook, parser, config) });
    } catch (error) {
      if (!(error instanceof RunbookExecError)) throw error;
      outcomes.push({ error });
    }
  }
  return outcomes;
}

/** A file the validation budget ran out before: an error, so a check never passes it unread. */
function skipped(file: string): RunbookExecError {
  return new RunbookExecError(
    "INPUT_SKIPPED",
    "not validated: the validation time budget ran out first; validate fewer files at once",
    { file },
  );
}
