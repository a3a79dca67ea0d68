import fc from "fast-check";
import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { classifyCommands } from "../../src/classify/index.js";
import { analyzeShell } from "../../src/shell/analyze.js";

/**
 * tree-sitter-bash folds some lines into the command before them, which bash runs as commands
 * of their own: `ls ==⏎rm -f x` is one `ls` with three arguments to it. A step like that must
 * never be rated from the folded reading: the analysis says where the parser misread the script
 * and the classifier fails closed.
 */
let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

/** Read-only commands alone, so the misreading is what the verdict rests on. */
const FOLDED = [
  "ls ==\nls /tmp",
  "ls a ==\ncat /etc/hostname",
  "echo =~\nls",
  "cat a | sort | uniq\nwc && ls",
  "ps | grep x | head\ncat /etc/hostname && ls",
  "ls && grep x f | sort | head\ncat a && ls",
];
/** The same foldings hiding a command that deletes. */
const HIDING = ["ls ==\nrm -f /tmp/x", "echo =~\nshred -u f", "cat a | sort | uniq\nwc && rm x"];

const READ_AS_BASH_DOES = [
  "ps | grep x | head\nrm -f y",
  "[ a == b ] && echo same",
  "[[ $a =~ ^x ]]",
  "ls \\\n  -la",
  "cat <<EOF\nbody == body\nEOF",
  "grep -c x file | sort\nls",
  "echo 'a\nb' && ls",
];

describe("scripts tree-sitter-bash reads unlike bash", () => {
  it.each(FOLDED)("%j: the misreading is reported and the step is not read_only", (script) => {
    expect(analyzeShell(parser, script).misread).toBeDefined();
    const verdict = classifyCommands(parser, [{ language: "bash", script }]);
    expect(verdict.risk).toBe("modifying");
    expect(verdict.reasons.map((reason) => reason.ruleId)).toContain("shell.misread");
  });

  it.each(HIDING)("%j: the hidden command is not run unattended", (script) => {
    expect(classifyCommands(parser, [{ language: "bash", script }]).risk).not.toBe("read_only");
  });

  it.each(READ_AS_BASH_DOES)("%j: read as bash reads it, nothing reported", (script) => {
    expect(analyzeShell(parser, script).misread).toBeUndefined();
  });

  it("never lose a line's command without saying so", () => {
    // Lines of a command and arguments, each ending in a word or in a token that tree-sitter
    // reads as an operator; bash runs the first word of every line that does not continue the
    // line before (after `|`, `&&` or `||` it does).
    const line = fc.tuple(
      fc.constantFrom("ls", "cat", "grep", "echo", "ps", "df", "rm", "cp"),
      fc.array(fc.constantFrom("a", "-x", "/tmp/f", "'q'", '"w"'), { maxLength: 3 }),
      fc.constantFrom("", " ==", " =~", " !=", " =", " |", " &&", " ||", ";", " &", " | cat"),
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 5 }), (lines) => {
        const script = lines.map(([name, args, end]) => [name, ...args].join(" ") + end).join("\n");
        const analysis = analyzeShell(parser, script);
        if (analysis.misread !== undefined || analysis.syntaxError !== undefined) return;
        const names = analysis.commands.map((command) => command.name);
        lines.forEach(([name], index) => {
          const before = lines[index - 1]?.[2] ?? "";
          const continues = / (\||&&|\|\|)$/.test(before);
          if (!continues) expect(names).toContain(name);
        });
      }),
      { numRuns: 3000 },
    );
  });
});
