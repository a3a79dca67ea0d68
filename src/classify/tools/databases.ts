import { hasLong, hasShort, optionValue, optionValues, positionals } from "../args.js";
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
  rule: (input) =>
    sqlClient(input, { short: "c", long: ["command"] }, { short: "f", long: ["file"] }),
};

const mysql: ToolFamily = {
  names: ["mysql", "mariadb", "mycli", "pgcli"],
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

const REDIS_READ =
  /^(GET|MGET|GETRANGE|STRLEN|EXISTS|TTL|PTTL|TYPE|KEYS|SCAN|SSCAN|HSCAN|ZSCAN|DBSIZE|INFO|PING|ECHO|TIME|LASTSAVE|LLEN|LRANGE|LINDEX|LPOS|HGET|HGETALL|HMGET|HKEYS|HVALS|HLEN|HEXISTS|HSTRLEN|SMEMBERS|SISMEMBER|SMISMEMBER|SCARD|SRANDMEMBER|SINTER|SUNION|SDIFF|ZRANGE|ZRANGEBYSCORE|ZREVRANGE|ZREVRANGEBYSCORE|ZRANK|ZREVRANK|ZSCORE|ZMSCORE|ZCARD|ZCOUNT|ZLEXCOUNT|XLEN|XRANGE|XREVRANGE|XINFO|XPENDING|XREAD|PFCOUNT|GETBIT|BITCOUNT|BITPOS|OBJECT|MEMORY|DUMP|RANDOMKEY|SELECT|AUTH|HELLO|ROLE|MONITOR|SUBSCRIBE|PSUBSCRIBE|PUBSUB|COMMAND|LATENCY|GEOPOS|GEODIST|GEOHASH|GEOSEARCH|GEORADIUS_RO|TOUCH|LOLWUT|WAIT|READONLY|QUIT)$/;
const REDIS_DESTRUCTIVE =
  /^(FLUSHALL|FLUSHDB|DEL|UNLINK|SHUTDOWN|SWAPDB|GETDEL|SCRIPT|FUNCTION|DEBUG|MIGRATE|RESTORE|REPLICAOF|SLAVEOF|FAILOVER)$/;

/** One redis command line, e.g. `["CONFIG", "GET", "maxmemory"]`. */
function redisCommand(words: readonly string[]): Hit {
  const verb = (words[0] ?? "").toUpperCase();
  const sub = (words[1] ?? "").toUpperCase();
  const label = code(
    "redis-cli",
    verb,
    /^(CONFIG|CLIENT|CLUSTER|SLOWLOG|ACL|ACL|SCRIPT|FUNCTION|MODULE|MEMORY|LATENCY|OBJECT|XINFO)$/.test(
      verb,
    )
      ? sub
      : undefined,
  );
  if (
    (verb === "CONFIG" && sub === "GET") ||
    (verb === "CLIENT" && /^(LIST|INFO|GETNAME|ID)$/.test(sub)) ||
    (verb === "CLUSTER" &&
      /^(INFO|NODES|SLOTS|SHARDS|MYID|KEYSLOT|COUNTKEYSINSLOT|GETKEYSINSLOT|LINKS)$/.test(sub)) ||
    (verb === "SLOWLOG" && /^(GET|LEN)$/.test(sub)) ||
    (verb === "ACL" && /^(LIST|USERS|WHOAMI|GETUSER|CAT|LOG)$/.test(sub)) ||
    (verb === "MODULE" && sub === "LIST")
  )
    return readOnly("redis.read", `${label} only reads`);
  if (verb === "CLUSTER" && /^(RESET|FORGET|FLUSHSLOTS|DELSLOTS|DELSLOTSRANGE)$/.test(sub))
    return destructive("redis.destructive", `${label} removes cluster state`);
  if (
    REDIS_DESTRUCTIVE.test(verb) &&
    !(verb === "SCRIPT" && /^(EXISTS|LOAD)$/.test(sub)) &&
    !(verb === "FUNCTION" && /^(LIST|STATS|DUMP)$/.test(sub))
  )
    return destructive(
      verb === "FLUSHALL" || verb === "FLUSHDB" ? "redis.flush" : "redis.destructive",
      `${label} deletes data or stops the server`,
    );
  if (REDIS_READ.test(verb)) return readOnly("redis.read", `${label} only reads`);
  if (verb === "")
    return unknown("sql.interactive", `${code("redis-cli")} opens an interactive session`);
  return modifying("redis.write", `${label} changes data or server state`);
}

const REDIS_OPTIONS = {
  short: "hpsanuircdx",
  long: [
    "user",
    "pass",
    "askpass",
    "tls",
    "cacert",
    "cert",
    "key",
    "sni",
    "pattern",
    "count",
    "rdb",
    "functions-rdb",
    "eval",
    "ldb",
    "pipe-timeout",
    "memkeys-samples",
    "quoted-pattern",
    "cluster",
  ],
};

const redis: ToolFamily = {
  names: ["redis-cli", "valkey-cli", "keydb-cli"],
  rule: ({ args, stdinText, command }) => {
    if (
      hasLong(args, [
        "scan",
        "bigkeys",
        "memkeys",
        "hotkeys",
        "stat",
        "latency",
        "latency-history",
        "latency-dist",
        "version",
        "help",
      ])
    )
      return readOnly("redis.read", `${code("redis-cli --scan")} only reads`);
    if (hasLong(args, ["rdb"]))
      return modifying("redis.write", `${code("redis-cli --rdb")} writes a dump file`);
    if (hasLong(args, ["pipe", "eval"]))
      return unknown(
        "redis.script",
        `${code("redis-cli --pipe/--eval")} runs commands the rules cannot see`,
      );
    const words = positionals(args, REDIS_OPTIONS);
    if (words.length > 0) return [redisCommand(words)];
    if (stdinText !== undefined)
      return stdinText
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .map((l) => redisCommand(l.split(/\s+/)));
    if (command?.stdin !== undefined)
      return [
        unknown(
          "redis.script",
          `${code("redis-cli")} runs commands from stdin the rules cannot see`,
        ),
      ];
    return [unknown("sql.interactive", `${code("redis-cli")} opens an interactive session`)];
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
    "repmgr",
    "pg_controldata",
    "pg_waldump",
    "pg_archivecleanup",
    "gitlab-rake",
    "gitlab-ctl",
  ],
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
    if (name === "patronictl" || name === "repmgr" || name === "gitlab-ctl") {
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

export const databaseFamilies: readonly ToolFamily[] = [
  psql,
  mysql,
  clickhouse,
  sqlite,
  redis,
  dbAdmin,
];
