import type { Root } from "mdast";
/** Normalises line endings and a leading BOM so positions match what editors show. */
export declare function normaliseText(text: string): string;
/** CommonMark + GFM (but autolink literals) + YAML front matter → mdast, with positions. */
export declare function markdownTree(text: string): Root;
