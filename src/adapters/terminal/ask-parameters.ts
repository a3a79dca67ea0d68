import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { RunbookExecError } from "../../core/errors.js";
import type { AskParameters, ParameterSpec } from "../../plan/parameters.js";
import { escapeControlChars } from "../../present/escape/terminal.js";

/** Streams for {@link terminalParameterAsker}. */
export interface AskParametersOptions {
  /** Usually `process.stdin`; a TTY. */
  readonly input: NodeJS.ReadableStream;
  /** Where the questions go, usually `process.stderr`. */
  readonly output: NodeJS.WritableStream;
}

/**
 * Asks the operator once for each missing parameter, before the first step: the name, its
 * description, and the steps that use it as context. Secret values are not echoed. The input
 * ending before an answer stops the run (nothing has executed yet).
 */
export function terminalParameterAsker(options: AskParametersOptions): AskParameters {
  return async (missing) => {
    const answers: Record<string, string> = {};
    options.output.write(
      `The runbook needs ${missing.length} value${missing.length === 1 ? "" : "s"} before the first step:\n`,
    );
    for (const spec of missing) {
      options.output.write(describe(spec));
      answers[spec.name] = await askOne(options, `${spec.name}: `, spec.secret);
    }
    return answers;
  };
}

function describe(spec: ParameterSpec): string {
  const shown = (text: string): string => escapeControlChars(text, "visible").replaceAll("\n", " ");
  const lines = [`\n${shown(spec.name)}${spec.secret ? " (secret, not echoed)" : ""}`];
  if (spec.description !== undefined) lines.push(`  ${shown(spec.description)}`);
  for (const user of spec.usedBy) lines.push(`  used by step ${user.step}: ${shown(user.text)}`);
  return `${lines.join("\n")}\n`;
}

function askOne(options: AskParametersOptions, prompt: string, secret: boolean): Promise<string> {
  let muted = false;
  // Echo goes through this stream; while a secret is typed nothing reaches the terminal.
  const echo = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      if (!muted) options.output.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: options.input, output: echo, terminal: true });
  return new Promise<string>((resolve, reject) => {
    let answered = false;
    rl.on("close", () => {
      if (answered) return;
      reject(
        new RunbookExecError(
          "USAGE",
          `no value given for \`${prompt.slice(0, -2)}\`; nothing ran. Pass it with \`--var\``,
        ),
      );
    });
    rl.question(prompt, (answer) => {
      answered = true;
      if (secret) options.output.write("\n");
      rl.close();
      resolve(answer);
    });
    muted = secret;
  });
}
