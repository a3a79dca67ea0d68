import type { Event } from "micromark-util-types";
/**
 * micromark has no list item token: like mdast-util-from-markdown, which the reader replaced,
 * we insert `listItem` enter and exit events around each item, so items (and their end lines)
 * come out exactly as they did. Each list is prepared when it closes, while it is last.
 */
export declare function withListItems(events: readonly Event[]): Event[];
