/**
 * Pattern tests that run in time linear in the text. A regex such as `open\s*\([^)]*'w` is
 * quadratic on `open(open(open(…` (every start scans to the end before failing), and the texts
 * here are untrusted scripts; these helpers answer the same questions in one pass.
 */
/** Finds a dangerous construct in a text: what was found, or `undefined`. */
export type Detector = (text: string) => string | undefined;
/** The first match of a regex (which must itself be linear: no unbounded span before a literal). */
export declare function matching(pattern: RegExp): Detector;
/** The first thing any of `detectors` finds, in their order. */
export declare function anyOf(...detectors: readonly Detector[]): Detector;
/**
 * `lead`, then `then` before the next of the `stops` characters: what `lead[^stops]*then`
 * matches, without rescanning the span for every lead. Both regexes need the `g` flag, and
 * `then` must not match a stop character.
 */
export declare function leadThen(lead: RegExp, stops: string, then: RegExp): Detector;
