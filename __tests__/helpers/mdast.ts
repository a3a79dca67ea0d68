// Rendered Markdown (GitHub comments, job summaries) read back by an independent, complete
// Markdown parser: mdast keeps what the runbook reader leaves out (link URLs above all), so the
// tests that check a comment is inert see every node GitHub would.
import type { Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";

/** CommonMark + GFM (but autolink literals) + YAML front matter → mdast, as the runbook reader reads it. */
export function mdastTree(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [
      gfmFootnote(),
      gfmStrikethrough(),
      gfmTable(),
      gfmTaskListItem(),
      frontmatter(["yaml"]),
    ],
    mdastExtensions: [
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
      frontmatterFromMarkdown(["yaml"]),
    ],
  });
}
