import type { Event } from "micromark-util-types";
import type { MarkdownNode } from "./markdown-node.js";
/** Normalises line endings and a leading BOM so positions match what editors show. */
export declare function normaliseText(text: string): string;
/**
 * micromark's events for `text` as the document tokenizer leaves them: the content of flow
 * chunks, paragraphs and the like is not expanded yet (see postprocess.ts).
 */
export declare function documentEvents(text: string): Event[];
/**
 * CommonMark + GFM (but autolink literals) + YAML front matter → a tree with mdast's shape,
 * read straight from micromark's events (see compile-events.ts), with block positions.
 */
export declare function markdownTree(text: string): MarkdownNode;
