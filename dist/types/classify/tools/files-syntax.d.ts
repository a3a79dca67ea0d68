export declare const SED: import("../grammar/syntax.js").Syntax;
/** POSIX awk plus gawk's and mawk's options; the first operand ends the options. */
export declare const AWK: import("../grammar/syntax.js").Syntax;
export declare const SORT: import("../grammar/syntax.js").Syntax;
/** `uniq [IN [OUT]]`: a second operand is written. */
export declare const UNIQ: import("../grammar/syntax.js").Syntax;
/** `xxd [IN [OUT]]`; `-r` turns a dump back into bytes (into OUT when given). */
export declare const XXD: import("../grammar/syntax.js").Syntax;
export declare const SS: import("../grammar/syntax.js").Syntax;
/** GNU tar, after old-style letters (`tar tzf x`) are spelled as options. */
export declare const TAR: import("../grammar/syntax.js").Syntax;
/** gzip, pigz, bzip2, xz, zstd and lz4 share the flags that matter: `-c`, `-d`, `-l`, `-t`, `-k`. */
export declare const COMPRESS: {
    gzip: import("../grammar/syntax.js").Syntax;
    pigz: import("../grammar/syntax.js").Syntax;
    bzip2: import("../grammar/syntax.js").Syntax;
    xz: import("../grammar/syntax.js").Syntax;
    zstd: import("../grammar/syntax.js").Syntax;
    lz4: import("../grammar/syntax.js").Syntax;
};
export declare const TEE: import("../grammar/syntax.js").Syntax;
/** find's expression with its global options; `-exec` … `;` is taken out before parsing. */
export declare const FIND: import("../grammar/syntax.js").Syntax;
export declare const RSYNC: import("../grammar/syntax.js").Syntax;
