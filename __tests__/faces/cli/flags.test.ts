import path from "node:path";
import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { booleanOverrides, type BooleanFlag } from "../../../src/faces/cli/flags.js";
import { loadConfig } from "../../../src/config/load.js";
import { FIXTURES } from "./harness.js";

const FLAGS: readonly BooleanFlag[] = [
  { option: "dryRun", key: "dryRun" },
  { option: "llm", key: "noLlm" },
  { option: "llmContext", key: "noLlmContext" },
];

/** Parses `argv` with the same kinds of options `run` declares and returns the overrides. */
function overridesFor(argv: readonly string[]): ReturnType<typeof booleanOverrides> {
  const command = new Command("probe")
    .option("--dry-run")
    .option("--no-llm")
    .option("--no-llm-context")
    .exitOverride();
  command.parse([...argv], { from: "user" });
  return booleanOverrides(command, FLAGS);
}

describe("booleanOverrides", () => {
  it("sets nothing for flags left out, despite commander's implicit `true` for --no-x", () => {
    expect(overridesFor([])).toEqual({});
  });

  it("turns on the settings of the flags given", () => {
    expect(overridesFor(["--dry-run", "--no-llm-context"])).toEqual({
      dryRun: true,
      noLlmContext: true,
    });
    expect(overridesFor(["--no-llm"])).toEqual({ noLlm: true });
  });

  it("keeps dry_run and no_llm_context from the config file when the flags are absent", async () => {
    // fixtures/config/project/.runbook-exec.toml sets dry_run = true and no_llm_context = true.
    const cwd = path.join(FIXTURES, "..", "config", "project");
    const config = await loadConfig({
      cwd,
      env: {},
      overrides: overridesFor(["--no-llm"]),
      knownRules: [],
    });
    expect(config).toMatchObject({ dryRun: true, noLlmContext: true, noLlm: true });
  });
});
