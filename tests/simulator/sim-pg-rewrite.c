/* sim-pg-rewrite.c
 *
 * Data Distiller's SQL, turned into PostgreSQL's before the demo's
 * server sees it, for what the demo supports:
 *
 * - dot paths into nested objects, which are JSON columns here:
 *   `web.webPageDetails.name` becomes `(web #>> '{webPageDetails,name}')`,
 *   a number or a boolean when the data holds one there (Spark's
 *   structs have types; JSON columns only values), their fields found
 *   whatever their case, as Spark finds them;
 * - `explode()` of a map or an array, as Spark SQL returns them
 *   (`key`, `value`; `col`);
 * - anonymous blocks, `$$ BEGIN … END $$`, with `SET @var = SELECT …`
 *   and `@var` (a PL/pgSQL DO block that substitutes the values, as
 *   Data Distiller substitutes them);
 * - Data Distiller's own settings (`SET drop_system_columns = false`),
 *   kept as custom settings;
 * - Spark's type names in casts (`string`);
 * - field access on a window function's struct
 *   (`attribution_first_touch(…) OVER (…).value`).
 *
 * The Adobe-defined functions PostgreSQL can express are SQL functions
 * in the demo's databases (trib-test-pg-demo.c); the others, and the
 * system columns the demo's datasets lack, are refused with Data
 * Distiller's error for what the platform does not support
 * (0A000, "Query/Command not supported"), not a syntax error.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-pg-front"

#include "config.h"

#include <string.h>

#include "sim-pg-rewrite.h"
#include "sim-services.h"

#define BLOCK_TAG "$distiller_block$"
#define VAR_OPEN '\001'
#define VAR_CLOSE '\002'

/* Data Distiller's Adobe-defined functions that the demo lacks. */
static const char * const unsupported_functions[] = {
  "sess_start_if", "sess_end_if", "attribution_first_touch_exp_if", "attribution_first_touch_exp_timeout",
  "attribution_last_touch_exp_if", "attribution_last_touch_exp_timeout", "time_between_previous_match",
  "time_between_next_match", "next", "previous",
};

/* Data Distiller's own session settings. */
static const char * const distiller_settings[] = {
  "drop_system_columns", "resolve_fallback_snapshot_on_failure", "enable_ansi_mode",
};

typedef struct
{
  SimPgAdmin *admin;
  const char *database;
  const char *scope;          /* the one table the session sees, or NULL */
  GHashTable *tables;         /* NULL until a scoped session names one */
  GHashTable *json_columns;   /* NULL until a dot path needs them */
  const char *last_json_type; /* of the last path rewritten */
  char *sqlstate;
  char *message;
} Rewrite;

