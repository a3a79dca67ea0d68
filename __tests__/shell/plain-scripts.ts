import fc from "fast-check";

/**
 * Words near the edge of what `src/shell/plain.ts` reads without parsing: tree-sitter-bash's
 * keywords and operator tokens, assignments, numbers, lone punctuation, wrappers that run
 * their arguments as a script (so inner scripts are read too), and a few words that are not
 * plain at all (quotes, expansions, operators, globs), so scripts on both sides of the line
 * are generated.
 */
const EDGE_WORDS = [
  ...["if", "then", "else", "elif", "fi", "for", "in", "do", "done", "case", "esac", "while"],
  ...["until", "select", "function", "time", "coproc", "declare", "typeset", "export"],
  ...["readonly", "local", "unset", "unsetenv", "eval", "exec", "source", ".", "..", ":"],
  ...["a", "k", "U", "u", "L", "Q", "E", "P", "A", "K", "-a", "-o", "-n", "-z", "-eq", "-"],
  ...["--", "++", "+", "%", "%%", "/", "//", ",", ",,", "=", "==", "=~", "+=", "-=", "@"],
  ...["A=1", "a=", "=b", "x=y=z", "1", "0", "42", "-1", "+1", "0x1F", "1e5", "10#5", "1.5"],
  ...["%1", "@a", "a@b", "a:b", "a,b", "a+b", "a%b", "a/b", "-rf", "--force", "--x=y"],
  ...["sudo", "env", "nice", "nohup", "timeout", "xargs", "watch", "bash", "sh", "-c"],
  ...["ssh", "host", "kubectl", "exec", "pod", "docker", "rm", "ls", "cat", "true"],
  ...["'a b'", '"c d"', "$x", "${y}", "$(z)", "`w`", "~", "*", "?", "[x]", "{a,b}", "!"],
  ...[";", "&&", "||", "|", "&", ">", "<", "2>&1", "#c", "\\", "a\\", "(", ")", "$'q'"],
];

/** Word characters of a plain script. */
const PLAIN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:,=@%+-";

const plainWord = fc
  .array(fc.constantFrom(...PLAIN_CHARS), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(""));

const word = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_WORDS), weight: 3 },
  { arbitrary: plainWord, weight: 4 },
);

const blanks = fc.constantFrom(" ", " ", "  ", "\t", " \t ");

const line = fc
  .tuple(
    fc.constantFrom("", "", " ", "\t"),
    fc.array(fc.tuple(word, blanks), { maxLength: 7 }),
    fc.constantFrom("", "", " ", "\t"),
  )
  .map(
    ([lead, words, trail]) =>
      lead +
      words
        .map(([w, b]) => w + b)
        .join("")
        .trimEnd() +
      trail,
  );

/** Shell scripts of one to four lines, plain or nearly so. */
export const nearlyPlainScript = fc
  .array(line, { minLength: 1, maxLength: 4 })
  .map((lines) => lines.join("\n"));
