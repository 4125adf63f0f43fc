/* trib-sql-context.c
 *
 * What is before the cursor, for completion: the word being typed, the
 * dotted path it follows (`e.web.webPageDetails.`), whether a table name
 * or an expression goes there, and the tables of the statement around
 * the cursor with their aliases (`FROM luma_web_events e`). A small
 * tokenizer, not a parser: it must answer on every keystroke, for
 * statements that are half written and so never valid.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-context"

#include "config.h"

#include <string.h>

#include "trib-sql-context.h"
#include "trib-sql-splitter.h"
#include "trib-sql-words.h"

typedef enum
{
  TOKEN_WORD,
  TOKEN_QUOTED,     /* "identifier" or `identifier` */
  TOKEN_STRING,     /* 'text' */
  TOKEN_NUMBER,
  TOKEN_PUNCT,
} TokenKind;

typedef struct
{
  TokenKind kind;
  gsize start;
  gsize end;
} Token;

typedef struct
{
  const char *text;
  gsize len;
  GArray *tokens;
  gboolean cursor_in_literal;
} Scan;

static gboolean
is_word_char (gunichar ch)
{
  /* The same as GtkSourceView's completion words, so that the prefix
   * found here is the text it replaces.
   */
  return ch == '_' || g_unichar_isalnum (ch);
}

static gboolean
token_is (const Scan  *scan,
          const Token *token,
          const char  *word)
{
  gsize n = strlen (word);

  return token->kind == TOKEN_WORD && token->end - token->start == n &&
         g_ascii_strncasecmp (scan->text + token->start, word, n) == 0;
}

static gboolean
token_is_punct (const Scan  *scan,
                const Token *token,
                char         ch)
{
  return token->kind == TOKEN_PUNCT && scan->text[token->start] == ch;
}

static void
add_token (Scan      *scan,
           TokenKind  kind,
           gsize      start,
           gsize      end)
{
  Token token = { kind, start, end };

  g_array_append_val (scan->tokens, token);
}

/* Whether a literal or comment from @start to @end (exclusive; @end is
 * the end of the text if it was not closed) holds @cursor.
 */
static void
note_literal (Scan     *scan,
              gsize     start,
              gsize     end,
              gboolean  closed,
              gsize     cursor)
{
  if (start < cursor && (cursor < end || (!closed && cursor <= end)))
    scan->cursor_in_literal = TRUE;
}

static gsize
skip_quoted (const Scan *scan,
             gsize       i,
             char        quote,
             gboolean   *closed)
{
  for (i++; i < scan->len; i++)
    {
      if (scan->text[i] != quote)
        continue;
      /* A doubled quote stands for itself. */
      if (i + 1 < scan->len && scan->text[i + 1] == quote)
        {
          i++;
          continue;
        }
      *closed = TRUE;
      return i + 1;
    }

  *closed = FALSE;
  return scan->len;
}

static void
tokenize (Scan  *scan,
          gsize  cursor)
{
  gsize i = 0;

  while (i < scan->len)
    {
      const char *p = scan->text + i;
      gunichar ch = g_utf8_get_char (p);
      gboolean closed = TRUE;
      gsize end;

      if (g_unichar_isspace (ch))
        {
          i = g_utf8_next_char (p) - scan->text;
        }
      else if (ch == '-' && i + 1 < scan->len && p[1] == '-')
        {
          const char *eol = memchr (p, '\n', scan->len - i);

          end = eol != NULL ? (gsize) (eol - scan->text) : scan->len;
          note_literal (scan, i, end, eol != NULL, cursor);
          if (eol == NULL && cursor == end && cursor > i)
            scan->cursor_in_literal = TRUE;
          i = end;
        }
      else if (ch == '/' && i + 1 < scan->len && p[1] == '*')
        {
          const char *close = g_strstr_len (p + 2, scan->len - i - 2, "*/");

          end = close != NULL ? (gsize) (close - scan->text) + 2 : scan->len;
          note_literal (scan, i, end, close != NULL, cursor);
          i = end;
        }
      else if (ch == '\'' || ch == '"' || ch == '`')
        {
          end = skip_quoted (scan, i, (char) ch, &closed);
          note_literal (scan, i, end, closed, cursor);
          add_token (scan, ch == '\'' ? TOKEN_STRING : TOKEN_QUOTED, i, end);
          i = end;
        }
      else if (is_word_char (ch) || ch == '@')
        {
          gboolean number = g_ascii_isdigit (*p);

          end = g_utf8_next_char (p) - scan->text;
          while (end < scan->len && is_word_char (g_utf8_get_char (scan->text + end)))
            end = g_utf8_next_char (scan->text + end) - scan->text;
          add_token (scan, number ? TOKEN_NUMBER : TOKEN_WORD, i, end);
          i = end;
        }
      else
        {
          end = g_utf8_next_char (p) - scan->text;
          add_token (scan, TOKEN_PUNCT, i, end);
          i = end;
        }
    }
}

