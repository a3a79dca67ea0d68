/**
 * curl's options (curl 7.88–8.x `--help all`); curl accepts unique prefixes of long options.
 * `!` marks options that write local files, read a config the rules cannot see, or send FTP
 * commands. Request bodies and methods are judged by the curl rule.
 */
export declare const CURL: import("../grammar/syntax.js").Syntax;
