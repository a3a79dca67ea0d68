import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The corpora from outside the project (../shared/corpus beside the clone), read in place:
 * never copied into the repository, never executed.
 */
export const CORPUS_DIR = path.resolve(import.meta.dirname, "../../../shared/corpus");
export const CORPUS_RUNBOOKS_DIR = path.join(CORPUS_DIR, "runbooks");

const present = existsSync(CORPUS_DIR);

/**
 * Whether to skip tests over the corpus (`describe.skipIf(skipCorpus)`). CI always has the
 * corpus and must run them, so a missing corpus fails loudly there; a clone without ../shared
 * skips them instead of failing.
 */
export const skipCorpus = !present && process.env["CI"] !== "true";

/** Every runbook of the corpus (`.md` and `.md.erb`), sorted; none when the corpus is absent. */
export function corpusRunbooks(): string[] {
  if (!present) return [];
  return readdirSync(CORPUS_RUNBOOKS_DIR, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.md(\.erb)?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
