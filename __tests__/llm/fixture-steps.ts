/** Parses runbook fixtures for the LLM tests and gives each step a rules verdict the test chooses. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RuleVerdict } from "../../src/classify/types.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import type { Runbook } from "../../src/core/runbook.js";
import type { RunbookToClassify } from "../../src/risk/model.js";
import { decodeRunbook, parseRunbook } from "../../src/parse/index.js";

export const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "llm",
);

/** What a rule classifier would say: `rm` is proven destructive, `df`/`curl` read-only, no command read-only, anything else unknown. */
export function rulesFor(script: string | undefined): RuleVerdict {
  if (script === undefined) {
    return {
      risk: "read_only",
      floor: "read_only",
      reasons: [{ ruleId: "test.none", message: "no command" }],
    };
  }
  if (script.startsWith("rm ")) {
    return {
      risk: "destructive",
      floor: "destructive",
      reasons: [{ ruleId: "test.rm", message: "`rm -rf` deletes a tree" }],
    };
  }
  if (/^(df|curl) /.test(script)) {
    return {
      risk: "read_only",
      floor: "read_only",
      reasons: [{ ruleId: "test.known", message: "known read-only tool" }],
    };
  }
  return {
    risk: "modifying",
    floor: "read_only",
    reasons: [{ ruleId: "test.unknown", message: "unknown command" }],
  };
}

/** Parses Markdown text as a runbook at `name`. */
export function parseText(name: string, text: string): Runbook {
  return parseRunbook(decodeRunbook(name, new TextEncoder().encode(text)), DEFAULT_CONFIG);
}

/** A fixture file, parsed. */
export async function parseFixture(name: string): Promise<Runbook> {
  return parseText(name, await readFile(path.join(FIXTURES, name), "utf8"));
}

/** A runbook ready for a RiskModel, each step with {@link rulesFor} its first script. */
export function toClassify(runbook: Runbook): RunbookToClassify {
  return {
    path: runbook.path,
    title: runbook.title,
    steps: runbook.steps.map((step) => ({ step, rules: rulesFor(step.commands[0]?.script) })),
  };
}

/** A runbook of `count` steps, each running a distinct unknown command. */
export function manySteps(count: number, name = "many.md"): Runbook {
  const items = Array.from({ length: count }, (_, i) => {
    const marker = `${i + 1}. `;
    const pad = " ".repeat(marker.length);
    return `${marker}Step number ${i + 1}.\n\n${pad}\`\`\`bash\n${pad}tool-${i + 1} --check\n${pad}\`\`\`\n`;
  });
  return parseText(name, `# Many steps\n\n${items.join("\n")}`);
}
