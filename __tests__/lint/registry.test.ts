import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import * as lint from "../../src/lint/index.js";
import { ALL_RULES } from "../../src/lint/index.js";
import { RULE_DOCS_BASE, ruleHelpUri } from "../../src/lint/types.js";

const ROOT = path.resolve(import.meta.dirname, "../..");

describe("rule registry", () => {
  it("orders rules by id, RB001 upwards without gaps", () => {
    expect(ALL_RULES.map((rule) => rule.id)).toEqual(
      ALL_RULES.map((_, i) => `RB${String(i + 1).padStart(3, "0")}`),
    );
  });

  it("has unique ids and unique kebab-case aliases that never look like ids", () => {
    const names = ALL_RULES.flatMap((rule) => [rule.id, rule.alias]);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of ALL_RULES) expect(rule.alias).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("gives every rule a one-sentence description and a default severity", () => {
    for (const rule of ALL_RULES) {
      expect(rule.description).toMatch(/^[A-Z`].*\.$/);
      expect(["error", "warning", "info"]).toContain(rule.defaultSeverity);
    }
  });

  it("makes every rule whose finding means a written command silently never runs an error", () => {
    // RB002 (margin fence), RB003 (indented block), RB004 (empty fence), RB007 (list in a
    // bullet): each leaves a step that looks like it runs a command and runs nothing.
    const neverRuns = ["RB002", "RB003", "RB004", "RB007"];
    for (const id of neverRuns)
      expect(ALL_RULES.find((rule) => rule.id === id)?.defaultSeverity, id).toBe("error");
  });

  it("exports the public API", () => {
    expect(Object.keys(lint).sort()).toEqual([
      "ALL_RULES",
      "lintRunbook",
      "lintWithRules",
      "ruleHelpUri",
    ]);
  });
});

describe("rule documentation", () => {
  for (const rule of ALL_RULES) {
    it(`${rule.id} has docs/rules/${rule.id}-${rule.alias}.md at its help URI`, () => {
      const uri = ruleHelpUri(rule);
      expect(uri.startsWith(RULE_DOCS_BASE)).toBe(true);
      const page = path.join(ROOT, "docs/rules", uri.slice(RULE_DOCS_BASE.length));
      expect(existsSync(page)).toBe(true);
      const text = readFileSync(page, "utf8");
      expect(text.startsWith(`# ${rule.id} \`${rule.alias}\`\n`)).toBe(true);
      expect(text).toContain(`Default severity: **${rule.defaultSeverity}**`);
      for (const section of [
        "## What it reports",
        "## Why",
        "## Wrong",
        "## Right",
        "## Configure",
      ])
        expect(text).toContain(section);
      expect(text).toMatch(new RegExp(`\\[rules\\]\\n${rule.alias} = "(error|warning|info|off)"`));
    });
  }

  it("lists every rule in the README section with its default severity", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    for (const rule of ALL_RULES) {
      expect(readme).toContain(
        `| [${rule.id}](docs/rules/${rule.id}-${rule.alias}.md) | \`${rule.alias}\` | ${rule.defaultSeverity} | ${rule.description} |`,
      );
    }
  });
});
