import type { ContentType, Event, Token } from "micromark-util-types";

/**
 * micromark's `postprocess` (micromark-util-subtokenize), the same passes over plain arrays.
 *
 * micromark tokenizes a document in levels: flow chunks, then the content in them, then the
 * text in that. Each pass expands every token of the level below the last (all content before
 * any text, so every link definition is known before a reference is read), splicing the child
 * tokenizer's events into a gap buffer and following a table of jumps keyed by index strings;
 * that bookkeeping, not the tokenizing, was most of its CPU time in bench/validate. Here each
 * pass copies the events once into a new array, with the same expansions, the same fix-ups and
 * the same mutations of tokens, in the same order, so the events come out identical (checked
 * against micromark's own on the corpus, the fixtures and generated documents,
 * `__tests__/parse/postprocess.test.ts`).
 */
export function postprocess(events: Event[]): Event[] {
  let current = events;
  // micromark's last pass only finds that nothing is left to do: when a scan shows it would
  // change nothing, its copy of every event is skipped.
  while (!settled(current)) {
    const pass = new Pass(current);
    const done = pass.run();
    current = pass.out;
    if (done) break;
  }
  return current;
}

/**
 * Whether a pass would leave `events` as they are: no token with content to expand (which
 * includes every flow chunk the task list hook looks at) and no container exit after a line
 * ending (which a pass would move or retype).
 */
function settled(events: readonly Event[]): boolean {
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as Event;
    const token = event[1];
    if (event[0] === "enter" ? token.contentType !== undefined : token._container === true) {
      if (event[0] === "enter" || followsLineEnding(events, index)) return false;
    }
  }
  return true;
}

/** Whether the walk back from a container exit (see `moveContainerExit`) meets a line ending. */
function followsLineEnding(events: readonly Event[], at: number): boolean {
  for (let other = at - 1; other >= 0; other--) {
    const event = events[other] as Event;
    const type: string = event[1].type;
    if (type === "lineEnding" || type === "lineEndingBlank") {
      if (event[0] === "enter") return true;
    } else if (type !== "linePrefix" && type !== "listItemIndent") return false;
  }
  return false;
}

/** One pass over the events: what micromark's `subtokenize` does in one call. */
class Pass {
  readonly out: Event[] = [];
  /** Where a linked token's events go: its enter event's index in the input → its events. */
  private readonly linked = new Map<number, Event[]>();
  private expanded = false;

  constructor(private readonly input: readonly Event[]) {}

  /** Runs the pass; true when there was nothing left to expand (micromark's `!more`). */
  run(): boolean {
    const { input, out, linked } = this;
    for (let index = 0; index < input.length; index++) {
      const slice = linked.size === 0 ? undefined : linked.get(index);
      if (slice !== undefined) {
        // A later token of a chain expanded earlier: its enter and exit become its events,
        // and micromark then looks at the last of them (the end of its jump).
        linked.delete(index);
        index++;
        for (const event of slice) out.push(event);
        if (out.length > 0) this.visit(out.length - 1, index);
        continue;
      }
      out.push(input[index] as Event);
      index = this.visit(out.length - 1, index);
    }
    return !this.expanded;
  }

  /**
   * micromark's loop body for the event at `at` in the output (`index` in the input): the GFM
   * task list hook, a token with content to expand, or a container's exit to move before the
   * line endings that end it. Returns the input index to continue after.
   */
  private visit(at: number, index: number): number {
    const { out } = this;
    const event = out[at] as Event;
    const token = event[1];
    if (at > 0 && token.type === "chunkFlow" && out[at - 1]?.[1].type === "listItemPrefix")
      markFirstContentOfListItem(token);
    if (event[0] === "enter") {
      if (token.contentType !== undefined) {
        this.expand(at, index, token.contentType);
        this.expanded = true;
        // The head's enter and exit are replaced; the exit is skipped in the input.
        return index + 1;
      }
    } else if (token._container === true) this.moveContainerExit(at);
    return index;
  }

