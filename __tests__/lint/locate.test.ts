import { describe, expect, it } from "vitest";
import { inlineLocator, scriptLocator } from "../../src/lint/locate.js";
import { stripConsolePrompts } from "../../src/parse/index.js";

describe("scriptLocator", () => {
  it("maps an indented fence body line for line", () => {
    const lines = ["1. Step:", "", "   ```bash", "   echo one", "     echo two", "   ```"];
    const at = scriptLocator(lines, { line: 3, column: 4, endLine: 6 }, "echo one\n  echo two");
    expect(at({ line: 1, column: 6 })).toEqual({ line: 4, column: 9 });
    expect(at({ line: 2, column: 3 })).toEqual({ line: 5, column: 6 });
  });

  it("skips the output lines of a console transcript and accounts for the prompt", () => {
    const lines = [
      "   ```console",
      "   $ uptime",
      "    10:00 up",
      "   $ df -h \\",
      "     /srv",
      "   ```",
    ];
    const body = lines
      .slice(1, -1)
      .map((l) => l.slice(3))
      .join("\n");
    const script = stripConsolePrompts(body);
    const at = scriptLocator(lines, { line: 1, column: 4, endLine: 6 }, script);
    expect(script.split("\n")).toEqual(["uptime", "df -h \\", "  /srv"]);
    expect(at({ line: 2, column: 1 })).toEqual({ line: 4, column: 6 });
    expect(at({ line: 3, column: 3 })).toEqual({ line: 5, column: 6 });
  });

  it("falls back to the fence when a script line cannot be found", () => {
    const at = scriptLocator(
      ["```bash", "echo a", "```"],
      { line: 1, column: 1, endLine: 3 },
      "zzz",
    );
    expect(at({ line: 1, column: 2 })).toEqual({ line: 1, column: 2 });
    expect(at({ line: 9, column: 1 })).toEqual({ line: 1, column: 1 });
  });
});

describe("inlineLocator", () => {
  it("starts after the opening backticks, single or double", () => {
    expect(
      inlineLocator(["Run `top` now"], { line: 1, column: 5 })({ line: 1, column: 1 }),
    ).toEqual({
      line: 1,
      column: 6,
    });
    expect(
      inlineLocator(["Run ``top`` now"], { line: 1, column: 5 })({ line: 1, column: 1 }),
    ).toEqual({ line: 1, column: 7 });
  });
});
