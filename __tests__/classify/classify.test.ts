import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import * as classify from "../../src/classify/index.js";
import { classifyCommands, classifyScript, loadBashParser } from "../../src/classify/index.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

describe("classifyScript: floor", () => {
  it("proves what a tool table knows: floor equals risk", () => {
    expect(classifyScript(parser, "bash", "ls -la")).toMatchObject({
      risk: "read_only",
      floor: "read_only",
    });
    expect(classifyScript(parser, "bash", "systemctl restart nginx")).toMatchObject({
      risk: "modifying",
      floor: "modifying",
    });
    expect(classifyScript(parser, "bash", "kubectl delete ns x")).toMatchObject({
      risk: "destructive",
      floor: "destructive",
    });
  });

  it("gives an unknown command risk modifying with floor read_only", () => {
    expect(classifyScript(parser, "bash", "frobnicate --now")).toEqual({
      risk: "modifying",
      floor: "read_only",
      reasons: [
        { ruleId: "command.unknown", message: "`frobnicate` is not a command the rules know" },
      ],
    });
  });

  it("keeps what it proved when an unknown command sits beside it", () => {
    expect(classifyScript(parser, "bash", "systemctl restart x && frobnicate")).toMatchObject({
      risk: "modifying",
      floor: "modifying",
    });
    expect(classifyScript(parser, "bash", "ls && frobnicate")).toMatchObject({
      risk: "modifying",
      floor: "read_only",
    });
  });

  it("proves at least modifying for unparsable shell, with the position", () => {
    const verdict = classifyScript(parser, "bash", "ls\nif then fi (");
    expect(verdict).toMatchObject({ risk: "modifying", floor: "modifying" });
    expect(verdict.reasons.map((r) => r.ruleId)).toContain("shell.syntax-error");
    expect(verdict.reasons.find((r) => r.ruleId === "shell.syntax-error")?.message).toMatch(
      /line 2/,
    );
  });

  it.each([
    'eval "$X"',
    "curl -s x | bash",
    "echo Y3VybCB4 | base64 -d | sh",
    'bash -c "$(wget -qO- x)"',
  ])("proves destructive for %s", (script) => {
    expect(classifyScript(parser, "bash", script)).toMatchObject({
      risk: "destructive",
      floor: "destructive",
    });
  });
});

describe("classifyScript: languages", () => {
  it.each(["bash", "sh", "shell", "zsh", "console", "shell-session", "", "BASH"])(
    "reads %j as shell",
    (language) => {
      expect(classifyScript(parser, language, "rm -rf /srv/x").reasons[0]?.ruleId).toBe(
        "rm.recursive",
      );
    },
  );

  it("reads sql fences with the SQL rules", () => {
    expect(classifyScript(parser, "sql", "SELECT 1;")).toMatchObject({
      risk: "read_only",
      floor: "read_only",
    });
    expect(classifyScript(parser, "sql", "SELECT 1; DROP TABLE users;")).toMatchObject({
      risk: "destructive",
      floor: "destructive",
    });
  });

  it("never calls python, pwsh or cmd read_only without proof", () => {
    expect(classifyScript(parser, "python", "print('hello')")).toMatchObject({
      risk: "modifying",
      floor: "read_only",
    });
    expect(classifyScript(parser, "pwsh", "Get-Process")).toMatchObject({
      risk: "modifying",
      floor: "read_only",
    });
    expect(classifyScript(parser, "cmd", "dir")).toMatchObject({
      risk: "modifying",
      floor: "read_only",
    });
  });

  it("proves what it finds in python, pwsh and cmd", () => {
    expect(classifyScript(parser, "python", "import shutil\nshutil.rmtree('/srv/data')").risk).toBe(
      "destructive",
    );
    expect(
      classifyScript(
        parser,
        "python",
        "import subprocess\nsubprocess.run(['systemctl', 'restart', 'nginx'])",
      ),
    ).toMatchObject({ risk: "modifying", floor: "modifying" });
    expect(classifyScript(parser, "pwsh", "Remove-Item -Recurse C:\\data")).toMatchObject({
      risk: "destructive",
      floor: "destructive",
    });
    expect(classifyScript(parser, "cmd", "rd /s /q C:\\data")).toMatchObject({
      risk: "destructive",
      floor: "destructive",
    });
  });

  it("says so for a language it does not know", () => {
    expect(classifyScript(parser, "fortran", "print *, 'hi'")).toMatchObject({
      risk: "modifying",
      floor: "read_only",
      reasons: [{ ruleId: "language.unknown" }],
    });
  });

  it("calls an empty script read_only", () => {
    expect(classifyScript(parser, "bash", "# just a comment\n")).toMatchObject({
      risk: "read_only",
      reasons: [{ ruleId: "shell.empty" }],
    });
  });
});

describe("classifyCommands", () => {
  it("takes the highest risk and floor over a step's fences", () => {
    const verdict = classifyCommands(parser, [
      { language: "bash", script: "kubectl get pods" },
      { language: "bash", script: "frobnicate" },
      { language: "sql", script: "UPDATE t SET a = 1 WHERE id = 1" },
    ]);
    expect(verdict).toMatchObject({ risk: "modifying", floor: "modifying" });
    expect(verdict.reasons.map((r) => r.ruleId)).toEqual(["command.unknown", "sql.update"]);
  });

  it("keeps the reasons at the final level, deduplicated", () => {
    const verdict = classifyCommands(parser, [
      { language: "bash", script: "kubectl delete pod a; ls" },
      { language: "bash", script: "kubectl delete pod b" },
      { language: "bash", script: "rm x" },
    ]);
    expect(verdict.risk).toBe("destructive");
    expect(verdict.reasons).toEqual([
      { ruleId: "kubectl.delete", message: "`kubectl delete` removes cluster objects" },
      { ruleId: "rm.delete", message: "`rm` deletes files" },
    ]);
  });

  it("calls a step without commands read_only", () => {
    expect(classifyCommands(parser, [])).toMatchObject({ risk: "read_only", floor: "read_only" });
  });
});

describe("depth limits", () => {
  it("treats code nested deeper than it follows as hiding anything", () => {
    let findScript = "find . -exec rm {} +";
    for (let i = 0; i < 6; i++) findScript = `find . -exec sh -c ${JSON.stringify(findScript)} \\;`;
    let bashScript = "ls";
    for (let i = 0; i < 6; i++) bashScript = `bash -c ${JSON.stringify(bashScript)}`;
    for (const script of [findScript, bashScript]) {
      const verdict = classifyScript(parser, "bash", script, { maxDepth: 2 });
      expect(verdict).toMatchObject({ risk: "destructive", floor: "destructive" });
      expect(verdict.reasons.map((r) => r.ruleId)).toContain("shell.depth-limit");
    }
  });
});

describe("public exports", () => {
  it("pins the module's API", () => {
    expect(Object.keys(classify).sort()).toEqual([
      "TOOL_FAMILIES",
      "classifyCommands",
      "classifyScript",
      "classifySql",
      "loadBashParser",
      "toolFor",
    ]);
  });
});

describe("scripts too deep to read", () => {
  it("are destructive: what is cut off may hide anything", () => {
    const script = `echo ${"$(echo ".repeat(2000)}rm -rf /${")".repeat(2000)}`;
    expect(classifyScript(parser, "bash", script)).toMatchObject({
      risk: "destructive",
      floor: "destructive",
      reasons: [{ ruleId: "shell.too-deep" }],
    });
  });
});