static char *
token_dup_name (const Scan  *scan,
                const Token *token)
{
  const char *start = scan->text + token->start;
  gsize n = token->end - token->start;

  if (token->kind == TOKEN_QUOTED && n >= 2)
    return g_strndup (start + 1, n - 2);

  return g_strndup (start, n);
}

static gboolean
is_name (const Scan  *scan,
         const Token *token)
{
  return token->kind == TOKEN_QUOTED ||
         (token->kind == TOKEN_WORD && !trib_sql_is_keyword (scan->text + token->start, token->end - token->start));
}

static void
table_ref_free (TribSqlTableRef *ref)
{
  g_free (ref->name);
  g_free (ref->alias);
  g_free (ref);
}

/* From the token after FROM or JOIN: a table, a dotted name, or a
 * subquery in parentheses; then its alias, with or without AS; then, in
 * a FROM list, the next after a comma. Returns the index after them.
 */
static guint
read_tables (const Scan *scan,
             guint       i,
             guint       end,
             gboolean    list,
             GPtrArray  *tables)
{
  const Token *tokens = (const Token *) (gpointer) scan->tokens->data;

  while (i < end)
    {
      g_autoptr(GString) name = NULL;

      if (token_is_punct (scan, &tokens[i], '('))
        {
          int depth = 0;

          for (; i < end; i++)
            {
              if (token_is_punct (scan, &tokens[i], '('))
                depth++;
              else if (token_is_punct (scan, &tokens[i], ')') && --depth == 0)
                break;
            }
          i++;
        }
      else if (is_name (scan, &tokens[i]))
        {
          g_autofree char *first = token_dup_name (scan, &tokens[i]);

          name = g_string_new (first);
          for (i++; i + 1 < end && token_is_punct (scan, &tokens[i], '.') && is_name (scan, &tokens[i + 1]); i += 2)
            {
              g_autofree char *part = token_dup_name (scan, &tokens[i + 1]);

              g_string_append_printf (name, ".%s", part);
            }
        }
      else
        {
          return i;
        }

      if (i < end && token_is (scan, &tokens[i], "AS"))
        i++;

      if (name != NULL)
        {
          TribSqlTableRef *ref = g_new0 (TribSqlTableRef, 1);

          ref->name = g_string_free (g_steal_pointer (&name), FALSE);
          if (i < end && is_name (scan, &tokens[i]))
            ref->alias = token_dup_name (scan, &tokens[i++]);
          g_ptr_array_add (tables, ref);
        }
      else if (i < end && is_name (scan, &tokens[i]))
        {
          /* A subquery's alias: no table of ours to look into. */
          i++;
        }

      if (!list || i >= end || !token_is_punct (scan, &tokens[i], ','))
        return i;
      i++;
    }

  return i;
}

/* The clause a comma at @i is in, at its depth of parentheses: a FROM
 * list's comma is followed by a table.
 */
