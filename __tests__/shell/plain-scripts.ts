import fc from "fast-check";

/**
 * Words near the edge of what `src/shell/plain.ts` reads without parsing: tree-sitter-bash's
 * keywords and operator tokens, assignments, numbers, lone punctuation, wrappers that run
 * their arguments as a script (so inner scripts are read too), quoted strings with and
 * without special characters inside, the operators a plain script may hold and others, and
 * words that are not plain at all (expansions, globs, redirects), so scripts on both sides
 * of the line are generated.
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
  ...["'a b'", '"c d"', "''", '""', "'*'", '"a;b"', "'{{.Names}}'", '"x\'y"', "'a\"b'", '"(*)"'],
  ...['"<>"', '"!x"', '"a#b"', '"a|b"', "'x==y'", "'=='", '"if"', "'$x'", '"-"', "' '"],
  ...["$x", "${y}", "$(z)", "`w`", "~", "*", "?", "[x]", "{a,b}", "!", '"$x"', '"a\\b"'],
  ...[";", "&&", "||", "|", "&", "|&", ";;", "&&&", ">", "<", "2>&1", "#c", "\\", "a\\"],
  ...["(", ")", "$'q'", "'", '"'],
];

/** Word characters of a plain script. */
const PLAIN_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./:,=@%+*?-";

const plainWord = fc
  .array(fc.constantFrom(...PLAIN_CHARS), { minLength: 1, maxLength: 8 })
  .map((chars) => chars.join(""));

/** Characters inside generated quoted strings: punctuation bash treats specially outside quotes. */
const QUOTED_CHARS = "ab01 -_.=*?()[]{}<>|&;!#~%@:,+/'\"$`\\\t";

const quotedString = fc
  .tuple(fc.constantFrom("'", '"'), fc.array(fc.constantFrom(...QUOTED_CHARS), { maxLength: 8 }))
  .map(([quote, chars]) => quote + chars.join("") + quote);

const word = fc.oneof(
  { arbitrary: fc.constantFrom(...EDGE_WORDS), weight: 3 },
  { arbitrary: plainWord, weight: 4 },
  { arbitrary: quotedString, weight: 2 },
);

/** Mostly blanks; sometimes nothing, so words, quotes and operators touch (`a|b`, `a'b'`). */
const blanks = fc.constantFrom(" ", " ", " ", "  ", "\t", " \t ", "");

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

const command = fc
  .tuple(plainWord, fc.array(fc.tuple(blanks, word), { maxLength: 4 }))
  .map(([name, args]) => name + args.map(([b, w]) => b + w).join(""));

const operator = fc.constantFrom("|", "|", "&&", "||", ";", " | ", " && ", " || ", "; ");

const list = fc
  .tuple(command, fc.array(fc.tuple(operator, command), { maxLength: 4 }))
  .map(([first, rest]) => first + rest.map(([op, c]) => op + c).join(""));

/** Scripts of one to three lines of commands joined by pipes, `&&`, `||` and `;`. */
export const commandLists = fc
  .array(list, { minLength: 1, maxLength: 3 })
  .map((lines) => lines.join("\n"));
