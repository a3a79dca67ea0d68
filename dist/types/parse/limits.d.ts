/**
 * Parsing rule 13: hostile input is bounded. A linear pre-scan, run before the Markdown parser,
 * refuses the shapes whose parsing cost grows faster than the text (micromark's container and
 * emphasis resolution are quadratic or worse in them) or whose tree is too deep to walk. It does
 * not track fences on purpose: a fence the scan believed open could hide a paragraph the parser
 * reads, so every line counts.
 */
/** `max_file_bytes` unless configured: 5 MiB. */
export declare const DEFAULT_MAX_FILE_BYTES: number;
/** Container markers (`>`, list items) on one line, plus indentation, beyond which a file is refused. */
export declare const MAX_NESTING = 100;
/** Lines that open a block quote or list item, beyond which a file is refused. */
export declare const MAX_CONTAINER_LINES = 2000;
/**
 * Emphasis and strikethrough delimiter characters: the sum over paragraphs (blank-line
 * separated blocks) of the square of each one's count, i.e. one block of 4,000 of them.
 */
export declare const MAX_DELIMITER_WORK: number;
/** Link and image label openers (`[`), budgeted the same way: one block of 2,000. */
export declare const MAX_LABEL_WORK: number;
/** `<` (autolinks and inline HTML are tried at each), budgeted the same way: one block of 50,000. */
export declare const MAX_ANGLE_WORK: number;
/** Image openers (`![`), budgeted the same way: one block of 300 (nested images cost more). */
export declare const MAX_IMAGE_WORK: number;
/** Why a file is not parsed, at the line where the limit was crossed. */
export interface InputLimit {
    readonly line: number;
    readonly message: string;
    readonly fix: string;
}
/** The first limit `text` (already normalised to `\n` line ends) crosses, or `undefined`. */
export declare function checkInputLimits(text: string): InputLimit | undefined;
