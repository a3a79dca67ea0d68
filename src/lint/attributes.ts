import { closest } from "../config/suggest.js";
import type { CodeBlock, Runbook } from "../core/runbook.js";
import { isRiskLevel, RISK_LEVELS } from "../core/risk.js";
import { fenceInfo } from "./fence-info.js";
import { stepLabel } from "./step-label.js";
import type { RuleReport } from "./types.js";
import { stepBlocks } from "./step-blocks.js";

/** Attributes the runner understands (design.md, parsing rule 9). */
const KNOWN_ATTRIBUTES = ["risk", "timeout", "name", "detach"] as const;

/** Something wrong with one word of a fence's attributes. */
export interface AttributeIssue {
  /** `unknown` is a warning (RB009); the rest make the attribute silently ignored (RB008). */
  readonly kind: "malformed" | "invalid" | "duplicate" | "unknown";
  readonly column: number;
  /** What is unexpected, e.g. "`risk=high`"; the rule adds where (the step). */
  readonly subject: string;
  /** What was expected instead, and the consequence. */
  readonly expected: string;
  readonly fix: string;
}

const RISK_VALUES = RISK_LEVELS.map((level) => `\`risk=${level}\``).join(", ");

function unquote(value: string): string {
  return /^(".*"|'.*')$/.test(value) ? value.slice(1, -1) : value;
}

function invalidValue(key: string, value: string): { expected: string; fix: string } | undefined {
  if (key === "risk" && !isRiskLevel(value)) {
    return {
      expected: `one of ${RISK_VALUES}`,
      fix: "Use `risk=modifying` or `risk=destructive` (an annotation can only raise the risk)",
    };
  }
  if (key === "timeout" && !/^[1-9]\d*$/.test(value)) {
    return {
      expected: "a positive whole number of seconds",
      fix: "Write the timeout in seconds, e.g. `timeout=120`",
    };
  }
  if (key === "detach" && value !== "true" && value !== "false") {
    return {
      expected: "`detach=true` or `detach=false`; the script stays contained",
      fix: "Write `detach=true` only if the script must leave processes running after it ends",
    };
  }
  if (key === "name" && value === "") {
    return { expected: "a name", fix: "Give the step a name, e.g. `name=restart-app`" };
  }
  return undefined;
}

/** Every problem in a fence's attributes, left to right. Pure. */
export function attributeIssues(block: CodeBlock, lines: readonly string[]): AttributeIssue[] {
  const issues: AttributeIssue[] = [];
  const seen = new Map<string, string>();
  const tokens = fenceInfo(block, lines).attributes;
  const open = tokens.findIndex((t) => t.text === "{");
  const close = tokens.findIndex((t) => t.text === "}");
  for (const [i, token] of tokens.entries()) {
    const { text, column } = token;
    if (text === "{" || text === "}") {
      const misplaced =
        text === "{" ? i !== 0 || close === -1 : i !== tokens.length - 1 || open === -1;
      if (misplaced) {
        issues.push({
          kind: "malformed",
          column,
          subject: `\`${text}\` in the fence attributes`,
          expected: "them all in one pair of braces: `{risk=destructive timeout=120}`",
          fix: "Write the attributes as `{key=value key=value}` after the language",
        });
      }
      continue;
    }
    const eq = text.indexOf("=");
    const key = eq === -1 ? text : text.slice(0, eq);
    const value = eq === -1 ? "" : unquote(text.slice(eq + 1));
    if (eq === -1) {
      issues.push({
        kind: "malformed",
        column,
        subject: `fence attribute \`${text}\``,
        expected: "`key=value`; the runner ignores this word",
        fix: "Write attributes as `key=value`, e.g. `risk=destructive`; the runner ignores this word",
      });
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({
        kind: "duplicate",
        column,
        subject: `duplicate fence attribute \`${text}\``,
        expected: `\`${key}\` once (first: \`${first}\`)`,
        fix: `Keep one \`${key}=\` on this fence`,
      });
      continue;
    }
    seen.set(key, text);
    if (!(KNOWN_ATTRIBUTES as readonly string[]).includes(key)) {
      const guess = closest(key, KNOWN_ATTRIBUTES);
      const known = KNOWN_ATTRIBUTES.map((k) => `\`${k}\``).join(", ");
      issues.push({
        kind: "unknown",
        column,
        subject: `fence attribute \`${key}\``,
        expected: `one of ${known}${guess === undefined ? "" : ` (did you mean \`${guess}\`?)`}; it is ignored`,
        fix: guess === undefined ? `Remove \`${text}\`` : `Write \`${guess}=${value}\``,
      });
      continue;
    }
    const bad = invalidValue(key, value);
    if (bad !== undefined) {
      issues.push({
        kind: "invalid",
        column,
        subject: `\`${text}\``,
        expected: `${bad.expected}; the attribute is ignored`,
        fix: bad.fix,
      });
    }
  }
  return issues;
}

/** Findings for the attribute issues `wanted` selects, on the fences of step commands. */
export function attributeReports(
  runbook: Runbook,
  wanted: (kind: AttributeIssue["kind"]) => boolean,
): RuleReport[] {
  const reports: RuleReport[] = [];
  for (const { block, step } of stepBlocks(runbook)) {
    if (block.kind !== "fenced" || !block.executable) continue;
    for (const issue of attributeIssues(block, runbook.lines)) {
      if (!wanted(issue.kind)) continue;
      reports.push({
        line: block.line,
        column: issue.column,
        message: `Unexpected ${issue.subject} in ${stepLabel(step)}, expected ${issue.expected}`,
        fix: issue.fix,
      });
    }
  }
  return reports;
}
