/* test-json-indent.c
 *
 * JSON laid out for reading, whole or cut anywhere: strings copied as
 * they are, empty containers kept on their line, never half a character.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-json-indent.h"

static void
test_whole (void)
{
  g_autofree char *text = trib_json_indent ("{\"a\":[1,2],\"b\":{},\"c\":\"x, {y}: \\\"z\\\"\",\"d\":[]}", 1024, NULL);

  g_assert_cmpstr (text, ==,
                   "{\n"
                   "  \"a\": [\n"
                   "    1,\n"
                   "    2\n"
                   "  ],\n"
                   "  \"b\": {},\n"
                   "  \"c\": \"x, {y}: \\\"z\\\"\",\n"
                   "  \"d\": []\n"
                   "}");
}

static void
test_cut (void)
{
  const char *json = "{\"name\":\"été\",\"list\":[{\"k\":1}]}";
  gboolean cut = FALSE;

  for (gsize max = 1; max <= strlen (json) + 1; max++)
    {
      g_autofree char *text = trib_json_indent (json, max, &cut);

      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_cmpint (cut, ==, max < strlen (json));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/json-indent/whole", test_whole);
  g_test_add_func ("/tributary/json-indent/cut", test_cut);

  return g_test_run ();
}
