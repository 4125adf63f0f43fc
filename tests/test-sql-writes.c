/* test-sql-writes.c
 *
 * trib_sql_write_verb () and trib_sql_find_writes (): which statements
 * the production guard asks about.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-sql-writes.h"

static const struct
{
  const char *sql;
  const char *verb;   /* NULL: only reads */
} cases[] = {
  /* Reads */
  { "SELECT * FROM luma_web_events LIMIT 10", NULL },
  { "select count(*) from t where status = 'DROP TABLE x'", NULL },
  { "SELECT \"update\", \"delete\" FROM t", NULL },
  { "SELECT 1 -- DROP TABLE t\n", NULL },
  { "SELECT /* INSERT INTO t /* nested */ VALUES (1) */ 1", NULL },
  { "SELECT E'it\\'s; DELETE FROM t'", NULL },
  { "SELECT $$DROP TABLE t$$", NULL },
  { "SELECT $body$ CREATE TABLE x $body$ AS s", NULL },
  { "WITH recent AS (SELECT * FROM t) SELECT * FROM recent", NULL },
  { "SHOW TABLES", NULL },
  { "SET @max = SELECT max(ts) FROM t", NULL },
  { "EXPLAIN INSERT INTO t SELECT 1", NULL },
  { "SELECT created_at FROM \"INSERT\"", NULL },
  { "SELECT array_agg(x ORDER BY y) FROM t", NULL },
  { "", NULL },
  { "-- only a comment", NULL },
  { "BEGIN", NULL },
  { "$$ BEGIN SET @a = SELECT 1; END $$", NULL },
  { "SELECT 'a''b; UPDATE t SET x = 1'", NULL },

  /* Writes */
  { "CREATE TABLE copy AS SELECT * FROM luma_web_events", "CREATE" },
  { "  create temp table t (a int)", "CREATE" },
  { "INSERT INTO t SELECT * FROM s", "INSERT" },
  { "DROP TABLE IF EXISTS t", "DROP" },
  { "ALTER TABLE t ADD PRIMARY KEY (id) NOT ENFORCED", "ALTER" },
  { "DELETE FROM t WHERE x = 1", "DELETE" },
  { "update t set x = 1", "UPDATE" },
  { "TRUNCATE t", "TRUNCATE" },
  { "(INSERT INTO t VALUES (1))", "INSERT" },
  { "/* why */ -- and how\n DROP VIEW v", "DROP" },
  { "SELECT * INTO backup FROM t", "SELECT INTO" },
  { "WITH a AS (SELECT 1) SELECT * INTO b FROM a", "SELECT INTO" },
  { "WITH a AS (SELECT 1) INSERT INTO b SELECT * FROM a", "INSERT" },
  { "WITH gone AS (DELETE FROM t RETURNING *) SELECT count(*) FROM gone", "DELETE" },
  { "EXPLAIN ANALYZE DELETE FROM t", "DELETE" },
  { "EXPLAIN (ANALYZE, VERBOSE) UPDATE t SET x = 1", "UPDATE" },
  { "$$ BEGIN\n  SET @ts = SELECT max(ts) FROM t;\n  CREATE TABLE IF NOT EXISTS s AS SELECT 1;\nEND $$", "CREATE" },
  { "$$ BEGIN INSERT INTO t SELECT 1; EXCEPTION WHEN OTHER THEN SELECT 'ERROR'; END $$", "INSERT" },
  { "$$ BEGIN SELECT 1; EXCEPTION WHEN OTHER THEN DROP TABLE t; END $$", "DROP" },
  { "DO $$ BEGIN DELETE FROM t; END $$", "DELETE" },
  { "DO $fn$ BEGIN IF true THEN UPDATE t SET a = 1; END IF; END $fn$", "UPDATE" },
  /* A semicolon inside a statement given whole starts another one. */
  { "SELECT 1; DROP TABLE t", "DROP" },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *verb = trib_sql_write_verb (cases[i].sql, -1);

      if (g_strcmp0 (verb, cases[i].verb) != 0)
        g_error ("“%s”: expected %s, got %s", cases[i].sql,
                 cases[i].verb ? cases[i].verb : "a read", verb ? verb : "a read");
    }
}

/* A length shorter than the text: nothing past it is read. */
static void
test_length (void)
{
  const char *sql = "SELECT 1; DROP TABLE t";

  g_assert_null (trib_sql_write_verb (sql, 8));
  g_assert_cmpstr (trib_sql_write_verb (sql, -1), ==, "DROP");
}

static void
test_find_writes (void)
{
  const char *script =
    "SELECT * FROM a;\n"
    "-- a comment; with a semicolon\n"
    "CREATE TABLE b AS SELECT * FROM a;\n"
    "SELECT 'DROP; TABLE';\n"
    "$$ BEGIN\n  SET @x = SELECT 1;\n  INSERT INTO b SELECT @x;\nEND $$;\n"
    "SELECT * INTO c FROM b";
  g_autoptr(GPtrArray) writes = trib_sql_find_writes (script, -1);
  TribSqlStatement *statement;

  g_assert_cmpuint (writes->len, ==, 3);
  statement = g_ptr_array_index (writes, 0);
  g_assert_cmpstr (statement->text, ==, "CREATE TABLE b AS SELECT * FROM a");
  g_assert_cmpuint (statement->line, ==, 3);
  statement = g_ptr_array_index (writes, 1);
  g_assert_true (g_str_has_prefix (statement->text, "$$ BEGIN"));
  g_assert_cmpuint (statement->line, ==, 5);
  statement = g_ptr_array_index (writes, 2);
  g_assert_cmpstr (statement->text, ==, "SELECT * INTO c FROM b");
  g_assert_cmpuint (statement->line, ==, 9);
}

/* A script that does not split (an unclosed string) is asked about whole. */
static void
test_unterminated (void)
{
  g_autoptr(GPtrArray) reads = trib_sql_find_writes ("SELECT 'open", -1);
  g_autoptr(GPtrArray) writes = trib_sql_find_writes ("DROP TABLE t; SELECT 'open", -1);

  g_assert_cmpuint (reads->len, ==, 0);
  g_assert_cmpuint (writes->len, ==, 1);
  g_assert_cmpstr (((TribSqlStatement *) g_ptr_array_index (writes, 0))->text, ==, "DROP TABLE t; SELECT 'open");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sql-writes/table", test_table);
  g_test_add_func ("/sql-writes/length", test_length);
  g_test_add_func ("/sql-writes/find-writes", test_find_writes);
  g_test_add_func ("/sql-writes/unterminated", test_unterminated);

  return g_test_run ();
}
