/* test-result-text.c
 *
 * The text of a TribResultModel's values as they are copied: tab-separated,
 * compact and pretty-printed JSON.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-result-row.h"

static void
test_tsv (void)
{
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (2, 2);
  const char * const columns[] = { "a", "b\tc" };
  const char *first[] = { "x\ty", NULL };
  const char *second[] = { "line\nbreak", "back\\slash" };
  guint positions[] = { 1, 0 };
  g_autofree char *tsv = NULL;

  trib_result_model_set_columns (model, 2, columns, NULL);
  trib_result_batch_append_row (batch, first, NULL);
  trib_result_batch_append_row (batch, second, NULL);
  trib_result_model_append_batch (model, batch);

  tsv = trib_result_model_dup_tsv (model, positions, 2, TRUE);
  g_assert_cmpstr (tsv, ==, "a\tb\\tc\nline\\nbreak\tback\\\\slash\nx\\ty\t\n");
  g_free (tsv);
  tsv = trib_result_model_dup_tsv (model, positions + 1, 1, FALSE);
  g_assert_cmpstr (tsv, ==, "x\\ty\t\n");
}

static void
test_compact (void)
{
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (2, 1);
  const char * const columns[] = { "identitymap", "note" };
  const guint32 types[] = { 3802, 25 };
  const char *row[] = { "{\"ECID\": [\n    {\"id\": \"123\",\n     \"primary\": true}]}", "é\nà  b" };
  g_autofree char *json = NULL;
  g_autofree char *json_short = NULL;
  g_autofree char *text = NULL;
  g_autofree char *text_short = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *text_pretty = NULL;

  trib_result_model_set_columns (model, 2, columns, types);
  trib_result_batch_append_row (batch, row, NULL);
  trib_result_model_append_batch (model, batch);

  /* Nested values lose their indentation; text keeps its spaces. */
  json = trib_result_model_dup_compact (model, 0, 0, 200);
  g_assert_cmpstr (json, ==, "{\"ECID\": [ {\"id\": \"123\", \"primary\": true}]}");
  json_short = trib_result_model_dup_compact (model, 0, 0, 9);
  g_assert_cmpstr (json_short, ==, "{\"ECID\": …");
  text = trib_result_model_dup_compact (model, 0, 1, 200);
  g_assert_cmpstr (text, ==, "é à  b");
  /* Characters, not bytes. */
  text_short = trib_result_model_dup_compact (model, 0, 1, 2);
  g_assert_cmpstr (text_short, ==, "é …");

  /* One short line reads as it is, up to the last character allowed. */
  {
    g_autoptr(TribResultModel) lines = trib_result_model_new ();
    g_autoptr(TribResultBatch) line_batch = trib_result_batch_new (2, 1);
    const char *line_row[] = { "{\"a\":  1}", "né à b" };
    g_autofree char *plain = NULL;
    g_autofree char *exact = NULL;
    g_autofree char *cut = NULL;
    g_autofree char *collapsed = NULL;

    trib_result_model_set_columns (lines, 2, columns, types);
    trib_result_batch_append_row (line_batch, line_row, NULL);
    trib_result_batch_seal (line_batch);
    trib_result_model_append_batch (lines, line_batch);
    plain = trib_result_model_dup_compact (lines, 0, 1, 200);
    g_assert_cmpstr (plain, ==, "né à b");
    exact = trib_result_model_dup_compact (lines, 0, 1, 6);
    g_assert_cmpstr (exact, ==, "né à b");
    cut = trib_result_model_dup_compact (lines, 0, 1, 5);
    g_assert_cmpstr (cut, ==, "né à …");
    collapsed = trib_result_model_dup_compact (lines, 0, 0, 200);
    g_assert_cmpstr (collapsed, ==, "{\"a\": 1}");
  }

  /* What a cell binds: a value already one short line is the model's
   * own, with no copy made; another is made once, and kept for the
   * caller to free.
   */
  {
    g_autofree char *compacted = NULL;
    const char *peeked;

    peeked = trib_result_model_peek_compact (model, 0, 1, 2, &compacted);
    g_assert_cmpstr (peeked, ==, "é …");
    g_assert_true (peeked == compacted);
    g_clear_pointer (&compacted, g_free);

    peeked = trib_result_model_peek_compact (model, 0, 1, 200, &compacted);
    g_assert_cmpstr (peeked, ==, "é à  b");
    g_assert_true (peeked == compacted);
    g_clear_pointer (&compacted, g_free);
  }
  {
    g_autoptr(TribResultModel) lines = trib_result_model_new ();
    g_autoptr(TribResultBatch) line_batch = trib_result_batch_new (2, 2);
    const char *line_row[] = { "[1, 2]", "né à b" };
    const char *null_row[] = { NULL, "" };
    g_autofree char *compacted = (char *) 1;

    trib_result_model_set_columns (lines, 2, columns, types);
    trib_result_batch_append_row (line_batch, line_row, NULL);
    trib_result_batch_append_row (line_batch, null_row, NULL);
    trib_result_batch_seal (line_batch);
    trib_result_model_append_batch (lines, line_batch);

    g_assert_true (trib_result_model_peek_compact (lines, 0, 1, 200, &compacted) ==
                   trib_result_model_get_value (lines, 0, 1, NULL));
    g_assert_null (compacted);
    g_assert_true (trib_result_model_peek_compact (lines, 0, 0, 200, &compacted) ==
                   trib_result_model_get_value (lines, 0, 0, NULL));
    g_assert_null (compacted);
    compacted = (char *) 1;
    g_assert_null (trib_result_model_peek_compact (lines, 1, 0, 200, &compacted));
    g_assert_null (compacted);
    g_assert_cmpstr (trib_result_model_peek_compact (lines, 1, 1, 200, &compacted), ==, "");
    g_assert_null (compacted);
  }

  /* The full value, for reading: JSON indented, text untouched. */
  pretty = trib_result_model_dup_pretty (model, 0, 0);
  g_assert_cmpstr (pretty, ==, "{\n  \"ECID\" : [\n    {\n      \"id\" : \"123\",\n      \"primary\" : true\n    }\n  ]\n}");
  text_pretty = trib_result_model_dup_pretty (model, 0, 1);
  g_assert_cmpstr (text_pretty, ==, "é\nà  b");
}

