/* test-sql-context.c
 *
 * trib_sql_context_scan () and trib_sql_context_resolve (): what
 * completion reads before the cursor, marked `|` in each case.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-sql-context.h"
#include "trib-sql-words.h"

#define N TRIB_SQL_PLACE_NONE
#define T TRIB_SQL_PLACE_TABLE
#define E TRIB_SQL_PLACE_EXPRESSION

static const struct
{
  const char *sql;
  TribSqlPlace place;
  const char *prefix;
  const char *path;     /* NULL: the word follows no dot */
  const char *tables;   /* name[:alias], comma-separated */
  const char *resolved; /* table, a space, the path in it; NULL: none */
} cases[] = {
  /* Words and places */
  { "SEL|", E, "SEL", NULL, "", NULL },
  { "|", E, "", NULL, "", NULL },
  { "SELECT * FROM lu|", T, "lu", NULL, "lu", NULL },
  { "SELECT * FROM |", T, "", NULL, "", NULL },
  { "select * from a join lu|", T, "lu", NULL, "a,lu", NULL },
  { "SELECT * FROM a, |", T, "", NULL, "a", NULL },
  { "SELECT * FROM a x, lu| WHERE", T, "lu", NULL, "a:x,lu", NULL },
  { "SELECT a, b|", E, "b", NULL, "", NULL },
  { "SELECT a FROM t WHERE x IN (1, |", E, "", NULL, "t", NULL },
  { "SELECT a FROM (SELECT b, |", E, "", NULL, "", NULL },
  { "INSERT INTO lu|", T, "lu", NULL, "", NULL },
  { "SELECT count(|", E, "", NULL, "", NULL },
  { "SELECT SESS_|", E, "SESS_", NULL, "", NULL },

  /* Inside strings and comments: nothing */
  { "SELECT 'we|", N, "we", NULL, "", NULL },
  { "SELECT 'a b|' FROM t", N, "b", NULL, "t", NULL },
  { "SELECT 1 -- a comm|", N, "comm", NULL, "", NULL },
  { "SELECT /* a | */ 1", N, "", NULL, "", NULL },
  { "SELECT 'done' |", E, "", NULL, "", NULL },
  { "SELECT 1 -- note\n|", E, "", NULL, "", NULL },

  /* Paths and aliases */
  { "SELECT e.web.webPageDetails.| FROM luma_web_events e", E, "", "e.web.webPageDetails",
    "luma_web_events:e", "luma_web_events web.webPageDetails" },
  { "SELECT e.web.webPageDetails.na| FROM luma_web_events e", E, "na", "e.web.webPageDetails",
    "luma_web_events:e", "luma_web_events web.webPageDetails" },
  { "SELECT e.| FROM luma_web_events AS e", E, "", "e", "luma_web_events:e", "luma_web_events " },
  { "SELECT web.webPageDetails.| FROM luma_web_events", E, "", "web.webPageDetails", "luma_web_events",
    "luma_web_events web.webPageDetails" },
  { "SELECT luma_web_events.web.| FROM luma_web_events", E, "", "luma_web_events.web", "luma_web_events",
    "luma_web_events web" },
  { "SELECT o.| FROM luma_web_events e JOIN luma_orders o ON e._id = o._id", E, "", "o",
    "luma_web_events:e,luma_orders:o", "luma_orders " },
  { "SELECT x.| FROM a e JOIN b o ON 1 = 1", E, "", "x", "a:e,b:o", NULL },
  { "SELECT \"e\".\"web\".| FROM luma_web_events e", E, "", "e.web", "luma_web_events:e", "luma_web_events web" },
  { "SELECT e.web.| FROM \"luma_web_events\" e WHERE e.web.x = 1", E, "", "e.web", "luma_web_events:e",
    "luma_web_events web" },
  { "SELECT e.| FROM luma_web_events e LEFT JOIN (SELECT 1) s ON true", E, "", "e", "luma_web_events:e",
    "luma_web_events " },
  { "SELECT e.| FROM luma_web_events e WHERE e.x = 1 GROUP BY 1", E, "", "e", "luma_web_events:e",
    "luma_web_events " },

  /* The statement around the cursor */
  { "SELECT * FROM a x;\nSELECT x.| FROM b x", E, "", "x", "b:x", "b " },
  { "SELECT x.| FROM b x;\nSELECT * FROM a", E, "", "x", "b:x", "b " },
  { "SELECT * FROM a x; |", E, "", NULL, "", NULL },
  { "$$ BEGIN\n  SET @t = SELECT max(ts) FROM a;\n  SELECT e.| FROM b e;\nEND $$", E, "", "e", "b:e", "b " },
  { "$$ BEGIN SELECT 1 FROM a; INSERT INTO x SELECT * FROM |; END $$", T, "", NULL, "", NULL },
  { "SELECT explode(identityMap) FROM demosys_cja_ee_v1_website_global_v1_1 d WHERE d.|", E, "", "d",
    "demosys_cja_ee_v1_website_global_v1_1:d", "demosys_cja_ee_v1_website_global_v1_1 " },
};

