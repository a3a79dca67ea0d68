// The hand labels held against the rules' verdicts: the honest ceiling (steps labelled `read`),
// the gap (labelled `read`, not rated `read_only`) and the false proofs (rated `read_only`,
// labelled anything else), which must never happen.
import type { StepLabel } from "./labels.js";
import type { CorpusStep } from "./steps.js";

/** A step with its hand label. */
export interface LabelledStep {
  readonly step: CorpusStep;
  readonly label: StepLabel;
  readonly why: string;
}

/** What the labels say about the verdicts. */
export interface LabelComparison {
  /** Steps labelled `read`: the share that could honestly run without approval. */
  readonly ceiling: number;
  /** Steps rated `read_only` after binding. */
  readonly ratedReadOnly: number;
  /** Labelled `read` but not rated `read_only`. */
  readonly gap: readonly LabelledStep[];
  /** Rated `read_only` but labelled otherwise. */
  readonly falseProofs: readonly LabelledStep[];
  /** Steps without a label, and labels that name no step (the corpus or the parser moved). */
  readonly unlabelled: readonly string[];
  readonly stale: readonly string[];
  /** Steps by label. */
  readonly byLabel: ReadonlyMap<StepLabel, number>;
}

/** Holds `labels` against `steps`. */
export function compareLabels(
  steps: readonly CorpusStep[],
  labels: Readonly<Record<string, readonly [StepLabel, string]>>,
): LabelComparison {
  const labelled: LabelledStep[] = [];
  const unlabelled: string[] = [];
  for (const step of steps) {
    const entry = labels[step.key];
    if (entry === undefined) unlabelled.push(step.key);
    else labelled.push({ step, label: entry[0], why: entry[1] });
  }
  const keys = new Set(steps.map((step) => step.key));
  const byLabel = new Map<StepLabel, number>();
  for (const { label } of labelled) byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
  const rated = (s: LabelledStep): boolean => s.step.after.risk === "read_only";
  return {
    ceiling: byLabel.get("read") ?? 0,
    ratedReadOnly: steps.filter((step) => step.after.risk === "read_only").length,
    gap: labelled.filter((s) => s.label === "read" && !rated(s)),
    falseProofs: labelled.filter((s) => s.label !== "read" && rated(s)),
    unlabelled,
    stale: Object.keys(labels).filter((key) => !keys.has(key)),
    byLabel,
  };
}
