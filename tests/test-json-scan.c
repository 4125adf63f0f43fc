/* test-json-scan.c
 *
 * The scan every JSON text from outside goes through before json-glib:
 * nesting, strings as RFC 8259 writes them, lone surrogates repaired or
 * refused, and keys given twice in an object, compared as json-glib
 * would store them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-json-scan.h"

static TribJsonScanStatus
scan (const char *text,
      gsize      *offset)
{
  g_autofree char *repaired = NULL;

  return trib_json_scan (text, strlen (text), 512, offset, &repaired);
}

static void
assert_scan (const char         *text,
             TribJsonScanStatus  expected,
             gsize               expected_offset)
{
  gsize offset = G_MAXSIZE;
  TribJsonScanStatus status = scan (text, &offset);

  if (status != expected || (expected != TRIB_JSON_SCAN_OK && offset != expected_offset))
    g_error ("%.80s: status %d at %" G_GSIZE_FORMAT ", expected %d at %" G_GSIZE_FORMAT,
             text, status, offset, expected, expected_offset);
}

static void
test_depth (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  gsize offset = 0;

  for (guint i = 0; i < 512; i++)
    g_string_append (deep, i % 2 ? "[" : "{\"a\":");
  for (guint i = 512; i-- > 0;)
    g_string_append (deep, i % 2 ? "]" : "}");
  g_assert_cmpint (trib_json_scan (deep->str, deep->len, 512, NULL, NULL), ==, TRIB_JSON_SCAN_OK);
  g_assert_cmpint (trib_json_scan (deep->str, deep->len, 511, &offset, NULL), ==, TRIB_JSON_SCAN_TOO_DEEP);
  g_assert_cmpuint (offset, ==, 511 * 5 - 255 * 4);

  /* Closing brings the depth down again; brackets in strings are text. */
  assert_scan ("[[[[]]], [[[]]], [[\"[[[[\\\"[[[[\"]]]", TRIB_JSON_SCAN_OK, 0);
  g_assert_cmpint (trib_json_scan ("[[], []]", 8, 2, NULL, NULL), ==, TRIB_JSON_SCAN_OK);
  g_assert_cmpint (trib_json_scan ("[[[]]]", 6, 2, &offset, NULL), ==, TRIB_JSON_SCAN_TOO_DEEP);
  g_assert_cmpuint (offset, ==, 2);
  g_assert_cmpint (trib_json_scan ("[]", 2, 0, NULL, NULL), ==, TRIB_JSON_SCAN_TOO_DEEP);
  g_assert_cmpint (trib_json_scan ("1", 1, 0, NULL, NULL), ==, TRIB_JSON_SCAN_OK);
  g_assert_cmpint (trib_json_scan (NULL, 0, 0, NULL, NULL), ==, TRIB_JSON_SCAN_OK);
}

static void
test_unexpected (void)
{
  gsize offset = 0;

  /* What json-glib reads and JSON does not have. */
  assert_scan ("/* \" */ [[]]", TRIB_JSON_SCAN_UNEXPECTED, 0);
  assert_scan ("[1] // \"\n", TRIB_JSON_SCAN_UNEXPECTED, 4);
  assert_scan ("['\"']", TRIB_JSON_SCAN_UNEXPECTED, 1);
  assert_scan ("[1, \xc3\xa9]", TRIB_JSON_SCAN_UNEXPECTED, 4);
  assert_scan ("[1, \xef\xbb\xbf]", TRIB_JSON_SCAN_UNEXPECTED, 4);
  g_assert_cmpint (trib_json_scan ("[1]\0[", 5, 512, &offset, NULL), ==, TRIB_JSON_SCAN_UNEXPECTED);
  g_assert_cmpuint (offset, ==, 3);

  /* A byte order mark, which json-glib skips, only at the start. */
  assert_scan ("\xef\xbb\xbf[1]", TRIB_JSON_SCAN_OK, 0);
  assert_scan ("\xef\xbb", TRIB_JSON_SCAN_UNEXPECTED, 0);

  /* One value, which json-glib would take several of and leak. */
  assert_scan (" [1] \r\n", TRIB_JSON_SCAN_OK, 0);
  assert_scan (" true ", TRIB_JSON_SCAN_OK, 0);
  assert_scan ("-1.5e3", TRIB_JSON_SCAN_OK, 0);
  assert_scan ("\"a\"", TRIB_JSON_SCAN_OK, 0);
  assert_scan (" \n", TRIB_JSON_SCAN_OK, 0);
  assert_scan ("[1][2]", TRIB_JSON_SCAN_UNEXPECTED, 3);
  assert_scan ("{} {}", TRIB_JSON_SCAN_UNEXPECTED, 3);
  assert_scan ("1 2", TRIB_JSON_SCAN_UNEXPECTED, 2);
  assert_scan ("\"a\"\"b\"", TRIB_JSON_SCAN_UNEXPECTED, 3);
  assert_scan ("1[]", TRIB_JSON_SCAN_UNEXPECTED, 1);
  assert_scan ("[1]]", TRIB_JSON_SCAN_UNEXPECTED, 3);
  assert_scan ("]", TRIB_JSON_SCAN_UNEXPECTED, 0);
  assert_scan ("1,2", TRIB_JSON_SCAN_UNEXPECTED, 1);
  assert_scan ("var a = {}", TRIB_JSON_SCAN_UNEXPECTED, 4);
}

