/* sim-pg-lexer.c
 *
 * Cuts a statement into PostgreSQL's tokens, keeping every byte, so
 * that the rewriter changes only what it means to: strings, quoted
 * names, dollar quotes and comments come through untouched. Data
 * Distiller's `@name` variables are tokens of their own. Also the
 * statements by which the front makes the server fail with Data
 * Distiller's errors.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sim-pg-rewrite.h"

static gboolean
is_word_start (char c)
{
  return g_ascii_isalpha (c) || c == '_' || (guchar) c >= 0x80;
}

static gboolean
is_word_char (char c)
{
  return is_word_start (c) || g_ascii_isdigit (c) || c == '$';
}

/* The end of a quoted run opened at @p by @quote, doubled quotes
 * inside; backslash escapes too for E'…'.
 */
static const char *
skip_quoted (const char *p,
             const char *end,
             char        quote,
             gboolean    backslashes)
{
  for (p++; p < end; p++)
    {
      if (backslashes && *p == '\\' && p + 1 < end)
        p++;
      else if (*p == quote)
        {
          if (p + 1 < end && p[1] == quote)
            p++;
          else
            return p + 1;
        }
    }

  return end;
}

/* A dollar quote's tag at @p (`$$` or `$tag$`), or 0. */
static gsize
dollar_tag_length (const char *p,
                   const char *end)
{
  const char *q = p + 1;

  if (q < end && *q == '$')
    return 2;
  if (q >= end || !is_word_start (*q))
    return 0;
  while (q < end && (is_word_start (*q) || g_ascii_isdigit (*q)))
    q++;

  return q < end && *q == '$' ? (gsize) (q - p + 1) : 0;
}

/**
 * sim_pg_tokenize:
 *
 * Returns: (transfer full) (element-type SimPgToken): the tokens of
 *   @sql, which together are all of it; they point into @sql
 */
GArray *
sim_pg_tokenize (const char *sql,
                 gsize       len)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (SimPgToken));
  const char *end = sql + len;
  const char *p = sql;

  while (p < end)
    {
      SimPgToken token = { SIM_PG_TOKEN_PUNCT, p, 1 };
      const char *q = p + 1;
      gsize tag;

      if (g_ascii_isspace (*p))
        {
          while (q < end && g_ascii_isspace (*q))
            q++;
          token.kind = SIM_PG_TOKEN_SPACE;
        }
      else if (*p == '-' && q < end && *q == '-')
        {
          while (q < end && *q != '\n')
            q++;
          token.kind = SIM_PG_TOKEN_COMMENT;
        }
      else if (*p == '/' && q < end && *q == '*')
        {
          guint depth = 1;

          for (q++; q < end && depth > 0; q++)
            {
              if (*q == '*' && q + 1 < end && q[1] == '/')
                depth--, q++;
              else if (*q == '/' && q + 1 < end && q[1] == '*')
                depth++, q++;
            }
          token.kind = SIM_PG_TOKEN_COMMENT;
        }
      else if (*p == '\'')
        {
          q = skip_quoted (p, end, '\'', FALSE);
          token.kind = SIM_PG_TOKEN_STRING;
        }
      else if ((*p == 'E' || *p == 'e') && q < end && *q == '\'')
        {
          q = skip_quoted (q, end, '\'', TRUE);
          token.kind = SIM_PG_TOKEN_STRING;
        }
      else if (*p == '"')
        {
          q = skip_quoted (p, end, '"', FALSE);
          token.kind = SIM_PG_TOKEN_QUOTED;
        }
      else if (*p == '$' && (tag = dollar_tag_length (p, end)) > 0)
        {
          const char *close = NULL;

          for (const char *s = p + tag; s + tag <= end && close == NULL; s++)
            if (memcmp (s, p, tag) == 0)
              close = s;
          q = close != NULL ? close + tag : end;
          token.kind = SIM_PG_TOKEN_DOLLAR;
        }
      else if (*p == '@' && q < end && is_word_start (*q))
        {
          while (q < end && (is_word_start (*q) || g_ascii_isdigit (*q)))
            q++;
          token.kind = SIM_PG_TOKEN_VARIABLE;
        }
      else if (is_word_start (*p))
        {
          while (q < end && is_word_char (*q))
            q++;
          token.kind = SIM_PG_TOKEN_WORD;
        }
      else if (g_ascii_isdigit (*p) || (*p == '.' && q < end && g_ascii_isdigit (*q)))
        {
          while (q < end && (g_ascii_isdigit (*q) || *q == '.' ||
                             ((*q == 'e' || *q == 'E') && q + 1 < end &&
                              (g_ascii_isdigit (q[1]) || q[1] == '-' || q[1] == '+'))))
            q += (*q == 'e' || *q == 'E') ? 2 : 1;
          token.kind = SIM_PG_TOKEN_NUMBER;
        }
      else if (*p == ':' && q < end && *q == ':')
        {
          q++;
        }

      token.len = MIN (q, end) - p;
      g_array_append_val (tokens, token);
      p += token.len;
    }

  return tokens;
}

static void
append_literal (GString    *out,
                const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/**
 * sim_pg_rewrite_count_parameters:
 *
 * Returns: the highest `$n` of @sql, the parameters a Bind supplies
 */
guint
sim_pg_rewrite_count_parameters (const char *sql)
{
  g_autoptr(GArray) tokens = sim_pg_tokenize (sql, strlen (sql));
  guint64 highest = 0;

  for (guint i = 0; i + 1 < tokens->len; i++)
    {
      const SimPgToken *token = &g_array_index (tokens, SimPgToken, i);
      const SimPgToken *number = &g_array_index (tokens, SimPgToken, i + 1);
      g_autofree char *digits = NULL;
      guint64 n;

      if (token->kind != SIM_PG_TOKEN_PUNCT || token->start[0] != '$' || number->kind != SIM_PG_TOKEN_NUMBER)
        continue;
      digits = g_strndup (number->start, number->len);
      if (g_ascii_string_to_unsigned (digits, 10, 1, 65535, &n, NULL))
        highest = MAX (highest, n);
    }

  return (guint) highest;
}

/**
 * sim_pg_rewrite_error_statement:
 * @n_parameters: how many parameters the client binds to it
 *
 * Returns: a statement the server fails with @sqlstate and @message,
 *   so that the client sees the error where the server's would be,
 *   and the session's transaction fails as it would. With parameters,
 *   it is a call of distiller_raise() (trib-test-pg-demo.c), which
 *   takes them.
 */
char *
sim_pg_rewrite_error_statement (const char *sqlstate,
                                const char *message,
                                guint       n_parameters)
{
  g_autoptr(GString) statement = g_string_new (NULL);

  if (n_parameters == 0)
    {
      g_string_append (statement, "DO $distiller_error$ BEGIN RAISE EXCEPTION USING ERRCODE = ");
      append_literal (statement, sqlstate);
      g_string_append (statement, ", MESSAGE = ");
      append_literal (statement, message);
      g_string_append (statement, "; END $distiller_error$");
    }
  else
    {
      g_string_append (statement, "SELECT distiller_raise(");
      append_literal (statement, sqlstate);
      g_string_append (statement, ", ");
      append_literal (statement, message);
      for (guint i = 1; i <= n_parameters; i++)
        g_string_append_printf (statement, ", $%u::text", i);
      g_string_append (statement, ")");
    }

  return g_string_free (g_steal_pointer (&statement), FALSE);
}
