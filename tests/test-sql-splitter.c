/* test-sql-splitter.c
 *
 * trib_sql_split () and trib_sql_statement_at (): where a script's
 * statements begin and end.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-sql-splitter.h"

static GPtrArray *
split_ok (const char *script,
          gssize      len)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *statements = trib_sql_split (script, len, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (statements);

  return statements;
}

static TribSqlStatement *
nth (GPtrArray *statements,
     guint      index)
{
  g_assert_cmpuint (index, <, statements->len);

  return g_ptr_array_index (statements, index);
}

static void
assert_texts (const char         *script,
              const char * const *expected)
{
  g_autoptr(GPtrArray) statements = split_ok (script, -1);

  g_assert_cmpuint (statements->len, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < statements->len; i++)
    g_assert_cmpstr (nth (statements, i)->text, ==, expected[i]);
}

static void
assert_statement (const TribSqlStatement *statement,
                  gsize                   start,
                  gsize                   end,
                  guint                   line,
                  guint                   column,
                  const char             *text)
{
  g_assert_cmpstr (statement->text, ==, text);
  g_assert_cmpuint (statement->start, ==, start);
  g_assert_cmpuint (statement->end, ==, end);
  g_assert_cmpuint (statement->line, ==, line);
  g_assert_cmpuint (statement->column, ==, column);
}

static void
test_simple (void)
{
  static const char script[] = "SELECT 1;\n  SELECT 2 ;\n\nSELECT\n  3";
  g_autoptr(GPtrArray) statements = split_ok (script, -1);

  g_assert_cmpuint (statements->len, ==, 3);
  assert_statement (nth (statements, 0), 0, 8, 1, 1, "SELECT 1");
  assert_statement (nth (statements, 1), 12, 20, 2, 3, "SELECT 2");
  /* The last statement needs no ;. */
  assert_statement (nth (statements, 2), 24, strlen (script), 4, 1, "SELECT\n  3");
}

static void
test_empty (void)
{
  g_autoptr(GPtrArray) nothing = split_ok ("", -1);
  g_autoptr(GPtrArray) blank = split_ok ("  \n\t \r\n", -1);
  g_autoptr(GPtrArray) empties = split_ok (";; ;\n-- only a comment\n/* and another */;", -1);

  g_assert_cmpuint (nothing->len, ==, 0);
  g_assert_cmpuint (blank->len, ==, 0);
  g_assert_cmpuint (empties->len, ==, 0);
  assert_texts ("SELECT 1;;;\n; SELECT 2;  ;", (const char *[]) { "SELECT 1", "SELECT 2", NULL });
}

static void
test_quotes (void)
{
  assert_texts ("SELECT 'a;b', 'it''s;' FROM t; SELECT ''",
                (const char *[]) { "SELECT 'a;b', 'it''s;' FROM t", "SELECT ''", NULL });
  /* Only E'…' takes backslash escapes. */
  assert_texts ("SELECT E'it\\'s;'; SELECT e'\\\\'; SELECT 'C:\\'; SELECT 3",
                (const char *[]) { "SELECT E'it\\'s;'", "SELECT e'\\\\'", "SELECT 'C:\\'",
                                   "SELECT 3", NULL });
  /* A word ending in e is no E prefix. */
  assert_texts ("SELECT name'x\\'; SELECT 2",
                (const char *[]) { "SELECT name'x\\'", "SELECT 2", NULL });
  assert_texts ("SELECT \"odd;name\", \"say \"\"hi\"\";\" FROM \"t;1\"; SELECT 2",
                (const char *[]) { "SELECT \"odd;name\", \"say \"\"hi\"\";\" FROM \"t;1\"",
                                   "SELECT 2", NULL });
  /* Each kind of quote hides the others. */
  assert_texts ("SELECT '\"', \"'\"; SELECT '--', '/*'; SELECT 3",
                (const char *[]) { "SELECT '\"', \"'\"", "SELECT '--', '/*'", "SELECT 3", NULL });
}

