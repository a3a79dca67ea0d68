import { describe, expect, it } from "vitest";
import { renderApprovalRequest } from "../../src/present/approval.js";
import { approvalRequest } from "../gate/helpers.js";

describe("renderApprovalRequest", () => {
  it("shows control and invisible characters in scripts instead of letting them act", () => {
    const text = renderApprovalRequest(
      approvalRequest({
        commands: [
          { language: "bash", script: "echo safe\rrm -rf /\necho \u001b[2Jgone\necho \u202Eevil" },
        ],
      }),
    );
    expect(text).toContain("    │ echo safe<CR>rm -rf /\n");
    expect(text).toContain("    │ echo <ESC>[2Jgone\n");
    expect(text).toContain("    │ echo <U+202E>evil\n");
    expect(text).toContain("shown as <ESC>, <CR>, <U+XXXX>");
    // eslint-disable-next-line no-control-regex -- asserting no control characters remain
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u202e]/);
  });

  it("keeps runbook text on its own line and escapes it too", () => {
    const text = renderApprovalRequest(
      approvalRequest({
        text: "Looks harmless\n  Risk:    read_only",
        section: "A\u001b]0;title\u0007",
      }),
    );
    expect(text).toContain("  Step:    Looks harmless   Risk:    read_only\n");
    expect(text).toContain("  Section: A<ESC>]0;title<U+0007>\n");
  });

  it("labels a fence without a language and counts lines", () => {
    const text = renderApprovalRequest(
      approvalRequest({ commands: [{ language: "", script: "df -h\n" }] }),
    );
    expect(text).toContain("  Script 1 of 1 (default shell, 1 line):\n    │ df -h\n");
    expect(text).not.toContain("Note:");
  });

  it("shows the exact command line when the interpreter is given", () => {
    const text = renderApprovalRequest(
      approvalRequest({
        commands: [
          {
            language: "bash",
            script: "df -h",
            interpreter: { program: "bash", args: ["-c"], scriptVia: "argument" },
          },
          {
            language: "sql",
            script: "select 1;",
            interpreter: { program: "ssh", args: ["db 1", "psql", "-f", "-"], scriptVia: "stdin" },
          },
        ],
      }),
    );
    expect(text).toContain(
      "  Script 1 of 2 (bash, 1 line):\n    runs as: bash --noprofile --norc -o errexit -o pipefail -c SCRIPT\n",
    );
    expect(text).toContain('    runs as: ssh "db 1" psql -f - < SCRIPT\n');
  });
});
