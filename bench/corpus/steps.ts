// The steps with commands of the runbooks in ../shared/corpus/runbooks, each classified twice:
// as the tool read it before issue 12 (sessions and placeholders as written) and as it runs
// now, with every placeholder bound to a dummy value the way an operator's `--var` binds it.
// Shared by bench/corpus/run.ts and the test that holds the hand labels against the verdicts.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { Parser } from "web-tree-sitter";
import { classifyCommands, type RuleVerdict } from "../../src/classify/index.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import type { RiskLevel } from "../../src/core/risk.js";
import type { Runbook, Step } from "../../src/core/runbook.js";
import { parseRunbook, readRunbookFile } from "../../src/parse/index.js";
import { classificationCommands, parameterizeRunbook } from "../../src/plan/parameterize.js";
import { parameterSpecs } from "../../src/plan/parameters.js";

/** The value every placeholder is bound to. */
const DUMMY = "example-1";

/** One step with commands, classified before and after. */
export interface CorpusStep {
  /** `path:line` under the runbooks directory, the key of the hand labels. */
  readonly key: string;
  readonly before: RiskLevel;
  readonly after: RuleVerdict;
  readonly withPlaceholders: boolean;
  readonly unbindable: boolean;
  readonly withSession: boolean;
  /** The first line of the step's first script, for a listing. */
  readonly firstLine: string;
}

/** What a corpus walk found besides the steps. */
export interface CorpusWalk {
  readonly files: number;
  readonly steps: readonly CorpusStep[];
  /** Runbooks with executable fences and no numbered steps. */
  readonly unstepped: number;
  /** Executable fences outside any step. */
  readonly strayFences: number;
}

/** The runbooks of the corpus (`.md`, `.md.erb`), without its README and licence files, sorted. */
export function corpusMarkdown(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) return corpusMarkdown(full);
      return /\.md(\.erb)?$/.test(name) && !/^(README|LICEN[CS]E)/i.test(name) ? [full] : [];
    })
    .sort();
}

/** The step's scripts as the tool read them before issue 12: sessions and placeholders as written. */
function asWritten(step: Step, runbook: Runbook): { language: string; script: string }[] {
  return step.commands.map((command) => {
    const block = runbook.codeBlocks.find((b) => b.line === command.line);
    return {
      language: command.language,
      script:
        block?.prompts?.kind === "session"
          ? block.value
          : (command.writtenScript ?? command.script),
    };
  });
}

/** Every step with commands under `dir`, classified by the rules alone. */
export async function walkCorpus(parser: Parser, dir: string): Promise<CorpusWalk> {
  const files = corpusMarkdown(dir);
  const steps: CorpusStep[] = [];
  let unstepped = 0;
  let strayFences = 0;
  for (const file of files) {
    const parsed = parseRunbook(await readRunbookFile(file), { ...DEFAULT_CONFIG });
    const runbook = parameterizeRunbook(parsed, parser);
    const values = Object.fromEntries(parameterSpecs(runbook).map((spec) => [spec.name, DUMMY]));
    const stray = runbook.codeBlocks.filter(
      (b) => b.executable && b.kind === "fenced" && b.stepIndex === undefined,
    );
    if (runbook.steps.length === 0 && stray.length > 0) unstepped++;
    strayFences += stray.length;
    for (const step of runbook.steps) {
      if (step.commands.length === 0) continue;
      const uses = step.commands.flatMap((command) => command.placeholders ?? []);
      steps.push({
        key: `${path.relative(dir, file)}:${step.line}`,
        before: classifyCommands(parser, asWritten(step, runbook)).risk,
        after: classifyCommands(parser, classificationCommands(step, values)),
        withPlaceholders: uses.length > 0,
        unbindable: uses.some((use) => use.binding.kind === "unbindable"),
        withSession: step.commands.some(
          (command) =>
            runbook.codeBlocks.find((b) => b.line === command.line)?.prompts?.kind === "session",
        ),
        firstLine: (step.commands[0]?.script ?? "").split("\n")[0] ?? "",
      });
    }
  }
  return { files: files.length, steps, unstepped, strayFences };
}
