import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { lintRunbook } from "../../src/lint/index.js";
import { decodeRunbook, parseRunbook } from "../../src/parse/index.js";

const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };
const KEY = "/etc/runbook-exec/audit.key";
let parser: Parser;

beforeAll(async () => {
  parser = await loadBashParser();
});

/** RB025 findings for a one-step runbook whose fence holds `script`, with the key at {@link KEY}. */
function rb025(script: string, language = "bash"): { line: number; column: number }[] {
  const text = ["# Key", "", "1. Step", "", `   \`\`\`${language}`, `   ${script}`, "   ```", ""];
  const runbook = parseRunbook(decodeRunbook("key.md", Buffer.from(text.join("\n"))), OPTIONS);
  return lintRunbook(runbook, { parser, severities: {}, auditKeyFile: KEY })
    .filter((finding) => finding.ruleId === "RB025")
    .map(({ line, column, severity }) => {
      expect(severity).toBe("error");
      return { line, column };
    });
}

describe("RB025 audit-key-in-step: a step that names the configured audit_key_file", () => {
  const named = [
    `cat ${KEY}`,
    `base64 < ${KEY}`,
    `key=$(< ${KEY})`,
    "cp ~/../../etc/runbook-exec/audit.key /tmp/k",
    'cat "$CONFIG_DIR"/audit.key',
    'cat /etc/runbook-exec/aud""it.key',
    "cat /etc/runbook-exec/aud\\it.key",
    "tar czf - /etc/runbook-exec/*",
    "cat /etc/runbook-exec/au?it.*",
    "cat runbook-exec/[a]udit.key",
    "cat ~/runbook-exec/*.key",
  ];
  for (const script of named) {
    it(`reports \`${script}\` at its line`, () => {
      expect(rb025(script)).toHaveLength(1);
      expect(rb025(script)[0]?.line).toBe(6);
    });
  }

  it("reports the file named in a Python fence too", () => {
    const script = `print(open("${KEY}").read())`;
    expect(rb025(script, "python")).toEqual([{ line: 6, column: 4 + script.indexOf("audit.key") }]);
  });

  it("points at the file name on its line", () => {
    expect(rb025(`cat ${KEY}`)).toEqual([{ line: 6, column: 8 + KEY.indexOf("audit.key") }]);
  });

  const unrelated = [
    "cat /etc/runbook-exec/audit.key.bak",
    "cat /etc/runbook-exec/my-audit.key",
    "ls /etc/other/*",
    "ls *.key",
    "cat audit.keys",
    'echo "rotate the audit key"',
  ];
  for (const script of unrelated) {
    it(`leaves \`${script}\` alone`, () => {
      expect(rb025(script)).toEqual([]);
    });
  }

  it("without a configured file, the file name alone is not reported", () => {
    const text = ["# Key", "", "1. Step", "", "   ```bash", `   cat ${KEY}`, "   ```", ""];
    const runbook = parseRunbook(decodeRunbook("key.md", Buffer.from(text.join("\n"))), OPTIONS);
    const findings = lintRunbook(runbook, { parser, severities: {} });
    expect(findings.filter((finding) => finding.ruleId === "RB025")).toEqual([]);
  });
});
