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
 * One forward pass that never reads past the given length.
 */

typedef enum
{
  CONSTRUCT_LINE_COMMENT,
  CONSTRUCT_BLOCK_COMMENT,
  CONSTRUCT_STRING,
  CONSTRUCT_ESCAPE_STRING,
  CONSTRUCT_IDENTIFIER,
  CONSTRUCT_DOLLAR,
} Construct;

typedef struct
{
  const char *script;
  gsize       len;
  GPtrArray  *statements;
  /* Line and column of the byte at @counted, only ever counted forward */
  gsize       counted;
  guint       line;
  guint       column;
} Splitter;

G_DEFINE_QUARK (trib-sql-splitter-error-quark, trib_sql_splitter_error)
G_DEFINE_BOXED_TYPE (TribSqlStatement,
                     trib_sql_statement,
                     trib_sql_statement_copy,
                     trib_sql_statement_free)

/**
 * trib_sql_statement_copy:
 *
 * Returns: (transfer full): a copy of @self
 */
TribSqlStatement *
trib_sql_statement_copy (const TribSqlStatement *self)
{
  TribSqlStatement *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
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

/* As PostgreSQL's lexer has it, bytes above ASCII may be in identifiers. */
static gboolean
is_word_start (guchar c)
{
  return g_ascii_isalpha (c) || c == '_' || c >= 0x80;
}

static gboolean
is_word_byte (guchar c)
{
  return is_word_start (c) || g_ascii_isdigit (c) || c == '$';
}

/* The length of the dollar quote's tag at @pos ($$ or $tag$), or 0 if
 * the $ there is something else, such as the parameter $1.
 */
static gsize
dollar_tag_length (const Splitter *self,
                   gsize           pos)
{
  const char *s = self->script;
  gsize i = pos + 1;

  if (i < self->len && is_word_start (s[i]))
    {
      while (i < self->len && (is_word_start (s[i]) || g_ascii_isdigit (s[i])))
        i++;
    }

  return i < self->len && s[i] == '$' ? i + 1 - pos : 0;
}

/* Whether a comment, string, identifier or dollar body opens at @pos.
 * @pos is never inside a word (words are skipped whole), so a lone E
 * before a quote is the E'…' prefix and a $ is never in foo$bar.
 */
static gboolean
construct_at (const Splitter *self,
              gsize           pos,
              Construct      *construct)
{
  const char *s = self->script;
  char next = pos + 1 < self->len ? s[pos + 1] : '\0';

  switch (s[pos])
    {
    case '-':
      *construct = CONSTRUCT_LINE_COMMENT;
      return next == '-';
    case '/':
      *construct = CONSTRUCT_BLOCK_COMMENT;
      return next == '*';
    case '\'':
      *construct = CONSTRUCT_STRING;
      return TRUE;
    case 'E':
    case 'e':
      *construct = CONSTRUCT_ESCAPE_STRING;
      return next == '\'';
    case '"':
      *construct = CONSTRUCT_IDENTIFIER;
      return TRUE;
    case '$':
      *construct = CONSTRUCT_DOLLAR;
      return dollar_tag_length (self, pos) > 0;
    default:
      return FALSE;
    }
}

/* Sets @next just past the construct at @pos; %FALSE if the script ends first. */
static gboolean
skip_construct (const Splitter *self,
                gsize           pos,
                Construct       construct,
                gsize          *next)
{
  const char *s = self->script;
  gsize len = self->len;
  gsize i;

  switch (construct)
    {
    case CONSTRUCT_LINE_COMMENT:
      /* The line break is left to be whitespace between tokens. */
      for (i = pos + 2; i < len && s[i] != '\n' && s[i] != '\r'; i++)
        ;
      *next = i;
      return TRUE;

    case CONSTRUCT_BLOCK_COMMENT:
      {
        guint depth = 1;

        for (i = pos + 2; i + 1 < len; i++)
          {
            if (s[i] == '/' && s[i + 1] == '*')
              {
                depth++;
                i++;
              }
            else if (s[i] == '*' && s[i + 1] == '/')
              {
                i++;
                if (--depth == 0)
                  {
                    *next = i + 1;
                    return TRUE;
                  }
              }
          }
        return FALSE;
      }

    case CONSTRUCT_STRING:
    case CONSTRUCT_ESCAPE_STRING:
    case CONSTRUCT_IDENTIFIER:
      {
        char quote = construct == CONSTRUCT_IDENTIFIER ? '"' : '\'';

        i = construct == CONSTRUCT_ESCAPE_STRING ? pos + 2 : pos + 1;
        for (; i < len; i++)
          {
            /* Standard strings keep backslashes (standard_conforming_strings) */
            if (s[i] == '\\' && construct == CONSTRUCT_ESCAPE_STRING)
              i++;
            else if (s[i] == quote && i + 1 < len && s[i + 1] == quote)
              i++;
            else if (s[i] == quote)
              {
                *next = i + 1;
                return TRUE;
              }
          }
        return FALSE;
      }

    case CONSTRUCT_DOLLAR:
      {
        gsize tag_length = dollar_tag_length (self, pos);

        /* Only the same tag closes the body, so inner $x$ … $x$ pass.
         * The tag has no $ inside, so a comparison j bytes long passes
         * j - 1 bytes no match can start at: the search stays linear.
         */
        for (i = pos + tag_length; i + tag_length <= len; i++)
          {
            gsize j = 0;

            while (j < tag_length && s[i + j] == s[pos + j])
              j++;
            if (j == tag_length)
              {
                *next = i + tag_length;
                return TRUE;
              }
          }
        return FALSE;
      }

    default:
      g_assert_not_reached ();
    }
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
          /* Continuation bytes of a UTF-8 character add no column. */
          self->column++;
        }
    }
}

