import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { showHiddenChars } from "../../../src/core/hidden-chars.js";
import { mdastTree } from "../../helpers/mdast.js";
import { commentCodeBlock } from "../../../src/present/escape/github-comment.js";
import {
  renderApprovalIssue,
  renderApprovalRequest,
  renderDecision,
  renderIgnoredReply,
} from "../../../src/present/github/approval-comment.js";
import { approvalRequest } from "../../gate/helpers.js";

const INFO = {
  runId: "77",
  runUrl: "https://github.com/acme/ops/actions/runs/77",
  stepCount: 5,
  actor: "carol",
};
const APPROVERS = { listed: ["alice", "acme/sre"], preventSelfApproval: true };
const same = (text: string): string => text;

/** Every node of the tree, depth first. */
function nodes(tree: Root): Nodes[] {
  const all: Nodes[] = [];
  const visit = (node: Nodes): void => {
    all.push(node);
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return all;
}

/** Text GitHub would turn into a mention or a cross-reference. */
const TRIGGER = /@[A-Za-z0-9]|#\d|GH-\d/i;

function checkInert(markdown: string, scripts: readonly string[]): void {
  const all = nodes(mdastTree(markdown));
  // The only HTML is the tool's own: code elements around its messages' code spans.
  const html = all.flatMap((node) => (node.type === "html" ? [node.value] : []));
  expect(html.filter((value) => !["<code>", "</code>", "<br>"].includes(value))).toEqual([]);
  const code = all.filter((node) => node.type === "code");
  expect(code.map((node) => node.value)).toEqual(
    scripts.map((script) => showHiddenChars(script.replace(/\r\n?/g, "\n"))),
  );
  for (const node of all) {
    if (node.type === "text") expect(node.value).not.toMatch(TRIGGER);
    if (node.type === "link") expect(node.url).toMatch(/^https:\/\/github\.com\//);
  }
}

const hostile = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "<img src=x onerror=alert(1)>",
    "@acme/security please look",
    "fixes #12 and GH-4",
    "```\n</details>\n```",
    "~~~\n`````",
    "[click](https://evil.example)",
    "\u202eevil\u202c",
    "line one\r\nline two",
    "<!-- hidden -->",
    "$$x$$ :tada: **bold**",
  ),
);

describe("the approval request comment", () => {
  it("shows the step, risk, reasons, parameters, every script and the full hash", () => {
    const request = approvalRequest({
      parameters: [{ name: "NAMESPACE", value: "payments" }],
    });
    const text = renderApprovalRequest(request, INFO, APPROVERS, same);
    expect(text).toContain("approve step 3 of 5");
    expect(text).toContain("**destructive**");
    expect(text).toContain("RBC&#45;rm&#45;recursive");
    expect(text).toContain("- NAMESPACE = payments");
    expect(text).toContain(`\`${request.stepHash}\``);
    expect(text).toContain("`/approve 3` or `/deny 3`");
    expect(text).toContain("`carol` started this run and cannot approve");
    checkInert(text, ["rm -rf /var/cache/app/*\nsystemctl restart app\n"]);
  });

  it("keeps any runbook text inert: no HTML, no mentions or references, no broken fences", () => {
    fc.assert(
      fc.property(
        hostile,
        hostile,
        hostile,
        fc.array(hostile, { minLength: 1, maxLength: 3 }),
        (title, section, text, scripts) => {
          const request = {
            ...approvalRequest({
              section,
              text,
              reasons: [{ ruleId: "RB1", message: `quoted \`${text}\` here` }],
              parameters: [{ name: "P", value: title }],
              commands: scripts.map((script) => ({ language: "bash", script })),
            }),
            runbookTitle: title,
            runbookPath: `runbooks/${title}.md`,
          };
          checkInert(renderApprovalRequest(request, INFO, APPROVERS, same), scripts);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("redacts before it escapes, scripts included", () => {
    const request = approvalRequest({
      commands: [{ language: "bash", script: "curl -H 'token: s3cr3t-value' x" }],
    });
    const text = renderApprovalRequest(request, INFO, APPROVERS, (t) =>
      t.replaceAll("s3cr3t-value", "***"),
    );
    expect(text).not.toContain("s3cr3t");
    expect(text).toContain("token: ***");
  });

  it("cuts a huge script with a note, staying far below GitHub's 65,536 characters", () => {
    const script = "echo x\n".repeat(10_000);
    const text = renderApprovalRequest(
      approvalRequest({ commands: [{ language: "bash", script }] }),
      INFO,
      APPROVERS,
      same,
    );
    expect(text.length).toBeLessThan(20_000);
    expect(text).toMatch(/Cut: \d+ of 70000 characters shown/);
  });
});

describe("commentCodeBlock", () => {
  it("uses a fence longer than any backtick run, and drops an odd language", () => {
    expect(commentCodeBlock("a ```` b", "bash")).toBe("`````bash\na ```` b\n`````");
    expect(commentCodeBlock("x", "bash onerror=1")).toBe("```\nx\n```");
  });
});

describe("replies, decisions and the issue", () => {
  const answer = { login: "alice", url: "https://github.com/acme/ops/issues/7#issuecomment-9" };

  it("names logins as code, never as mentions", () => {
    const decision = renderDecision(3, "approved", answer);
    expect(decision).toBe(
      "✅ **Approved**: step 3, by `alice` in [this comment](https://github.com/acme/ops/issues/7#issuecomment-9).",
    );
    const reply = renderIgnoredReply(3, "not_allowed", answer, "their role is read");
    expect(reply).toContain("only people with write access");
    expect(reply).toContain("their role is read");
    checkInert(reply, []);
  });

  it("does not link a URL GitHub would not give", () => {
    const reply = renderDecision(3, "denied", { login: "bob", url: "javascript:alert(1)" });
    expect(reply).not.toContain("](");
  });

  it("opens an issue whose title is one plain line with no mention or reference", () => {
    fc.assert(
      fc.property(hostile, (title) => {
        const issue = renderApprovalIssue({ title, path: "runbooks/x.md" }, INFO, same);
        expect(issue.title).not.toMatch(/[\r\n\u202e]/);
        expect(issue.title).not.toMatch(TRIGGER);
        expect(issue.title.length).toBeLessThanOrEqual(200);
        checkInert(issue.body, []);
      }),
      { numRuns: 200 },
    );
  });
});

describe("a step too big for one comment", () => {
  it("keeps the head, the hash and the instructions, and says what it left out", () => {
    const worst = "@#<".repeat(5000);
    const request = {
      ...approvalRequest({
        text: worst,
        section: worst,
        reasons: Array.from({ length: 30 }, () => ({ ruleId: "RB1", message: worst })),
        parameters: Array.from({ length: 200 }, (_, i) => ({ name: `P${i}`, value: worst })),
        commands: Array.from({ length: 40 }, () => ({
          language: "bash",
          script: "x".repeat(20_000),
        })),
      }),
      runbookTitle: worst,
    };
    const text = renderApprovalRequest(request, INFO, APPROVERS, same);
    expect(text.length).toBeLessThanOrEqual(60_000);
    expect(text).toContain(`\`${request.stepHash}\``);
    expect(text).toContain("`/approve 3` or `/deny 3`");
    expect(text).toMatch(/⚠️ \d+ part\(s\) of this step .* do not fit in one GitHub comment/);
    // What is shown still parses as inert Markdown with whole code blocks.
    const code = nodes(mdastTree(text)).filter((node) => node.type === "code");
    expect(code.length).toBeGreaterThan(0);
    for (const block of code) expect(block.value).toMatch(/^x+…$/);
  });
});