static void
test_comments (void)
{
  assert_texts ("-- first; not a split 'nor a quote\n"
                "SELECT 1 -- trailing; \"x\n"
                ";\n"
                "/* block; with 'quote */ SELECT /* a /* nested; */ still; */ 2;",
                (const char *[]) { "SELECT 1 -- trailing; \"x",
                                   "SELECT /* a /* nested; */ still; */ 2", NULL });
  /* A line comment ends at a \r too. */
  assert_texts ("SELECT 1 -- one\r\n;SELECT 2",
                (const char *[]) { "SELECT 1 -- one", "SELECT 2", NULL });
  /* A - or / alone is an operator. */
  assert_texts ("SELECT 4 - 1 / 2; SELECT -3",
                (const char *[]) { "SELECT 4 - 1 / 2", "SELECT -3", NULL });
}

static void
test_dollar_quotes (void)
{
  assert_texts ("CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql; SELECT 2",
                (const char *[]) {
                  "CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql",
                  "SELECT 2",
                  NULL });
  /* A body ends only at its own tag. */
  assert_texts ("DO $outer$ BEGIN EXECUTE $x$ SELECT 1; $x$; $$;$$; END $outer$; SELECT 2",
                (const char *[]) { "DO $outer$ BEGIN EXECUTE $x$ SELECT 1; $x$; $$;$$; END $outer$",
                                   "SELECT 2", NULL });
  /* $1 is a parameter and a$b$ a name; a body may follow a body. */
  assert_texts ("SELECT $1, a$b$ FROM t; SELECT $2;SELECT $x$;$x$$$;$$; SELECT $_9$;$_9$",
                (const char *[]) { "SELECT $1, a$b$ FROM t", "SELECT $2", "SELECT $x$;$x$$$;$$",
                                   "SELECT $_9$;$_9$", NULL });
  /* A tag cannot start with a digit, so $1$ is no tag. */
  assert_texts ("SELECT $1$2; SELECT 2", (const char *[]) { "SELECT $1$2", "SELECT 2", NULL });
}

/* Data Distiller's anonymous block, from the seed. */
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
  g_autoptr(GPtrArray) statements = split_ok (seed_block, -1);
  const char *after = strstr (seed_block, "SELECT * FROM luma_daily");
  gsize block_end = strstr (seed_block, "END $$;") + strlen ("END $$") - seed_block;
  g_autofree char *block = g_strndup (seed_block, block_end);

  g_assert_cmpuint (statements->len, ==, 2);
  assert_statement (nth (statements, 0), 0, block_end, 1, 1, block);
  assert_statement (nth (statements, 1), after - seed_block, after - seed_block + 24, 9, 1,
                    "SELECT * FROM luma_daily");
}

static void
assert_unterminated (const char *script,
                     gsize       expected_offset,
                     const char *expected_what,
                     const char *expected_where)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statements = NULL;
  gsize offset = G_MAXSIZE;

  statements = trib_sql_split (script, -1, &offset, &error);
  g_assert_null (statements);
  g_assert_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED);
  g_assert_cmpuint (offset, ==, expected_offset);
  g_assert_true (g_str_has_prefix (error->message, expected_what));
  g_assert_nonnull (strstr (error->message, expected_where));
}

static void
test_unterminated (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statements = NULL;

  assert_unterminated ("SELECT 1;\nSELECT 'abc;\n'';", 17,
                       "Unterminated string", "line 2, column 8");
  /* The E prefix starts the string. */
  assert_unterminated ("SELECT 1;\n\nSELECT E'\\';", 18,
                       "Unterminated string", "line 3, column 8");
  assert_unterminated ("SELECT \"abc;\n\"\"", 7,
                       "Unterminated quoted identifier", "line 1, column 8");
  /* The first star-slash closes only the inner comment. */
  assert_unterminated ("SELECT 1;\n\n  /* a /* b */ c; SELECT 2", 13,
                       "Unterminated comment", "line 3, column 3");
  assert_unterminated ("SELECT 1;\nDO $body$ BEGIN $$ SELECT 2; $$ END $bod$;", 13,
                       "Unterminated dollar-quoted body $body$", "line 2, column 4");
  assert_unterminated ("SELECT $$;", 7, "Unterminated dollar-quoted body $$", "line 1, column 8");
  /* Columns count characters, not bytes. */
  assert_unterminated ("SELECT 'é';\n'ü', 'ö", 19, "Unterminated string", "line 2, column 6");

  /* No error_offset is fine. */
  statements = trib_sql_split ("'", -1, NULL, &error);
  g_assert_null (statements);
  g_assert_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED);
}

