import { code, destructive, type Hit, modifying, readOnly, unknown } from "./hit.js";

/**
 * Split SQL into statements on `;`, skipping quotes, `$tag$` bodies and comments, which are
 * also removed. psql meta-commands (`\dt`) end at the line end.
 */
export function splitSql(text: string): string[] {
  const out: string[] = [];
  let current = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    if (c === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === "#" && current.trim() === "") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end;
      continue;
    }
    if (c === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
      current += " ";
      continue;
    }
    if (c === "'" || c === '"' || c === "`") {
      let j = i + 1;
      while (j < n && !(text.charAt(j) === c && text.charAt(j + 1) !== c))
        j += text.charAt(j) === c || text.charAt(j) === "\\" ? 2 : 1;
      current += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(text.slice(i, i + 64))?.[0];
      if (tag !== undefined) {
        const end = text.indexOf(tag, i + tag.length);
        const stop = end < 0 ? n : end + tag.length;
        current += text.slice(i, stop);
        i = stop;
        continue;
      }
    }
    if (c === "\\" && current.trim() === "") {
      const end = text.indexOf("\n", i);
      const stop = end < 0 ? n : end;
      out.push(text.slice(i, stop).trim());
      i = stop;
      continue;
    }
    if (c === ";") {
      if (current.trim() !== "") out.push(current.trim());
      current = "";
      i++;
      continue;
    }
    current += c;
    i++;
  }
  if (current.trim() !== "") out.push(current.trim());
  return out;
}

