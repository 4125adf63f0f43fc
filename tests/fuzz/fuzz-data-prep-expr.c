/* fuzz-data-prep-expr.c
 *
 * The simulator's Data Prep expression parser on any expression and any
 * sample row (input: expression, NUL, row as JSON): it evaluates the
 * user's text, so besides not crashing it must stay within its depth and
 * length bounds, and give either a value or an error, never both.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "sim-data-prep-private.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *parts[2];
  gsize lengths[2];
  g_autofree char *expression = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonObject) empty = json_object_new ();
  g_autoptr(JsonNode) value = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) check_error = NULL;
  JsonObject *row = empty;
  JsonNode *root;
  gboolean checked;

  fuzz_split (data, size, 2, parts, lengths);
  expression = g_strndup (parts[0], lengths[0]);
  if (parts[1] != NULL && json_parser_load_from_data (parser, parts[1], lengths[1], NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    row = json_node_get_object (root);

  value = data_prep_expression_eval (expression, row, &error);
  g_assert_true ((value == NULL) != (error == NULL));

  {
    g_autoptr(GList) names = json_object_get_members (row);

    for (GList *l = names; l != NULL; l = l->next)
      g_ptr_array_add (columns, l->data);
    checked = data_prep_expression_check (expression, columns, &check_error);
    g_assert_true (checked == (check_error == NULL));
  }

  /* What fails to parse fails with or without data. */
  if (error != NULL && strstr (error->message, "nested too deeply") != NULL)
    g_assert_false (checked);

  return 0;
}
