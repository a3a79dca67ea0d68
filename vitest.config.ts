import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["__tests__/**/*.test.ts"],
    globalSetup: ["__tests__/helpers/global-setup.ts"],
    setupFiles: ["__tests__/helpers/fast-check-limits.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share their worker's module cache instead of loading src/ (tree-sitter, the SDKs)
    // afresh each: isolated, loading took more time than the tests. A file that changes
    // process-wide state (environment, mocks, listeners) puts it back in its own hooks.
    isolate: false,
    // vitest's default on 2 cores is one worker; most files wait on child processes, fake
    // servers and timers, so two keep both cores busy.
    maxWorkers: 2,
  },
});
