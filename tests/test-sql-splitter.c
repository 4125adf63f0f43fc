/* test-sql-splitter.c
 *
 * TribSqlSplitter: where a script's statements begin and end.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-sql-splitter.h"

static GPtrArray *
split_ok (const char *script)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *statements = trib_sql_split (script, -1, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (statements);

  return statements;
}

static const char *
text_at (GPtrArray *statements,
         guint      index)
{
  g_assert_cmpuint (index, <, statements->len);

  return ((TribSqlStatement *) g_ptr_array_index (statements, index))->text;
}

static void
assert_texts (const char         *script,
              const char * const *expected)
{
  g_autoptr(GPtrArray) statements = split_ok (script);

  g_assert_cmpuint (statements->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < statements->len; i++)
    g_assert_cmpstr (text_at (statements, i), ==, expected[i]);
}

static void
test_simple (void)
{
  static const char script[] = "SELECT 1;\n  SELECT 2 ;\n\nSELECT\n  3";
  g_autoptr(GPtrArray) statements = split_ok (script);
  TribSqlStatement *second, *third;

  g_assert_cmpuint (statements->len, ==, 3);
  g_assert_cmpstr (text_at (statements, 0), ==, "SELECT 1");
  second = g_ptr_array_index (statements, 1);
  g_assert_cmpstr (second->text, ==, "SELECT 2");
  g_assert_cmpuint (second->start, ==, 12);
  g_assert_cmpuint (second->end, ==, 20);
  g_assert_cmpuint (second->line, ==, 2);
  g_assert_cmpuint (second->column, ==, 3);
  third = g_ptr_array_index (statements, 2);
  g_assert_cmpstr (third->text, ==, "SELECT\n  3");
  g_assert_cmpuint (third->line, ==, 4);
  g_assert_cmpuint (third->column, ==, 1);
  g_assert_cmpuint (third->end, ==, strlen (script));
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) blank = split_ok ("  \n\t ");
  g_autoptr(GPtrArray) empties = split_ok (";; ;\n-- only a comment\n/* and another */;");

  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (empties->len, ==, 0);
  assert_texts ("SELECT 1;;;SELECT 2;", (const char *[]) { "SELECT 1", "SELECT 2", NULL });
}

static void
test_quotes (void)
{
  assert_texts ("SELECT 'a;b', 'it''s;' FROM t; SELECT ''",
                (const char *[]) { "SELECT 'a;b', 'it''s;' FROM t", "SELECT ''", NULL });
  /* A backslash is an escape only in E'…'. */
  assert_texts ("SELECT E'it\\'s;'; SELECT 'C:\\'; SELECT 3",
                (const char *[]) { "SELECT E'it\\'s;'", "SELECT 'C:\\'", "SELECT 3", NULL });
  assert_texts ("SELECT \"odd;name\", \"say \"\"hi\"\";\" FROM \"t;1\"; SELECT 2",
                (const char *[]) { "SELECT \"odd;name\", \"say \"\"hi\"\";\" FROM \"t;1\"", "SELECT 2", NULL });
  /* A word ending in e is not an E'…' prefix. */
  assert_texts ("SELECT name'x\\'; SELECT 2", (const char *[]) { "SELECT name'x\\'", "SELECT 2", NULL });
}

static void
test_comments (void)
{
  assert_texts ("-- first; not a split 'nor a quote\n"
                "SELECT 1 -- trailing; 'x\n"
                ";\n"
                "/* block; with 'quote */ SELECT /* a /* nested; */ one */ 2;",
                (const char *[]) { "SELECT 1 -- trailing; 'x", "SELECT /* a /* nested; */ one */ 2", NULL });
  /* A - or / alone is an operator. */
  assert_texts ("SELECT 4 - 1 / 2; SELECT 5", (const char *[]) { "SELECT 4 - 1 / 2", "SELECT 5", NULL });
}

static void
test_dollar_quotes (void)
{
  assert_texts ("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
                (const char *[]) { "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql", "SELECT 2", NULL });
  /* A body ends only at its own tag; $1 and a$b are not tags. */
  assert_texts ("DO $outer$ BEGIN EXECUTE $inner$ SELECT 1; $inner$; END $outer$; "
                "SELECT $1, a$b FROM t; SELECT $x$;$x$",
                (const char *[]) { "DO $outer$ BEGIN EXECUTE $inner$ SELECT 1; $inner$; END $outer$",
                                   "SELECT $1, a$b FROM t", "SELECT $x$;$x$", NULL });
}

/* Data Distiller's anonymous block, from seed 001. */
static const char seed_block[] =
  "$$ BEGIN\n"
  "  SET @max_ts = SELECT max(timestamp) FROM luma_web_events;\n"
  "  CREATE TABLE IF NOT EXISTS luma_daily AS SELECT 1 AS x;\n"
  "  INSERT INTO luma_daily SELECT count(*) FROM luma_web_events WHERE timestamp > @max_ts;\n"
  "EXCEPTION WHEN OTHER THEN\n"
  "  SELECT 'failed';\n"
  "END $$;\n"
  "\n"
  "SELECT * FROM luma_daily;\n";

