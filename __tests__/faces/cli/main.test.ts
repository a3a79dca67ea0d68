import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, run } from "./harness.js";

const pkg = JSON.parse(
  readFileSync(path.join(FIXTURES, "..", "..", "..", "package.json"), "utf8"),
) as { version: string };

describe("main: the program shell", () => {
  it("prints the package version", async () => {
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("prints help with the subcommands, exit 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Usage: runbook-exec \[options\] \[command\]/);
    expect(stdout).toMatch(/validate \[options\] <inputs\.\.\.>/);
  });

  it("prints mcp-server's help with its flags, exit 0", async () => {
    const { code, stdout } = await run(["mcp-server", "--help"]);
    expect(code).toBe(0);
    for (const flag of ["--root <dir>", "--config <path>", "--no-llm"])
      expect(stdout).toContain(flag);
    expect(stdout).toContain("claude mcp add runbook-exec -- npx runbook-exec mcp-server");
  });

  it.each([
    [["mcp-server", "--stdio", "extra"], /unknown option '--stdio'/],
    [["mcp-server", "--root", "/nonexistent/dir"], /--root \/nonexistent\/dir is not a directory/],
  ])("%s: a usage error before serving, exit 2, nothing on stdout", async (argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
  });

  it("prints validate's help with every flag and examples", async () => {
    const { code, stdout } = await run(["validate", "--help"]);
    expect(code).toBe(0);
    for (const flag of [
      "--format <format>",
      "--output <file>",
      "--config <path>",
      "--no-llm",
      "--strict",
      "--inline-code-commands",
      "--quiet",
    ]) {
      expect(stdout).toContain(flag);
    }
    // Commander wraps help at 80 columns; compare with the wrapping undone.
    expect(stdout.replace(/\s+/g, " ")).toContain(
      '(choices: "text", "json", "sarif", "github", default: "text")',
    );
    expect(stdout).toContain("$ runbook-exec validate runbooks/");
    expect(stdout).toContain(
      "Exit codes: 0 no error findings, 1 error findings, 2 unreadable input",
    );
  });

  it.each([
    [
      ["validate", "runbooks/clean.md", "--frobnicate"],
      "runbook-exec: unknown option '--frobnicate' (see --help)\n",
    ],
    [["validate"], "runbook-exec: missing required argument 'inputs' (see --help)\n"],
    [
      ["validate", "x.md", "--format", "xml"],
      "runbook-exec: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, github. (see --help)\n",
    ],
    [["frobnicate"], "runbook-exec: unknown command 'frobnicate' (see --help)\n"],
    [
      ["validate", "x.md", "--formt", "json"],
      "runbook-exec: unknown option '--formt' (Did you mean --format?) (see --help)\n",
    ],
    [
      ["validate", "x.md", "--output"],
      "runbook-exec: option '-o, --output <file>' argument missing (see --help)\n",
    ],
  ])("exits 2 with one line for commander's error on %j", async (argv, stderr) => {
    expect(await run(argv)).toEqual({ code: 2, stdout: "", stderr });
  });

  it("exits 2 and shows the help on stderr when no command is given", async () => {
    const { code, stdout, stderr } = await run([]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain("Usage: runbook-exec");
  });

  it("turns an unexpected exception into one line and a hint, exit 2, no stack trace", async () => {
    const broken = {
      write: (): never => {
        throw new Error("stream exploded\nsecond line");
      },
    };
    const { code, stderr } = await run(["validate", "runbooks/clean.md", "--no-llm"], {
      stdout: broken,
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      "runbook-exec: internal error: stream exploded\n" +
        "runbook-exec: this is a bug; please report it at https://github.com/runbook-exec/runbook-exec/issues (set RUNBOOK_EXEC_DEBUG=1 to see the stack trace)\n",
    );
  });

  it("adds the stack trace when RUNBOOK_EXEC_DEBUG=1", async () => {
    const broken = {
      write: (): never => {
        throw new Error("stream exploded");
      },
    };
    const { code, stderr } = await run(["validate", "runbooks/clean.md", "--no-llm"], {
      stdout: broken,
      env: { RUNBOOK_EXEC_DEBUG: "1" },
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/internal error: stream exploded\n[^]*\n {4}at .*validate/);
  });
});
