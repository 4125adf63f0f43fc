/* trib-sql-splitter.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-splitter"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-sql-splitter.h"

/* Splits a script at the semicolons PostgreSQL would split it at: not
 * inside 'strings' (E'…' with backslash escapes), "identifiers", -- and
 * nested block comments, or $tag$ dollar-quoted bodies, which is how
 * Data Distiller's anonymous blocks ($$ BEGIN … END $$) stay whole.
 * One pass, never reading past the end.
 */

G_DEFINE_QUARK (trib-sql-splitter-error-quark, trib_sql_splitter_error)
G_DEFINE_BOXED_TYPE (TribSqlStatement, trib_sql_statement, trib_sql_statement_copy, trib_sql_statement_free)

typedef enum
{
  UNTERMINATED_NONE,
  UNTERMINATED_STRING,
  UNTERMINATED_IDENTIFIER,
  UNTERMINATED_COMMENT,
  UNTERMINATED_DOLLAR,
} Unterminated;

typedef struct
{
  const char *script;
  gsize len;
  GPtrArray *statements;
  GArray *extents;            /* gsize: where each statement's ; ends */
  /* Where line and column were last counted up to. */
  gsize counted;
  guint line;
  guint column;
} Splitter;

TribSqlStatement *
trib_sql_statement_copy (const TribSqlStatement *self)
{
  TribSqlStatement *copy = g_memdup2 (self, sizeof *self);

  copy->text = g_strdup (self->text);

  return copy;
}

void
trib_sql_statement_free (TribSqlStatement *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_free (self);
}

static gboolean
is_identifier_byte (guchar c)
{
  return g_ascii_isalnum (c) || c == '_' || c == '$' || c >= 0x80;
}

static void
count_to (Splitter *self,
          gsize     offset)
{
  for (; self->counted < offset; self->counted++)
    {
      guchar c = self->script[self->counted];

      if (c == '\n')
        {
          self->line++;
          self->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        {
          self->column++;
        }
    }
}

/* The length of a dollar quote's opening tag at @pos ($$ or $tag$), or 0. */
static gsize
dollar_tag_length (Splitter *self,
                   gsize     pos)
{
  gsize i = pos + 1;

  if (pos > 0 && is_identifier_byte (self->script[pos - 1]))
    return 0;
  if (i < self->len && (g_ascii_isalpha (self->script[i]) || self->script[i] == '_' || (guchar) self->script[i] >= 0x80))
    while (i < self->len && is_identifier_byte (self->script[i]) && self->script[i] != '$')
      i++;

  return i < self->len && self->script[i] == '$' ? i + 1 - pos : 0;
}

/* Returns the offset just past the construct opening at @pos, or 0 if
 * it is unterminated; sets @kind to what it is.
 */
static gsize
skip_quoted (Splitter     *self,
             gsize         pos,
             Unterminated *kind)
{
  const char *s = self->script;
  gsize i;

  if (s[pos] == '-' && pos + 1 < self->len && s[pos + 1] == '-')
    {
      const char *newline = memchr (s + pos, '\n', self->len - pos);

      *kind = UNTERMINATED_NONE;
      return newline != NULL ? (gsize) (newline - s) + 1 : self->len;
    }

  if (s[pos] == '/' && pos + 1 < self->len && s[pos + 1] == '*')
    {
      guint depth = 1;

      *kind = UNTERMINATED_COMMENT;
      for (i = pos + 2; i + 1 < self->len; i++)
        {
          if (s[i] == '/' && s[i + 1] == '*')
            depth++, i++;
          else if (s[i] == '*' && s[i + 1] == '/' && --depth == 0)
            return i + 2;
          else if (s[i] == '*' && s[i + 1] == '/')
            i++;
        }
      return 0;
    }

  if (s[pos] == '\'' || s[pos] == '"')
    {
      char quote = s[pos];
      /* E'…' (not part of a longer word) takes backslash escapes. */
      gboolean escapes = quote == '\'' && pos > 0 && (s[pos - 1] == 'E' || s[pos - 1] == 'e') &&
                         (pos == 1 || !is_identifier_byte (s[pos - 2]));

      *kind = quote == '\'' ? UNTERMINATED_STRING : UNTERMINATED_IDENTIFIER;
      for (i = pos + 1; i < self->len; i++)
        {
          if (escapes && s[i] == '\\')
            i++;
          else if (s[i] == quote && i + 1 < self->len && s[i + 1] == quote)
            i++;
          else if (s[i] == quote)
            return i + 1;
        }
      return 0;
    }

  if (s[pos] == '$')
    {
      gsize tag_length = dollar_tag_length (self, pos);

      *kind = UNTERMINATED_DOLLAR;
      for (i = pos + tag_length; i + tag_length <= self->len; i++)
        if (s[i] == '$' && memcmp (s + i, s + pos, tag_length) == 0)
          return i + tag_length;
      return 0;
    }

  g_assert_not_reached ();
}

static void
add_statement (Splitter *self,
               gsize     start,
               gsize     end,
               gsize     extent)
{
  TribSqlStatement *statement = g_new0 (TribSqlStatement, 1);

  count_to (self, start);
  statement->start = start;
  statement->end = end;
  statement->line = self->line;
  statement->column = self->column;
  statement->text = g_strndup (self->script + start, end - start);
  g_ptr_array_add (self->statements, statement);
  g_array_append_val (self->extents, extent);
}

static void
set_unterminated_error (Splitter      *self,
                        Unterminated   kind,
                        gsize          offset,
                        GError       **error)
{
  count_to (self, offset);

  switch (kind)
    {
    case UNTERMINATED_STRING:
      g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                   _("Unterminated string starting at line %u, column %u"), self->line, self->column);
      break;
    case UNTERMINATED_IDENTIFIER:
      g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                   _("Unterminated quoted identifier starting at line %u, column %u"), self->line, self->column);
      break;
    case UNTERMINATED_COMMENT:
      g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                   _("Unterminated comment starting at line %u, column %u"), self->line, self->column);
      break;
    case UNTERMINATED_DOLLAR:
      {
        g_autofree char *tag = g_strndup (self->script + offset, dollar_tag_length (self, offset));

        /* Translators: %s is the body's opening tag, such as $$ or $body$ */
        g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                     _("Unterminated dollar-quoted body %s starting at line %u, column %u"), tag, self->line,
                     self->column);
      }
      break;
    case UNTERMINATED_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* With @tolerant, an unterminated construct ends the script: its
 * statement runs to the end, and no error is set.
 */
