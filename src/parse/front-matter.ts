import { LineCounter, parseDocument } from "yaml";
import type { FrontMatter, StepMode } from "../core/runbook.js";
import { parseParameters } from "./parameters.js";

/** Front matter as parsed, or the line of the problem when it does not parse. */
export type FrontMatterResult =
  | { readonly ok: true; readonly value: FrontMatter }
  | { readonly ok: false; readonly line: number; readonly message: string };

const STEP_MODES: ReadonlySet<string> = new Set<StepMode>(["numbered", "fences"]);

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
  if (typeof data !== "object" || Array.isArray(data)) {
    return {
      ok: false,
      line: startLine + 1,
      message: "front matter must be a YAML mapping (key: value)",
    };
  }
  const {
    title,
    parameters: _parameters,
    owners,
    steps,
    ...extra
  } = data as Record<string, unknown>;
  const lineOf = (offset: number): number => startLine + lineCounter.linePos(offset).line;
  const parameters = parseParameters(document.get("parameters", true), lineOf);
  const stepMode = typeof steps === "string" && STEP_MODES.has(steps) ? steps : undefined;
  const problems = [...parameters.problems];
  if (steps !== undefined && stepMode === undefined) {
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
      title: typeof title === "string" ? title : undefined,
      parameters: parameters.declarations,
      problems,
      stepMode: stepMode as StepMode | undefined,
      owners: Array.isArray(owners)
        ? owners.map(String)
        : typeof owners === "string"
          ? [owners]
          : [],
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
