/* trib-sql-writes.c
 *
 * Which statements of a script change something: what the query page
 * asks about before running them in a production sandbox.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-writes"

#include "config.h"

#include <string.h>

#include "trib-sql-writes.h"

/* A statement is read as PostgreSQL's lexer reads it: words outside
 * comments, 'strings', "quoted identifiers" and $tag$ bodies. Only the
 * words that start a statement count, so a column called "update" or a
 * string saying DROP is no write. A $$ body is SQL when it is Data
 * Distiller's anonymous block ($$ BEGIN … END $$) or a DO block; in a
 * SELECT it is a string. When in doubt (a script that does not split),
 * the whole text is one statement: asking once too often is better than
 * once too few.
 */

typedef enum
{
  TOKEN_WORD,
  TOKEN_QUOTED,       /* a string or a quoted identifier: never a keyword */
  TOKEN_DOLLAR_BODY,  /* the text between $tag$ and $tag$ */
  TOKEN_OPEN,
  TOKEN_CLOSE,
  TOKEN_SEMICOLON,
  TOKEN_OTHER,
} TokenType;

typedef struct
{
  TokenType type;
  const char *start;
  gsize len;
} Token;

/* Statements that write, as their first word says. */
static const char * const write_verbs[] = {
  "CREATE", "INSERT", "DROP", "ALTER", "DELETE", "UPDATE", "TRUNCATE", "MERGE", "COPY",
};

static const char *classify_block (const char *body, gsize len, guint depth);

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

/* Skips a quoted run from the quote at @i; returns the index past it. */
static gsize
skip_quoted (const char *s,
             gsize       len,
             gsize       i,
             char        quote,
             gboolean    backslash)
{
  for (i++; i < len; i++)
    {
      if (backslash && s[i] == '\\')
        i++;
      else if (s[i] == quote)
        {
          if (i + 1 < len && s[i + 1] == quote)
            i++;
          else
            return i + 1;
        }
    }

  return len;
}

static GArray *
tokenize (const char *s,
          gsize       len)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  gsize i = 0;

  while (i < len)
    {
      Token token = { TOKEN_OTHER, s + i, 1 };
      guchar c = s[i];
      char next = i + 1 < len ? s[i + 1] : '\0';

      if (g_ascii_isspace (c))
        {
          i++;
          continue;
        }

      if (c == '-' && next == '-')
        {
          while (i < len && s[i] != '\n')
            i++;
          continue;
        }

      if (c == '/' && next == '*')
        {
          guint depth = 1;

          for (i += 2; i < len && depth > 0; i++)
            {
              if (s[i] == '/' && i + 1 < len && s[i + 1] == '*')
                depth++, i++;
              else if (s[i] == '*' && i + 1 < len && s[i + 1] == '/')
                depth--, i++;
            }
          continue;
        }

      if ((c == 'E' || c == 'e') && next == '\'')
        {
          gsize end = skip_quoted (s, len, i + 1, '\'', TRUE);

          token = (Token) { TOKEN_QUOTED, s + i, end - i };
          i = end;
        }
      else if (c == '\'' || c == '"')
        {
          gsize end = skip_quoted (s, len, i, c, FALSE);

          token = (Token) { TOKEN_QUOTED, s + i, end - i };
          i = end;
        }
      else if (is_word_start (c))
        {
          gsize end = i;

          while (end < len && is_word_byte (s[end]))
            end++;
          token = (Token) { TOKEN_WORD, s + i, end - i };
          i = end;
        }
      else if (c == '$')
        {
          gsize tag_end = i + 1;

          if (tag_end < len && is_word_start (s[tag_end]))
            while (tag_end < len && (is_word_start (s[tag_end]) || g_ascii_isdigit (s[tag_end])))
              tag_end++;

          if (tag_end < len && s[tag_end] == '$')
            {
              gsize tag_len = tag_end + 1 - i;
              const char *body = s + tag_end + 1;
              const char *close = g_strstr_len (body, len - (tag_end + 1), "$");
              gsize body_len;

              /* The body runs to the same tag, or to the end. */
              while (close != NULL && ((gsize) (s + len - close) < tag_len || strncmp (close, s + i, tag_len) != 0))
                close = g_strstr_len (close + 1, s + len - (close + 1), "$");
              body_len = close != NULL ? (gsize) (close - body) : (gsize) (s + len - body);
              token = (Token) { TOKEN_DOLLAR_BODY, body, body_len };
              i = close != NULL ? (gsize) (close - s) + tag_len : len;
            }
          else
            i = tag_end;
        }
      else
        {
          token.type = c == '(' ? TOKEN_OPEN : c == ')' ? TOKEN_CLOSE : c == ';' ? TOKEN_SEMICOLON : TOKEN_OTHER;
          i++;
        }

      g_array_append_val (tokens, token);
    }

  return tokens;
}