static gboolean
comma_in_from_list (const Scan *scan,
                    guint       i,
                    guint       first)
{
  const Token *tokens = (const Token *) (gpointer) scan->tokens->data;
  static const char * const clauses[] = {
    "SELECT", "WHERE", "GROUP", "ORDER", "BY", "ON", "HAVING", "SET", "VALUES", "LIMIT", "JOIN", "USING", NULL
  };
  int depth = 0;

  while (i-- > first)
    {
      if (token_is_punct (scan, &tokens[i], ')'))
        depth++;
      else if (token_is_punct (scan, &tokens[i], '(') && --depth < 0)
        return FALSE;
      else if (depth == 0 && token_is (scan, &tokens[i], "FROM"))
        return TRUE;
      else if (depth == 0)
        for (guint k = 0; clauses[k] != NULL; k++)
          if (token_is (scan, &tokens[i], clauses[k]))
            return FALSE;
    }

  return FALSE;
}

/* The dotted names before @start: `e.web.` gives `e.web`. */
static char *
read_path (const Scan *scan,
           gsize       start,
           gsize       lower,
           gsize      *path_start)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) path = g_string_new (NULL);
  gsize at = start;

  while (at > lower && scan->text[at - 1] == '.')
    {
      gsize end = at - 1;
      gsize begin = end;

      if (begin > lower && (scan->text[begin - 1] == '"' || scan->text[begin - 1] == '`'))
        {
          char quote = scan->text[begin - 1];

          begin--;
          while (begin > lower && scan->text[begin - 1] != quote)
            begin--;
          if (begin == lower)
            break;
          g_ptr_array_insert (parts, 0, g_strndup (scan->text + begin, end - 1 - begin));
          begin--;
        }
      else
        {
          while (begin > lower)
            {
              const char *prev = g_utf8_find_prev_char (scan->text + lower, scan->text + begin);

              if (prev == NULL || !is_word_char (g_utf8_get_char (prev)))
                break;
              begin = prev - scan->text;
            }
          if (begin == end)
            break;
          g_ptr_array_insert (parts, 0, g_strndup (scan->text + begin, end - begin));
        }
      at = begin;
    }

  *path_start = at;
  if (parts->len == 0)
    return NULL;

  for (guint i = 0; i < parts->len; i++)
    g_string_append_printf (path, i > 0 ? ".%s" : "%s", (const char *) g_ptr_array_index (parts, i));

  return g_string_free (g_steal_pointer (&path), FALSE);
}

/**
 * trib_sql_context_scan:
 * @script: SQL, maybe several statements and half written
 * @len: the length of @script in bytes, or -1 if it is NUL-terminated
 * @cursor: a byte offset in @script
 *
 * Reads what completion needs to know at @cursor. The tables are those of
 * the statement around the cursor (as trib_sql_statement_at() finds it,
 * and inside an anonymous `$$ … $$` block, between its semicolons).
 *
 * Returns: (transfer full): the context
 */