static gboolean
fail (Rewrite    *rw,
      const char *sqlstate,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Rewrite    *rw,
      const char *sqlstate,
      const char *format,
      ...)
{
  va_list args;

  if (rw->sqlstate != NULL)
    return FALSE;
  va_start (args, format);
  rw->sqlstate = g_strdup (sqlstate);
  rw->message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

static const SimPgToken *
token_at (GArray *tokens,
          guint   i)
{
  return &g_array_index (tokens, SimPgToken, i);
}

static gboolean
is_blank (const SimPgToken *token)
{
  return token->kind == SIM_PG_TOKEN_SPACE || token->kind == SIM_PG_TOKEN_COMMENT;
}

/* The next token at or after @i that is not blank, or @to. */
static guint
skip_blank (GArray *tokens,
            guint   i,
            guint   to)
{
  while (i < to && is_blank (token_at (tokens, i)))
    i++;

  return i;
}

static gboolean
token_is (GArray     *tokens,
          guint       i,
          guint       to,
          const char *text)
{
  const SimPgToken *token;

  if (i >= to)
    return FALSE;
  token = token_at (tokens, i);

  return token->len == strlen (text) && g_ascii_strncasecmp (token->start, text, token->len) == 0 &&
         token->kind != SIM_PG_TOKEN_STRING && token->kind != SIM_PG_TOKEN_QUOTED;
}

/* The closing parenthesis of the one at @open, or @to. */
static guint
matching_paren (GArray *tokens,
                guint   open,
                guint   to)
{
  guint depth = 0;

  for (guint i = open; i < to; i++)
    {
      if (token_is (tokens, i, to, "("))
        depth++;
      else if (token_is (tokens, i, to, ")") && --depth == 0)
        return i;
    }

  return to;
}

/* A name as PostgreSQL folds it, or a quoted one's text. */
static char *
identifier_name (const SimPgToken *token,
                 gboolean          fold)
{
  if (token->kind == SIM_PG_TOKEN_QUOTED)
    {
      g_autofree char *inner = g_strndup (token->start + 1, token->len >= 2 ? token->len - 2 : 0);
      g_auto(GStrv) parts = g_strsplit (inner, "\"\"", -1);

      return g_strjoinv ("\"", parts);
    }

  return fold ? g_ascii_strdown (token->start, token->len) : g_strndup (token->start, token->len);
}

static gboolean
in_list (const char * const *list,
         gsize               n,
         const char         *name)
{
  for (gsize i = 0; i < n; i++)
    if (g_ascii_strcasecmp (list[i], name) == 0)
      return TRUE;

  return FALSE;
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

static GHashTable *
json_columns (Rewrite *rw)
{
  if (rw->json_columns == NULL)
    rw->json_columns = sim_pg_admin_json_columns (rw->admin, rw->database);

  return rw->json_columns;
}

/* `column #>> '{keys}'`, typed as the data is. */
static void
append_json_path (Rewrite    *rw,
                  GString    *out,
                  const char *qualifier,
                  const char *column,
                  GPtrArray  *keys)
{
  g_autofree char *array = NULL;
  g_autofree char *type = NULL;
  g_autofree char *quoted_column = g_strdup_printf ("\"%s\"", column);
  const char *cast = NULL;
  gboolean text = TRUE;

  sim_pg_admin_resolve_keys (rw->admin, rw->database, column, keys);
  array = sim_pg_path_array (keys, keys->len);
  type = sim_pg_admin_json_type (rw->admin, rw->database, column, array);

  if (g_strcmp0 (type, "number") == 0)
    cast = "numeric";
  else if (g_strcmp0 (type, "boolean") == 0)
    cast = "boolean";
  else if (g_strcmp0 (type, "string") != 0)
    text = FALSE;

  g_string_append (out, "((");
  if (qualifier != NULL)
    g_string_append_printf (out, "%s.", qualifier);
  g_string_append_printf (out, "%s %s ", quoted_column, text ? "#>>" : "#>");
  append_literal (out, array);
  g_string_append (out, ")");
  if (cast != NULL)
    g_string_append_printf (out, "::%s", cast);
  g_string_append (out, ")");

  rw->last_json_type = g_intern_string (type != NULL ? type : "null");
}

static gboolean rewrite_range (Rewrite *rw,
                               GArray  *tokens,
                               guint    from,
                               guint    to,
                               GString *out);

/* explode(map): `key`, `value`; explode(array): `col`. */
static gboolean
rewrite_explode (Rewrite *rw,
                 GArray  *tokens,
                 guint    open,
                 guint    close,
                 guint    to,
                 GString *out)
{
  g_autoptr(GString) argument = g_string_new (NULL);
  guint first = skip_blank (tokens, open + 1, close);
  guint next;

  rw->last_json_type = NULL;
  /* A JSON column itself: its type is the data's at the top. */
  if (first < close && skip_blank (tokens, first + 1, close) == close)
    {
      g_autofree char *name = identifier_name (token_at (tokens, first), TRUE);

      if (g_hash_table_contains (json_columns (rw), name))
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new ();

          append_json_path (rw, argument, NULL, name, none);
        }
    }
  if (rw->last_json_type == NULL && !rewrite_range (rw, tokens, open + 1, close, argument))
    return FALSE;

  if (rw->last_json_type == NULL || g_str_equal (rw->last_json_type, "null"))
    return fail (rw, "0A000", "Query/Command not supported: explode() takes an array or a map of the dataset");

  next = skip_blank (tokens, close + 1, to);
  if (g_str_equal (rw->last_json_type, "object"))
    {
      if (token_is (tokens, next, to, "AS"))
        return fail (rw, "0A000", "Query/Command not supported: the demo names an exploded map's columns "
                     "key and value");
      g_string_append_printf (out, "(jsonb_each(%s)).*", argument->str);
    }
  else if (g_str_equal (rw->last_json_type, "array"))
    {
      g_string_append_printf (out, "jsonb_array_elements(%s)", argument->str);
      if (!token_is (tokens, next, to, "AS"))
        g_string_append (out, " AS col");
    }
  else
    {
      return fail (rw, "42804", "cannot resolve 'explode(%s)': argument 1 requires array or map type",
                   argument->str);
    }

  return TRUE;
}

/* A dotted name at @i: a column's path into a JSON column, perhaps
 * after a table or alias, else left as it is. Sets @end past it.
 */
static gboolean
rewrite_dotted (Rewrite  *rw,
                GArray   *tokens,
                guint     i,
                guint     to,
                gboolean  select_item,
                guint    *end,
                GString  *out)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  guint j = i;

  g_ptr_array_add (parts, (gpointer) token_at (tokens, j));
  while (j + 2 < to && token_is (tokens, j + 1, to, ".") &&
         (token_at (tokens, j + 2)->kind == SIM_PG_TOKEN_WORD || token_at (tokens, j + 2)->kind == SIM_PG_TOKEN_QUOTED))
    {
      j += 2;
      g_ptr_array_add (parts, (gpointer) token_at (tokens, j));
    }
  *end = j + 1;

  first = identifier_name (g_ptr_array_index (parts, 0), TRUE);
  if (g_str_equal (first, "_acp_system_metadata"))
    return fail (rw, "0A000", "Query/Command not supported: the demo's datasets have no system columns "
                 "(_acp_system_metadata)");

  /* A function of a schema, as pg_catalog.now(): not a path. */
  if (parts->len < 2 || token_is (tokens, *end, to, "("))
    goto verbatim;

  second = identifier_name (g_ptr_array_index (parts, 1), TRUE);
  if (g_hash_table_contains (json_columns (rw), first))
    {
      for (guint k = 1; k < parts->len; k++)
        g_ptr_array_add (keys, identifier_name (g_ptr_array_index (parts, k), FALSE));
      append_json_path (rw, out, NULL, first, keys);
    }
  else if (parts->len > 2 && g_hash_table_contains (json_columns (rw), second))
    {
      const SimPgToken *qualifier = g_ptr_array_index (parts, 0);
      g_autofree char *qualifier_text = g_strndup (qualifier->start, qualifier->len);

      for (guint k = 2; k < parts->len; k++)
        g_ptr_array_add (keys, identifier_name (g_ptr_array_index (parts, k), FALSE));
      append_json_path (rw, out, qualifier_text, second, keys);
    }
  else
    {
      goto verbatim;
    }

  /* Spark names a selected field after its last key. */
  if (select_item)
    {
      guint next = skip_blank (tokens, *end, to);

      if (next == to || token_is (tokens, next, to, ",") || token_is (tokens, next, to, "FROM") ||
          token_is (tokens, next, to, ";"))
        {
          const char *last = g_ptr_array_index (keys, keys->len - 1);
          g_auto(GStrv) parts_of_name = g_strsplit (last, "\"", -1);
          g_autofree char *escaped = g_strjoinv ("\"\"", parts_of_name);

          g_string_append_printf (out, " AS \"%s\"", escaped);
        }
    }

  return TRUE;

verbatim:
  for (guint k = i; k < *end; k++)
    g_string_append_len (out, token_at (tokens, k)->start, token_at (tokens, k)->len);

  return TRUE;
}

