export declare const SYSTEMCTL: import("../grammar/syntax.js").Syntax;
export declare const JOURNALCTL: import("../grammar/syntax.js").Syntax;
