import * as core from "@actions/core";
import type { RunnerIO } from "./ports.js";

/** The runner's side of {@link RunnerIO}: workflow commands, `GITHUB_OUTPUT`, the job summary. */
export function createActionIO(): RunnerIO {
  return {
    getInput: (name) => core.getInput(name),
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