/* Rewrites tokens [@from, @to) of one or more statements into @out. */
static gboolean
rewrite_range (Rewrite *rw,
               GArray  *tokens,
               guint    from,
               guint    to,
               GString *out)
{
  /* Where the function call that a `) OVER (…).field` closes began. */
  gsize call_start[64] = { 0, };
  gboolean windowed[64] = { FALSE, };
  gboolean select_list[64] = { FALSE, };
  guint depth = 0;
  gboolean statement_start = TRUE;
  const SimPgToken *previous = NULL;

  for (guint i = from; i < to; i++)
    {
      const SimPgToken *token = token_at (tokens, i);
      guint next = skip_blank (tokens, i + 1, to);

      if (is_blank (token))
        {
          g_string_append_len (out, token->start, token->len);
          continue;
        }

      if (token->kind == SIM_PG_TOKEN_WORD || token->kind == SIM_PG_TOKEN_QUOTED)
        {
          g_autofree char *name = identifier_name (token, TRUE);
          gboolean after_dot = previous != NULL && previous->len == 1 && previous->start[0] == '.';

          if (statement_start && g_str_equal (name, "set") && token->kind == SIM_PG_TOKEN_WORD &&
              next < to && token_at (tokens, next)->kind == SIM_PG_TOKEN_WORD)
            {
              g_autofree char *setting = identifier_name (token_at (tokens, next), TRUE);

              if (in_list (distiller_settings, G_N_ELEMENTS (distiller_settings), setting))
                {
                  g_string_append_len (out, token->start, token->len);
                  g_string_append_printf (out, " distiller.%s", setting);
                  i = next;
                  previous = token_at (tokens, next);
                  statement_start = FALSE;
                  continue;
                }
            }
          statement_start = FALSE;

          if (depth < G_N_ELEMENTS (select_list) && token->kind == SIM_PG_TOKEN_WORD)
            {
              if (g_str_equal (name, "select"))
                select_list[depth] = TRUE;
              else if (g_str_equal (name, "from") || g_str_equal (name, "where") || g_str_equal (name, "group") ||
                       g_str_equal (name, "order") || g_str_equal (name, "having") || g_str_equal (name, "limit") ||
                       g_str_equal (name, "into") || g_str_equal (name, "window"))
                select_list[depth] = FALSE;
            }

          if (!after_dot && token_is (tokens, next, to, "("))
            {
              if (g_str_equal (name, "explode") && token->kind == SIM_PG_TOKEN_WORD)
                {
                  guint close = matching_paren (tokens, next, to);

                  if (close == to)
                    return fail (rw, "42601", "syntax error: explode( is not closed");
                  if (!rewrite_explode (rw, tokens, next, close, to, out))
                    return FALSE;
                  i = close;
                  previous = token_at (tokens, close);
                  continue;
                }
              if (in_list (unsupported_functions, G_N_ELEMENTS (unsupported_functions), name))
                return fail (rw, "0A000", "Query/Command not supported: the Adobe-defined function %s is not "
                             "available in the demo", name);
              if (depth < G_N_ELEMENTS (call_start) && g_str_equal (name, "over"))
                windowed[depth] = TRUE;
              else if (depth < G_N_ELEMENTS (call_start))
                {
                  call_start[depth] = out->len;
                  windowed[depth] = FALSE;
                }
            }
          else if (!after_dot)
            {
              guint end;

              /* Spark's string type, in a cast. */
              if (g_str_equal (name, "string") && token->kind == SIM_PG_TOKEN_WORD && previous != NULL &&
                  previous->len == 2 && g_ascii_strncasecmp (previous->start, "as", 2) == 0 &&
                  token_is (tokens, next, to, ")"))
                {
                  g_string_append (out, "text");
                  previous = token;
                  continue;
                }

              if (g_str_has_suffix (rw->database, ":all") && sim_catalog_generated_source (name, NULL) != NULL)
                {
                  g_autoptr(GError) error = NULL;

                  if (!sim_pg_admin_ensure_table (rw->admin, rw->database, name, &error))
                    return fail (rw, "58000", "System error: %s", error->message);
                }

              /* A dataset's own database holds no other dataset. */
              if (rw->scope != NULL && previous != NULL && previous->kind == SIM_PG_TOKEN_WORD &&
                  ((previous->len == 4 && g_ascii_strncasecmp (previous->start, "from", 4) == 0) ||
                   (previous->len == 4 && g_ascii_strncasecmp (previous->start, "join", 4) == 0)) &&
                  !token_is (tokens, next, to, ".") && !g_str_equal (name, rw->scope))
                {
                  if (rw->tables == NULL)
                    rw->tables = sim_pg_admin_tables (rw->admin, rw->database);
                  if (g_hash_table_contains (rw->tables, name))
                    return fail (rw, "42P01", "relation \"%s\" does not exist", name);
                }

              if (!rewrite_dotted (rw, tokens, i, to,
                                   depth < G_N_ELEMENTS (select_list) && select_list[depth] && previous != NULL &&
                                   ((previous->len == 1 && previous->start[0] == ',') ||
                                    (previous->len == 6 && g_ascii_strncasecmp (previous->start, "select", 6) == 0) ||
                                    (previous->len == 8 && g_ascii_strncasecmp (previous->start, "distinct", 8) == 0)),
                                   &end, out))
                return FALSE;
              previous = token_at (tokens, end - 1);
              i = end - 1;
              continue;
            }
        }
      else if (token->kind == SIM_PG_TOKEN_PUNCT && token->start[0] == '(')
        {
          depth++;
          if (depth < G_N_ELEMENTS (select_list))
            select_list[depth] = FALSE;
        }
      else if (token->kind == SIM_PG_TOKEN_PUNCT && token->start[0] == ')')
        {
          depth = depth > 0 ? depth - 1 : 0;
          /* `f(…) OVER (…).field`: Spark reads the struct's field,
           * PostgreSQL needs the call in parentheses first.
           */
          if (token_is (tokens, next, to, ".") && depth < G_N_ELEMENTS (call_start) && windowed[depth])
            {
              g_string_append (out, "))");
              g_string_insert_c (out, call_start[depth], '(');
              windowed[depth] = FALSE;
              previous = token;
              continue;
            }
        }
      else if (token->kind == SIM_PG_TOKEN_PUNCT && token->start[0] == ';')
        {
          statement_start = TRUE;
        }
      else if (token->kind == SIM_PG_TOKEN_VARIABLE)
        {
          g_autofree char *var = g_ascii_strdown (token->start + 1, token->len - 1);

          g_string_append_printf (out, "%c%s%c", VAR_OPEN, var, VAR_CLOSE);
          previous = token;
          statement_start = FALSE;
          continue;
        }
      else
        {
          statement_start = FALSE;
        }

      g_string_append_len (out, token->start, token->len);
      previous = token;
    }

  return TRUE;
}

