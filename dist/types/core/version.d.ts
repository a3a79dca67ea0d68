/** The tool's version, as in package.json (a test holds them equal); SARIF and audit logs carry it. */
export declare const VERSION = "0.1.0";
