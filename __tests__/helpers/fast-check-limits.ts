import fc from "fast-check";

// A property that fails is shrunk to a small counterexample, and shrinking over large inputs
// (long texts, many cut points) can take longer than anyone waits: a worker then looked hung
// for hours in CI. Past the limit the search is cut short and the test fails with what it had,
// the seed and the counterexample so far, instead of never ending.
fc.configureGlobal({ interruptAfterTimeLimit: 90_000, markInterruptAsFailure: true });
