import { describe, expect, it } from "vitest";
import {
  ANNOTATION_MESSAGE_LIMIT,
  findingAnnotations,
  planAnnotations,
  type Annotation,
} from "../../../src/present/action/annotations.js";
import { RunbookExecError } from "../../../src/core/errors.js";
import { loadReport } from "../../faces/action/report-fixture.js";

const options = {
  relativePath: (file: string) => file.replace(/^\/ws\//, ""),
  aliasOf: (id: string) => (id === "RB001" ? "fence-at-margin" : undefined),
};

describe("findingAnnotations", () => {
  it("maps findings to annotations on their line, titled id/alias", () => {
    const annotations = findingAnnotations(loadReport("two-runbooks"), [], options);
    expect(annotations).toEqual([
      {
        kind: "warning",
        title: "RB002",
        message: "Fence without a language",
        file: "runbooks/disk-full.md",
        line: 3,
        column: 1,
      },
      {
        kind: "error",
        title: "RB001 (fence-at-margin)",
        message: "Fence at the margin",
        file: "runbooks/disk-full.md",
        line: 16,
        column: 1,
      },
      {
        kind: "notice",
        title: "RB003",
        message: "No steps",
        file: "runbooks/empty.md",
        line: 1,
        column: 1,
      },
    ]);
  });

  it("puts unreadable files first, as errors on the file", () => {
    const unreadable = [
      new RunbookExecError("INPUT_BINARY", "Binary file, not a runbook.", { file: "/ws/a.md" }),
    ];
    const [first] = findingAnnotations(loadReport("two-runbooks"), unreadable, options);
    expect(first).toEqual({
      kind: "error",
      title: "runbook-exec: INPUT_BINARY",
      message: "Binary file, not a runbook.",
      file: "a.md",
    });
  });
});

function many(kind: Annotation["kind"], count: number): Annotation[] {
  return Array.from({ length: count }, (_, i) => ({ kind, message: `${kind} ${i + 1}` }));
}

describe("planAnnotations", () => {
  it("keeps 10 of each kind, most severe kind first, and counts the rest", () => {
    const candidates = [...many("notice", 3), ...many("warning", 12), ...many("error", 25)];
    const plan = planAnnotations(candidates);
    expect(plan.hidden).toEqual({ error: 15, warning: 2, notice: 0 });
    expect(plan.shown.map((a) => a.kind)).toEqual([
      ...Array<string>(10).fill("error"),
      ...Array<string>(10).fill("warning"),
      ...Array<string>(3).fill("notice"),
    ]);
    // Within a kind, candidates keep their order: the first ten errors are shown.
    expect(plan.shown[0]?.message).toBe("error 1");
    expect(plan.shown[9]?.message).toBe("error 10");
  });

  it("cuts a long message to the runner's limit", () => {
    const plan = planAnnotations([{ kind: "error", message: "x".repeat(10_000) }]);
    const message = plan.shown[0]?.message ?? "";
    expect(message.length).toBe(ANNOTATION_MESSAGE_LIMIT);
    expect(message.endsWith("…")).toBe(true);
  });
});
