/** A string literal found in code: its quote character and its text between the quotes. */
export interface StringLiteral {
    readonly quote: "'" | '"' | "`";
    readonly value: string;
}
/**
 * The literals `'…'` and `"…"` (one line, backslash escapes) and `` `…` `` (any lines) in
 * `text`, left to right, as the regex `'((?:[^'\\\n]|\\.)*)'|"…"|`([^`]*)`` with the `g` flag
 * finds them, but in linear time: that regex rescans to the end of the line from every
 * unclosed quote (`\'\'\'…`). A quote whose scan found no end is not tried again before the
 * place where that scan stopped, since a later start would stop there too.
 */
export declare function stringLiterals(text: string): StringLiteral[];