static void
test_strings (void)
{
  gsize offset = 0;

  assert_scan ("[\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00 é 😀\"]", TRIB_JSON_SCAN_OK, 0);

  /* Escapes JSON does not have, which json-glib reads as it likes. */
  assert_scan ("[\"a\\xb\"]", TRIB_JSON_SCAN_INVALID_STRING, 3);
  assert_scan ("[\"a\\'\"]", TRIB_JSON_SCAN_INVALID_STRING, 3);
  assert_scan ("[\"\\udc]-t4\"]", TRIB_JSON_SCAN_INVALID_STRING, 2);
  assert_scan ("[\"\\u12G4\"]", TRIB_JSON_SCAN_INVALID_STRING, 2);
  assert_scan ("[\"\\u12", TRIB_JSON_SCAN_INVALID_STRING, 2);
  assert_scan ("[\"\\", TRIB_JSON_SCAN_INVALID_STRING, 2);

  /* Control characters, raw; what is not UTF-8; no end. */
  assert_scan ("[\"a\tb\"]", TRIB_JSON_SCAN_INVALID_STRING, 3);
  assert_scan ("[\"a\nb\"]", TRIB_JSON_SCAN_INVALID_STRING, 3);
  g_assert_cmpint (trib_json_scan ("[\"a\0\"]", 6, 512, &offset, NULL), ==, TRIB_JSON_SCAN_INVALID_STRING);
  g_assert_cmpuint (offset, ==, 3);
  assert_scan ("[\"a\xff\"]", TRIB_JSON_SCAN_INVALID_STRING, 3);
  assert_scan ("[\"a\xc0\x80\"]", TRIB_JSON_SCAN_INVALID_STRING, 3);
  assert_scan ("[\"a\xed\xa0\x80\"]", TRIB_JSON_SCAN_INVALID_STRING, 3);
  assert_scan ("[\"a\xe2\x82", TRIB_JSON_SCAN_INVALID_STRING, 3);
  assert_scan ("[\"abc", TRIB_JSON_SCAN_INVALID_STRING, 5);
  assert_scan ("{\"abc", TRIB_JSON_SCAN_INVALID_STRING, 5);
}

