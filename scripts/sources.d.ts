// Types of scripts/sources.js (plain JavaScript, so that `node scripts/bundle.js` runs it).

/** The record's name inside a dist/ folder. */
export const SOURCES_FILE: string;

/** What a build reads besides src/, relative to the project folder. */
export const BUILD_FILES: readonly string[];

/** The inputs of a build, relative to `root` with `/` separators, sorted. */
export function buildInputs(root: string): string[];

/** The record of the inputs as they are now under `root`. */
export function sourcesRecord(root: string): string;

/** The inputs that differ between `record` and the files under `root` now, sorted. */
export function changedSources(root: string, record: string): string[];
