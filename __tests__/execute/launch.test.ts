import { describe, expect, it } from "vitest";
import { buildLaunch, shellFlags } from "../../src/execute/launch.js";

describe("buildLaunch", () => {
  it("starts bash without startup files, with errexit and pipefail, script as argument", () => {
    expect(buildLaunch({ program: "bash", args: ["-c"], scriptVia: "argument" }, "df -h")).toEqual({
      file: "bash",
      args: ["--noprofile", "--norc", "-o", "errexit", "-o", "pipefail", "-c", "df -h"],
      stdin: undefined,
    });
  });

  it("recognises a shell by its base name and does not repeat configured long options", () => {
    const launch = buildLaunch(
      { program: "/usr/local/bin/bash", args: ["--norc", "-c"], scriptVia: "argument" },
      "true",
    );
    expect(launch.args).toEqual([
      "--noprofile",
      "--norc",
      "-o",
      "errexit",
      "-o",
      "pipefail",
      "-c",
      "true",
    ]);
  });

  it("gives sh errexit only, because dash has no pipefail", () => {
    expect(shellFlags("sh")).toEqual(["-e"]);
  });

  it("adds nothing to non-shells and puts a stdin script on stdin", () => {
    expect(
      buildLaunch({ program: "psql", args: ["-X", "-f", "-"], scriptVia: "stdin" }, "select 1;"),
    ).toEqual({
      file: "psql",
      args: ["-X", "-f", "-"],
      stdin: "select 1;",
    });
  });
});