  /**
   * micromark's `subcontent`: the chain of linked tokens starting at `at` (input `index`)
   * goes through one child tokenizer; its events are cut at each token's line break and each
   * piece replaces that token's enter and exit.
   */
  private expand(at: number, index: number, contentType: ContentType): void {
    const { input, out } = this;
    const event = out[at] as Event;
    const token = event[1];
    const context = event[2];
    let tokenizer = token._tokenizer;
    if (tokenizer === undefined) {
      tokenizer = context.parser[contentType](token.start);
      if (token._contentTypeTextTrailing === true) tokenizer._contentTypeTextTrailing = true;
    }
    const childEvents = tokenizer.events;
    const positions: number[] = [];
    let position = index - 1;
    let previous: Token | undefined;
    for (let current: Token | undefined = token; current !== undefined;) {
      while ((input[++position] as Event)[1] !== current) {
        // Find the position of this token's enter event.
      }
      positions.push(position);
      if (current._tokenizer === undefined) {
        const stream = context.sliceStream(current);
        if (current.next === undefined) stream.push(null);
        if (previous !== undefined) tokenizer.defineSkip(current.start);
        if (current._isInFirstContentOfListItem === true)
          tokenizer._gfmTasklistFirstContentOfListItem = true;
        tokenizer.write(stream);
        if (current._isInFirstContentOfListItem === true)
          tokenizer._gfmTasklistFirstContentOfListItem = undefined;
      }
      previous = current;
      current = current.next;
    }

    const breaks = [0];
    let current: Token | undefined = token;
    for (let child = 0; child < childEvents.length; child++) {
      const exit = childEvents[child] as Event;
      const enter = childEvents[child - 1];
      // A void token that includes a line break ends one linked token's part.
      if (
        exit[0] === "exit" &&
        enter?.[0] === "enter" &&
        exit[1].type === enter[1].type &&
        exit[1].start.line !== exit[1].end.line
      ) {
        breaks.push(child + 1);
        if (current !== undefined) {
          current._tokenizer = undefined;
          current.previous = undefined;
          current = current.next;
        }
      }
    }
    tokenizer.events = [];
    if (current !== undefined) {
      current._tokenizer = undefined;
      current.previous = undefined;
    } else breaks.pop();

    // Piece i replaces the i-th token from the end of the chain, as micromark pairs them.
    for (let piece = breaks.length - 1; piece >= 0; piece--) {
      const slice = childEvents.slice(breaks[piece], breaks[piece + 1]);
      const start = positions.pop();
      if (start === undefined) break;
      if (start === index) {
        out.length = at;
        for (const child of slice) out.push(child);
      } else this.linked.set(start, slice);
    }
  }

  /**
   * A container's exit goes before the line endings (and their prefixes) that precede it, and
   * only the first of those stays a line ending; the others are blank (micromark's fix-up).
   */
  private moveContainerExit(at: number): void {
    const { out } = this;
    let lineIndex: number | undefined;
    for (let other = at - 1; other >= 0; other--) {
      const otherEvent = out[other] as Event;
      const type: string = otherEvent[1].type;
      if (type === "lineEnding" || type === "lineEndingBlank") {
        if (otherEvent[0] === "enter") {
          if (lineIndex) (out[lineIndex] as Event)[1].type = "lineEndingBlank";
          otherEvent[1].type = "lineEnding";
          lineIndex = other;
        }
      } else if (type !== "linePrefix" && type !== "listItemIndent") break;
    }
    if (!lineIndex) return;
    const exit = out[at] as Event;
    exit[1].end = { ...(out[lineIndex] as Event)[1].start };
    const moved = out.slice(lineIndex, at);
    out.length = lineIndex;
    out.push(exit);
    // One push each: a spread of 100,000 blank lines' events would overflow the call stack.
    for (const event of moved) out.push(event);
  }
}

/**
 * GFM task lists need to know which text is in the first content of a list item: micromark
 * marks the text chunks of that content when it meets the item's first flow chunk.
 */
function markFirstContentOfListItem(chunk: Token): void {
  const subevents = chunk._tokenizer?.events ?? [];
  let other = 0;
  if (other < subevents.length && subevents[other]?.[1].type === "lineEndingBlank") other += 2;
  if (other >= subevents.length || subevents[other]?.[1].type !== "content") return;
  while (++other < subevents.length) {
    const token = (subevents[other] as Event)[1];
    if (token.type === "content") break;
    if (token.type === "chunkText") {
      token._isInFirstContentOfListItem = true;
      other++;
    }
  }
}