static gboolean
word_is (const Token *token,
         const char  *keyword)
{
  return token->type == TOKEN_WORD && strlen (keyword) == token->len &&
         g_ascii_strncasecmp (token->start, keyword, token->len) == 0;
}

static const char *
write_verb_of (const Token *token)
{
  for (guint i = 0; i < G_N_ELEMENTS (write_verbs); i++)
    if (word_is (token, write_verbs[i]))
      return write_verbs[i];

  return NULL;
}

/* The verb of the statement in tokens [first, last), or NULL. */
static const char *
classify_run (const Token *tokens,
              guint        first,
              guint        last,
              guint        depth)
{
  const char *verb;
  guint i = first;

  while (i < last && tokens[i].type == TOKEN_OPEN)
    i++;
  if (i >= last)
    return NULL;

  /* Data Distiller's anonymous block, or PostgreSQL's DO. */
  if (tokens[i].type == TOKEN_DOLLAR_BODY)
    return classify_block (tokens[i].start, tokens[i].len, depth + 1);
  if (word_is (&tokens[i], "DO"))
    {
      for (guint j = i + 1; j < last; j++)
        if (tokens[j].type == TOKEN_DOLLAR_BODY)
          return classify_block (tokens[j].start, tokens[j].len, depth + 1);
      return NULL;
    }

  if ((verb = write_verb_of (&tokens[i])))
    return verb;

  /* EXPLAIN ANALYZE runs what it explains. */
  if (word_is (&tokens[i], "EXPLAIN"))
    {
      gboolean analyze = FALSE;

      for (guint j = i + 1; j < last; j++)
        {
          if (word_is (&tokens[j], "ANALYZE") || word_is (&tokens[j], "ANALYSE"))
            analyze = TRUE;
          else if (tokens[j].type == TOKEN_WORD &&
                   (write_verb_of (&tokens[j]) || word_is (&tokens[j], "SELECT") || word_is (&tokens[j], "WITH")))
            return analyze ? classify_run (tokens, j, last, depth) : NULL;
        }
      return NULL;
    }

  if (word_is (&tokens[i], "WITH"))
    {
      int level = 0;

      /* A CTE may change data: WITH d AS (DELETE …), or WITH … INSERT. */
      for (guint j = i + 1; j < last; j++)
        {
          if (tokens[j].type == TOKEN_OPEN)
            level++;
          else if (tokens[j].type == TOKEN_CLOSE)
            level--;
          else if (tokens[j - 1].type == TOKEN_OPEN || (tokens[j - 1].type == TOKEN_CLOSE && level == 0))
            {
              if (word_is (&tokens[j], "INSERT") || word_is (&tokens[j], "UPDATE") ||
                  word_is (&tokens[j], "DELETE") || word_is (&tokens[j], "MERGE"))
                return write_verb_of (&tokens[j]);
            }
        }
    }

  /* SELECT … INTO makes a table. */
  if (word_is (&tokens[i], "WITH") || word_is (&tokens[i], "SELECT"))
    {
      int level = 0;

      for (guint j = i + 1; j < last; j++)
        {
          if (tokens[j].type == TOKEN_OPEN)
            level++;
          else if (tokens[j].type == TOKEN_CLOSE)
            level--;
          else if (level == 0 && word_is (&tokens[j], "INTO"))
            return "SELECT INTO";
        }
    }

  return NULL;
}