/* @text as a PL/pgSQL string expression, each variable marker replaced
 * by its value: numbers as they are, other values quoted, as Data
 * Distiller substitutes them.
 */
static void
append_substituted (GString    *out,
                    const char *text,
                    GPtrArray  *variables,
                    Rewrite    *rw)
{
  const char *p = text;

  g_string_append (out, "''");
  while (*p != '\0')
    {
      const char *open = strchr (p, VAR_OPEN);
      g_autofree char *chunk = g_strndup (p, open != NULL ? (gsize) (open - p) : strlen (p));

      g_string_append (out, " || ");
      append_literal (out, chunk);
      if (open == NULL)
        break;
      {
        const char *close = strchr (open, VAR_CLOSE);
        g_autofree char *name = g_strndup (open + 1, close - open - 1);
        gboolean known = FALSE;

        for (guint i = 0; i < variables->len && !known; i++)
          known = g_str_equal (g_ptr_array_index (variables, i), name);
        if (!known)
          fail (rw, "42703", "Variable @%s is not set in this block", name);
        g_string_append_printf (out, " || CASE WHEN \"v_%s\" IS NULL THEN 'NULL' "
                                "WHEN \"v_%s\" ~ '^-?[0-9]+(\\.[0-9]+)?$' THEN \"v_%s\" "
                                "ELSE quote_literal(\"v_%s\") END", name, name, name, name);
        p = close + 1;
      }
    }
}

