import type { Event } from "micromark-util-types";
import type { MarkdownNode } from "./markdown-node.js";
/** Turns micromark's events into the Markdown tree the runbook parser walks. */
export declare function compileEvents(events: readonly Event[]): MarkdownNode;