static void
add_statement (Splitter *self,
               gsize     start,
               gsize     end)
{
  TribSqlStatement *statement = g_new0 (TribSqlStatement, 1);

  count_to (self, start);
  statement->start = start;
  statement->end = end;
  statement->line = self->line;
  statement->column = self->column;
  statement->text = g_strndup (self->script + start, end - start);
  g_ptr_array_add (self->statements, statement);
}

static void
set_unterminated_error (Splitter   *self,
                        gsize       pos,
                        Construct   construct,
                        GError    **error)
{
  g_autofree char *tag = NULL;

  count_to (self, pos);

  switch (construct)
    {
    case CONSTRUCT_STRING:
    case CONSTRUCT_ESCAPE_STRING:
      g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                   /* Translators: an SQL 'string' lacks its closing quote */
                   _("Unterminated string starting at line %u, column %u"),
                   self->line, self->column);
      break;

    case CONSTRUCT_IDENTIFIER:
      g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                   /* Translators: an SQL "identifier" lacks its closing quote */
                   _("Unterminated quoted identifier starting at line %u, column %u"),
                   self->line, self->column);
      break;

    case CONSTRUCT_BLOCK_COMMENT:
      g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                   /* Translators: a comment lacks its closing */
                   _("Unterminated comment starting at line %u, column %u"),
                   self->line, self->column);
      break;

    case CONSTRUCT_DOLLAR:
      tag = g_strndup (self->script + pos, dollar_tag_length (self, pos));
      g_set_error (error, TRIB_SQL_SPLITTER_ERROR, TRIB_SQL_SPLITTER_ERROR_UNTERMINATED,
                   /* Translators: %s is the body's opening tag, such as $$ or $body$ */
                   _("Unterminated dollar-quoted body %s starting at line %u, column %u"),
                   tag, self->line, self->column);
      break;

    case CONSTRUCT_LINE_COMMENT:
    default:
      g_assert_not_reached ();
    }
}

/* With @tolerant, an unterminated construct ends the script instead of
 * failing: a string or body runs to the end, inside its statement, and
 * a comment is left out. The cursor's statement can be found while the
 * user is still typing further down.
 */
