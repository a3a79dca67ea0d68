/**
 * Pattern tests that run in time linear in the text. A regex such as `open\s*\([^)]*'w` is
 * quadratic on `open(open(open(…` (every start scans to the end before failing), and the texts
 * here are untrusted scripts; these helpers answer the same questions in one pass.
 */

/** Finds a dangerous construct in a text: what was found, or `undefined`. */
export type Detector = (text: string) => string | undefined;

/** The first match of a regex (which must itself be linear: no unbounded span before a literal). */
export function matching(pattern: RegExp): Detector {
  return (text) => pattern.exec(text)?.[0];
}

/** The first thing any of `detectors` finds, in their order. */
export function anyOf(...detectors: readonly Detector[]): Detector {
  return (text) => {
    for (const detect of detectors) {
      const found = detect(text);
      if (found !== undefined) return found;
    }
    return undefined;
  };
}

/**
 * `lead`, then `then` before the next of the `stops` characters: what `lead[^stops]*then`
 * matches, without rescanning the span for every lead. Both regexes need the `g` flag, and
 * `then` must not match a stop character.
 */
export function leadThen(lead: RegExp, stops: string, then: RegExp): Detector {
  return (text) => {
    const thens = [...text.matchAll(then)];
    if (thens.length === 0) return undefined;
    let next = 0;
    let stopAt = -1;
    for (const found of text.matchAll(lead)) {
      const from = found.index + found[0].length;
      while ((thens[next]?.index ?? Infinity) < from) next++;
      const candidate = thens[next];
      if (candidate === undefined) return undefined;
      if (stopAt < from) stopAt = nextStop(text, from, stops);
      if (candidate.index < stopAt) {
        const gap = candidate.index > from ? "…" : "";
        return `${found[0]}${gap}${candidate[0]}`;
      }
    }
    return undefined;
  };
}

/** Index of the first of `stops` at or after `from`, or the text's length. */
function nextStop(text: string, from: number, stops: string): number {
  for (let at = from; at < text.length; at++) if (stops.includes(text[at] ?? "")) return at;
  return text.length;
}
