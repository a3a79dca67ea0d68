/**
 * Parsing rule 13: hostile input is bounded. A linear pre-scan, run before the Markdown parser,
 * refuses the shapes whose parsing cost grows faster than the text (micromark's container and
 * emphasis resolution are quadratic or worse in them) or whose tree is too deep to walk. It does
 * not track fences on purpose: a fence the scan believed open could hide a paragraph the parser
 * reads, so every line counts.
 */

/** `max_file_bytes` unless configured: 5 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Container markers (`>`, list items) on one line, plus indentation, beyond which a file is refused. */
export const MAX_NESTING = 100;
/** Lines that open a block quote or list item, beyond which a file is refused. */
export const MAX_CONTAINER_LINES = 2_000;
/**
 * Emphasis and strikethrough delimiter characters: the sum over paragraphs (blank-line
 * separated blocks) of the square of each one's count, i.e. one block of 4,000 of them.
 */
export const MAX_DELIMITER_WORK = 4_000 ** 2;
/** Link and image label openers (`[`), budgeted the same way: one block of 2,000. */
export const MAX_LABEL_WORK = 2_000 ** 2;
/** `<` (autolinks and inline HTML are tried at each), budgeted the same way: one block of 50,000. */
export const MAX_ANGLE_WORK = 50_000 ** 2;
/** Image openers (`![`), budgeted the same way: one block of 300 (nested images cost more). */
export const MAX_IMAGE_WORK = 300 ** 2;

/** Why a file is not parsed, at the line where the limit was crossed. */
export interface InputLimit {
  readonly line: number;
  readonly message: string;
  readonly fix: string;
}

/** The first limit `text` (already normalised to `\n` line ends) crosses, or `undefined`. */
export function checkInputLimits(text: string): InputLimit | undefined {
  let containerLines = 0;
  let delimiterWork = 0;
  let blockDelimiters = 0;
  let imageWork = 0;
  let blockImages = 0;
  let labelWork = 0;
  let blockLabels = 0;
  let angleWork = 0;
  let blockAngles = 0;
  let blockStart = 1;
  let line = 1;
  for (let start = 0; start <= text.length; line++) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const prefix = containerPrefix(text, start, end);
    if (prefix.markers > 0) {
      const depth = prefix.markers + Math.floor(prefix.indent / 2);
      if (depth > MAX_NESTING) return nestingLimit(line, depth);
      containerLines += 1;
      if (containerLines > MAX_CONTAINER_LINES) return containerLimit(line);
    }
    if (prefix.blank) {
      delimiterWork += blockDelimiters * blockDelimiters;
      imageWork += blockImages * blockImages;
      labelWork += blockLabels * blockLabels;
      angleWork += blockAngles * blockAngles;
      blockLabels = 0;
      blockAngles = 0;
      blockDelimiters = 0;
      blockImages = 0;
      blockStart = line + 1;
    } else {
      const inline = inlineMarks(text, start, end);
      blockDelimiters += inline.delimiters;
      blockImages += inline.images;
      blockLabels += inline.labels;
      blockAngles += inline.angles;
    }
    if (delimiterWork + blockDelimiters * blockDelimiters > MAX_DELIMITER_WORK) {
      return inlineLimit(
        blockStart,
        `${blockDelimiters} emphasis or strikethrough markers (\`*\`, \`_\`, \`~\`)`,
      );
    }
    if (angleWork + blockAngles * blockAngles > MAX_ANGLE_WORK) {
      return inlineLimit(blockStart, `${blockAngles} \`<\` characters`);
    }
    if (labelWork + blockLabels * blockLabels > MAX_LABEL_WORK) {
      return inlineLimit(blockStart, `${blockLabels} link or image openers (\`[\`)`);
    }
    if (imageWork + blockImages * blockImages > MAX_IMAGE_WORK) {
      return inlineLimit(blockStart, `${blockImages} image openers (\`![\`)`);
    }
    start = end + 1;
  }
  return undefined;
}

interface Prefix {
  /** `>` and list markers at the start of the line, one after another. */
  readonly markers: number;
  /** Columns of whitespace before and between them. */
  readonly indent: number;
  readonly blank: boolean;
}

/** Reads the run of container markers a line starts with (an over-estimate: no context). */
function containerPrefix(text: string, start: number, end: number): Prefix {
  let at = start;
  let markers = 0;
  let indent = 0;
  for (;;) {
    while (at < end && (text[at] === " " || text[at] === "\t")) {
      indent += text[at] === "\t" ? 4 : 1;
      at++;
    }
    if (at >= end) break;
    if (text[at] === ">") {
      markers++;
      at++;
      continue;
    }
    const after = listMarkerEnd(text, at, end);
    if (after === undefined) break;
    markers++;
    at = after;
  }
  return { markers, indent, blank: at >= end && markers === 0 };
}

/** End of a list marker (`-`, `+`, `*`, `1.`, `1)`) followed by a space, tab or line end. */
function listMarkerEnd(text: string, at: number, end: number): number | undefined {
  let next = at;
  const char = text[at];
  if (char === "-" || char === "+" || char === "*") next = at + 1;
  else {
    while (next < end && next - at < 9 && isDigit(text.charCodeAt(next))) next++;
    if (next === at || (text[next] !== "." && text[next] !== ")")) return undefined;
    next++;
  }
  return next >= end || text[next] === " " || text[next] === "\t" ? next : undefined;
}

/** `*`, `_` and `~` (emphasis and strikethrough delimiters), `<`, `[` and `![` in a line. */
function inlineMarks(
  text: string,
  start: number,
  end: number,
): { delimiters: number; images: number; labels: number; angles: number } {
  let delimiters = 0;
  let images = 0;
  let labels = 0;
  let angles = 0;
  let previous = "";
  for (let at = start; at < end; at++) {
    const char = text[at] ?? "";
    // Every character counts, not every run: a run of n `*` can close n/2 nested emphases.
    if (char === "*" || char === "_" || char === "~") delimiters++;
    else if (char === "<") angles++;
    else if (char === "[") {
      labels++;
      if (previous === "!") images++;
    }
    previous = char;
  }
  return { delimiters, images, labels, angles };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function nestingLimit(line: number, depth: number): InputLimit {
  return {
    line,
    message: `Unexpected nesting ${depth} levels deep (block quotes and list items), expected at most ${MAX_NESTING}; the file is not parsed`,
    fix: "Flatten the nesting: a runbook step needs one ordered list, not hundreds of levels",
  };
}

function containerLimit(line: number): InputLimit {
  return {
    line,
    message: `Unexpected ${MAX_CONTAINER_LINES + 1}th list item or block quote line, expected at most ${MAX_CONTAINER_LINES} in one file; the file is not parsed`,
    fix: "Split the runbook into several files",
  };
}

function inlineLimit(line: number, what: string): InputLimit {
  return {
    line,
    message: `Unexpected ${what} in the paragraph from here, over the file's budget; the file is not parsed`,
    fix: "Split the paragraph with blank lines, or shorten it",
  };
}