/* A block's body: statements that start after BEGIN, THEN, ELSE, LOOP
 * or a semicolon.
 */
static const char *
classify_block (const char *body,
                gsize       len,
                guint       depth)
{
  g_autoptr(GArray) tokens = NULL;
  const Token *t;
  gboolean at_start = TRUE;

  /* A $$ inside a $$ inside … is no script anyone writes. */
  if (depth > 8)
    return NULL;

  tokens = tokenize (body, len);
  t = (const Token *) (gpointer) tokens->data;

  for (guint i = 0; i < tokens->len; i++)
    {
      gboolean opens = word_is (&t[i], "BEGIN") || word_is (&t[i], "THEN") || word_is (&t[i], "ELSE") ||
                       word_is (&t[i], "LOOP") || word_is (&t[i], "DECLARE");

      /* In a block, EXCEPTION WHEN … THEN and IF … THEN start statements
       * mid-way; at the top, a THEN is a CASE's.
       */
      if (t[i].type == TOKEN_SEMICOLON || (opens && depth > 0))
        at_start = TRUE;
      else if (at_start && opens)
        continue;
      else if (at_start)
        {
          guint end = i;
          const char *verb;

          while (end < tokens->len && t[end].type != TOKEN_SEMICOLON)
            end++;
          if ((verb = classify_run (t, i, end, depth)))
            return verb;
          at_start = FALSE;
        }
    }

  return NULL;
}

/**
 * trib_sql_write_verb:
 * @statement: one SQL statement (an anonymous block counts as one)
 * @len: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (nullable): what the statement does that writes, as its
 *   keyword ("CREATE", "INSERT", "DROP", "ALTER", "DELETE", "UPDATE",
 *   "TRUNCATE", "MERGE", "COPY" or "SELECT INTO"), or %NULL if it only
 *   reads
 */
const char *
trib_sql_write_verb (const char *statement,
                     gssize      len)
{
  g_return_val_if_fail (statement != NULL, NULL);

  if (len < 0)
    len = strlen (statement);

  /* Read as a block's body: a stray semicolon starts another statement. */
  return classify_block (statement, len, 0);
}

/**
 * trib_sql_find_writes:
 * @script: statements separated by semicolons
 * @len: its length in bytes, or -1 if nul-terminated
 *
 * Returns: (transfer container) (element-type TribSqlStatement): the
 *   statements of @script that write, in order; all of it as one
 *   statement if it does not split and it writes
 */
GPtrArray *
trib_sql_find_writes (const char *script,
                      gssize      len)
{
  g_autoptr(GPtrArray) statements = NULL;
  GPtrArray *writes = g_ptr_array_new_with_free_func ((GDestroyNotify) trib_sql_statement_free);

  g_return_val_if_fail (script != NULL, writes);

  if (len < 0)
    len = strlen (script);

  if (!(statements = trib_sql_split (script, len, NULL, NULL)))
    {
      if (trib_sql_write_verb (script, len) != NULL)
        {
          TribSqlStatement *whole = g_new0 (TribSqlStatement, 1);

          whole->end = len;
          whole->line = 1;
          whole->column = 1;
          whole->text = g_strstrip (g_strndup (script, len));
          g_ptr_array_add (writes, whole);
        }
      return writes;
    }

  for (guint i = 0; i < statements->len; i++)
    {
      TribSqlStatement *statement = g_ptr_array_index (statements, i);

      if (trib_sql_write_verb (statement->text, -1) != NULL)
        g_ptr_array_add (writes, g_steal_pointer (&statements->pdata[i]));
    }

  return writes;
}
