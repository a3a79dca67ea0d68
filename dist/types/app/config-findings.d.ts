import type { ConfigFileReport } from "../core/report.js";
import type { ConfigNotice } from "../config/types.js";
import type { RuleMeta } from "../lint/types.js";
/** A setting that lowers safety, ignored because nobody trusted the file that makes it. */
export declare const UNTRUSTED_CONFIG_SETTING: RuleMeta;
/** A configuration file the search found but did not read. */
export declare const SKIPPED_CONFIG_FILE: RuleMeta;
/** The checks on configuration files, reported beside the lint rules (SARIF lists them all). */
export declare const CONFIG_CHECKS: readonly RuleMeta[];
/** Each configuration file a notice names, with its findings, in the order of the notices. */
export declare function configFindings(notices: readonly ConfigNotice[]): ConfigFileReport[];
