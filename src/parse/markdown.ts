import { parse, preprocess } from "micromark";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import type { Event } from "micromark-util-types";
import { compileEvents } from "./compile-events.js";
import type { MarkdownNode } from "./markdown-node.js";
import { postprocess } from "./postprocess.js";

/** Normalises line endings and a leading BOM so positions match what editors show. */
export function normaliseText(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return withoutBom.replace(/\r\n?/g, "\n");
}

// GFM is assembled from its parts, leaving out autolink literals: they only turn a bare URL
// into a link whose text is that same URL, which changes nothing the parser reports, and they
// cost about a quarter of all parsing time (bench/validate).
const MICROMARK_EXTENSIONS = [
  gfmFootnote(),
  gfmStrikethrough(),
  gfmTable(),
  gfmTaskListItem(),
  frontmatter(["yaml"]),
];
/**
 * micromark's events for `text` as the document tokenizer leaves them: the content of flow
 * chunks, paragraphs and the like is not expanded yet (see postprocess.ts).
 */
export function documentEvents(text: string): Event[] {
  return parse({ extensions: MICROMARK_EXTENSIONS })
    .document()
    .write(preprocess()(text, undefined, true));
}

/**
 * CommonMark + GFM (but autolink literals) + YAML front matter → a tree with mdast's shape,
 * read straight from micromark's events (see compile-events.ts), with block positions.
 */
export function markdownTree(text: string): MarkdownNode {
  return compileEvents(postprocess(documentEvents(text)));
}
