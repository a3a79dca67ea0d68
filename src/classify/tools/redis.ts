import { hasLong } from "../args.js";
import { parseArgs } from "../grammar/parse.js";
import { REDIS_CLI } from "./databases-syntax.js";
import {
  code,
  destructive,
  type Hit,
  modifying,
  readOnly,
  type ToolFamily,
  unknown,
} from "../hit.js";

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
  return modifying("redis.write", `${label} changes data or server state`);
}

const redis: ToolFamily = {
  names: ["redis-cli", "valkey-cli", "keydb-cli"],
  syntax: { "redis-cli": REDIS_CLI, "valkey-cli": REDIS_CLI, "keydb-cli": REDIS_CLI },
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
    const words = parseArgs(args, REDIS_CLI).operands;
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
    return [unknown("redis.interactive", `${code("redis-cli")} opens an interactive session`)];
  },
};

/** redis-cli rules. */
export const redisFamilies: readonly ToolFamily[] = [redis];
