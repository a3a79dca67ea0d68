import type { Event } from "micromark-util-types";
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
export declare function postprocess(events: Event[]): Event[];
