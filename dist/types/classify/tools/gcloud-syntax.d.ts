import { type Syntax } from "../grammar/syntax.js";
/** The flags of a gcloud read. */
export declare const GCLOUD_READ: Syntax;
/**
 * `gcloud compute ssh VM --command '…'` (the command is classified like `ssh host '…'`): the
 * flags that only choose how to connect. `--ssh-flag` hands ssh options through (a
 * `ProxyCommand` runs here), `--container` and `--ssh-key-file` are not known to be safe.
 */
export declare const GCLOUD_SSH: Syntax;
