import type { ConfigFileReport, FindingReport } from "../core/report.js";
import { trustCommand } from "../config/notices.js";
import type { ConfigNotice } from "../config/types.js";
import type { RuleMeta } from "../lint/types.js";

/** A setting that lowers safety, ignored because nobody trusted the file that makes it. */
export const UNTRUSTED_CONFIG_SETTING: RuleMeta = {
  id: "CFG001",
  alias: "untrusted-config-setting",
  description:
    "A setting that lowers safety in a configuration file the operator has not trusted was ignored.",
  defaultSeverity: "warning",
};

/** A configuration file the search found but did not read. */
export const SKIPPED_CONFIG_FILE: RuleMeta = {
  id: "CFG002",
  alias: "skipped-config-file",
  description:
    "A configuration file found by the search was skipped: another user owns it, or others may write to it.",
  defaultSeverity: "warning",
};

/** The checks on configuration files, reported beside the lint rules (SARIF lists them all). */
export const CONFIG_CHECKS: readonly RuleMeta[] = [UNTRUSTED_CONFIG_SETTING, SKIPPED_CONFIG_FILE];

function finding(check: RuleMeta, line: number, message: string, fix: string): FindingReport {
  return { ruleId: check.id, severity: check.defaultSeverity, line, column: 1, message, fix };
}

function findingsOf(notice: ConfigNotice): FindingReport[] {
  if (notice.kind === "unsafe_file") {
    return [
      finding(
        SKIPPED_CONFIG_FILE,
        1,
        `Unexpected configuration file that is not safely yours (${notice.detail}), expected a file you own that only you may write; none of its settings were read`,
        "Take the file over (`chown`, `chmod go-w`) if it is yours to keep, or name a file you own with `--config`",
      ),
    ];
  }
  return notice.settings.map(({ key, shown, line }) =>
    finding(
      UNTRUSTED_CONFIG_SETTING,
      line,
      `Unexpected \`${shown}\` in a configuration file you have not trusted, expected only settings that keep safety; \`${key}\` was ignored`,
      `If you have read the file and want its settings, run \`${trustCommand(notice.file)}\` (any later change to the file needs a new trust); or set it in your own config, a flag or the environment`,
    ),
  );
}

/** Each configuration file a notice names, with its findings, in the order of the notices. */
export function configFindings(notices: readonly ConfigNotice[]): ConfigFileReport[] {
  const byFile = new Map<string, FindingReport[]>();
  for (const notice of notices)
    byFile.set(notice.file, [...(byFile.get(notice.file) ?? []), ...findingsOf(notice)]);
  return [...byFile].map(([path, findings]) => ({ path, findings }));
}