static gboolean
split (Splitter  *self,
       gboolean   tolerant,
       gsize     *error_offset,
       GError   **error)
{
  const char *s = self->script;
  gboolean started = FALSE;
  gsize start = 0;
  gsize end = 0;
  gsize pos = 0;

  while (pos < self->len)
    {
      guchar c = s[pos];
      Construct construct;
      gsize next;

      if (g_ascii_isspace (c))
        {
          pos++;
          continue;
        }

      if (c == ';')
        {
          if (started)
            add_statement (self, start, end);
          started = FALSE;
          pos++;
          continue;
        }

      if (construct_at (self, pos, &construct))
        {
          gboolean comment = (construct == CONSTRUCT_LINE_COMMENT ||
                              construct == CONSTRUCT_BLOCK_COMMENT);

          if (!skip_construct (self, pos, construct, &next))
            {
              if (!tolerant)
                {
                  if (error_offset != NULL)
                    *error_offset = pos;
                  set_unterminated_error (self, pos, construct, error);
                  return FALSE;
                }

              if (!comment)
                add_statement (self, started ? start : pos, self->len);
              else if (started)
                add_statement (self, start, end);
              return TRUE;
            }

          /* Comments before a statement are not part of it. */
          if (comment && !started)
            {
              pos = next;
              continue;
            }
        }
      else if (is_word_start (c))
        {
          /* Whole words, so the $ in foo$bar is never taken for a quote. */
          for (next = pos + 1; next < self->len && is_word_byte (s[next]); next++)
            ;
        }
      else
        {
          next = pos + 1;
        }

      if (!started)
        {
          start = pos;
          started = TRUE;
        }
      pos = end = next;
    }

  if (started)
    add_statement (self, start, end);

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
  self->counted = 0;
  self->line = 1;
  self->column = 1;
}

/**
 * trib_sql_split:
 * @script: SQL statements separated by `;`
 * @len: the length of @script in bytes, or -1 if it is NUL-terminated
 * @error_offset: (out) (optional): where an unterminated construct starts
 * @error: return location for a #GError
 *
 * Splits @script into statements as PostgreSQL would. Empty ones (`;;`,
 * or comments alone) are left out.
 *
 * Returns: (transfer full) (element-type TribSqlStatement) (nullable):
 *   the statements, possibly none, or %NULL if a string, quoted
 *   identifier, block comment or dollar-quoted body is not terminated
 */
GPtrArray *
trib_sql_split (const char  *script,
                gssize       len,
                gsize       *error_offset,
                GError     **error)
{
  Splitter self;

  g_return_val_if_fail (script != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  splitter_init (&self, script, len);
  if (!split (&self, FALSE, error_offset, error))
    {
      g_ptr_array_unref (self.statements);
      return NULL;
    }

  return self.statements;
}

/**
 * trib_sql_statement_at:
 * @script: SQL statements separated by `;`
 * @len: the length of @script in bytes, or -1 if it is NUL-terminated
 * @cursor: a byte offset in @script
 *
 * Finds the statement to run for a cursor at @cursor: the one it is in;
 * between statements, the one whose `;` it follows; before the first, the
 * first. Something left unterminated after that statement does not
 * matter, and one inside it is taken to run to the end of @script.
 *
 * Returns: (transfer full) (nullable): the statement, or %NULL if
 *   @script has none
 */
TribSqlStatement *
trib_sql_statement_at (const char *script,
                       gssize      len,
                       gsize       cursor)
{
  g_autoptr(GPtrArray) statements = NULL;
  Splitter self;
  guint chosen = 0;

  g_return_val_if_fail (script != NULL, NULL);

  splitter_init (&self, script, len);
  split (&self, TRUE, NULL, NULL);
  statements = self.statements;

  if (statements->len == 0)
    return NULL;

  for (guint i = 1; i < statements->len; i++)
    {
      const TribSqlStatement *statement = g_ptr_array_index (statements, i);

      if (statement->start > cursor)
        break;
      chosen = i;
    }

  return g_ptr_array_steal_index (statements, chosen);
}
