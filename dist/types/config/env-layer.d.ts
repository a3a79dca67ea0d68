import { type FileLayer } from "./file-schema.js";
/** Environment variables that set configuration keys start with this. */
export declare const ENV_PREFIX = "RUNBOOK_EXEC_";
/**
 * The configuration layer set by `RUNBOOK_EXEC_<KEY>` variables (e.g. `RUNBOOK_EXEC_NO_LLM=1`,
 * `RUNBOOK_EXEC_PASS_ENV=KUBECONFIG,VAULT_ADDR`), validated with the file's schema.
 * Tables (`interpreters`, `rules`) are file-only. An empty variable counts as unset.
 */
export declare function readEnvLayer(env: Readonly<Record<string, string | undefined>>): FileLayer;
