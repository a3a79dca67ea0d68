import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * gsutil's grammar for the commands that read (gsutil 5.x, `gslib/utils/arg_helper.py` and each
 * command's `supported_sub_args`). Both levels are Python's `getopt.getopt`: short letters
 * cluster, a long option may be a unique prefix, and options end at the first operand (no
 * permutation), so the first operand is the command. `!` marks what is not a proven read:
 * `-o SECTION:NAME=VALUE` rewrites the boto configuration for the run (credentials, state
 * directory, proxy), `-h` adds request headers, `-i` acts as another identity, and the hidden
 * `--testexceptiontraces`. A long `--option`/`--header` takes no value in gsutil's own table.
 */

const command = (spec: string): Syntax => syntax(spec, { permute: false });

/** `gsutil [top-level options] COMMAND [options] URL…` for the reading commands. */
export const GSUTIL: Syntax = syntax(
  "d,debug D,detailedDebug v,version ?,help m,multithreaded q,quiet u= trace-token= perf-trace-token= !o= !option !h= !header !i,impersonate-service-account= !testexceptiontraces",
  {
    permute: false,
    subcommands: {
      ls: command("a e b d l L h p= r R"),
      dir: command("a e b d l L h p= r R"),
      list: command("a e b d l L h p= r R"),
      cat: command("h r="),
      du: command("0 a c e= h s X="),
      stat: command(""),
      hash: command("c h m"),
      version: command("l"),
      ver: command("l"),
      help: command(""),
      man: command(""),
    },
  },
);