static void
test_utf8_columns (void)
{
  static const char script[] = "SELECT 'ça'; SELECT 'ß';\n  /* ✓ */ SELECT '日本'; SELECT 4";
  g_autoptr(GPtrArray) statements = split_ok (script, -1);

  g_assert_cmpuint (statements->len, ==, 4);
  assert_statement (nth (statements, 1), 14, 25, 1, 14, "SELECT 'ß'");
  assert_statement (nth (statements, 2), 39, 54, 2, 11, "SELECT '日本'");
  assert_statement (nth (statements, 3), 56, 64, 2, 24, "SELECT 4");
}

static void
test_length (void)
{
  static const char script[] = "SELECT 1; SELECT 2'";
  g_autoptr(GPtrArray) statements = split_ok (script, strlen (script) - 1);
  /* Exactly the bytes given, no NUL after them: a sanitizer build
   * catches any read past the end.
   */
  g_autofree char *open_string = g_memdup2 ("SELECT 'a", 9);
  g_autofree char *open_tag = g_memdup2 ("SELECT $a", 9);
  g_autofree char *open_comment = g_memdup2 ("SELECT 1 /", 10);
  g_autoptr(GPtrArray) tag_statements = NULL;
  g_autoptr(GPtrArray) comment_statements = NULL;
  g_autoptr(GError) error = NULL;
  gsize offset = 0;

  g_assert_cmpuint (statements->len, ==, 2);
  g_assert_cmpstr (nth (statements, 1)->text, ==, "SELECT 2");

  g_assert_null (trib_sql_split (open_string, 9, &offset, &error));
  g_assert_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED);
  g_assert_cmpuint (offset, ==, 7);

  tag_statements = split_ok (open_tag, 9);
  comment_statements = split_ok (open_comment, 10);
  g_assert_cmpstr (nth (tag_statements, 0)->text, ==, "SELECT $a");
  g_assert_cmpstr (nth (comment_statements, 0)->text, ==, "SELECT 1 /");
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
  static const char script[] =
    "-- setup\n"           /* 0 */
    "SELECT 1;\n"          /* 9 */
    "\n"                   /* 19 */
    "SELECT\n"             /* 20 */
    "  2; -- two\n"        /* 27 */
    "-- about three\n"     /* 39 */
    "  SELECT 3;  ";       /* 54 */
  struct
  {
    gsize cursor;
    const char *expected;
  } cases[] = {
    { 2, "SELECT 1" },                  /* in a comment before any */
    { 9, "SELECT 1" },                  /* at its start */
    { 13, "SELECT 1" },                 /* in the middle */
    { 17, "SELECT 1" },                 /* just before its ; */
    { 18, "SELECT 1" },                 /* just after its ; */
    { 19, "SELECT 1" },                 /* the blank line after it */
    { 20, "SELECT\n  2" },
    { 29, "SELECT\n  2" },              /* on its second line */
    { 35, "SELECT\n  2" },              /* in the comment after its ; */
    { 45, "SELECT\n  2" },              /* in the comment before the next */
    { 56, "SELECT 3" },
    { sizeof script - 1, "SELECT 3" },  /* the end */
    { 1000, "SELECT 3" },               /* past the end */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = statement_at (script, cases[i].cursor);

      g_test_message ("cursor at %" G_GSIZE_FORMAT, cases[i].cursor);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_statement_at_none (void)
{
  g_autoptr(TribSqlStatement) blank = trib_sql_statement_at ("  \n ; -- nothing\n", -1, 3);
  g_autoptr(TribSqlStatement) empty = trib_sql_statement_at ("", -1, 0);
  g_autoptr(TribSqlStatement) open_comment = trib_sql_statement_at ("/* nothing yet", -1, 5);

  g_assert_null (blank);
  g_assert_null (empty);
  g_assert_null (open_comment);
}

static void
test_statement_at_unterminated (void)
{
  static const char script[] = "SELECT 'ok';\n\nSELECT 'still typing; $$";
  g_autofree char *first = statement_at (script, 3);
  g_autofree char *between = statement_at (script, 13);
  g_autofree char *typing = statement_at (script, 20);
  g_autofree char *body = statement_at ("SELECT 1;\nDO $$ BEGIN SELECT 1; ", 5);
  g_autofree char *in_body = statement_at ("SELECT 1;\nDO $$ BEGIN SELECT 1; ", 20);
  g_autofree char *comment = statement_at ("SELECT 1;\nSELECT 2 /* to do; ", 12);
  g_autoptr(TribSqlStatement) located = trib_sql_statement_at (script, -1, 16);

  g_assert_cmpstr (first, ==, "SELECT 'ok'");
  g_assert_cmpstr (between, ==, "SELECT 'ok'");
  /* The statement being typed runs to the end. */
  g_assert_cmpstr (typing, ==, "SELECT 'still typing; $$");
  g_assert_cmpuint (located->start, ==, 14);
  g_assert_cmpuint (located->end, ==, sizeof script - 1);
  g_assert_cmpuint (located->line, ==, 3);
  g_assert_cmpstr (body, ==, "SELECT 1");
  g_assert_cmpstr (in_body, ==, "DO $$ BEGIN SELECT 1; ");
  /* An unterminated comment is left out of its statement. */
  g_assert_cmpstr (comment, ==, "SELECT 2");
}

static void
test_large (void)
{
  g_autoptr(GString) script = g_string_new (NULL);
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(TribSqlStatement) last = NULL;
  g_autofree char *tag = g_strnfill (5000, 't');
  double seconds;

  for (guint i = 0; i < 50000; i++)
    g_string_append_printf (script, "SELECT %u, 'a;b' /* ; */; -- ;\n", i);
  /* A long tag, and a body full of near misses of it. */
  g_string_append_printf (script, "SELECT $%s$", tag);
  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (script, ";$%.*s$", 4000, tag);
  g_string_append_printf (script, "$%s$;\nSELECT 'end'", tag);

  g_test_timer_start ();
  statements = split_ok (script->str, script->len);
  last = trib_sql_statement_at (script->str, script->len, script->len);
  seconds = g_test_timer_elapsed ();

  g_assert_cmpuint (statements->len, ==, 50002);
  g_assert_cmpstr (nth (statements, 49999)->text, ==, "SELECT 49999, 'a;b' /* ; */");
  g_assert_cmpuint (nth (statements, 49999)->line, ==, 50000);
  g_assert_cmpstr (last->text, ==, "SELECT 'end'");
  g_assert_cmpuint (last->line, ==, 50002);
  /* Linear: well under a second even with sanitizers. */
  g_assert_cmpfloat (seconds, <, 5.0);
}

static void
test_copy (void)
{
  g_autoptr(GPtrArray) statements = split_ok ("\n  SELECT 1", -1);
  TribSqlStatement *original = nth (statements, 0);
  g_autoptr(TribSqlStatement) copy = trib_sql_statement_copy (original);
  TribSqlStatement *boxed = g_boxed_copy (TRIB_TYPE_SQL_STATEMENT, original);

  assert_statement (copy, 3, 11, 2, 3, "SELECT 1");
  g_assert_true (copy->text != original->text);
  assert_statement (boxed, 3, 11, 2, 3, "SELECT 1");
  g_boxed_free (TRIB_TYPE_SQL_STATEMENT, boxed);
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
  g_test_add_func ("/tributary/sql-splitter/statement-at-none", test_statement_at_none);
  g_test_add_func ("/tributary/sql-splitter/statement-at-unterminated",
                   test_statement_at_unterminated);
  g_test_add_func ("/tributary/sql-splitter/large", test_large);
  g_test_add_func ("/tributary/sql-splitter/copy", test_copy);

  return g_test_run ();
}
