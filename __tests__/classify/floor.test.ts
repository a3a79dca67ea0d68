import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { classifyScript, loadBashParser } from "../../src/classify/index.js";
import { mergeRisk } from "../../src/risk/merge.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

/** The final level when Claude answers `read_only` for the script. */
function withClaudeSayingReadOnly(script: string): string {
  const rules = classifyScript(parser, "bash", script);
  return mergeRisk({
    rules,
    llm: {
      kind: "answer",
      risk: "read_only",
      reasoning: "looks like a read",
      injectionSuspected: false,
    },
    strict: false,
  }).risk;
}

describe("Claude may lower an unknown command only when its structure is plain", () => {
  it.each([
    "frobnicate --list",
    "frobctl status -o json",
    "frobnicate 2>/dev/null",
    "frobnicate 2>&1",
  ])("lowers %s", (script) => {
    expect(withClaudeSayingReadOnly(script)).toBe("read_only");
  });

  it.each([
    "frobnicate $TARGET",
    "frobnicate $(hostname)",
    "frobnicate *.log",
    "X=1 frobnicate",
    "frobnicate < input.txt",
    "frobnicate <<EOF\nstatus\nEOF",
    "sudo frobnicate",
    "frobnicate --list > out.txt",
    "ls --frob",
    "kubectl frob pods",
  ])("keeps %s at modifying or above", (script) => {
    expect(withClaudeSayingReadOnly(script)).not.toBe("read_only");
  });
});
