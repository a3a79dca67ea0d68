import { describe, expect, it } from "vitest";
import { colorEnabled } from "../../../src/present/color.js";
import { RunbookExecError } from "../../../src/core/errors.js";
import {
  displayPath,
  relativeError,
  relativizeReport,
} from "../../../src/present/validate/paths.js";
import { REPORT } from "./golden.js";

describe("colorEnabled", () => {
  it.each([
    [true, {}, true],
    [false, {}, false],
    [true, { NO_COLOR: "1" }, false],
    [true, { NO_COLOR: "" }, true],
    [false, { FORCE_COLOR: "1" }, true],
    [true, { FORCE_COLOR: "0" }, false],
    [false, { FORCE_COLOR: "" }, true],
    [true, { FORCE_COLOR: "1", NO_COLOR: "1" }, false],
    [true, { TERM: "dumb" }, false],
    [false, { TERM: "dumb", FORCE_COLOR: "1" }, true],
  ])("isTTY=%s env=%j → %s", (isTTY, env, expected) => {
    expect(colorEnabled({ isTTY, env })).toBe(expected);
  });
});

describe("paths", () => {
  it("makes absolute paths relative to cwd with forward slashes, and keeps relative ones", () => {
    expect(displayPath("/repo/docs/run books/a.md", "/repo")).toBe("docs/run books/a.md");
    expect(displayPath("/elsewhere/a.md", "/repo")).toBe("../elsewhere/a.md");
    expect(displayPath("docs/a.md", "/repo")).toBe("docs/a.md");
  });

  it("relativizes every runbook in a report", () => {
    const absolute = {
      ...REPORT,
      runbooks: REPORT.runbooks.map((r) => ({ ...r, path: `/repo/${r.path}` })),
    };
    expect(relativizeReport(absolute, "/repo")).toEqual(REPORT);
  });
});

describe("relativeError", () => {
  it("shows an error's file relative to cwd, keeping its code, line and the original as cause", () => {
    const error = new RunbookExecError("INPUT_BINARY", "binary file", {
      file: "/repo/docs/a.md",
      line: 3,
    });
    const relative = relativeError(error, "/repo");
    expect(relative.describe()).toBe("docs/a.md:3: binary file");
    expect(relative.code).toBe("INPUT_BINARY");
    expect(relative.cause).toBe(error);
    const fileless = new RunbookExecError("USAGE", "no file");
    expect(relativeError(fileless, "/repo")).toBe(fileless);
  });
});
