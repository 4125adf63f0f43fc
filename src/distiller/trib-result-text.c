/* trib-result-text.c
 *
 * A result's values as text for people: rows as TSV for the clipboard,
 * one-line forms for the grid's cells, and whole values for reading.
 * Functions of TribResultModel that only read it through its API.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-result-model"

#include "config.h"

#include <json-glib/json-glib.h>

#include "trib-result-model.h"

static void
append_tsv_field (GString    *out,
                  const char *value)
{
  if (value == NULL)
    return;

  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        default:
          g_string_append_c (out, *p);
        }
    }
}

/**
 * trib_result_model_dup_tsv:
 * @positions: (array length=n_positions): the rows to copy
 * @with_header: whether the first line names the columns
 *
 * Formats rows as tab-separated values, what spreadsheets paste: tabs,
 * newlines and backslashes in values escaped with a backslash, NULL as
 * nothing.
 */
char *
trib_result_model_dup_tsv (TribResultModel *self,
                           const guint     *positions,
                           guint            n_positions,
                           gboolean         with_header)
{
  guint n_columns;
  guint n_rows;
  GString *out;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);
  g_return_val_if_fail (n_positions == 0 || positions != NULL, NULL);

  n_columns = trib_result_model_get_n_columns (self);
  n_rows = g_list_model_get_n_items (G_LIST_MODEL (self));
  out = g_string_new (NULL);

  if (with_header)
    {
      for (guint column = 0; column < n_columns; column++)
        {
          if (column > 0)
            g_string_append_c (out, '\t');
          append_tsv_field (out, trib_result_model_get_column_name (self, column));
        }
      g_string_append_c (out, '\n');
    }

  for (guint i = 0; i < n_positions; i++)
    {
      g_return_val_if_fail (positions[i] < n_rows, g_string_free (out, TRUE));

      for (guint column = 0; column < n_columns; column++)
        {
          if (column > 0)
            g_string_append_c (out, '\t');
          append_tsv_field (out, trib_result_model_get_value (self, positions[i], column, NULL));
        }
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/**
 * trib_result_model_dup_compact:
 * @max_chars: how many characters to keep at most
 *
 * Shortens a value to one line for a cell: line breaks and tabs become
 * spaces, runs of them inside nested values (JSON, arrays, structs)
 * collapse to one, and a value longer than @max_chars ends with "…".
 *
 * Returns: (nullable): the short form, or %NULL for SQL NULL
 */
char *
trib_result_model_dup_compact (TribResultModel *self,
                               guint            position,
                               guint            column,
                               guint            max_chars)
{
  g_autofree char *valid = NULL;
  const char *value;
  gboolean nested;
  gboolean after_space = FALSE;
  TribColumnKind kind;
  GString *out;
  gsize length;
  guint chars = 0;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  if ((value = trib_result_model_get_value (self, position, column, &length)) == NULL)
    return NULL;

  kind = trib_result_model_get_column_kind (self, column);
  nested = kind == TRIB_COLUMN_KIND_JSON || kind == TRIB_COLUMN_KIND_ARRAY || kind == TRIB_COLUMN_KIND_STRUCT;

  /* No more than max_chars characters are looked at; four bytes each at most. */
  valid = g_utf8_make_valid (value, MIN (length, (gsize) max_chars * 4 + 4));
  out = g_string_sized_new (MIN (length, (gsize) max_chars * 2) + 4);

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gboolean space = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';

      if (space && nested && after_space)
        continue;
      after_space = space;

      if (chars++ == max_chars)
        {
          g_string_append (out, "…");
          break;
        }

      if (space)
        g_string_append_c (out, ' ');
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/**
 * trib_result_model_dup_pretty:
 *
 * The whole value, for reading: JSON indented, the rest as it is.
 *
 * Returns: (nullable): the value, or %NULL for SQL NULL
 */
char *
trib_result_model_dup_pretty (TribResultModel *self,
                              guint            position,
                              guint            column)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *value;
  gsize length;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  if ((value = trib_result_model_get_value (self, position, column, &length)) == NULL)
    return NULL;

  if (trib_result_model_get_column_kind (self, column) != TRIB_COLUMN_KIND_JSON)
    return g_strndup (value, length);

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, value, length, NULL))
    return g_strndup (value, length);

  return json_to_string (json_parser_get_root (parser), TRUE);
}