static void
test_seed_block (void)
{
  g_autoptr(GPtrArray) statements = split_ok (seed_block);
  TribSqlStatement *after;

  g_assert_cmpuint (statements->len, ==, 2);
  g_assert_true (g_str_has_prefix (text_at (statements, 0), "$$ BEGIN\n  SET @max_ts"));
  g_assert_true (g_str_has_suffix (text_at (statements, 0), "END $$"));
  after = g_ptr_array_index (statements, 1);
  g_assert_cmpstr (after->text, ==, "SELECT * FROM luma_daily");
  g_assert_cmpuint (after->line, ==, 9);
}

static void
assert_unterminated (const char *script,
                     gsize       expected_offset,
                     const char *expected_words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  gsize offset = 0;

  statements = trib_sql_split (script, -1, &offset, &error);
  g_assert_null (statements);
  g_assert_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED);
  g_assert_cmpuint (offset, ==, expected_offset);
  g_assert_nonnull (strstr (error->message, expected_words));
}

static void
test_unterminated (void)
{
  assert_unterminated ("SELECT 1;\nSELECT 'abc", 17, "string starting at line 2, column 8");
  assert_unterminated ("SELECT \"abc;", 7, "quoted identifier starting at line 1, column 8");
  assert_unterminated ("SELECT 1;\n\n  /* a /* b */ c", 13, "comment starting at line 3, column 3");
  assert_unterminated ("SELECT 1; DO $body$ BEGIN $$ END $$;", 13, "$body$ starting at line 1, column 14");
  assert_unterminated ("SELECT E'\\'", 8, "string starting at line 1, column 9");
  /* Columns count characters. */
  assert_unterminated ("SELECT 'é', 'ü", 13, "line 1, column 13");
}

static void
test_utf8_columns (void)
{
  g_autoptr(GPtrArray) statements = split_ok ("SELECT 'ça'; SELECT 'ß'");
  TribSqlStatement *second = g_ptr_array_index (statements, 1);

  g_assert_cmpuint (second->start, ==, 14);
  g_assert_cmpuint (second->column, ==, 14);
}

static void
test_length (void)
{
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GError) error = NULL;

  /* Only the given bytes are read: the quote after them does not count. */
  statements = trib_sql_split ("SELECT 1; SELECT 2'", 18, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (statements->len, ==, 2);
  g_assert_cmpstr (text_at (statements, 1), ==, "SELECT 2");
}

static char *
statement_at (const char *script,
              gsize       cursor)
{
  g_autoptr(TribSqlStatement) statement = trib_sql_statement_at (script, -1, cursor);

  return statement != NULL ? g_strdup (statement->text) : NULL;
}

static void
test_statement_at (void)
{
  static const char script[] = "SELECT 1;\n\nSELECT\n  2; -- two\n\n  SELECT 3";
  struct
  {
    gsize cursor;
    const char *expected;
  } cases[] = {
    { 0, "SELECT 1" },
    { 4, "SELECT 1" },
    { 9, "SELECT 1" },                   /* right after its ; */
    { 10, "SELECT\n  2" },               /* the blank line below */
    { 14, "SELECT\n  2" },
    { 22, "SELECT\n  2" },               /* in the comment after its ; */
    { 30, "SELECT 3" },
    { sizeof script - 1, "SELECT 3" },   /* the end */
    { 1000, "SELECT 3" },                /* past the end */
  };
  g_autofree char *none = statement_at ("  -- nothing\n", 3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = statement_at (script, cases[i].cursor);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }

  g_assert_null (none);
}

static void
test_statement_at_unterminated (void)
{
  static const char script[] = "SELECT 'ok';\nSELECT 'still typing";
  g_autofree char *first = statement_at (script, 3);
  g_autofree char *second = statement_at (script, 20);
  g_autofree char *block = statement_at ("$$ BEGIN SELECT 1; ", 12);

  g_assert_cmpstr (first, ==, "SELECT 'ok'");
  g_assert_cmpstr (second, ==, "SELECT 'still typing");
  g_assert_cmpstr (block, ==, "$$ BEGIN SELECT 1; ");
}

static void
test_copy (void)
{
  g_autoptr(GPtrArray) statements = split_ok ("SELECT 1");
  g_autoptr(TribSqlStatement) copy = trib_sql_statement_copy (g_ptr_array_index (statements, 0));

  g_assert_cmpstr (copy->text, ==, "SELECT 1");
  g_assert_true (copy->text != text_at (statements, 0));
  g_assert_true (G_TYPE_IS_BOXED (TRIB_TYPE_SQL_STATEMENT));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/sql-splitter/simple", test_simple);
  g_test_add_func ("/tributary/sql-splitter/empty", test_empty);
  g_test_add_func ("/tributary/sql-splitter/quotes", test_quotes);
  g_test_add_func ("/tributary/sql-splitter/comments", test_comments);
  g_test_add_func ("/tributary/sql-splitter/dollar-quotes", test_dollar_quotes);
  g_test_add_func ("/tributary/sql-splitter/seed-block", test_seed_block);
  g_test_add_func ("/tributary/sql-splitter/unterminated", test_unterminated);
  g_test_add_func ("/tributary/sql-splitter/utf8-columns", test_utf8_columns);
  g_test_add_func ("/tributary/sql-splitter/length", test_length);
  g_test_add_func ("/tributary/sql-splitter/statement-at", test_statement_at);
  g_test_add_func ("/tributary/sql-splitter/statement-at-unterminated", test_statement_at_unterminated);
  g_test_add_func ("/tributary/sql-splitter/copy", test_copy);

  return g_test_run ();
}
