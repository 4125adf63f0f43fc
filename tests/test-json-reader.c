/* test-json-reader.c
 *
 * The pull reader the field tree is read with: the grammar it checks,
 * in what it skips as in what it reads, and strings decoded as
 * json-glib stores them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-json-reader.h"

/* Skips @text as one value: whether it was all JSON. */
static gboolean
skips_whole (const char *text)
{
  TribJsonReader reader;

  trib_json_reader_init (&reader, text, strlen (text));
  trib_json_reader_skip (&reader);

  return trib_json_reader_at_end (&reader);
}

static void
test_grammar (void)
{
  const char *valid[] = {
    "1", "-0.5e+3", "12E-2", "0", "true", "false", "null", "\"s\\u00e9\"", "{}", "[]", " [ 1 , 2 ] ",
    "{\"a\": {\"b\": [null, true, {\"c\": \"]}\"}]}}",
  };
  const char *invalid[] = {
    "", "{\"n\"", "[1 2]", "{\"a\": 1,}", "[,]", "[1,]", "tru", "truex", "01", "-01", "-", "1.", "1e",
    "{\"a\"::1}", "{,\"a\": 1}", "{\"a\": [}", "{1: 2}", "{\"a\": 1]", "{\"a\" 1}", "{\"a\": 1 \"b\": 2}",
    "inf", "nan", "\"x", "[", "{", "}", "1 2", "{\"a\": 1}}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (skips_whole (valid[i]));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_test_message ("%s", invalid[i]);
      g_assert_false (skips_whole (invalid[i]));
    }
}

/* What the caller reads is checked as what it skips. */
static void
test_members (void)
{
  const char *text = "{\"type\": \"string\", \"ti\\u0074le\": 5, \"items\": [\"a\", 2], \"x\": {\"y\": [1, 2 3]}}";
  TribJsonReader reader;
  TribJsonString key;
  TribJsonString value;

  trib_json_reader_init (&reader, text, strlen (text));
  g_assert_cmpint (trib_json_reader_peek (&reader), ==, TRIB_JSON_KIND_OBJECT);
  g_assert_true (trib_json_reader_enter (&reader));

  g_assert_true (trib_json_reader_next_member (&reader, &key));
  g_assert_true (trib_json_string_equal (&key, "type"));
  g_assert_true (trib_json_reader_read_string (&reader, &value));
  g_assert_true (trib_json_string_equal (&value, "string"));

  /* An escaped key is the same key; a member of another type is skipped. */
  g_assert_true (trib_json_reader_next_member (&reader, &key));
  g_assert_true (key.escaped);
  g_assert_true (trib_json_string_equal (&key, "title"));
  g_assert_false (trib_json_reader_read_string (&reader, &value));

  g_assert_true (trib_json_reader_next_member (&reader, &key));
  g_assert_cmpint (trib_json_reader_peek (&reader), ==, TRIB_JSON_KIND_ARRAY);
  g_assert_true (trib_json_reader_enter (&reader));
  g_assert_true (trib_json_reader_next_element (&reader));
  g_assert_true (trib_json_reader_read_string (&reader, &value));
  g_assert_true (trib_json_reader_next_element (&reader));
  trib_json_reader_skip (&reader);
  g_assert_false (trib_json_reader_next_element (&reader));
  g_assert_false (trib_json_reader_failed (&reader));

  /* The fault is deep in a value nobody reads. */
  g_assert_true (trib_json_reader_next_member (&reader, &key));
  trib_json_reader_skip (&reader);
  g_assert_true (trib_json_reader_failed (&reader));
  g_assert_false (trib_json_reader_next_member (&reader, &key));
  g_assert_false (trib_json_reader_at_end (&reader));
}

static void
test_booleans (void)
{
  const char *text = "[true, false, \"true\", 1, null, trueish]";
  TribJsonReader reader;
  gboolean value = FALSE;

  trib_json_reader_init (&reader, text, strlen (text));
  g_assert_true (trib_json_reader_enter (&reader));
  g_assert_true (trib_json_reader_next_element (&reader));
  g_assert_true (trib_json_reader_read_boolean (&reader, &value));
  g_assert_true (value);
  g_assert_true (trib_json_reader_next_element (&reader));
  g_assert_true (trib_json_reader_read_boolean (&reader, &value));
  g_assert_false (value);

  /* Anything else is skipped, not read as a boolean. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_true (trib_json_reader_next_element (&reader));
      g_assert_false (trib_json_reader_read_boolean (&reader, &value));
      g_assert_false (trib_json_reader_failed (&reader));
    }

  g_assert_true (trib_json_reader_next_element (&reader));
  g_assert_false (trib_json_reader_read_boolean (&reader, &value));
  g_assert_true (trib_json_reader_failed (&reader));
}

static char *
decode (const char *quoted)
{
  TribJsonReader reader;
  TribJsonString string;
  char *decoded;
  gsize length;

  trib_json_reader_init (&reader, quoted, strlen (quoted));
  g_assert_true (trib_json_reader_read_string (&reader, &string));
  decoded = g_malloc (string.length + 1);
  length = trib_json_string_decode (&string, decoded);
  g_assert_cmpuint (length, <=, string.length);
  decoded[length] = '\0';

  return decoded;
}

static void
test_strings (void)
{
  struct {
    const char *quoted;
    const char *decoded;
  } cases[] = {
    { "\"plain\"", "plain" },
    { "\"a\\\"b\\\\c\\/d\"", "a\"b\\c/d" },
    { "\"\\b\\f\\n\\r\\t\"", "\b\f\n\r\t" },
    { "\"caf\\u00e9 \\u20AC\"", "caf\u00e9 \u20ac" },
    { "\"\\ud83d\\ude00\"", "\U0001F600" },
    /* As json-glib stores them: a lone surrogate as U+FFFD… */
    { "\"a\\udc00b\"", "a\uFFFDb" },
    { "\"a\\ud800\"", "a\uFFFD" },
    { "\"\\ud800\\u0041\"", "\uFFFDA" },
    /* …and the string cut at an escaped U+0000, where a C string ends. */
    { "\"ab\\u0000cd\"", "ab" },
    { "\"\u00e9t\u00e9\"", "\u00e9t\u00e9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *decoded = decode (cases[i].quoted);

      g_assert_cmpstr (decoded, ==, cases[i].decoded);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/json-reader/grammar", test_grammar);
  g_test_add_func ("/tributary/json-reader/members", test_members);
  g_test_add_func ("/tributary/json-reader/strings", test_strings);
  g_test_add_func ("/tributary/json-reader/booleans", test_booleans);

  return g_test_run ();
}
