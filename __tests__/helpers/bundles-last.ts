// Test files that run a bundle go last, and the bundles they need start building as the run
// starts, one after another beside the other tests; run first, every worker would wait on the
// same build.
import { readFileSync } from "node:fs";
import { BaseSequencer, type TestSpecification } from "vitest/node";
import { BUILD_OF, buildOnce, type Build, type BundleEntry } from "./bundle-build.js";

/** How a test file asks for a bundle: the helper itself or the harnesses' wrappers of it. */
const ASKS: readonly { readonly pattern: RegExp; readonly build: Build }[] = [
  { pattern: /\bbuildActionBundle\(/, build: "action" },
  { pattern: /\bbuildCliBundle\(/, build: "cli" },
];
const FRESH_BUNDLE = /\bfreshBundle\("([a-z]+\.js)"\)/g;

/** The builds a test file asks for, by reading it. */
function buildsOf(file: TestSpecification): Build[] {
  const text = readFileSync(file.moduleId, "utf8");
  const builds = ASKS.filter(({ pattern }) => pattern.test(text)).map((ask) => ask.build);
  for (const [, entry] of text.matchAll(FRESH_BUNDLE)) {
    const build = BUILD_OF[entry as BundleEntry] as Build | undefined;
    if (build !== undefined) builds.push(build);
  }
  return builds;
}

export class BundlesLastSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const needs = new Map(sorted.map((file) => [file, buildsOf(file)]));
    const users = sorted.filter((file) => (needs.get(file) ?? []).length > 0);
    const first = users[0];
    if (first !== undefined) {
      prebuild(first.project.getProvidedContext(), new Set([...needs.values()].flat()));
    }
    return [...sorted.filter((file) => !users.includes(file)), ...users];
  }
}

/** Builds `builds` in the background unless a prebuilt dist/ is used; tests join or wait. */
function prebuild(
  context: { readonly bundleDir: string; readonly prebuiltDist: string },
  builds: ReadonlySet<Build>,
): void {
  if (context.prebuiltDist !== "") return;
  void [...builds]
    .reduce<Promise<unknown>>(
      (previous, build) => previous.then(() => buildOnce(context.bundleDir, build)),
      Promise.resolve(),
    )
    // A failed build is reported by the tests that need it (its `failed` marker).
    .catch(() => undefined);
}