static char *
tables_text (const TribSqlContext *context)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < context->tables->len; i++)
    {
      const TribSqlTableRef *ref = g_ptr_array_index (context->tables, i);

      if (i > 0)
        g_string_append_c (text, ',');
      g_string_append (text, ref->name);
      if (ref->alias != NULL)
        g_string_append_printf (text, ":%s", ref->alias);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_cases (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *bar = strchr (cases[i].sql, '|');
      g_autofree char *sql = NULL;
      g_autoptr(TribSqlContext) context = NULL;
      g_autofree char *tables = NULL;
      const TribSqlTableRef *ref;
      const char *field_path = NULL;
      gsize cursor;

      g_assert_nonnull (bar);
      cursor = bar - cases[i].sql;
      sql = g_strconcat ("", cases[i].sql, NULL);
      memmove (sql + cursor, sql + cursor + 1, strlen (sql + cursor + 1) + 1);

      g_test_message ("%s", cases[i].sql);
      context = trib_sql_context_scan (sql, -1, cursor);
      g_assert_cmpint (context->place, ==, cases[i].place);
      g_assert_cmpstr (context->prefix, ==, cases[i].prefix);
      g_assert_cmpuint (context->prefix_start, ==, cursor - strlen (cases[i].prefix));
      g_assert_cmpstr (context->path, ==, cases[i].path);
      tables = tables_text (context);
      g_assert_cmpstr (tables, ==, cases[i].tables);

      ref = trib_sql_context_resolve (context, &field_path);
      if (cases[i].resolved == NULL)
        {
          g_assert_null (ref);
        }
      else
        {
          g_autofree char *resolved = NULL;

          g_assert_nonnull (ref);
          resolved = g_strdup_printf ("%s %s", ref->name, field_path);
          g_assert_cmpstr (resolved, ==, cases[i].resolved);
        }
    }
}

/* The words: every seed function is there, sorted, each described. */
static void
test_words (void)
{
  static const char * const seed[] = { "SESS_TIMEOUT", "ATTRIBUTION_FIRST_TOUCH", "explode", "coalesce",
                                       "from_unixtime", "to_timestamp", "struct", "cast", "max", "count" };
  const TribSqlFunction *functions;
  guint n;

  functions = trib_sql_functions (&n);
  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < n && !found; j++)
        found = g_ascii_strcasecmp (functions[j].name, seed[i]) == 0;
      g_assert_true (found);
    }

  for (guint j = 0; j < n; j++)
    {
      g_assert_true (functions[j].signature[0] == '(');
      g_assert_cmpstr (trib_sql_function_get_description (&functions[j]), !=, "");
      if (j > 0)
        g_assert_cmpint (g_ascii_strcasecmp (functions[j - 1].name, functions[j].name), <, 0);
    }

  g_assert_true (trib_sql_is_keyword ("from", -1));
  g_assert_true (trib_sql_is_keyword ("JOINED", 4));
  g_assert_false (trib_sql_is_keyword ("luma_web_events", -1));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sql-context/cases", test_cases);
  g_test_add_func ("/sql-context/words", test_words);

  return g_test_run ();
}
