/**
 * curl's options (curl 7.88–8.x `--help all`); curl accepts unique prefixes of long options.
 * `!` marks options that write local files, read a config the rules cannot see, or send FTP
 * commands. Request bodies and methods are judged by the curl rule.
 */
export declare const CURL: import("../grammar/syntax.js").Syntax;
/**
 * GNU wget 1.21 (`wget --help`, wget(1)): getopt_long, so long options may be abbreviated and
 * every boolean long option has a `--no-` form. `-nv`, `-nc`, `-nd`, `-nH`, `-np` are `-n`
 * with a letter. `!` marks options that write files (`-o` logs, `-P`, `-N`, `-c`, cookies,
 * WARC, HSTS database, `--unlink`, `--xattr`), send a body (`--post-*`, `--body-*`), run
 * programs or `.wgetrc` commands (`-e`, `--config`, `--use-askpass`), go to the background
 * (`-b`), recurse (`-r`, `-m`, `-p`) or read URLs the script does not show (`-i`). `-O` and
 * `--spider` are judged by the wget rule: only `-O -` (or `/dev/null`) and `--spider` keep a
 * read; `--method` keeps one only for GET, HEAD or OPTIONS.
 */
export declare const WGET: import("../grammar/syntax.js").Syntax;
/**
 * HTTPie 3.2 (`httpie/cli/definition.py`): Python argparse, so long options may be
 * abbreviated, short flags clustered, and options written among the operands; every
 * `--OPTION` has a `--no-OPTION` that resets it. `!` marks what writes files (`-o`, `-d`,
 * `-c`, `--session`, `--session-read-only` creates one), sends a body (`--raw`, `-f`,
 * `--multipart`, `--boundary`, `-j`, `-x`, `--chunked`) or names an unknown auth plugin.
 * The operands (method, URL, request items) are judged by the HTTPie rule with
 * {@link HTTPIE_READ_ITEM}.
 */
export declare const HTTPIE: import("../grammar/syntax.js").Syntax;
/**
 * A request item that only shapes a read: a header (`Accept:application/json`), an empty
 * header (`X-Trace;`) or a query parameter (`page==2`). HTTPie splits an item at its first
 * separator, the longest one at that place; `=`, `:=`, `@`, `=@`, `:=@` make a body, `:@` and
 * `==@` read a file into the request, and a backslash escapes a separator, so an item with
 * any of these (or a backslash at all) is not known to be a read.
 */
export declare const HTTPIE_READ_ITEM: RegExp;