static void
test_surrogates (void)
{
  const struct
  {
    const char *text;
    const char *repaired;
    gsize offset;
  } cases[] = {
    { "[\"a\\ud800b\"]", "[\"a\\ufffdb\"]", 3 },
    { "[\"a\\uDC00\"]", "[\"a\\ufffd\"]", 3 },
    { "[\"\\ud800\\u0041\"]", "[\"\\ufffd\\u0041\"]", 2 },
    { "[\"\\ud83d\\ud83d\\ude00\"]", "[\"\\ufffd\\ud83d\\ude00\"]", 2 },
    { "[\"\\ude00\\ud83d\"]", "[\"\\ufffd\\ufffd\"]", 2 },
    { "{\"\\ud800\": \"\\ud800\\n\"}", "{\"\\ufffd\": \"\\ufffd\\n\"}", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *repaired = NULL;
      gsize length = strlen (cases[i].text);
      gsize offset = 0;

      g_assert_cmpint (trib_json_scan (cases[i].text, length, 512, &offset, &repaired), ==, TRIB_JSON_SCAN_OK);
      g_assert_cmpstr (repaired, ==, cases[i].repaired);

      g_assert_cmpint (trib_json_scan (cases[i].text, length, 512, &offset, NULL), ==,
                       TRIB_JSON_SCAN_LONE_SURROGATE);
      g_assert_cmpuint (offset, ==, cases[i].offset);
    }

  /* Nothing to repair, no copy. */
  {
    g_autofree char *repaired = NULL;

    g_assert_cmpint (trib_json_scan ("[\"\\ud83d\\ude00\"]", 16, 512, NULL, &repaired), ==, TRIB_JSON_SCAN_OK);
    g_assert_null (repaired);
  }
}

static void
test_duplicate_keys (void)
{
  g_autoptr(GString) many = g_string_new ("{");

  assert_scan ("{\"a\": 1, \"a\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 9);
  assert_scan ("{\"a\": 1, \"b\": {\"c\": 1}, \"a\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 24);
  assert_scan ("{\"a\": [{\"a\": 1}, \"a\"], \"a\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 23);

  /* As json-glib keeps them: decoded, repaired, cut at U+0000. */
  assert_scan ("{\"name\": 1, \"n\\u0061me\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 12);
  assert_scan ("{\"n\\u0061me\": 1, \"na\\u006De\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 17);
  assert_scan ("{\"\\/\": 1, \"/\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 10);
  assert_scan ("{\"é\": 1, \"\\u00e9\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 10);
  assert_scan ("{\"😀\": 1, \"\\ud83d\\ude00\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 12);
  assert_scan ("{\"a\\u0000b\": 1, \"a\\u0000c\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 16);
  assert_scan ("{\"a\": 1, \"a\\u0000c\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 9);
  assert_scan ("{\"\\ud800\": 1, \"\\udbff\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 14);
  assert_scan ("{\"\": 1, \"\\u0000\": 2}", TRIB_JSON_SCAN_DUPLICATE_KEY, 8);

  /* The same name in another object, or as a value, is no duplicate. */
  assert_scan ("{\"a\": {\"a\": {\"a\": 1}}, \"b\": {\"a\": 2}}", TRIB_JSON_SCAN_OK, 0);
  assert_scan ("[{\"a\": 1}, {\"a\": 1}]", TRIB_JSON_SCAN_OK, 0);
  assert_scan ("{\"a\": \"a\", \"b\": [\"a\", \"b\"], \"c\": \"b\"}", TRIB_JSON_SCAN_OK, 0);
  assert_scan ("{\"ab\": 1, \"a\": 1, \"a\\u0062c\": 1, \"\\u0000\": 1}", TRIB_JSON_SCAN_OK, 0);

  /* Many keys, and the first of them again at the end. */
  for (guint i = 0; i < 100000; i++)
    g_string_append_printf (many, "\"k%u\": {\"k%u\": %u}, ", i, i, i);
  g_string_append (many, "\"last\": 0}");
  assert_scan (many->str, TRIB_JSON_SCAN_OK, 0);
  g_string_truncate (many, many->len - 1);
  g_string_append (many, ", \"k0\": 1}");
  assert_scan (many->str, TRIB_JSON_SCAN_DUPLICATE_KEY, many->len - 8);
}

static void
test_line_at (void)
{
  const char *text = "{\n  \"a\": 1,\n  \"a\": 2\n}";

  g_assert_cmpuint (trib_json_line_at (text, strlen (text), 0), ==, 1);
  g_assert_cmpuint (trib_json_line_at (text, strlen (text), 14), ==, 3);
  g_assert_cmpuint (trib_json_line_at (text, strlen (text), 1000), ==, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/json-scan/depth", test_depth);
  g_test_add_func ("/tributary/json-scan/unexpected", test_unexpected);
  g_test_add_func ("/tributary/json-scan/strings", test_strings);
  g_test_add_func ("/tributary/json-scan/surrogates", test_surrogates);
  g_test_add_func ("/tributary/json-scan/duplicate-keys", test_duplicate_keys);
  g_test_add_func ("/tributary/json-scan/line-at", test_line_at);

  return g_test_run ();
}
