import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { classifyScript, loadBashParser } from "../../../src/classify/index.js";
import { FIXTURES, run } from "./harness.js";

const docs = readFileSync(path.join(FIXTURES, "..", "..", "..", "README.md"), "utf8");

describe("README.md, command line", () => {
  it("documents every flag `validate --help` lists", async () => {
    const { stdout } = await run(["validate", "--help"]);
    const flags = [...stdout.matchAll(/^ {2}((?:-\w, )?--[\w-]+(?: <\w+>)?)/gm)].map(
      (m) => m[1] ?? "",
    );
    expect(flags.length).toBeGreaterThanOrEqual(8);
    for (const flag of flags.filter((f) => f !== "-h, --help"))
      expect(docs).toContain(`| \`${flag}\``);
  });

  it("documents every output format", async () => {
    for (const format of ["text", "json", "sarif", "github"])
      expect(docs).toContain(`**\`${format}\`**`);
  });
});

describe("README.md, the approval example", () => {
  it("shows the reason ids and messages the rules really give for its script", async () => {
    const block = /```text\n(Approval needed:[\s\S]*?)```/.exec(docs)?.[1] ?? "";
    const script = [...block.matchAll(/^ {4}│ (.*)$/gm)].map((m) => m[1] ?? "").join("\n");
    const shown = [...block.matchAll(/^ {4}- ([\w.-]+): (.*)$/gm)].map((m) => ({
      ruleId: m[1],
      message: m[2],
    }));
    expect(script).not.toBe("");
    const verdict = classifyScript(await loadBashParser(), "bash", script);
    expect(shown).toEqual(verdict.reasons.map(({ ruleId, message }) => ({ ruleId, message })));
    expect(block).toContain(`Risk:    ${verdict.risk} (from rules)`);
  });
});
