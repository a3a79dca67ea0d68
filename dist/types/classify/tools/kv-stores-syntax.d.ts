import { type Syntax } from "../grammar/syntax.js";
/**
 * `vault`: `read` is not here: secrets engines mint credentials on read (`database/creds/…`,
 * `aws/creds/…`), so it changes state. Nor is `kv get`: on a mount that is not KV version 2
 * it reads the path directly (`vault kv get database/creds/ro` is that read). `kv metadata
 * get` only reaches a KV v2 mount's `metadata/` path.
 */
export declare const VAULT: Syntax;
/** `consul`: members, info, `kv get`, the catalog and version. */
export declare const CONSUL: Syntax;
/** `nomad`: status and version, job, node and alloc status. */
export declare const NOMAD: Syntax;
/** `etcdctl` (v3): get, watch, member list, endpoint health/status, version. Not `check perf` (it writes keys). */
export declare const ETCDCTL: Syntax;
/** `sops -d FILE`: decrypt to standard output, never in place or to `--output`. */
export declare const SOPS: Syntax;