/* One JSON value in a one-column model of type json. */
static char *
dup_pretty_json (const char *value,
                 gsize       length)
{
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (1, 1);
  const char * const columns[] = { "value" };
  const guint32 types[] = { 114 };
  const char *row[] = { value };
  int lengths[] = { (int) length };

  trib_result_model_set_columns (model, 1, columns, types);
  trib_result_batch_append_row (batch, row, lengths);
  trib_result_model_append_batch (model, batch);

  return trib_result_model_dup_pretty (model, 0, 0);
}

static void
test_pretty_json (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GString) keys = g_string_new ("{");
  g_autofree char *pretty = NULL;
  const char *numbers = "{\"a\":0.1,\"b\":12345678901234567890,\"c\":1e400,\"d\":[],\"e\":{ },\"f\":\"x\\\"[\"}";

  /* The value's own numbers, not json-glib's doubles and integers. */
  pretty = dup_pretty_json (numbers, strlen (numbers));
  g_assert_cmpstr (pretty, ==, "{\n  \"a\" : 0.1,\n  \"b\" : 12345678901234567890,\n  \"c\" : 1e400,\n"
                               "  \"d\" : [],\n  \"e\" : {},\n  \"f\" : \"x\\\"[\"\n}");
  g_clear_pointer (&pretty, g_free);

  /* json-glib would overflow its stack: shown as it is. */
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "[{\"a\":");
  g_string_append (deep, "1");
  for (guint i = 0; i < 100000; i++)
    g_string_append (deep, "}]");
  pretty = dup_pretty_json (deep->str, deep->len);
  g_assert_cmpstr (pretty, ==, deep->str);
  g_clear_pointer (&pretty, g_free);

  /* A json value may have a key twice, which json-glib would take
   * quadratic time to drop: shown as it is.
   */
  for (guint i = 0; i < 100000; i++)
    g_string_append (keys, "\"a\":1,");
  g_string_append (keys, "\"a\":1}");
  pretty = dup_pretty_json (keys->str, keys->len);
  g_assert_cmpstr (pretty, ==, keys->str);
  g_clear_pointer (&pretty, g_free);

  /* Half a surrogate pair is one replacement character; bytes that are
   * not UTF-8 are not given to a label.
   */
  pretty = dup_pretty_json ("[\"a\\ud800b\"]", 12);
  g_assert_cmpstr (pretty, ==, "[\n  \"a\\ufffdb\"\n]");
  g_clear_pointer (&pretty, g_free);
  pretty = dup_pretty_json ("[\"a\xff\"]", 6);
  g_assert_cmpstr (pretty, ==, "[\"a\xef\xbf\xbd\"]");
  g_clear_pointer (&pretty, g_free);
  pretty = dup_pretty_json ("not JSON", 8);
  g_assert_cmpstr (pretty, ==, "not JSON");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/result-text/tsv", test_tsv);
  g_test_add_func ("/tributary/result-text/compact", test_compact);
  g_test_add_func ("/tributary/result-text/pretty-json", test_pretty_json);

  return g_test_run ();
}