static gboolean
split (Splitter  *self,
       gboolean   tolerant,
       gsize     *error_offset,
       GError   **error)
{
  const char *s = self->script;
  gboolean started = FALSE;
  gsize start = 0, end = 0;
  gsize pos = 0;

  while (pos < self->len)
    {
      guchar c = s[pos];
      gsize next;
      Unterminated kind;

      if (g_ascii_isspace (c))
        {
          pos++;
          continue;
        }

      if (c == ';')
        {
          if (started)
            add_statement (self, start, end, pos + 1);
          started = FALSE;
          pos++;
          continue;
        }

      if ((c == '-' && pos + 1 < self->len && s[pos + 1] == '-') ||
          (c == '/' && pos + 1 < self->len && s[pos + 1] == '*') ||
          c == '\'' || c == '"' || (c == '$' && dollar_tag_length (self, pos) > 0))
        {
          gboolean comment = c == '-' || c == '/';

          if ((next = skip_quoted (self, pos, &kind)) == 0)
            {
              if (tolerant)
                {
                  add_statement (self, started ? start : pos, self->len, self->len);
                  return TRUE;
                }
              if (error_offset != NULL)
                *error_offset = pos;
              set_unterminated_error (self, kind, pos, error);
              return FALSE;
            }

          /* Comments before a statement are not part of it. */
          if (!comment && !started)
            {
              start = pos;
              started = TRUE;
            }
          if (!comment || started)
            end = next;
          /* A -- comment's line break is not part of the statement. */
          if (c == '-' && end > 0 && s[end - 1] == '\n')
            end--;
          pos = next;
          continue;
        }

      if (!started)
        {
          start = pos;
          started = TRUE;
        }
      pos++;
      end = pos;
    }

  if (started)
    add_statement (self, start, end, self->len);

  return TRUE;
}

static void
splitter_init (Splitter   *self,
               const char *script,
               gssize      len)
{
  self->script = script;
  self->len = len < 0 ? strlen (script) : (gsize) len;
  self->statements = g_ptr_array_new_with_free_func ((GDestroyNotify) trib_sql_statement_free);
  self->extents = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->counted = 0;
  self->line = 1;
  self->column = 1;
}

/**
 * trib_sql_split:
 * @len: the length of @script in bytes, or -1 if it is NUL-terminated
 * @error_offset: (out) (optional): where an unterminated construct starts
 *
 * Splits @script into statements; empty ones (`;;`, comments alone) are
 * left out.
 *
 * Returns: (transfer full) (element-type TribSqlStatement) (nullable):
 *   the statements, or %NULL if a string, identifier, comment or dollar
 *   body is not terminated
 */
GPtrArray *
trib_sql_split (const char  *script,
                gssize       len,
                gsize       *error_offset,
                GError     **error)
{
  Splitter self;

  g_return_val_if_fail (script != NULL, NULL);

  splitter_init (&self, script, len);
  if (!split (&self, FALSE, error_offset, error))
    {
      g_ptr_array_unref (self.statements);
      g_array_unref (self.extents);
      return NULL;
    }

  g_array_unref (self.extents);

  return self.statements;
}

/**
 * trib_sql_statement_at:
 * @cursor: a byte offset in @script
 *
 * Finds the statement to run for a cursor at @cursor: the one it is in,
 * or after its `;` on the same line; on a line of its own, the next
 * statement (the last one at the end of the script; the first one before
 * any). An unterminated construct is taken to run to the end.
 *
 * Returns: (transfer full) (nullable): the statement, or %NULL if the
 *   script has none
 */
TribSqlStatement *
trib_sql_statement_at (const char *script,
                       gssize      len,
                       gsize       cursor)
{
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GArray) extents = NULL;
  Splitter self;
  guint chosen = 0;

  g_return_val_if_fail (script != NULL, NULL);

  splitter_init (&self, script, len);
  split (&self, TRUE, NULL, NULL);
  statements = self.statements;
  extents = self.extents;

  if (statements->len == 0)
    return NULL;

  for (guint i = 0; i < statements->len; i++)
    {
      TribSqlStatement *statement = g_ptr_array_index (statements, i);
      gsize extent = g_array_index (extents, gsize, i);

      if (statement->start > cursor)
        break;

      chosen = i;
      /* Past its ; and on a later line: the cursor is nearer the next. */
      if (cursor > extent && i + 1 < statements->len &&
          memchr (script + extent, '\n', MIN (cursor, self.len) - extent) != NULL)
        chosen = i + 1;
    }

  return trib_sql_statement_copy (g_ptr_array_index (statements, chosen));
}