/* `$$ BEGIN stmt; …; END $$`: a DO block running each statement. */
static char *
rewrite_block (Rewrite          *rw,
               const SimPgToken *block,
               GArray           *outer,
               guint             after)
{
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GPtrArray) variables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) declare = g_string_new (NULL);
  GString *result;
  guint start;
  guint n;

  /* Only a `;` may follow the block. */
  for (guint i = skip_blank (outer, after, outer->len); i < outer->len; i = skip_blank (outer, i + 1, outer->len))
    if (!token_is (outer, i, outer->len, ";"))
      {
        fail (rw, "42601", "syntax error at or near \"%.*s\"", (int) token_at (outer, i)->len,
              token_at (outer, i)->start);
        return NULL;
      }

  tokens = sim_pg_tokenize (block->start + 2, block->len - 4);
  n = tokens->len;
  start = skip_blank (tokens, 0, n);
  if (!token_is (tokens, start, n, "BEGIN"))
    {
      fail (rw, "42601", "syntax error: an anonymous block starts with BEGIN");
      return NULL;
    }
  start = skip_blank (tokens, start + 1, n);

  /* The block parses before anything runs: it ends with `; END`. */
  {
    gint last = (gint) n - 1;
    gint before;

    while (last >= 0 && is_blank (token_at (tokens, last)))
      last--;
    before = last - 1;
    while (before >= 0 && is_blank (token_at (tokens, before)))
      before--;
    if (last < 0 || !token_is (tokens, last, n, "END") || before < (gint) start ||
        !token_is (tokens, before, n, ";"))
      {
        fail (rw, "42601", "syntax error: each statement of an anonymous block ends with ';', and the "
              "block with END");
        return NULL;
      }
  }

  while (start < n)
    {
      g_autoptr(GString) statement = g_string_new (NULL);
      guint end = start;
      guint first;

      while (end < n && !token_is (tokens, end, n, ";"))
        end++;
      first = skip_blank (tokens, start, end);

      if (token_is (tokens, first, end, "END") && skip_blank (tokens, first + 1, n) == n)
        {
          start = n;
          break;
        }
      if (end == n)
        {
          fail (rw, "42601", "syntax error: each statement of an anonymous block ends with ';', and the "
                "block with END");
          return NULL;
        }
      if (first == end)
        {
          start = skip_blank (tokens, end + 1, n);
          continue;
        }

      /* SET @name = SELECT …: the value of the query's first column. */
      if (token_is (tokens, first, end, "SET") &&
          token_at (tokens, skip_blank (tokens, first + 1, end))->kind == SIM_PG_TOKEN_VARIABLE)
        {
          guint var = skip_blank (tokens, first + 1, end);
          guint equals = skip_blank (tokens, var + 1, end);
          g_autofree char *name = g_ascii_strdown (token_at (tokens, var)->start + 1, token_at (tokens, var)->len - 1);
          gboolean known = FALSE;

          if (!token_is (tokens, equals, end, "=") ||
              !token_is (tokens, skip_blank (tokens, equals + 1, end), end, "SELECT"))
            {
              fail (rw, "42601", "syntax error: SET @%s takes = SELECT …", name);
              return NULL;
            }
          if (!rewrite_range (rw, tokens, equals + 1, end, statement))
            return NULL;
          g_string_append (body, "  EXECUTE ");
          append_substituted (body, statement->str, variables, rw);
          for (guint i = 0; i < variables->len && !known; i++)
            known = g_str_equal (g_ptr_array_index (variables, i), name);
          if (!known)
            {
              g_string_append_printf (declare, "  \"v_%s\" text;\n", name);
              g_ptr_array_add (variables, g_strdup (name));
            }
          g_string_append_printf (body, " INTO \"v_%s\";\n", name);
        }
      else
        {
          if (!rewrite_range (rw, tokens, first, end, statement))
            return NULL;
          g_string_append (body, "  EXECUTE ");
          append_substituted (body, statement->str, variables, rw);
          g_string_append (body, ";\n");
        }
      if (rw->sqlstate != NULL)
        return NULL;
      start = end + 1;
    }

  if (strstr (body->str, BLOCK_TAG) != NULL)
    {
      fail (rw, "42601", "syntax error: the block holds " BLOCK_TAG);
      return NULL;
    }

  result = g_string_new ("DO " BLOCK_TAG "\n");
  if (declare->len > 0)
    g_string_append_printf (result, "DECLARE\n%s", declare->str);
  g_string_append_printf (result, "BEGIN\n%sEND\n" BLOCK_TAG, body->str);

  return g_string_free (result, FALSE);
}