/** Functions that change server state even inside a `SELECT`. */
const SIDE_EFFECT_FUNCTIONS =
  /\b(pg_terminate_backend|pg_cancel_backend|pg_reload_conf|pg_rotate_logfile|pg_switch_wal|pg_create_\w+|pg_promote|pg_wal_replay_\w+|setval|nextval|lo_import|lo_export|lo_unlink|dblink_exec|pg_advisory_\w*lock\w*|set_config|pg_stat_reset\w*|pg_drop_replication_slot|pg_replication_origin_drop|pg_file_write|pg_read_file|sys_exec|sleep)\s*\(/i;
const DESTROYING_FUNCTIONS =
  /\b(pg_drop_replication_slot|pg_replication_origin_drop|lo_unlink)\s*\(/i;

const READ_META =
  /^\\(d\w*|l\+?|dt|x|timing|conninfo|encoding|echo|pset|a|t|H|T|f|q|\?|h|set|unset|c|connect|watch|g|gx|gset|s|sv|sf|p|r|prompt|z|du|dn|df|dv|di|ds|dx|dp|dg|dD|dT|da|db|dc|dC|dd|dE|des|det|deu|dew|dF\w*|dl|dL|dm|do|dO|drds|dRp|dRs|dy|lo_list|errverbose|copyright|if|elif|else|endif|qecho|warn|echo)\b/;

/** Classify one statement (comments removed, trimmed). */
function statement(sql: string, client: string): Hit {
  if (sql.startsWith("\\")) {
    if (/^\\copy\b.*\bprogram\b/i.test(sql))
      return destructive("sql.copy-program", `${code("\\copy … program")} runs a shell command`);
    if (/^\\(!|i|ir|include|o|out|w|write|e|edit|ef|ev|copy)\b/.test(sql)) {
      if (/^\\copy\b.*\bto\b/i.test(sql))
        return modifying("sql.copy-out", `${code(client, "\\copy … to")} writes a file`);
      if (/^\\copy\b/i.test(sql))
        return modifying("sql.insert", `${code("\\copy … from")} loads rows`);
      return unknown(
        "sql.meta-runs",
        `${code(sql.split(/\s/)[0])} runs a file, an editor or a shell command`,
      );
    }
    if (READ_META.test(sql))
      return readOnly("sql.meta", `${code(sql.split(/\s/)[0])} only shows information`);
    return unknown(
      "sql.unknown",
      `${code(sql.split(/\s/)[0])} is not a meta-command the rules know`,
    );
  }
  const upper = sql.replace(/\s+/g, " ").toUpperCase();
  const words = upper.match(/[A-Z_]+|\(/g) ?? [];
  const first = words[0] ?? "";
  const second = words[1] ?? "";
  const hasWhere = /\bWHERE\b/.test(upper);
  switch (first) {
    case "SELECT":
    case "WITH":
    case "VALUES":
    case "TABLE":
    case "(": {
      if (first === "WITH" && /\b(DELETE|UPDATE|INSERT|MERGE)\b/.test(upper))
        return statement(upper.slice(upper.search(/\b(DELETE|UPDATE|INSERT|MERGE)\b/)), client);
      if (DESTROYING_FUNCTIONS.test(sql))
        return destructive(
          "sql.function",
          `${code("SELECT")} calls a function that drops server state`,
        );
      if (SIDE_EFFECT_FUNCTIONS.test(sql))
        return modifying("sql.function", `${code("SELECT")} calls a function with side effects`);
      if (/\bINTO\b(?!\s+OUTFILE|\s+DUMPFILE)/.test(upper) && !/\bINSERT\b/.test(upper))
        return modifying("sql.select-into", `${code("SELECT … INTO")} creates a table`);
      if (/\bINTO\s+(OUTFILE|DUMPFILE)\b/.test(upper))
        return modifying(
          "sql.select-into",
          `${code("SELECT … INTO OUTFILE")} writes a file on the server`,
        );
      if (/\bFOR (UPDATE|SHARE|NO KEY UPDATE|KEY SHARE)\b/.test(upper))
        return modifying("sql.lock", `${code("SELECT … FOR UPDATE")} takes row locks`);
      return readOnly("sql.select", `${code("SELECT")} only reads`);
    }
    case "SHOW":
    case "DESCRIBE":
    case "DESC":
    case "HELP":
    case "USE":
    case "BEGIN":
    case "START":
    case "COMMIT":
    case "END":
    case "ROLLBACK":
    case "SAVEPOINT":
    case "RELEASE":
    case "RESET":
    case "DISCARD":
    case "LISTEN":
    case "UNLISTEN":
    case "FETCH":
    case "CLOSE":
    case "DECLARE":
    case "PREPARE":
    case "DEALLOCATE":
    case "CHECKSUM":
    case "PRAGMA":
      if (first === "PRAGMA" && upper.includes("="))
        return modifying("sql.pragma", `${code("PRAGMA … =")} changes database settings`);
      return readOnly("sql.read", `${code(first)} only reads or controls the session`);
    case "SET":
      if (second === "GLOBAL" || second === "PERSIST" || upper.startsWith("SET PASSWORD"))
        return modifying("sql.set-global", `${code("SET GLOBAL")} changes server settings`);
      return readOnly("sql.read", `${code("SET")} changes only this session`);
    case "EXPLAIN":
      if (explainAnalyzes(upper))
        return statement(
          sql.replace(/^\s*explain\s*(\([^)]*\)|analy[sz]e(\s+verbose)?)\s*/i, ""),
          client,
        );
      return readOnly("sql.read", `${code("EXPLAIN")} only plans the query`);
    case "INSERT":
    case "REPLACE":
    case "UPSERT":
    case "MERGE":
    case "COPY":
    case "LOAD":
    case "CALL":
    case "DO":
    case "EXECUTE":
    case "EXEC":
      if (first === "COPY" && /\b(TO|FROM)\s+PROGRAM\b/.test(upper))
        return destructive(
          "sql.copy-program",
          `${code("COPY … PROGRAM")} runs a shell command on the database server`,
        );
      if (first === "COPY" && /\bTO\s+(STDOUT|PROGRAM)?/.test(upper) && !/\bFROM\b/.test(upper))
        return upper.includes("TO STDOUT")
          ? readOnly("sql.select", `${code("COPY … TO STDOUT")} only reads`)
          : modifying("sql.copy-out", `${code("COPY … TO")} writes a file on the server`);
      if (first === "CALL" || first === "DO" || first === "EXECUTE" || first === "EXEC")
        return unknown(
          "sql.procedure",
          `${code(first)} runs server-side code the rules cannot see`,
        );
      return modifying("sql.insert", `${code(first)} adds or loads rows`);
    case "UPDATE":
      return hasWhere
        ? modifying("sql.update", `${code("UPDATE … WHERE")} changes matching rows`)
        : destructive(
            "sql.update-all",
            `${code("UPDATE")} without ${code("WHERE")} overwrites every row`,
          );
    case "DELETE":
      return hasWhere
        ? modifying("sql.delete-where", `${code("DELETE … WHERE")} deletes matching rows`)
        : destructive(
            "sql.delete-all",
            `${code("DELETE")} without ${code("WHERE")} deletes every row`,
          );
    case "DROP":
      return destructive("sql.drop", `${code("DROP", second)} deletes it and its data`);
    case "TRUNCATE":
      return destructive("sql.truncate", `${code("TRUNCATE")} deletes every row`);
    case "ALTER":
      if (/\bDROP\b/.test(upper) && !/\bDROP (DEFAULT|NOT NULL|IDENTITY|EXPRESSION)\b/.test(upper))
        return destructive(
          "sql.alter-drop",
          `${code("ALTER … DROP")} deletes a column, constraint or partition`,
        );
      return modifying("sql.ddl", `${code("ALTER", second)} changes the schema or settings`);
    case "PURGE":
    case "FLUSH":
    case "KILL":
    case "SHUTDOWN":
      if (first === "PURGE" || (first === "FLUSH" && second === "LOGS"))
        return destructive("sql.purge", `${code(first, second)} deletes server logs`);
      if (first === "SHUTDOWN")
        return destructive("sql.shutdown", `${code("SHUTDOWN")} stops the database server`);
      return modifying("sql.admin", `${code(first, second)} changes server state`);
    default:
      if (
        /^(CREATE|GRANT|REVOKE|COMMENT|RENAME|VACUUM|ANALYZE|ANALYSE|REINDEX|CLUSTER|REFRESH|LOCK|NOTIFY|OPTIMIZE|REPAIR|CHECKPOINT|SECURITY|IMPORT|INSTALL|UNINSTALL|HANDLER|CHANGE|STOP|XA|RESTORE|BACKUP|ATTACH|DETACH)$/.test(
          first,
        )
      ) {
        if (first === "RESET" || (first === "DETACH" && upper.includes("DATABASE")))
          return modifying("sql.ddl", `${code(first)} changes the database`);
        return modifying(
          "sql.ddl",
          `${code(first, second)} changes the schema, permissions or storage`,
        );
      }
      return unknown("sql.unknown", `${code(first)} is not a SQL statement the rules know`);
  }
}

/** Classify SQL text: one hit per statement; empty text only reads. */
export function classifySql(text: string, client = "sql"): Hit[] {
  const statements = splitSql(text);
  if (statements.length === 0)
    return [readOnly("sql.empty", `${code(client)} text has no statements`)];
  return statements.map((s) => statement(s, client));
}

/**
 * `EXPLAIN ANALYZE …` or `EXPLAIN (… ANALYZE …) …`, which run the statement. Written without
 * `\(.*\bANALYZE\b.*\)`, which backtracks over every `ANALYZE` on a long line.
 */
function explainAnalyzes(upper: string): boolean {
  if (/^EXPLAIN ANALY[SZ]E\b/.test(upper)) return true;
  if (!upper.startsWith("EXPLAIN (")) return false;
  const close = upper.lastIndexOf(")");
  return close !== -1 && /\bANALY[SZ]E\b/.test(upper.slice(0, close));
}
