import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { FrontMatter, StepMode } from "../core/runbook.js";
import { parseParameters } from "./parameters.js";

/** Front matter as parsed, or the line of the problem when it does not parse. */
export type FrontMatterResult =
  | { readonly ok: true; readonly value: FrontMatter }
  | { readonly ok: false; readonly line: number; readonly message: string };

/**
 * A front-matter mapping: the keys this tool reads, every other key kept as written. `title` and
 * `owners` of another shape are ignored, as they always were; `steps` is checked on its own (a
 * problem at its line); `parameters` is read from the YAML nodes (parameters.ts), which know the
 * line of each declaration.
 */
const FRONT_MATTER = z.looseObject(
  {
    title: z.string().optional().catch(undefined),
    owners: z
      .union([
        z.string().transform((owner) => [owner]),
        z.array(z.unknown()).transform((owners) => owners.map(String)),
      ])
      .optional()
      .catch(undefined),
    steps: z.unknown().optional(),
    parameters: z.unknown().optional(),
  },
  { error: "front matter must be a YAML mapping (key: value)" },
);

const STEP_MODE = z.enum(["numbered", "fences"] satisfies StepMode[]).optional();

/**
 * Parses YAML front matter. `startLine` is the line of the opening `---`, so error lines
 * point into the runbook, not into the YAML snippet.
 */
export function parseFrontMatter(yaml: string, startLine: number): FrontMatterResult {
  const lineCounter = new LineCounter();
  const document = parseDocument(yaml, { lineCounter });
  const [error] = document.errors;
  if (error !== undefined) {
    const line = error.linePos?.[0]?.line ?? 1;
    const message = error.message.split("\n")[0] ?? "";
    return {
      ok: false,
      line: startLine + line,
      message: `front matter is not valid YAML: ${message}`,
    };
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { ok: true, value: emptyFrontMatter() };
  const checked = FRONT_MATTER.safeParse(data);
  if (!checked.success) {
    return { ok: false, line: startLine + 1, message: checked.error.issues[0]?.message ?? "" };
  }
  const { title, owners, steps, parameters: _parameters, ...extra } = checked.data;
  const lineOf = (offset: number): number => startLine + lineCounter.linePos(offset).line;
  const parameters = parseParameters(document.get("parameters", true), lineOf);
  const stepMode = STEP_MODE.safeParse(steps);
  const problems = [...parameters.problems];
  if (!stepMode.success) {
    problems.push({
      line: lineOf(keyOffset(document, "steps")),
      severity: "error",
      message: `Unexpected \`steps: ${String(steps)}\`, expected \`numbered\` or \`fences\``,
      fix: "Write `steps: fences` to run every executable fence as a step, or remove the key",
    });
  }
  return {
    ok: true,
    value: {
      title,
      parameters: parameters.declarations,
      problems,
      stepMode: stepMode.success ? stepMode.data : undefined,
      owners: owners ?? [],
      extra,
    },
  };
}

function keyOffset(document: ReturnType<typeof parseDocument>, key: string): number {
  const contents = document.contents;
  if (contents !== null && "items" in contents) {
    for (const item of contents.items) {
      if (
        typeof item === "object" &&
        item !== null &&
        "key" in item &&
        (item.key as { value?: unknown } | null)?.value === key
      ) {
        return (item.key as { range?: [number, number, number] }).range?.[0] ?? 0;
      }
    }
  }
  return 0;
}

function emptyFrontMatter(): FrontMatter {
  return {
    title: undefined,
    parameters: [],
    problems: [],
    stepMode: undefined,
    owners: [],
    extra: {},
  };
}
