// The default model must be one the installed SDK knows and does not mark deprecated, so an
// end-of-life date can never again pass unnoticed (claude-sonnet-4-5 did, on 2026-11-30).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/config/types.js";

/** The installed `@anthropic-ai/sdk` package folder. */
function sdkRoot(): string {
  const entry = fileURLToPath(import.meta.resolve("@anthropic-ai/sdk"));
  return path.dirname(entry);
}

/** The keys of the SDK's own `DEPRECATED_MODELS` table (not exported, so read from its file). */
async function deprecatedModels(): Promise<string[]> {
  const text = await readFile(
    path.join(sdkRoot(), "internal", "data", "deprecated-models.js"),
    "utf8",
  );
  const table = /DEPRECATED_MODELS\s*=\s*\{([^}]*)\}/.exec(text)?.[1];
  if (table === undefined) throw new Error("the SDK's DEPRECATED_MODELS table was not found");
  return [...table.matchAll(/['"]([^'"]+)['"]\s*:/g)].map((match) => match[1] ?? "");
}

/** The model ids of the SDK's `Model` type. */
async function knownModels(): Promise<string[]> {
  const text = await readFile(
    path.join(sdkRoot(), "resources", "messages", "messages.d.ts"),
    "utf8",
  );
  const union = /export type Model =([^;]*);/.exec(text)?.[1];
  if (union === undefined) throw new Error("the SDK's Model type was not found");
  return [...union.matchAll(/'([^']+)'/g)].map((match) => match[1] ?? "");
}

describe("the default Claude model", () => {
  it("reads the SDK's tables (so the checks below cannot pass on an empty list)", async () => {
    expect(await deprecatedModels()).toContain("claude-opus-4-5");
    expect((await knownModels()).length).toBeGreaterThan(5);
  });

  it("is not in the SDK's table of deprecated models", async () => {
    expect(await deprecatedModels()).not.toContain(DEFAULT_CONFIG.llmModel);
  });

  it("is a model id the SDK knows", async () => {
    expect(await knownModels()).toContain(DEFAULT_CONFIG.llmModel);
  });
});
