import { cobra } from "../grammar/cobra.js";
import type { Syntax } from "../grammar/syntax.js";

/*
 * Pulumi's grammar for the commands that read state without running the project's program
 * (pulumi 3.x, `pulumi <cmd> --help`). Cobra: flags anywhere after the command path, never
 * abbreviated, `--flag=value` or `--flag value`. `!` marks the global flags that write files
 * (`--profiling`, `--tracing file:…`, `--otel-traces`, `--memprofilerate`). `preview`, `up`,
 * `refresh` and `about` are not here: they run the program or its language tooling.
 */

/** `pulumi [global flags] COMMAND …` for the reads. */
export const PULUMI: Syntax = cobra(
  "color= C,cwd= disable-integrity-checking[=] e,emoji[=] fully-qualify-stack-names[=] logflow[=] logtostderr[=] non-interactive[=] v,verbose= tracing-header= !profiling= !tracing= !otel-traces= !memprofilerate=",
  {
    stack: cobra("s,stack= show-ids[=] show-name[=] show-secrets[=] show-urns[=] j,json[=]", {
      ls: cobra("a,all[=] o,organization= p,project= t,tag="),
      output: cobra("shell[=]"),
      history: cobra("full-dates[=] page= page-size="),
    }),
    whoami: cobra("j,json[=] v,verbose[=]"),
    version: cobra(""),
  },
);
