import path from "node:path";
import type { Command } from "commander";
import { escapeLine } from "../../../present/escape/terminal.js";
import { readConfigBytes, readConfigFile } from "../../../config/file-layer.js";
import { findConfigFile } from "../../../config/find.js";
import { unsafeOwnership } from "../../../config/ownership.js";
import { splitUnsafeSettings } from "../../../config/safety.js";
import { trustFile } from "../../../config/trust.js";
import { RunbookExecError } from "../../../core/errors.js";
import { ALL_RULES } from "../../../lint/registry.js";
import type { CliContext } from "../io.js";

const EXAMPLES = `
Examples:
  $ runbook-exec trust                      (the .runbook-exec.toml the search finds from here)
  $ runbook-exec trust ops/.runbook-exec.toml

A repository's .runbook-exec.toml may lower safety (auto-approve above read_only, pass the
tool's secrets to steps, remap interpreters, turn error rules down, weaker containment, an audit
key file) only once you trust its exact content. The sha256 is recorded in
$XDG_CONFIG_HOME/runbook-exec/trusted (default ~/.config/runbook-exec/trusted); any change to the
file needs a new trust.`;

/** Adds `trust [FILE]` to the program. */
export function registerTrust(program: Command, context: CliContext): void {
  program
    .command("trust")
    .description("trust the exact content of a repository's .runbook-exec.toml (like direnv allow)")
    .argument("[file]", "the config file (default: the one found from the working directory)")
    .addHelpText("after", EXAMPLES)
    .action(async (file: string | undefined) => {
      context.setExitCode(await trust(file, context));
    });
}

async function trust(given: string | undefined, context: CliContext): Promise<number> {
  const file =
    given === undefined
      ? await findConfigFile(context.cwd, { home: context.env["HOME"] })
      : path.resolve(context.cwd, given);
  if (file === undefined) {
    throw new RunbookExecError(
      "USAGE",
      "no .runbook-exec.toml found from here up to the repository root or your home directory; fix: name the file: `runbook-exec trust FILE`",
    );
  }
  const unsafe = unsafeOwnership(file);
  if (unsafe !== undefined)
    throw new RunbookExecError("USAGE", `refusing to trust it: ${unsafe}`, { file });
  const bytes = await readConfigBytes(file);
  const layer = await readConfigFile(file, ALL_RULES, bytes);
  const entry = trustFile(file, bytes, context.env);
  if (entry === undefined) {
    throw new RunbookExecError(
      "USAGE",
      "cannot record the trust: neither HOME nor XDG_CONFIG_HOME is set to an absolute path",
    );
  }
  const { ignored } = splitUnsafeSettings(layer, ALL_RULES);
  const allowed =
    ignored.length === 0
      ? "it sets nothing that lowers safety"
      : `it may now set: ${ignored.map((setting) => setting.shown).join("; ")}`;
  context.stdout.write(
    `${escapeLine(`trusted ${entry.file} (sha256 ${entry.sha256}); ${allowed}. Any change to the file needs a new trust.`)}\n`,
  );
  return 0;
}
