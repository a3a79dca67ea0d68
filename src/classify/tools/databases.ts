import { hasLong, hasShort, optionValue, optionValues, positionals } from "../args.js";
import { MYSQL, PSQL } from "./databases-syntax.js";
import { PATRONICTL, PG_ISREADY } from "./server-admin-syntax.js";
import {
  code,
  destructive,
  type Hit,
  modifying,
  readOnly,
  type ToolFamily,
  type ToolInput,
  unknown,
} from "../hit.js";

/** What a SQL client runs: `-c`/`-e` text, else its stdin text, else a file or a session. */
function sqlClient(
  input: ToolInput,
  textOpts: { short: string; long: readonly string[] },
  fileOpts: { short: string; long: readonly string[] },
): readonly Hit[] {
  const { name, args, nested, stdinText, command } = input;
  if ((hasShort(args, "lV") && name === "psql") || hasLong(args, ["list", "version", "help"]))
    return [readOnly("sql.meta", `${code(name, "--list")} only shows information`)];
  const texts = optionValues(args, textOpts.short, textOpts.long);
  if (texts.length > 0) return texts.flatMap((t) => nested.sql(t, name));
  const file = optionValue(args, fileOpts.short, fileOpts.long);
  if (file !== undefined && file !== "-")
    return [unknown("sql.file", `${code(name, "-f", file)} runs a SQL file the rules cannot see`)];
  if (stdinText !== undefined) return nested.sql(stdinText, name);
  if (command?.stdin?.kind === "file")
    return [
      unknown(
        "sql.file",
        `${code(name, "<", command.stdin.path.value)} runs a SQL file the rules cannot see`,
      ),
    ];
  if (command?.stdin !== undefined)
    return [unknown("sql.stdin", `${code(name)} runs SQL from stdin the rules cannot see`)];
  return [unknown("sql.interactive", `${code(name)} opens an interactive session`)];
}

const psql: ToolFamily = {
  names: ["psql", "cockroach", "ysqlsh", "gitlab-psql"],
  syntax: { psql: PSQL, "gitlab-psql": PSQL, ysqlsh: PSQL },
  rule: (input) =>
    sqlClient(input, { short: "c", long: ["command"] }, { short: "f", long: ["file"] }),
};

const mysql: ToolFamily = {
  names: ["mysql", "mariadb", "mycli", "pgcli"],
  syntax: { mysql: MYSQL, mariadb: MYSQL },
  rule: (input) =>
    sqlClient(input, { short: "e", long: ["execute"] }, { short: "", long: ["init-command-file"] }),
};

const clickhouse: ToolFamily = {
  names: ["clickhouse-client", "clickhouse", "cqlsh", "sqlcmd", "snowsql", "duckdb"],
  rule: (input) =>
    sqlClient(
      input,
      {
        short:
          input.name === "sqlcmd"
            ? "Q"
            : input.name === "snowsql"
              ? "q"
              : input.name === "duckdb"
                ? "c"
                : "e",
        long: ["query", "execute"],
      },
      { short: "f", long: ["queries-file", "file"] },
    ),
};

/** `sqlite3 db.sqlite "SQL"`: the second operand is SQL. */
const sqlite: ToolFamily = {
  names: ["sqlite3", "sqlite"],
  rule: (input) => {
    const ops = positionals(input.args, { short: "", long: ["cmd", "separator", "nullvalue"] });
    const sql = ops.slice(1).join(" ");
    if (sql !== "") return input.nested.sql(sql, input.name);
    if (input.stdinText !== undefined) return input.nested.sql(input.stdinText, input.name);
    return [unknown("sql.interactive", `${code(input.name)} opens an interactive session`)];
  },
};

