import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import type { Finding } from "../../src/core/findings.js";
import { lintRunbook } from "../../src/lint/index.js";
import { decodeRunbook, parseRunbook } from "../../src/parse/index.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/lint");
const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

function findings(name: string, ruleId: string, crlf = false): Finding[] {
  const text = readFileSync(path.join(FIXTURES, name), "utf8");
  const bytes = Buffer.from(crlf ? text.replace(/\n/g, "\r\n") : text, "utf8");
  const runbook = parseRunbook(decodeRunbook(name, bytes), OPTIONS);
  return lintRunbook(runbook, { parser, severities: {} }).filter((f) => f.ruleId === ruleId);
}

describe("messages and fixes", () => {
  it("names the step a margin fence was meant for and shows the indented fence", () => {
    const [first, second] = findings("RB002-fence-at-margin.md", "RB002");
    expect(first).toEqual({
      ruleId: "RB002",
      alias: "fence-at-margin",
      severity: "error",
      line: 4,
      column: 1,
      message:
        "Unexpected fence at the left margin after step 1 (`Restart the service`), expected it indented under the step; as written it belongs to no step and never runs",
      fix: "Indent the fence by 3 spaces so it belongs to step 1 (`Restart the service`):\n\n   ```bash\n   systemctl restart app\n   ```",
    });
    expect(second?.fix).toMatch(/^Indent the fence by 1 space so it belongs to step 2 /);
    expect(second?.fix).toContain("\n   ```bash\n   systemctl status app\n   ```");
  });

  it("indents a margin fence inside a block quote after the `> ` prefix", () => {
    const quoted = findings("RB002-fence-at-margin.md", "RB002").at(-1);
    expect(quoted?.column).toBe(3);
    expect(quoted?.fix).toContain("\n>    ```bash\n>    systemctl reload app\n>    ```");
  });

  it("gives every finding a fix", () => {
    const all = ["RB008-fence-attribute-invalid.md", "RB012-interactive-command.md"].flatMap(
      (name) => findings(name, name.slice(0, 5)),
    );
    expect(all.length).toBeGreaterThan(10);
    for (const finding of all) expect(finding.fix ?? "").not.toBe("");
  });
});

describe("exact columns", () => {
  it("points at the attribute word in the fence line", () => {
    expect(findings("RB008-fence-attribute-invalid.md", "RB008")[0]).toMatchObject({
      line: 5,
      column: 13,
    });
  });

  it("maps a console transcript's command back to its source line and column", () => {
    // `   $ echo 'unclosed`: the quote that never closes is in column 11.
    expect(findings("RB011-shell-syntax.md", "RB011").at(-1)).toMatchObject({
      line: 23,
      column: 11,
    });
  });

  it("maps a command inside `ssh host '…'` to its place in the outer line", () => {
    const name = "RB012-interactive-command.md";
    const lines = readFileSync(path.join(FIXTURES, name), "utf8").split("\n");
    const row = lines.findIndex((l) => l.includes("'cd /srv && vim app.conf'"));
    expect(findings(name, "RB012").at(-1)).toMatchObject({
      line: row + 1,
      column: (lines[row] ?? "").indexOf("vim") + 1,
    });
  });

  it("points at the placeholder itself, also with CRLF line endings", () => {
    for (const crlf of [false, true]) {
      expect(findings("RB013-placeholder.md", "RB013", crlf)[0]).toMatchObject({
        line: 6,
        column: 8,
        message: expect.stringContaining("`<HOST>`") as unknown,
      });
    }
  });

  it("maps inline code commands (`inline_code_commands = true`) to the span's text", () => {
    const name = "options/inline-code.md";
    const bytes = readFileSync(path.join(FIXTURES, name));
    const runbook = parseRunbook(decodeRunbook(name, bytes), {
      ...OPTIONS,
      inlineCodeCommands: true,
    });
    const found = lintRunbook(runbook, { parser, severities: {} });
    // `1. Check the host with `ssh <HOST> uptime`.`: `<HOST>` is in column 29.
    expect(found.find((f) => f.ruleId === "RB013")).toMatchObject({ line: 3, column: 29 });
    expect(found.find((f) => f.ruleId === "RB012")).toMatchObject({ line: 4, column: 10 });
  });
});
