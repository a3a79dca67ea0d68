import { type Syntax } from "../grammar/syntax.js";
/** wal-g (cobra/pflag, cmd/pg): `backup-list` takes no operand; root flags anywhere. */
export declare const WAL_G: Syntax;
export declare const PRAEFECT: Syntax;
export declare const SUPERVISORCTL: Syntax;
export declare const PATRONICTL: Syntax;
/** PostgreSQL's pg_isready (getopt_long): it only asks the server whether it accepts connections. */
export declare const PG_ISREADY: Syntax;
export declare const AMTOOL: Syntax;
