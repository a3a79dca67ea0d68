import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The admin command lines of server software whose reads the runbooks use, as data. Any other
 * subcommand or option is never a proven read. `!` marks what loads a configuration that can
 * run commands or that the rules cannot see (wal-g's `--config` names storage and stream
 * commands, supervisorctl's `-c` another server and its prompts).
 */

/** wal-g (cobra/pflag, cmd/pg): `backup-list` takes no operand; root flags anywhere. */
export const WAL_G: Syntax = syntax("!config= turbo[=] h,help[=]", {
  abbreviate: false,
  subcommands: {
    "backup-list": syntax("detail[=] pretty[=] json[=] target-storage=", {
      abbreviate: false,
      inherit: true,
      maxOperands: 0,
    }),
  },
});

/**
 * Gitaly's praefect (Go `flag`, later urfave/cli: one or two dashes, flags before operands):
 * `-config` names the TOML file praefect always runs with; the subcommands that report.
 */
const praefectVerb = (spec: string): Syntax =>
  syntax(spec, { abbreviate: false, permute: false, singleDashLong: true, maxOperands: 0 });
export const PRAEFECT: Syntax = syntax("config= version", {
  abbreviate: false,
  permute: false,
  singleDashLong: true,
  subcommands: {
    dataloss: praefectVerb(
      "virtual-storage= partially-unavailable[=] include-partially-replicated[=]",
    ),
    "list-storages": praefectVerb("virtual-storage="),
    "dial-nodes": praefectVerb("timeout="),
    "sql-ping": praefectVerb(""),
    "sql-migrate-status": praefectVerb(""),
    check: praefectVerb(""),
  },
});

/**
 * supervisorctl (supervisor/options.py, Python getopt: options end at the action): the
 * actions that report; without an action it opens its own shell.
 */
const supervisorAction = (maxOperands?: number): Syntax =>
  syntax("", {
    abbreviate: false,
    permute: false,
    ...(maxOperands === undefined ? {} : { maxOperands }),
  });
export const SUPERVISORCTL: Syntax = syntax(
  "!c,configuration= h,help s,serverurl= u,username= p,password= !r,history-file= !i,interactive",
  {
    permute: false,
    subcommands: {
      status: supervisorAction(),
      avail: supervisorAction(0),
      pid: supervisorAction(),
      version: supervisorAction(0),
    },
  },
);

/**
 * Patroni's patronictl (click: no abbreviations; options after the subcommand belong to it):
 * `-c` names the YAML file with the DCS address. The subcommands that report.
 */
const patroniVerb = (spec: string): Syntax => syntax(`${spec} group= help`, { abbreviate: false });
export const PATRONICTL: Syntax = syntax("c,config-file= d,dcs-url,dcs= k,insecure help", {
  abbreviate: false,
  permute: false,
  subcommands: {
    list: patroniVerb("e,extended t,timestamp f,format=pretty|tsv|json|yaml|yml W w,watch="),
    topology: patroniVerb("e,extended t,timestamp f,format=pretty|tsv|json|yaml|yml W w,watch="),
    history: patroniVerb("f,format=pretty|tsv|json|yaml|yml"),
    "show-config": patroniVerb(""),
    version: patroniVerb(""),
  },
});

/** PostgreSQL's pg_isready (getopt_long): it only asks the server whether it accepts connections. */
export const PG_ISREADY: Syntax = syntax(
  "d,dbname= h,host= p,port= q,quiet t,timeout= U,username= V,version help",
  { maxOperands: 0 },
);

/**
 * Prometheus Alertmanager's amtool (kingpin: no abbreviations, global flags anywhere): the
 * query and show commands. Matchers (`alertname=X`) are operands.
 */
const AMTOOL_GLOBAL =
  "help help-long help-man v,verbose alertmanager.url= o,output=simple|extended|json timeout= http.config.file= version-check no-version-check date.format= enable-feature= version";
const amtoolLevel = (spec: string, subcommands?: Readonly<Record<string, Syntax>>): Syntax =>
  syntax(spec, { abbreviate: false, inherit: true, ...(subcommands ? { subcommands } : {}) });
const ALERT_QUERY = "s,silenced i,inhibited u,unprocessed a,active r,receiver=";
export const AMTOOL: Syntax = syntax(AMTOOL_GLOBAL, {
  abbreviate: false,
  subcommands: {
    alert: amtoolLevel(ALERT_QUERY, { query: amtoolLevel(ALERT_QUERY) }),
    silence: amtoolLevel("", { query: amtoolLevel("e,expired q,quiet within=") }),
    "check-config": amtoolLevel(""),
    config: amtoolLevel("", {
      show: amtoolLevel(""),
      routes: amtoolLevel("", { show: amtoolLevel("") }),
    }),
  },
});
