import { type Syntax } from "../grammar/syntax.js";
/** psql 15–17 (`psql --help`, getopt_long). */
export declare const PSQL: Syntax;
/** mysql / mariadb 8 and 10/11 client (`mysql --help`, my_getopt: unique prefixes). */
export declare const MYSQL: Syntax;
/** redis-cli 7 (`redis-cli --help`): options end at the command. */
export declare const REDIS_CLI: Syntax;
