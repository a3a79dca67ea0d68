import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { joinContinuations } from "../../src/shell/continuations.js";
import {
  analyzeShell,
  asDashReadsIt,
  bashOnlyConstructs,
  dialectOf,
} from "../../src/shell/index.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const names = (script: string): string[] =>
  analyzeShell(parser, script).commands.map((c) => c.name);

describe("joinContinuations", () => {
  it("joins backslash-newline outside quotes and inside double quotes, keeping line numbers", () => {
    expect(joinContinuations("r\\\nm -rf x\nls")).toBe("rm -rf x\n\nls");
    expect(joinContinuations('echo "a\\\nb"')).toBe('echo "ab"\n');
  });

  it("keeps them inside single quotes, comments and heredoc bodies", () => {
    expect(joinContinuations("echo 'a\\\nb'")).toBe("echo 'a\\\nb'");
    expect(joinContinuations("# a\\\nls")).toBe("# a\\\nls");
    const heredoc = "cat <<'EOF'\na\\\nb\nEOF\nr\\\nm x";
    expect(joinContinuations(heredoc)).toBe("cat <<'EOF'\na\\\nb\nEOF\nrm x\n");
  });

  it("lets the analyser see the command bash runs", () => {
    expect(names("r\\\nm -rf x")).toEqual(["rm"]);
    expect(names("sudo \\\n  rm -rf x")).toEqual(["rm"]);
    expect(names("export A=1\n\\rm -rf /")).toEqual(["export", "rm"]);
    expect(names('echo "$(\nexport A=1\n\\rm -rf /\n)"')).toContain("rm");
  });
});

describe("dialects", () => {
  it("names the shell a program is", () => {
    expect(dialectOf("/bin/sh")).toBe("posix");
    expect(dialectOf("dash")).toBe("posix");
    expect(dialectOf("bash")).toBe("bash");
    expect(dialectOf("zsh")).toBe("zsh");
    expect(dialectOf("python3")).toBeUndefined();
  });

  it("finds bash-only constructs with their positions", () => {
    const found = bashOnlyConstructs(
      parser,
      "ls\n[[ -d x ]] && echo $'a'\ncat <<< x; ls &> /dev/null; a=(1 2); echo {a,b}; ((n++))",
    );
    expect(found.map((f) => f.construct)).toEqual([
      "[[ … ]]",
      "$'…'",
      "<<<",
      "&>",
      "arrays",
      "brace expansion",
      "((…))",
    ]);
    expect(found[0]).toMatchObject({ line: 2, column: 1 });
    expect(bashOnlyConstructs(parser, "[ -d x ] && echo $((1 + 2)) > /dev/null 2>&1")).toEqual([]);
  });

  it("reads ((…)) as dash does: two subshells", () => {
    expect(asDashReadsIt(parser, "((rm -r -f , dir))")).toBe("( (rm -r -f , dir) )");
    expect(names(asDashReadsIt(parser, "((rm -r -f , dir))"))).toEqual(["rm"]);
    expect(asDashReadsIt(parser, "echo $((1 + 2))")).toBe("echo $((1 + 2))");
  });
});

describe("[[ … ]] as a command", () => {
  it("records the operands of a test expression as the words of `[[`", () => {
    const command = analyzeShell(parser, "[[ -v 'a[$(id)]' && -f x ]]").commands[0];
    expect(command?.name).toBe("[[");
    expect(command?.argv.map((w) => w.value)).toEqual(["[[", "-v", "a[$(id)]", "-f", "x"]);
  });
});
