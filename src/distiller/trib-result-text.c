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

#include "trib-json-scan.h"
#include "trib-result-model.h"

/* Deeper than any real document, shallow enough for json-glib's
 * recursion, as for replies (TribReplyLimits).
 */
#define PRETTY_MAX_DEPTH 512

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

/* Whether @value is valid UTF-8 without line breaks, tabs or NULs, and
 * for a nested value without two spaces in a row: what the compact form
 * would leave as it is.
 */
static gboolean
is_one_line (const char *value,
             gsize       length,
             gboolean    nested)
{
  gboolean ascii = TRUE;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = value[i];

      if (c < 0x20 || (nested && c == ' ' && i > 0 && value[i - 1] == ' '))
        return FALSE;
      ascii &= c < 0x80;
    }

  return ascii || g_utf8_validate_len (value, length, NULL);
}

/**
 * trib_result_model_peek_compact:
 * @max_chars: how many characters to keep at most
 * @compacted: (out) (transfer full): set to the short form when it had
 *   to be made, to %NULL otherwise
 *
 * Shortens a value to one line for a cell: line breaks and tabs become
 * spaces, runs of them inside nested values (JSON, arrays, structs)
 * collapse to one, and a value longer than @max_chars ends with "…".
 *
 * Most values are already one short line: those are returned as the
 * model holds them, without the copy that a cell bound on every step of
 * a scroll would otherwise make and free.
 *
 * Returns: (nullable) (transfer none): the short form, or %NULL for SQL
 *   NULL: the model's own value, valid until more rows come in, or
 *   *@compacted
 */
const char *
trib_result_model_peek_compact (TribResultModel  *self,
                                guint             position,
                                guint             column,
                                guint             max_chars,
                                char            **compacted)
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
  g_return_val_if_fail (compacted != NULL, NULL);

  *compacted = NULL;

  if ((value = trib_result_model_get_value (self, position, column, &length)) == NULL)
    return NULL;

  kind = trib_result_model_get_column_kind (self, column);
  nested = kind == TRIB_COLUMN_KIND_JSON || kind == TRIB_COLUMN_KIND_ARRAY || kind == TRIB_COLUMN_KIND_STRUCT;

  /* Stored NUL-terminated, and with no NUL inside once it is one line. */
  if (length <= max_chars && is_one_line (value, length, nested))
    return value;

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

  return *compacted = g_string_free (out, FALSE);
}

/**
 * trib_result_model_dup_compact:
 * @max_chars: how many characters to keep at most
 *
 * The short form of trib_result_model_peek_compact(), as a copy.
 *
 * Returns: (nullable): the short form, or %NULL for SQL NULL
 */
char *
trib_result_model_dup_compact (TribResultModel *self,
                               guint            position,
                               guint            column,
                               guint            max_chars)
{
  char *compacted;
  const char *value;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  value = trib_result_model_peek_compact (self, position, column, max_chars, &compacted);

  return compacted != NULL ? compacted : g_strdup (value);
}

static void
append_line_break (GString *out,
                   guint    depth)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

/* A JSON value indented, or %NULL if it is not JSON or not one safe to
 * hand json-glib (trib-json-scan.c). json-glib only says whether it is
 * JSON: the value's own tokens are laid out again, since json-glib would
 * print its numbers its own way (0.1 as 0.10000000000000001,
 * 12345678901234567890 as a negative number, 1e400 as "inf.0") and keep
 * the last of two keys a json column may hold.
 */
static char *
dup_pretty_json (const char *value,
                 gsize       length)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *repaired = NULL;
  const char *text;
  GString *out;
  guint depth = 0;

  if (trib_json_scan (value, length, PRETTY_MAX_DEPTH, NULL, &repaired) != TRIB_JSON_SCAN_OK)
    return NULL;
  text = repaired != NULL ? repaired : value;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, length, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;

  out = g_string_sized_new (length + length / 2);
  /* A byte order mark, which json-glib skips, is no part of the value. */
  for (gsize i = g_str_has_prefix (text, "\xef\xbb\xbf") ? 3 : 0; i < length; i++)
    {
      gsize next;

      switch (text[i])
        {
        case '"':
          /* The scan saw it end, and every escape whole. */
          for (next = i + 1; text[next] != '"'; next += text[next] == '\\' ? 2 : 1)
            ;
          g_string_append_len (out, text + i, next + 1 - i);
          i = next;
          break;

        case '[':
        case '{':
          g_string_append_c (out, text[i]);
          for (next = i + 1; next < length && g_ascii_isspace (text[next]); next++)
            ;
          if (next < length && (text[next] == ']' || text[next] == '}'))
            {
              g_string_append_c (out, text[next]);
              i = next;
            }
          else
            append_line_break (out, ++depth);
          break;

        case ']':
        case '}':
          depth = depth > 0 ? depth - 1 : 0;
          append_line_break (out, depth);
          g_string_append_c (out, text[i]);
          break;

        case ',':
          g_string_append_c (out, ',');
          append_line_break (out, depth);
          break;

        case ':':
          g_string_append (out, " : ");
          break;

        case ' ':
        case '\t':
        case '\n':
        case '\r':
          break;

        default:
          g_string_append_c (out, text[i]);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * trib_result_model_dup_pretty:
 *
 * The whole value, for reading: JSON indented, the rest as it is. A
 * JSON value that cannot be indented safely (nested thousands deep, a
 * key twice) is shown as it is too.
 *
 * Returns: (nullable): the value, or %NULL for SQL NULL
 */
char *
trib_result_model_dup_pretty (TribResultModel *self,
                              guint            position,
                              guint            column)
{
  const char *value;
  char *pretty = NULL;
  gsize length;

  g_return_val_if_fail (TRIB_IS_RESULT_MODEL (self), NULL);

  if ((value = trib_result_model_get_value (self, position, column, &length)) == NULL)
    return NULL;

  if (trib_result_model_get_column_kind (self, column) == TRIB_COLUMN_KIND_JSON)
    pretty = dup_pretty_json (value, length);

  /* It goes to a label, which takes nothing but UTF-8. */
  return pretty != NULL ? pretty : g_utf8_make_valid (value, length);
}
