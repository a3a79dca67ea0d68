import * as core from "@actions/core";
import type { RunnerIO } from "./ports.js";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * An input's value as `core.getInput` reads it (`INPUT_<NAME>`, spaces as `_`, upper case,
 * trimmed; `""` when unset), but from `env`: the action takes its inputs, tokens among them,
 * out of `process.env` at start-up, where `core.getInput` would look for them.
 */
export function inputFrom(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

/**
 * The runner's side of {@link RunnerIO}: workflow commands, `GITHUB_OUTPUT`, the job summary.
 * Inputs are read from `env`, the environment as it was at start-up.
 */
export function createActionIO(env: Env = process.env): RunnerIO {
  return {
    getInput: (name) => inputFrom(env, name),
    setOutput: (name, value) => core.setOutput(name, value),
    annotate: ({ kind, message, title, file, line, column }) => {
      // @actions/core escapes the message and every property of the workflow command.
      const properties = {
        ...(title === undefined ? {} : { title }),
        ...(file === undefined ? {} : { file }),
        ...(line === undefined ? {} : { startLine: line }),
        ...(column === undefined ? {} : { startColumn: column }),
      };
      core[kind](message, properties);
    },
    // The runner reads a workflow command at the start of any log line, and messages may name
    // files from the pull request: keep each message on one line that cannot start with `::`.
    info: (message) => core.info(message.replace(/[\r\n]+/g, " ").replace(/^::/, " ::")),
    setSecret: (value) => core.setSecret(value),
    writeSummary: async (markdown) => {
      // Outside the runner there is no summary file; @actions/core would throw.
      if ((process.env["GITHUB_STEP_SUMMARY"] ?? "") === "") return;
      await core.summary.addRaw(markdown).write();
    },
    fail: (message) => core.setFailed(message),
    writeLog: (text) => process.stdout.write(text),
    saveState: (name, value) => core.saveState(name, value),
    getState: (name) => core.getState(name),
  };
}
