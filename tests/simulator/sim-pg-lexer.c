/* sim-pg-lexer.c
 *
 * Cuts a statement into PostgreSQL's tokens, keeping every byte, so
 * that the rewriter changes only what it means to: strings, quoted
 * names, dollar quotes and comments come through untouched. Data
 * Distiller's `@name` variables are tokens of their own.
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
