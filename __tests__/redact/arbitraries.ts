import fc from "fast-check";

/**
 * One of `values` with up to three of `breaks` put inside it, as a step may print a secret
 * wrapped over lines.
 */
export function wrappedValue(
  values: readonly string[],
  breaks: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...values), fc.array(fc.nat(), { maxLength: 3 }), breaks)
    .map(([value, cuts, lineBreak]) => {
      let out = value;
      for (const cut of cuts) {
        const at = 1 + (cut % (out.length - 1));
        out = `${out.slice(0, at)}${lineBreak}${out.slice(at)}`;
      }
      return out;
    });
}
