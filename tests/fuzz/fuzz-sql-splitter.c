/* fuzz-sql-splitter.c
 *
 * The SQL splitter on any script, as typed or pasted into the editor:
 * besides not crashing, it must cut statements inside the script, in
 * order, at the lines and columns it says, and the cursor's statement
 * must be one of those a full split gives.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "trib-sql-splitter.h"

/* Line and column, counted on from the previous statement's start. */
typedef struct
{
  gsize offset;
  guint line;
  guint column;
} Position;

static void
assert_position (const char             *script,
                 Position               *position,
                 const TribSqlStatement *statement)
{
  for (; position->offset < statement->start; position->offset++)
    {
      if (script[position->offset] == '\n')
        {
          position->line++;
          position->column = 1;
        }
      else if (((guchar) script[position->offset] & 0xC0) != 0x80)
        position->column++;
    }

  g_assert_cmpuint (statement->line, ==, position->line);
  g_assert_cmpuint (statement->column, ==, position->column);
}

static void
assert_statement (const char             *script,
                  gsize                   length,
                  gboolean                utf8,
                  const TribSqlStatement *statement)
{
  g_autofree char *slice = NULL;

  g_assert_nonnull (statement);
  g_assert_cmpuint (statement->start, <, statement->end);
  g_assert_cmpuint (statement->end, <=, length);

  /* A statement starts at something significant. */
  g_assert_false (g_ascii_isspace (script[statement->start]));
  g_assert_cmpint (script[statement->start], !=, ';');

  slice = g_strndup (script + statement->start, statement->end - statement->start);
  g_assert_cmpstr (statement->text, ==, slice);
  if (utf8)
    fuzz_assert_utf8 (statement->text);
}

/* Where the cursor's statement is looked for: the ends of the script,
 * and the start, middle and end of the first statements (each lookup
 * splits the whole script again).
 */
static void
check_statement_at (const char *script,
                    gsize       length,
                    GPtrArray  *statements)
{
  gsize cursors[3 * 8 + 2];
  guint n_cursors = 0;

  cursors[n_cursors++] = 0;
  cursors[n_cursors++] = length;
  for (guint i = 0; i < statements->len && i < 8; i++)
    {
      const TribSqlStatement *statement = g_ptr_array_index (statements, i);

      cursors[n_cursors++] = statement->start;
      cursors[n_cursors++] = (statement->start + statement->end) / 2;
      cursors[n_cursors++] = statement->end;
    }

  for (guint c = 0; c < n_cursors; c++)
    {
      g_autoptr(TribSqlStatement) found = trib_sql_statement_at (script, length, cursors[c]);
      const TribSqlStatement *expected = NULL;

      /* A script that splits without error splits the same way for the
       * cursor: the last statement starting at or before it, else the first.
       */
      for (guint i = 0; i < statements->len; i++)
        {
          const TribSqlStatement *statement = g_ptr_array_index (statements, i);

          if (i == 0 || statement->start <= cursors[c])
            expected = statement;
          else
            break;
        }

      if (expected == NULL)
        {
          g_assert_null (found);
          continue;
        }

      g_assert_nonnull (found);
      g_assert_cmpuint (found->start, ==, expected->start);
      g_assert_cmpuint (found->end, ==, expected->end);
      g_assert_cmpuint (found->line, ==, expected->line);
      g_assert_cmpuint (found->column, ==, expected->column);
      g_assert_cmpstr (found->text, ==, expected->text);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *script = (const char *) data;
  gboolean utf8 = g_utf8_validate (script, size, NULL);
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(TribSqlStatement) at_end = NULL;
  g_autoptr(GError) error = NULL;
  gsize error_offset = G_MAXSIZE;
  Position position = { 0, 1, 1 };

  statements = trib_sql_split (script, size, &error_offset, &error);

  if (statements == NULL)
    {
      g_assert_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED);
      g_assert_cmpuint (error_offset, <, size);
      if (utf8)
        fuzz_assert_utf8 (error->message);

      /* Still typing: the cursor finds a statement all the same, and
       * nothing outside the script.
       */
      at_end = trib_sql_statement_at (script, size, size);
      if (at_end != NULL)
        assert_statement (script, size, utf8, at_end);
      return 0;
    }

  g_assert_no_error (error);

  for (guint i = 0; i < statements->len; i++)
    {
      const TribSqlStatement *statement = g_ptr_array_index (statements, i);

      assert_statement (script, size, utf8, statement);
      assert_position (script, &position, statement);
      if (i > 0)
        {
          const TribSqlStatement *previous = g_ptr_array_index (statements, i - 1);

          /* In order, and a ; between each two. */
          g_assert_cmpuint (previous->end, <, statement->start);
          g_assert_nonnull (memchr (script + previous->end, ';', statement->start - previous->end));
        }
    }

  check_statement_at (script, size, statements);

  return 0;
}
