import { describe, expect, it } from "vitest";
import { formatDuration } from "../../src/present/format.js";
import { describeFailure } from "../../src/execute/describe-failure.js";

const base = {
  exitCode: 1,
  signal: null,
  timedOut: false,
  canceled: false,
  failed: true,
  durationMs: 1,
};

describe("formatDuration", () => {
  it.each([
    [850, "850 ms"],
    [12_345, "12.3s"],
    [245_000, "4m 05s"],
    [3_720_000, "1h 02m"],
  ])("%d ms → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("describeFailure", () => {
  it("says why, most specific first", () => {
    expect(describeFailure({ ...base, exitCode: 3 })).toBe("exit 3");
    expect(describeFailure({ ...base, exitCode: 137 })).toBe(
      "exit 137 (a command died of SIGKILL)",
    );
    expect(describeFailure({ ...base, exitCode: 141 })).toMatch(
      /^exit 141 \(a command died of SIGPIPE: .*`cmd \| head`/,
    );
    expect(describeFailure({ ...base, exitCode: null, signal: "SIGKILL" })).toBe(
      "killed by SIGKILL",
    );
    expect(describeFailure({ ...base, exitCode: null, signal: "SIGTERM", timedOut: true })).toBe(
      "timed out",
    );
    expect(describeFailure({ ...base, exitCode: null, signal: "SIGTERM", canceled: true })).toBe(
      "canceled",
    );
    expect(describeFailure({ ...base, exitCode: null, spawnError: "cannot start `pwsh`" })).toBe(
      "cannot start `pwsh`",
    );
  });
});
