/**
 * The candidate closest to `word` (case-insensitive), if it is close enough to be a likely
 * typo: at most a third of the word's length in edits, and never more than 3.
 */
export declare function closest(word: string, candidates: readonly string[]): string | undefined;