TribSqlContext *
trib_sql_context_scan (const char *script,
                       gssize      len,
                       gsize       cursor)
{
  g_autoptr(TribSqlStatement) statement = NULL;
  TribSqlContext *self;
  const Token *tokens;
  gsize total = len < 0 ? strlen (script) : (gsize) len;
  gsize base = 0;
  gsize limit;
  gsize path_start;
  guint first = 0;
  guint last;
  guint before;
  Scan scan = { 0, };

  g_return_val_if_fail (script != NULL, NULL);
  g_return_val_if_fail (cursor <= total, NULL);

  self = g_new0 (TribSqlContext, 1);
  self->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) table_ref_free);

  /* The statement around the cursor; past its `;`, a new one. */
  limit = total;
  if ((statement = trib_sql_statement_at (script, total, cursor)) != NULL)
    {
      base = statement->start;
      limit = MAX (statement->end, cursor);
      for (gsize i = statement->end; i < cursor; i++)
        if (script[i] == ';')
          base = i + 1;
      base = MIN (base, cursor);
    }

  scan.text = script + base;
  scan.len = limit - base;
  scan.tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  tokenize (&scan, cursor - base);
  tokens = (const Token *) (gpointer) scan.tokens->data;

  /* The word at the cursor and the path before it. */
  self->prefix_start = cursor - base;
  while (self->prefix_start > 0)
    {
      const char *prev = g_utf8_find_prev_char (scan.text, scan.text + self->prefix_start);

      if (prev == NULL || !is_word_char (g_utf8_get_char (prev)))
        break;
      self->prefix_start = prev - scan.text;
    }
  self->prefix = g_strndup (scan.text + self->prefix_start, cursor - base - self->prefix_start);
  self->path = read_path (&scan, self->prefix_start, 0, &path_start);
  self->prefix_start += base;

  /* The statement's part between the semicolons around the cursor (an
   * anonymous block holds several).
   */
  last = scan.tokens->len;
  for (guint i = 0; i < scan.tokens->len; i++)
    {
      if (!token_is_punct (&scan, &tokens[i], ';') &&
          !(token_is_punct (&scan, &tokens[i], '$') && i + 1 < scan.tokens->len &&
            token_is_punct (&scan, &tokens[i + 1], '$')))
        continue;
      if (tokens[i].start < cursor - base)
        first = i + 1;
      else
        {
          last = i;
          break;
        }
    }

  for (guint i = first; i < last; i++)
    {
      if (token_is (&scan, &tokens[i], "FROM"))
        i = read_tables (&scan, i + 1, last, TRUE, self->tables) - 1;
      else if (token_is (&scan, &tokens[i], "JOIN"))
        i = read_tables (&scan, i + 1, last, FALSE, self->tables) - 1;
    }

  /* What goes at the cursor: the token before the word and its path. */
  if (scan.cursor_in_literal)
    {
      self->place = TRIB_SQL_PLACE_NONE;
    }
  else
    {
      self->place = TRIB_SQL_PLACE_EXPRESSION;
      before = first;
      for (guint i = first; i < last && tokens[i].end <= path_start; i++)
        before = i + 1;
      if (before > first)
        {
          const Token *previous = &tokens[before - 1];

          if (token_is (&scan, previous, "FROM") || token_is (&scan, previous, "JOIN") ||
              token_is (&scan, previous, "INTO") || token_is (&scan, previous, "UPDATE") ||
              token_is (&scan, previous, "TABLE"))
            self->place = TRIB_SQL_PLACE_TABLE;
          else if (token_is_punct (&scan, previous, ',') && comma_in_from_list (&scan, before - 1, first))
            self->place = TRIB_SQL_PLACE_TABLE;
        }
    }

  g_array_unref (scan.tokens);

  return self;
}

void
trib_sql_context_free (TribSqlContext *self)
{
  if (self == NULL)
    return;

  g_free (self->prefix);
  g_free (self->path);
  g_ptr_array_unref (self->tables);
  g_free (self);
}

/**
 * trib_sql_context_resolve:
 * @self: a context
 * @field_path: (out) (transfer none): where the path goes on inside the
 *   table: empty for the table's top-level fields
 *
 * Finds the table @self's path starts from: the table whose alias (or,
 * without one, whose name) is the path's first name, the rest being a
 * path in it; or else, when the statement reads one table only, that
 * table, the whole path being in it (`web.webPageDetails`).
 *
 * Returns: (transfer none) (nullable): the table, or %NULL if @self has
 *   no path or it starts from none of the statement's tables
 */
const TribSqlTableRef *
trib_sql_context_resolve (const TribSqlContext  *self,
                          const char           **field_path)
{
  const char *dot;
  gsize head;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->path == NULL || self->tables->len == 0)
    return NULL;

  dot = strchr (self->path, '.');
  head = dot != NULL ? (gsize) (dot - self->path) : strlen (self->path);

  for (guint i = 0; i < self->tables->len; i++)
    {
      const TribSqlTableRef *ref = g_ptr_array_index (self->tables, i);
      const char *name = ref->alias != NULL ? ref->alias : ref->name;

      if (strlen (name) == head && g_ascii_strncasecmp (name, self->path, head) == 0)
        {
          *field_path = dot != NULL ? dot + 1 : self->path + head;
          return ref;
        }
    }

  if (self->tables->len == 1)
    {
      *field_path = self->path;
      return g_ptr_array_index (self->tables, 0);
    }

  return NULL;
}
