import type { Event, Token } from "micromark-util-types";

/**
 * micromark has no list item token: like mdast-util-from-markdown, which the reader replaced,
 * we insert `listItem` enter and exit events around each item, so items (and their end lines)
 * come out exactly as they did. Each list is prepared when it closes, while it is last.
 */
export function withListItems(events: readonly Event[]): Event[] {
  const prepared: Event[] = [];
  const lists: number[] = [];
  for (const event of events) {
    prepared.push(event);
    const type: string = event[1].type;
    if (type !== "listOrdered" && type !== "listUnordered") continue;
    if (event[0] === "enter") lists.push(prepared.length - 1);
    else prepareList(prepared, lists.pop() ?? 0);
  }
  return prepared;
}

/** Tokens at the start of an item's lines that do not end its previous line's content. */
const LINE_PREFIXES: ReadonlySet<string> = new Set([
  "linePrefix",
  "blockQuotePrefix",
  "blockQuotePrefixWhitespace",
  "blockQuoteMarker",
  "listItemIndent",
]);

/**
 * A port of mdast-util-from-markdown's `prepareList` (the same walk and line-ending fix-ups),
 * without what only mdast reads (whether a list is spread).
 */
function prepareList(events: Event[], start: number): void {
  const end = events.length - 1;
  let containerBalance = -1;
  let listItem: Token | undefined;
  const insertions: { at: number; event: Event }[] = [];
  for (let index = start; index <= end; index++) {
    const event = events[index] as Event;
    const type: string = event[1].type;
    if (type === "listUnordered" || type === "listOrdered" || type === "blockQuote")
      containerBalance += event[0] === "enter" ? 1 : -1;
    const opensItem = !containerBalance && event[0] === "enter" && type === "listItemPrefix";
    const closesList =
      containerBalance === -1 &&
      event[0] === "exit" &&
      (type === "listUnordered" || type === "listOrdered");
    if (!opensItem && !closesList) continue;
    if (listItem) {
      const lineIndex = lastLineEnding(events, index);
      listItem.end = { ...(lineIndex ? (events[lineIndex] as Event)[1].start : event[1].end) };
      insertions.push({ at: lineIndex || index, event: ["exit", listItem, event[2]] });
    }
    if (type === "listItemPrefix") {
      // A token type micromark does not know; only this reader sees it.
      const item = { type: "listItem", start: { ...event[1].start }, end: event[1].end };
      listItem = item as unknown as Token;
      insertions.push({ at: index, event: ["enter", listItem, event[2]] });
    }
  }
  const listEvents = events.splice(start);
  let insertion = 0;
  for (let index = 0; index < listEvents.length; index++) {
    for (let next = insertions[insertion]; next?.at === start + index;) {
      events.push(next.event);
      next = insertions[++insertion];
    }
    events.push(listEvents[index] as Event);
  }
}

/**
 * Walking back from `index` over line endings and line prefixes: the first line ending of the
 * run, where the item ends (the others become blank line endings), or `undefined`.
 */
function lastLineEnding(events: readonly Event[], index: number): number | undefined {
  let lineIndex: number | undefined;
  for (let tailIndex = index - 1; tailIndex >= 0; tailIndex--) {
    const tailEvent = events[tailIndex] as Event;
    const type: string = tailEvent[1].type;
    if (type === "lineEnding" || type === "lineEndingBlank") {
      if (tailEvent[0] === "exit") continue;
      if (lineIndex) (events[lineIndex] as Event)[1].type = "lineEndingBlank";
      tailEvent[1].type = "lineEnding";
      lineIndex = tailIndex;
    } else if (!LINE_PREFIXES.has(type)) break;
  }
  return lineIndex;
}
