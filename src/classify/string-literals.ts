/** A string literal found in code: its quote character and its text between the quotes. */
export interface StringLiteral {
  readonly quote: "'" | '"' | "`";
  readonly value: string;
}

const QUOTES = ["'", '"', "`"] as const;

/**
 * The literals `'…'` and `"…"` (one line, backslash escapes) and `` `…` `` (any lines) in
 * `text`, left to right, as the regex `'((?:[^'\\\n]|\\.)*)'|"…"|`([^`]*)`` with the `g` flag
 * finds them, but in linear time: that regex rescans to the end of the line from every
 * unclosed quote (`\'\'\'…`). A quote whose scan found no end is not tried again before the
 * place where that scan stopped, since a later start would stop there too.
 */
export function stringLiterals(text: string): StringLiteral[] {
  const found: StringLiteral[] = [];
  const failedBefore: Record<StringLiteral["quote"], number> = { "'": -1, '"': -1, "`": -1 };
  let at = 0;
  while (at < text.length) {
    const quote = QUOTES.find((q) => q === text[at]);
    if (quote === undefined || at < failedBefore[quote]) {
      at++;
      continue;
    }
    const end = closingQuote(text, at, quote);
    if (end.closed) {
      found.push({ quote, value: text.slice(at + 1, end.at) });
      at = end.at + 1;
    } else {
      failedBefore[quote] = end.at;
      at++;
    }
  }
  return found;
}

/** Where the literal opened at `start` closes, or where its scan gave up (line end, text end). */
function closingQuote(
  text: string,
  start: number,
  quote: StringLiteral["quote"],
): { closed: boolean; at: number } {
  for (let at = start + 1; at < text.length; at++) {
    const char = text[at];
    if (char === quote) return { closed: true, at };
    if (quote === "`") continue;
    if (char === "\n") return { closed: false, at };
    if (char === "\\") {
      // An escape takes the next character, unless that is a line end (which ends the scan).
      if (text[at + 1] === "\n") return { closed: false, at: at + 1 };
      at++;
    }
  }
  return { closed: false, at: text.length };
}
