import fc from "fast-check";
import type { Nodes, Root } from "mdast";
import { describe, expect, it } from "vitest";
import { mdastTree } from "../../helpers/mdast.js";
import {
  readStatusMarker,
  renderStatusComment,
  type StatusComment,
} from "../../../src/present/chatops/status-comment.js";
import { usageReply, validateReply } from "../../../src/present/chatops/replies.js";

const HOSTILE = [
  "@org/team",
  "@alice",
  "#1",
  "<img src=x onerror=alert(1)>",
  "```",
  "````",
  "~~~",
  "</details>",
  "<!--",
  "-->",
  "[x](javascript:alert(1))",
  "|",
  "\n",
  "\r",
  "\u202e",
  "&#64;bob",
  "*",
  "_",
  " ",
  "a",
];
const hostile = fc
  .array(fc.constantFrom(...HOSTILE), { maxLength: 30 })
  .map((parts) => parts.join(""));

function comment(text: string, output: string): StatusComment {
  return {
    runId: "77",
    title: `Disk ${text}`,
    runbookPath: `runbooks/${text}.md`,
    commit: "a".repeat(40),
    defaultBranch: "main",
    incidentId: text,
    dryRun: false,
    startedBy: text,
    runUrl: "https://github.com/acme/ops/actions/runs/77",
    steps: [
      { index: 1, text, risk: "read_only", needsApproval: false, notRun: undefined },
      { index: 2, text, risk: "destructive", needsApproval: true, notRun: undefined },
      { index: 3, text, risk: "read_only", needsApproval: false, notRun: text },
    ],
    progress: [
      { index: 1, text, outcome: "succeeded", durationMs: 400, detail: "", excerpt: output },
      { index: 2, text, outcome: "failed", durationMs: 1200, detail: text, excerpt: output },
      { index: 3, text, outcome: "skipped", durationMs: 0, detail: text, excerpt: undefined },
    ],
    summary: {
      status: "failed",
      counts: { succeeded: 1, failed: 1, skipped: 1, denied: 0 },
      auditHead: "9:abc",
      artifact: { url: "https://github.com/acme/ops/actions/runs/77/artifacts/5" },
    },
  };
}

function nodes(tree: Root): Nodes[] {
  const all: Nodes[] = [];
  const walk = (node: Nodes): void => {
    all.push(node);
    if ("children" in node) node.children.forEach(walk);
  };
  walk(tree);
  return all;
}

const ALLOWED_HTML = [
  /^<!-- runbook-exec:status run=\d+ state=(running|finished) -->$/,
  /^<\/?code>$/,
  /^<br>$/,
  /^<details><summary>Step \d+ output \(redacted, last \d+ characters at most\)<\/summary>$/,
  /^<\/details>$/,
];

/** What GitHub would see: only the tool's own tags, no pings, code blocks holding the output. */
function expectInert(markdown: string, output: string | undefined): void {
  const tree = mdastTree(markdown);
  for (const node of nodes(tree)) {
    if (node.type === "html") {
      expect(
        ALLOWED_HTML.some((allowed) => allowed.test(node.value)),
        node.value,
      ).toBe(true);
    }
    if (node.type === "text" || node.type === "inlineCode") {
      // Text after entities are decoded: GitHub looks for mentions and references here.
      expect(node.value).not.toMatch(/@[A-Za-z0-9]/);
      expect(node.value).not.toMatch(/#\d/);
    }
    // The only links are the tool's own, to the workflow run and the artifact.
    if (node.type === "link") expect(node.url).toMatch(/^https:\/\/github\.com\/acme\/ops\//);
  }
  if (output !== undefined) {
    const code = nodes(tree).filter((node) => node.type === "code");
    for (const block of code) expect(output).toContain(block.value.replace(/^…/, ""));
  }
}

describe("ChatOps status comment", () => {
  it("shows plan, progress marks with durations, and the summary with audit head and links", () => {
    const text = renderStatusComment(comment("clean", "disk full\n"));
    expect(readStatusMarker(text)).toEqual({ runId: "77", state: "finished" });
    expect(text).toContain("✓ 1\\. clean (succeeded, 0.4 s)");
    expect(text).toContain("✗ 2\\. clean (failed, 1.2 s)");
    expect(text).toContain("⊘ 3\\. clean (skipped)");
    expect(text).toContain("**needs approval**: `/approve 2`");
    expect(text).toContain("1 succeeded, 1 failed, 1 skipped, 0 denied");
    expect(text).toContain("<code>9&#58;abc</code>");
    expect(text).toContain(
      "[audit log artifact](https://github.com/acme/ops/actions/runs/77/artifacts/5)",
    );
    expect(text).toContain("at commit <code>" + "a".repeat(40) + "</code>");
  });

  it("keeps @org/team, <img onerror> and ``` from the runbook and the output inert", () => {
    const text = "@org/team <img src=x onerror=alert(1)> ``` #12";
    const output = "```\n@org/team\n<img src=x onerror=alert(1)>\n````\n";
    const markdown = renderStatusComment(comment(text, output));
    expect(markdown.split("`````")[0]).not.toContain("<img");
    expectInert(markdown, "```\n@org/team\n<img src=x onerror=alert(1)>\n````");
  });

  it("property: any runbook text and output stays inert and every fence holds only output", () => {
    fc.assert(
      fc.property(hostile, hostile, (text, output) => {
        const markdown = renderStatusComment(comment(text, output));
        expectInert(markdown, undefined);
        const tree = mdastTree(markdown);
        const code = nodes(tree).filter((node) => node.type === "code");
        expect(code.length).toBeLessThanOrEqual(1);
        expect(readStatusMarker(markdown)?.runId).toBe("77");
      }),
      { numRuns: 60 },
    );
  });

  it("stays under GitHub's comment size with huge steps and output", () => {
    const big = "@x <b> ".repeat(5000);
    const input = comment(big, big);
    const many = {
      ...input,
      steps: Array.from({ length: 500 }, (_, i) => ({
        index: i + 1,
        text: big,
        risk: "read_only" as const,
        needsApproval: false,
        notRun: undefined,
      })),
    };
    const markdown = renderStatusComment(many);
    expect(markdown.length).toBeLessThanOrEqual(60_000);
    expectInert(markdown, undefined);
  });
});

describe("ChatOps replies", () => {
  it("quote the commenter's words inertly", () => {
    expectInert(
      usageReply("Unexpected `@org/team<img src=x onerror=y>` after `/abort`.", ["/abort"]),
      undefined,
    );
    const reply = validateReply("runbooks/a.md", "abc", [
      {
        ruleId: "RB001",
        severity: "error",
        line: 3,
        message: "`@org/team` <img src=x onerror=y>",
      },
    ]);
    expect(reply).toContain("1 error(s)");
    expectInert(reply, undefined);
  });
});
