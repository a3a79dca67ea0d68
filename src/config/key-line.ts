const SEGMENT = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*/;
const HEADER = /^\s*\[\[?([^\]]*)\]\]?\s*(?:#.*)?$/;
// Segments joined by dots with optional spaces around them; spaces are not part of a bare
// segment, so there is one way to match and no backtracking over long runs of spaces.
const ASSIGNMENT =
  /^\s*((?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=/;

/** Splits a TOML key such as `rules."RB001"` or `a.b` into its segments; `undefined` if malformed. */
function splitKey(key: string): string[] | undefined {
  const segments: string[] = [];
  let rest = key;
  for (;;) {
    const match = SEGMENT.exec(rest);
    if (match === null) return undefined;
    segments.push(match[1] ?? match[2] ?? match[3] ?? "");
    rest = rest.slice(match[0].length);
    if (rest === "") return segments;
    if (!rest.startsWith(".")) return undefined;
    rest = rest.slice(1);
  }
}

function commonPrefix(a: readonly string[], b: readonly (string | number)[]): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === String(b[n])) n += 1;
  return n;
}

/**
 * The 1-based line where `path` (e.g. `["rules", "RB999"]`) is defined in TOML `source`:
 * the exact key if it is written out, else the closest enclosing key or table header
 * (an array element is reported at its array's key). `undefined` when nothing matches.
 */
export function findKeyLine(
  source: string,
  path: readonly (string | number)[],
): number | undefined {
  let table: string[] = [];
  let best: { line: number; depth: number } | undefined;
  const lines = source.split(/\r?\n/);
  for (const [i, text] of lines.entries()) {
    const header = HEADER.exec(text);
    let full: string[] | undefined;
    if (header !== null) {
      full = splitKey(header[1] ?? "");
      table = full ?? [];
    } else {
      const assignment = ASSIGNMENT.exec(text);
      const key = assignment === null ? undefined : splitKey(assignment[1] ?? "");
      full = key === undefined ? undefined : [...table, ...key];
    }
    if (full === undefined) continue;
    const depth = commonPrefix(full, path);
    // Only keys that lie on the path count: a sibling such as `[rules]` vs `["interpreters"]` does not.
    if (depth === 0 || depth < full.length) continue;
    if (best === undefined || depth > best.depth) best = { line: i + 1, depth };
    if (depth === path.length) return i + 1;
  }
  return best?.line;
}