/** Database server tools that are not clients. */
const dbAdmin: ToolFamily = {
  names: [
    "dropdb",
    "dropuser",
    "createdb",
    "createuser",
    "pg_dump",
    "pg_dumpall",
    "mysqldump",
    "pg_restore",
    "pg_ctl",
    "pg_ctlcluster",
    "pg_basebackup",
    "pg_isready",
    "pg_lsclusters",
    "vacuumdb",
    "reindexdb",
    "pg_upgrade",
    "mongodump",
    "mongorestore",
    "mysqladmin",
    "patronictl",
    "gitlab-patronictl",
    "repmgr",
    "pg_controldata",
    "pg_waldump",
    "pg_archivecleanup",
    "gitlab-rake",
    "gitlab-ctl",
  ],
  syntax: { patronictl: PATRONICTL, "gitlab-patronictl": PATRONICTL, pg_isready: PG_ISREADY },
  rule: ({ name, args }) => {
    const ops = positionals(args, {
      short: "UhpdDfFtnNTjcS",
      long: [
        "username",
        "host",
        "port",
        "dbname",
        "file",
        "format",
        "table",
        "schema",
        "jobs",
        "config-file",
        "pgdata",
      ],
    });
    if (name === "dropdb" || name === "dropuser")
      return destructive("db.drop", `${code(name)} deletes a database or role`);
    if (name === "pg_archivecleanup")
      return destructive("db.drop", `${code(name)} deletes WAL files`);
    if (
      name === "pg_isready" ||
      name === "pg_lsclusters" ||
      name === "pg_controldata" ||
      name === "pg_waldump"
    )
      return readOnly("db.read", `${code(name)} only reads`);
    if (
      name === "pg_dump" ||
      name === "pg_dumpall" ||
      name === "mysqldump" ||
      name === "mongodump"
    ) {
      const file = optionValue(args, name === "mongodump" ? "o" : "f", [
        "file",
        "out",
        "result-file",
      ]);
      return file === undefined
        ? readOnly("db.dump", `${code(name)} reads the database and prints a dump`)
        : modifying("db.dump-file", `${code(name, "-f")} writes a dump file`);
    }
    if (name === "pg_restore" || name === "mongorestore")
      return hasShort(args, "c") || hasLong(args, ["clean", "drop"])
        ? destructive("db.restore-clean", `${code(name, "--clean")} drops objects before restoring`)
        : modifying("db.restore", `${code(name)} loads data`);
    if (name === "mysqladmin")
      return ops.some((o) => /^(drop|shutdown|purge)/.test(o))
        ? destructive("db.drop", `${code(name, ops[0])} drops a database or stops the server`)
        : ops.every((o) => /^(status|extended-status|processlist|variables|version|ping)$/.test(o))
          ? readOnly("db.read", `${code(name, ops[0])} only reads`)
          : modifying("db.admin", `${code(name, ops[0])} changes server state`);
    if (
      name === "patronictl" ||
      name === "gitlab-patronictl" ||
      name === "repmgr" ||
      name === "gitlab-ctl"
    ) {
      const verb = ops.find((o) => !o.includes("/") && !o.includes(".")) ?? "";
      if (
        /^(list|topology|history|show-config|version|status|show|tail|cluster|node|service-list)$/.test(
          verb,
        ) &&
        !/^(remove|rejoin|unregister)$/.test(ops[1] ?? "")
      )
        return readOnly("db.read", `${code(name, verb)} only reads`);
      if (/^(remove|reinit|cleanup|unregister)$/.test(verb))
        return destructive("db.drop", `${code(name, verb)} removes cluster members or their data`);
      return modifying("db.admin", `${code(name, verb)} changes the cluster`);
    }
    if (name === "gitlab-rake")
      return unknown("command.runs-code", `${code(name, ops[0])} runs a task the rules cannot see`);
    return modifying("db.admin", `${code(name)} changes databases or the server`);
  },
};

/** SQL clients and database server tools. */
export const databaseFamilies: readonly ToolFamily[] = [psql, mysql, clickhouse, sqlite, dbAdmin];
