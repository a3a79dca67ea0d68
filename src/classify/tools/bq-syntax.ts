import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * bq's grammar for the commands that read (bq 2.1, `bq --helpfull` and `bq help COMMAND`).
 * bq parses with absl flags: `--name=value`, `--name value` or one dash (`-project_id x`), no
 * abbreviations, a boolean is `--name`, `--name=false` or `--noname`, and global flags may
 * also follow the command. `!` marks what is not a proven read: flags that write files
 * (`--apilog`, `--log_dir`, `--profile_file`, `--service_account_credential_file`), read more
 * flags from a file (`--flagfile`, `--bigqueryrc`) or accept unknown ones (`--undefok`), send
 * the request elsewhere (`--api`, `--universe_domain`, `--discovery_file`, the proxy flags),
 * act as another identity, set job properties, or start a debugger or profiler.
 */

/** absl flags: booleans (`q,quiet` → also `--noquiet`) and value flags, `!` for unsafe. */
function absl(booleans: string, values: string): string {
  const bools = booleans
    .split(/\s+/)
    .filter((b) => b !== "")
    .map((entry) => {
      const unsafe = entry.startsWith("!") ? "!" : "";
      const names = entry.replace(/^!/, "").split(",");
      // absl negates the flag's name, never its short name (`-sync`, `--nosynchronous_mode`).
      const long = names.reduce((a, b) => (b.length > a.length ? b : a), "");
      return `${unsafe}${names.join(",")}[=] ${unsafe}no${long}`;
    });
  const valued = values
    .split(/\s+/)
    .filter((v) => v !== "")
    .map((v) => `${v}=`);
  return [...bools, ...valued].join(" ");
}

const GLOBAL = absl(
  "helpfull helpshort helpxml only_check_args alsologtostderr logtostderr showprefixforinfo debug_mode disable_ssl_validation enable_gdrive enable_resumable_uploads fingerprint_job_id headless jobs_query_use_request_id jobs_query_use_results_from_response mtls q,quiet sync,synchronous_mode use_lep use_regional_endpoints use_rep use_google_auth !pdb !pdb_post_mortem !run_with_pdb !run_with_profiling !use_cprofile_for_profiling !use_gce_service_account",
  "logger_levels stderrthreshold v,verbosity oauth_access_token quota_project_id alpha api_version dataset_id format httplib2_debuglevel location max_rows_per_request project_id request_reason ca_certificates_file job_id trace bigquery_discovery_api_key !profile_file !log_dir !application_default_credential_file !credential_file !service_account !service_account_credential_file !service_account_private_key_file !service_account_private_key_password !api !apilog !bigqueryrc !discovery_file !job_property !proxy_address !proxy_password !proxy_port !proxy_username !universe_domain !flagfile !undefok",
);

const command = (booleans: string, values: string): Syntax =>
  syntax(absl(booleans, values), { abbreviate: false, singleDashLong: true, inherit: true });

const LS = command(
  "a,all all_jobs capacity_commitment connection d,datasets j,jobs m,models print_last_token print_unreachable p,projects reservation reservation_assignment routines row_access_policies transfer_config transfer_log transfer_run",
  "filter max_creation_time n,max_results message_type min_creation_time k,page_token parent_job_id run_attempt transfer_location",
);

/** `bq [global flags] COMMAND [flags] [args]` for the reading commands. */
export const BQ: Syntax = syntax(GLOBAL, {
  abbreviate: false,
  singleDashLong: true,
  subcommands: {
    ls: LS,
    show: command(
      "capacity_commitment connection d,dataset encryption_service_account j,job materialized_view m,model reservation reservation_assignment routine schema table_replica transfer_config transfer_run view",
      "assignee_id assignee_type dataset_view job_type",
    ),
    head: command("j,job t,table", "n,max_rows c,selected_fields s,start_row"),
    wait: command("fail_on_error", "wait_for_status"),
    "get-iam-policy": command("connection d,dataset routine t,table", ""),
    version: command("", ""),
    info: command("", ""),
    help: command("", ""),
  },
});
