import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ENV_PREFIX } from "../../src/config/env-layer.js";
import { CONFIG_KEYS, KEY_HELP } from "../../src/config/file-schema.js";
import { loadConfig } from "../../src/config/load.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { ALL_RULES } from "../../src/lint/registry.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const docs = readFileSync(path.join(root, "README.md"), "utf8");

describe("README.md, configuration", () => {
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

  it("states the defaults the code uses", () => {
    const row = (key: string): string =>
      docs.split("\n").find((line) => line.startsWith(`| \`${key}\``)) ?? "";
    expect(row("llm_model")).toContain(`\`"${DEFAULT_CONFIG.llmModel}"\``);
    expect(row("timeout_seconds")).toContain(`\`${DEFAULT_CONFIG.timeoutSeconds}\``);
    expect(row("approval_timeout_seconds")).toContain(
      `\`${DEFAULT_CONFIG.approvalTimeoutSeconds}\``,
    );
    expect(row("auto_approve_level")).toContain(`| \`"${DEFAULT_CONFIG.autoApproveLevel}"\` |`);
    expect(row("default_shell")).toContain(`\`"${DEFAULT_CONFIG.defaultShell}"\``);
    expect(row("llm_timeout_seconds")).toContain(`\`${DEFAULT_CONFIG.llmTimeoutSeconds}\``);
    expect(row("llm_concurrency")).toContain(`\`${DEFAULT_CONFIG.llmConcurrency}\``);
    expect(row("max_file_bytes")).toContain(`\`${DEFAULT_CONFIG.maxFileBytes}\``);
    expect(row("audit_log_dir")).toContain(`\`${DEFAULT_CONFIG.auditLogDir}\``);
    expect(row("cache_dir")).toContain(`\`${DEFAULT_CONFIG.cacheDir}\``);
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
