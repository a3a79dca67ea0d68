import { describe, expect, it } from "vitest";
import { classifySql, splitSql } from "../../src/classify/sql.js";

const levels = (sql: string): string[] => classifySql(sql).map((h) => `${h.risk}:${h.ruleId}`);

describe("splitSql", () => {
  it("splits on semicolons outside quotes, identifiers, dollar quotes and comments", () => {
    expect(
      splitSql(`SELECT ';' AS a; -- DROP TABLE x;
SELECT "a;b" FROM t /* ; DELETE FROM t; */ ;
DO $$ BEGIN PERFORM 1; END $$;
SELECT $tag$;$tag$`),
    ).toEqual([
      "SELECT ';' AS a",
      'SELECT "a;b" FROM t',
      "DO $$ BEGIN PERFORM 1; END $$",
      "SELECT $tag$;$tag$",
    ]);
  });

  it("keeps psql meta-commands as their own statements, ending at the line end", () => {
    expect(splitSql("\\x\n\\dt public.*\nSELECT 1;")).toEqual(["\\x", "\\dt public.*", "SELECT 1"]);
  });

  it("handles doubled quotes and backslashes", () => {
    expect(splitSql("SELECT 'it''s; fine'; SELECT 'a\\'b;c'")).toEqual([
      "SELECT 'it''s; fine'",
      "SELECT 'a\\'b;c'",
    ]);
  });

  it("drops # comments only at the start of a statement (MySQL)", () => {
    expect(splitSql("# note; still comment\nSELECT 1")).toEqual(["SELECT 1"]);
  });
});

describe("classifySql", () => {
  it.each([
    ["SELECT * FROM users WHERE id = 1", "read_only:sql.select"],
    ["select count(*) from orders", "read_only:sql.select"],
    ["WITH x AS (SELECT 1) SELECT * FROM x", "read_only:sql.select"],
    ["SHOW max_connections", "read_only:sql.read"],
    ["EXPLAIN SELECT 1", "read_only:sql.read"],
    ["SET statement_timeout = '5s'", "read_only:sql.read"],
    ["BEGIN", "read_only:sql.read"],
    ["COPY (SELECT 1) TO STDOUT", "read_only:sql.select"],
    ["\\d+ users", "read_only:sql.meta"],
    ["INSERT INTO t VALUES (1)", "modifying:sql.insert"],
    ["UPDATE t SET a = 1 WHERE id = 2", "modifying:sql.update"],
    ["DELETE FROM t WHERE id = 2", "modifying:sql.delete-where"],
    ["CREATE TABLE t (id int)", "modifying:sql.ddl"],
    ["ALTER TABLE t ADD COLUMN b int", "modifying:sql.ddl"],
    ["ALTER TABLE t ALTER COLUMN b DROP DEFAULT", "modifying:sql.ddl"],
    ["GRANT SELECT ON t TO ro", "modifying:sql.ddl"],
    ["SELECT * FROM jobs FOR UPDATE SKIP LOCKED", "modifying:sql.lock"],
    ["SELECT * INTO backup_users FROM users", "modifying:sql.select-into"],
    ["SELECT pg_cancel_backend(123)", "modifying:sql.function"],
    ["SET GLOBAL read_only = 1", "modifying:sql.set-global"],
    ["EXPLAIN ANALYZE DELETE FROM t WHERE id = 1", "modifying:sql.delete-where"],
    ["WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", "destructive:sql.delete-all"],
    ["DROP TABLE IF EXISTS t", "destructive:sql.drop"],
    ["drop database app", "destructive:sql.drop"],
    ["TRUNCATE t CASCADE", "destructive:sql.truncate"],
    ["DELETE FROM t", "destructive:sql.delete-all"],
    ["UPDATE t SET a = 1", "destructive:sql.update-all"],
    ["ALTER TABLE t DROP COLUMN b", "destructive:sql.alter-drop"],
    ["EXPLAIN ANALYZE DROP TABLE t", "destructive:sql.drop"],
    ["PURGE BINARY LOGS BEFORE NOW()", "destructive:sql.purge"],
    ["CALL refresh_all()", "modifying:sql.procedure"],
    ["FROBNICATE everything", "modifying:sql.unknown"],
    ["\\i script.sql", "modifying:sql.meta-runs"],
  ])("%s", (sql, expected) => {
    expect(levels(sql)).toEqual([expected]);
  });

  it("does not read quoted text or comments as statements", () => {
    expect(levels("SELECT 'DROP TABLE users'; -- TRUNCATE t")).toEqual(["read_only:sql.select"]);
  });

  it("returns one hit per statement", () => {
    expect(levels("SELECT 1; DROP TABLE t; INSERT INTO a VALUES (1)")).toEqual([
      "read_only:sql.select",
      "destructive:sql.drop",
      "modifying:sql.insert",
    ]);
  });

  it("treats empty text as running nothing", () => {
    expect(levels("  -- nothing\n")).toEqual(["read_only:sql.empty"]);
  });

  it("marks guesses as unproven and rules as proven", () => {
    expect(classifySql("FROBNICATE").map((h) => h.proven)).toEqual([false]);
    expect(classifySql("DROP TABLE t").map((h) => h.proven)).toEqual([true]);
  });
});