/**
 * sim_pg_rewrite:
 * @database: the server's database the session runs in
 * @scope: (nullable): the one table of a `{sandbox}:{table}` session
 *   that runs in `{sandbox}:all`: naming another is refused as that
 *   dataset's own database would refuse it
 * @sql: one message's statements
 * @sqlstate: (out): Data Distiller's SQLSTATE when it would refuse @sql
 * @message: (out): and its message
 *
 * Returns: (nullable): the statements for PostgreSQL, or %NULL with
 *   @sqlstate and @message set
 */
char *
sim_pg_rewrite (SimPgAdmin  *admin,
                const char  *database,
                const char  *scope,
                const char  *sql,
                char       **sqlstate,
                char       **message)
{
  Rewrite rw = { admin, database, scope, NULL, NULL, NULL, NULL, NULL };
  g_autoptr(GArray) tokens = sim_pg_tokenize (sql, strlen (sql));
  g_autoptr(GString) out = g_string_new (NULL);
  guint first = skip_blank (tokens, 0, tokens->len);
  char *result = NULL;

  if (first < tokens->len && token_at (tokens, first)->kind == SIM_PG_TOKEN_DOLLAR &&
      token_at (tokens, first)->len > 4 && token_at (tokens, first)->start[1] == '$')
    {
      result = rewrite_block (&rw, token_at (tokens, first), tokens, first + 1);
    }
  else if (rewrite_range (&rw, tokens, 0, tokens->len, out))
    {
      if (strchr (out->str, VAR_OPEN) != NULL)
        fail (&rw, "42601", "Variables (@name) are only known inside an anonymous block ($$ BEGIN … END $$)");
      else
        result = g_string_free (g_steal_pointer (&out), FALSE);
    }

  g_clear_pointer (&rw.json_columns, g_hash_table_unref);
  g_clear_pointer (&rw.tables, g_hash_table_unref);
  if (result == NULL)
    {
      *sqlstate = g_steal_pointer (&rw.sqlstate);
      *message = g_steal_pointer (&rw.message);
      if (*sqlstate == NULL)
        {
          *sqlstate = g_strdup ("42601");
          *message = g_strdup ("syntax error");
        }
      return NULL;
    }
  g_free (rw.sqlstate);
  g_free (rw.message);

  return result;
}
