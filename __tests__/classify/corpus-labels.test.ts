import { beforeAll, describe, expect, it } from "vitest";
import { compareLabels, type LabelComparison } from "../../bench/corpus/compare.js";
import { STEP_LABELS } from "../../bench/corpus/labels.js";
import { walkCorpus } from "../../bench/corpus/steps.js";
import { loadBashParser } from "../../src/classify/index.js";
import { CORPUS_RUNBOOKS_DIR, skipCorpus } from "../helpers/corpus.js";

/**
 * The hand labels of every step in ../shared/corpus/runbooks (bench/corpus/labels.ts) held
 * against the rules: a step the rules rate `read_only` must be one a person labelled `read`
 * (safety invariant 9 on real runbooks, placeholders bound), and every step has a label.
 */
let comparison: LabelComparison;

beforeAll(async () => {
  if (skipCorpus) return;
  const parser = await loadBashParser();
  comparison = compareLabels((await walkCorpus(parser, CORPUS_RUNBOOKS_DIR)).steps, STEP_LABELS);
});

describe.skipIf(skipCorpus)("hand-labelled corpus steps", () => {
  it("rates no step read_only that a person labelled as more than a read", () => {
    expect(
      comparison.falseProofs.map(({ step, label, why }) => `${step.key}: ${label} (${why})`),
    ).toEqual([]);
  });

  it("has a label for every step with commands, and no label for a step that is gone", () => {
    expect(comparison.unlabelled).toEqual([]);
    expect(comparison.stale).toEqual([]);
    expect(comparison.ceiling).toBeGreaterThan(0);
  });
});
