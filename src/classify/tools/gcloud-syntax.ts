import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The flags a `gcloud` read may carry (Google Cloud SDK 4xx, `gcloud topic flags` and the
 * list/describe commands' `--help`). Flags go anywhere after `gcloud`, are never abbreviated,
 * and `--flag=value` or `--flag value` both work. The command path and the resource operands
 * are the rule's business; this only accounts for the flags: the global ones, the common
 * list/describe ones and the flags that pick a resource's scope. Anything else (a flag that
 * writes a file such as `--out-file`, one that reads flags from a file such as `--flags-file`,
 * `--impersonate-service-account`, which acts as another identity) is not a proven read.
 */
const GLOBAL = [
  "account= billing-project= configuration= flatten= format= h help log-http[=] project= q quiet[=] trace-token= user-output-enabled[=] no-user-output-enabled verbosity= access-token-file=",
  "!flags-file= !impersonate-service-account=",
];

/** How `gcloud compute ssh` connects (`!`: hands options to ssh, picks a key or a container). */
const SSH_FLAGS =
  "command= zone= tunnel-through-iap[=] internal-ip[=] strict-host-key-checking= ssh-key-expire-after= troubleshoot[=] plain[=] dry-run[=] !ssh-flag= !ssh-key-file= !container= !force-key-file-overwrite[=]";

/** The flags of a gcloud read. */
export const GCLOUD_READ: Syntax = syntax(
  [
    ...GLOBAL,
    SSH_FLAGS,
    // list and describe
    "filter= limit= page-size= sort-by= uri[=] show-all[=] all[=] recursive[=] long[=]",
    // where a resource lives
    "zones= region= regions= location= locations= global[=] organization= folder= cluster= instance= database= dataset= keyring= key= secret= service= namespace= network= subnet= node-pool= repository= bucket= job= topic= subscription= platform= member= role= version= revision= format-version=",
    // reads that take a bound
    "freshness= order= severity= log-filter= start-time= end-time= since= lines=",
  ].join(" "),
  { abbreviate: false },
);

/**
 * `gcloud compute ssh VM --command '…'` (the command is classified like `ssh host '…'`): the
 * flags that only choose how to connect. `--ssh-flag` hands ssh options through (a
 * `ProxyCommand` runs here), `--container` and `--ssh-key-file` are not known to be safe.
 */
export const GCLOUD_SSH: Syntax = syntax([...GLOBAL, SSH_FLAGS].join(" "), { abbreviate: false });
