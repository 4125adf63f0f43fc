/* fuzz-result-text.c
 *
 * The text forms of a query result's cell, which Data Distiller sends:
 * the one-line form of the grid, the whole value beside it (JSON
 * indented), and the rows copied as TSV. The first byte picks the
 * column's type, the second how many characters a cell shows; the rest
 * is the value.
 *
 * Every form a label shows is UTF-8 and the one-line form keeps to its
 * length. An indented JSON value is the value's own tokens laid out
 * again, nothing lost or added; any other value is shown as it came.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "trib-json-scan.h"
#include "trib-result-model.h"

static const guint32 types[] = {
  114,  /* json */
  3802, /* jsonb */
  25,   /* text */
  1009, /* text[] */
  2249, /* record */
  23,   /* int4 */
  17,   /* bytea */
};

/* The text without the blanks between tokens. */
static GString *
tokens (const char *text,
        gsize       length)
{
  GString *out = g_string_sized_new (length);
  gboolean in_string = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          g_string_append_c (out, c);
          if (c == '\\' && i + 1 < length)
            g_string_append_c (out, text[++i]);
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        {
          in_string = TRUE;
          g_string_append_c (out, c);
        }
      else if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
        g_string_append_c (out, c);
    }

  return out;
}

static void
check_pretty (const char *value,
              gsize       length,
              const char *pretty,
              gboolean    json)
{
  g_autofree char *repaired = NULL;
  g_autofree char *valid = g_utf8_make_valid (value, length);

  fuzz_assert_utf8 (pretty);

  if (json && trib_json_scan (value, length, 512, NULL, &repaired) == TRIB_JSON_SCAN_OK &&
      !g_str_equal (pretty, valid))
    {
      const char *text = repaired != NULL ? repaired : value;
      g_autoptr(GString) before = tokens (text, length);
      g_autoptr(GString) after = tokens (pretty, strlen (pretty));

      /* A byte order mark at the start is not a token. */
      if (g_str_has_prefix (before->str, "\xef\xbb\xbf"))
        g_string_erase (before, 0, 3);
      g_assert_cmpstr (after->str, ==, before->str);
      return;
    }

  g_assert_cmpstr (pretty, ==, valid);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TribResultModel) model = trib_result_model_new ();
  g_autoptr(TribResultBatch) batch = trib_result_batch_new (1, 1);
  const char * const columns[] = { "value" };
  g_autofree char *compact = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *tsv = NULL;
  const char *value;
  const guint position = 0;
  guint32 type;
  guint max_chars;
  int length;

  if (size < 2)
    return 0;

  type = types[data[0] % G_N_ELEMENTS (types)];
  max_chars = data[1];
  value = (const char *) data + 2;
  length = size - 2;

  trib_result_model_set_columns (model, 1, columns, &type);
  trib_result_batch_append_row (batch, &value, &length);
  trib_result_model_append_batch (model, batch);

  compact = trib_result_model_dup_compact (model, 0, 0, max_chars);
  fuzz_assert_utf8 (compact);
  g_assert_cmpuint (g_utf8_strlen (compact, -1), <=, max_chars + 1);

  pretty = trib_result_model_dup_pretty (model, 0, 0);
  check_pretty (value, length, pretty, trib_result_model_get_column_kind (model, 0) == TRIB_COLUMN_KIND_JSON);

  tsv = trib_result_model_dup_tsv (model, &position, 1, TRUE);
  g_assert_true (g_str_has_prefix (tsv, "value\n"));
  g_assert_true (g_str_has_suffix (tsv, "\n"));
  g_assert_null (strchr (tsv + strlen ("value\n"), '\t'));

  return 0;
}
