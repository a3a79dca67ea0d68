import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ENV_PREFIX } from "../../src/config/env-layer.js";
import { CONFIG_KEYS, KEY_HELP } from "../../src/config/file-schema.js";
import { loadConfig } from "../../src/config/load.js";
import { ALL_RULES } from "../../src/lint/registry.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const docs = readFileSync(path.join(root, "docs", "readme", "configuration.md"), "utf8");

describe("docs/readme/configuration.md", () => {
  it("documents every key, and its environment variable where there is one", () => {
    for (const key of CONFIG_KEYS) {
      const row = docs
        .split("\n")
        .find((line) => line.startsWith(`| \`${key}\``) || line.startsWith(`| \`[${key}]\``));
      expect(row, key).toBeDefined();
      if (KEY_HELP[key].env !== undefined)
        expect(row).toContain(`${ENV_PREFIX}${key.toUpperCase()}`);
    }
  });

  it("has an example file that loads", async () => {
    const example = /```toml\n([^]*?)```/.exec(docs)?.[1];
    expect(example).toBeDefined();
    const dir = mkdtempSync(path.join(tmpdir(), "runbook-exec-docs-"));
    try {
      writeFileSync(path.join(dir, ".runbook-exec.toml"), example ?? "");
      const config = await loadConfig({ cwd: dir, env: {}, knownRules: ALL_RULES });
      expect(config.auditLogDir).toBe(path.join(dir, "audit"));
      expect(config.rules).toEqual({ RB005: "off", RB006: "error" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
