/* sim-data-prep-expr.c
 *
 * A small subset of Data Prep's expression language, evaluated straight
 * from the text by recursive descent: literals, columns, arithmetic,
 * comparisons, && || !, and a few functions (concat, lower, upper, trim,
 * to_integer, to_float, iif, date, now, split, uuid/guid, nvl). Null
 * propagates through arithmetic as it does on the platform.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-data-prep"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim-data-prep-private.h"

#define MAX_ARGS 16

typedef struct
{
  const char *text;
  const char *p;
  JsonObject *row;          /* NULL: only checking */
  GPtrArray *columns;       /* when checking: the known source columns, or NULL */
  guint depth;
  GError **error;
} Parser;

static JsonNode *parse_or (Parser *parser);

static JsonNode *
fail (Parser     *parser,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static JsonNode *
fail (Parser     *parser,
      const char *format,
      ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (parser->error != NULL && *parser->error == NULL)
    g_set_error (parser->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 "%s at offset %d", message, (int) (parser->p - parser->text));
  return NULL;
}

static gboolean
failed (Parser *parser)
{
  return parser->error != NULL && *parser->error != NULL;
}

static void
skip_space (Parser *parser)
{
  while (g_ascii_isspace (*parser->p))
    parser->p++;
}

static gboolean
accept (Parser     *parser,
        const char *token)
{
  size_t length = strlen (token);

  skip_space (parser);
  if (strncmp (parser->p, token, length) != 0)
    return FALSE;
  parser->p += length;
  return TRUE;
}

static JsonNode *
null_node (void)
{
  return json_node_new (JSON_NODE_NULL);
}

static gboolean
is_null (JsonNode *node)
{
  return node == NULL || JSON_NODE_HOLDS_NULL (node);
}

static gboolean
is_number (JsonNode *node)
{
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

static gboolean
is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_integer (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_INT64;
}

static double
number_of (JsonNode *node)
{
  return json_node_get_value_type (node) == G_TYPE_INT64 ? (double) json_node_get_int (node)
                                                         : json_node_get_double (node);
}

/* The text form concat() and comparisons use. */
static char *
text_of (JsonNode *node)
{
  if (is_null (node))
    return g_strdup ("");
  if (is_string (node))
    return g_strdup (json_node_get_string (node));
  if (is_integer (node))
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
  if (is_number (node))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    }
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? "true" : "false");
  return json_to_string (node, FALSE);
}

static gboolean
truth_of (JsonNode *node)
{
  if (is_null (node))
    return FALSE;
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  if (is_number (node))
    return number_of (node) != 0;
  if (is_string (node))
    return json_node_get_string (node)[0] != '\0';
  return TRUE;
}

static JsonNode *
number_node (double value,
             gboolean integer)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  /* (double) G_MAXINT64 rounds up to 2^63, which no gint64 holds. */
  if (integer && value >= (double) G_MININT64 && value < -(double) G_MININT64)
    json_node_set_int (node, (gint64) value);
  else
    json_node_set_double (node, value);
  return node;
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static JsonNode *
boolean_node (gboolean value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  return node;
}

static JsonNode *
parse_string (Parser *parser)
{
  char quote = *parser->p++;
  g_autoptr(GString) value = g_string_new (NULL);

  while (*parser->p != '\0' && *parser->p != quote)
    {
      if (*parser->p == '\\' && parser->p[1] != '\0')
        parser->p++;
      g_string_append_c (value, *parser->p++);
    }
  if (*parser->p != quote)
    return fail (parser, "Unterminated string");
  parser->p++;
  return string_node (value->str);
}

static JsonNode *
parse_number (Parser *parser)
{
  const char *start = parser->p;
  gboolean integer = TRUE;
  g_autofree char *digits = NULL;

  while (g_ascii_isdigit (*parser->p) || *parser->p == '.')
    {
      if (*parser->p == '.')
        integer = FALSE;
      parser->p++;
    }
  digits = g_strndup (start, parser->p - start);
  return number_node (g_ascii_strtod (digits, NULL), integer);
}

static JsonNode *
column_value (Parser     *parser,
              const char *name)
{
  if (parser->row == NULL)
    {
      if (parser->columns != NULL &&
          !g_ptr_array_find_with_equal_func (parser->columns, name, g_str_equal, NULL))
        return fail (parser, "Unknown source column “%s”", name);
      return null_node ();
    }
  if (!json_object_has_member (parser->row, name))
    return null_node ();
  return json_node_copy (json_object_get_member (parser->row, name));
}

static JsonNode *
call_date (Parser    *parser,
           JsonNode **args,
           guint      n_args)
{
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (n_args < 1 || n_args > 2)
    return fail (parser, "date() takes a date and an optional format");
  if (is_null (args[0]))
    return null_node ();
  text = text_of (args[0]);
  when = g_date_time_new_from_iso8601 (text, utc);
  if (when == NULL)
    {
      int year, month, day;
      char end;

      /* yyyy-MM-dd, the format Data Prep's documentation shows most */
      if (sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3)
        when = g_date_time_new (utc, year, month, day, 0, 0, 0);
    }
  if (when == NULL)
    return fail (parser, "“%s” is not a date", text);
  {
    g_autofree char *iso = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
    return string_node (iso);
  }
}

static JsonNode *
call_function (Parser     *parser,
               const char *name,
               JsonNode  **args,
               guint       n_args)
{
#define ARITY(min, max) \
  if (n_args + 1 < (min) + 1 || n_args > (max)) \
    return fail (parser, "%s() takes %u to %u arguments, not %u", name, (guint) (min), (guint) (max), n_args)

  if (g_str_equal (name, "concat"))
    {
      g_autoptr(GString) value = g_string_new (NULL);

      for (guint i = 0; i < n_args; i++)
        {
          g_autofree char *text = text_of (args[i]);
          g_string_append (value, text);
        }
      return string_node (value->str);
    }
  if (g_str_equal (name, "lower") || g_str_equal (name, "lcase") ||
      g_str_equal (name, "upper") || g_str_equal (name, "ucase") ||
      g_str_equal (name, "trim"))
    {
      g_autofree char *text = NULL;
      g_autofree char *result = NULL;

      ARITY (1, 1);
      if (is_null (args[0]))
        return null_node ();
      text = text_of (args[0]);
      if (name[0] == 'l')
        result = g_utf8_strdown (text, -1);
      else if (name[0] == 'u')
        result = g_utf8_strup (text, -1);
      else
        result = g_strstrip (g_strdup (text));
      return string_node (result);
    }
  if (g_str_equal (name, "to_integer") || g_str_equal (name, "to_float"))
    {
      gboolean integer = name[3] == 'i';
      g_autofree char *text = NULL;
      char *end = NULL;
      double value;

      ARITY (1, 1);
      if (is_null (args[0]))
        return null_node ();
      if (is_number (args[0]))
        return number_node (integer ? trunc (number_of (args[0])) : number_of (args[0]), integer);
      text = g_strstrip (text_of (args[0]));
      value = g_ascii_strtod (text, &end);
      if (text[0] == '\0' || end == NULL || *end != '\0' || !isfinite (value))
        return fail (parser, "%s(): “%s” is not a number", name, text);
      return number_node (integer ? trunc (value) : value, integer);
    }
  if (g_str_equal (name, "iif"))
    {
      ARITY (3, 3);
      return json_node_copy (truth_of (args[0]) ? args[1] : args[2]);
    }
  if (g_str_equal (name, "nvl"))
    {
      ARITY (2, 2);
      return json_node_copy (is_null (args[0]) ? args[1] : args[0]);
    }
  if (g_str_equal (name, "date"))
    return call_date (parser, args, n_args);
  if (g_str_equal (name, "now"))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autofree char *iso = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      ARITY (0, 0);
      return string_node (iso);
    }
  if (g_str_equal (name, "uuid") || g_str_equal (name, "guid"))
    {
      g_autofree char *uuid = g_uuid_string_random ();

      ARITY (0, 0);
      return string_node (uuid);
    }
  if (g_str_equal (name, "split"))
    {
      g_autofree char *text = NULL;
      g_autofree char *separator = NULL;
      g_auto(GStrv) parts = NULL;
      JsonArray *array;
      JsonNode *node;

      ARITY (2, 2);
      if (is_null (args[0]))
        return null_node ();
      text = text_of (args[0]);
      separator = text_of (args[1]);
      if (separator[0] == '\0')
        return fail (parser, "split(): empty separator");
      parts = g_strsplit (text, separator, 1024);
      array = json_array_new ();
      for (guint i = 0; parts[i] != NULL; i++)
        json_array_add_string_element (array, parts[i]);
      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, array);
      return node;
    }
#undef ARITY
  return fail (parser, "Unknown function %s()", name);
}

static JsonNode *
parse_call (Parser     *parser,
            const char *name)
{
  JsonNode *args[MAX_ARGS] = { NULL, };
  guint n_args = 0;
  JsonNode *result = NULL;

  if (!accept (parser, ")"))
    {
      do
        {
          if (n_args == MAX_ARGS)
            {
              fail (parser, "Too many arguments to %s()", name);
              goto out;
            }
          args[n_args] = parse_or (parser);
          if (args[n_args] == NULL)
            goto out;
          n_args++;
        }
      while (accept (parser, ","));
      if (!accept (parser, ")"))
        {
          fail (parser, "Expected “)” after the arguments of %s()", name);
          goto out;
        }
    }
  result = call_function (parser, name, args, n_args);

out:
  for (guint i = 0; i < n_args; i++)
    json_node_unref (args[i]);
  return result;
}

static JsonNode *
parse_primary (Parser *parser)
{
  const char *start;
  g_autofree char *word = NULL;

  skip_space (parser);
  if (*parser->p == '(')
    {
      JsonNode *inner;

      parser->p++;
      inner = parse_or (parser);
      if (inner != NULL && !accept (parser, ")"))
        {
          json_node_unref (inner);
          return fail (parser, "Expected “)”");
        }
      return inner;
    }
  if (*parser->p == '"' || *parser->p == '\'')
    return parse_string (parser);
  if (g_ascii_isdigit (*parser->p))
    return parse_number (parser);
  if (!g_ascii_isalpha (*parser->p) && *parser->p != '_')
    return *parser->p == '\0' ? fail (parser, "Unexpected end of expression")
                              : fail (parser, "Unexpected “%c”", *parser->p);

  start = parser->p;
  while (g_ascii_isalnum (*parser->p) || *parser->p == '_' || *parser->p == '.')
    parser->p++;
  word = g_strndup (start, parser->p - start);

  if (accept (parser, "("))
    return parse_call (parser, word);
  if (g_str_equal (word, "true") || g_str_equal (word, "false"))
    return boolean_node (word[0] == 't');
  if (g_str_equal (word, "null"))
    return null_node ();
  return column_value (parser, word);
}

static JsonNode *
parse_unary (Parser *parser)
{
  JsonNode *operand;
  JsonNode *result;

  if (++parser->depth > DATA_PREP_MAX_DEPTH)
    return fail (parser, "Expression nested too deeply");

  if (accept (parser, "!"))
    {
      operand = parse_unary (parser);
      result = operand != NULL ? boolean_node (!truth_of (operand)) : NULL;
    }
  else if (accept (parser, "-"))
    {
      operand = parse_unary (parser);
      if (operand == NULL)
        result = NULL;
      else if (is_null (operand))
        result = null_node ();
      else if (!is_number (operand))
        result = fail (parser, "“-” needs a number");
      else
        result = number_node (-number_of (operand), is_integer (operand));
    }
  else
    {
      operand = NULL;
      result = parse_primary (parser);
    }

  g_clear_pointer (&operand, json_node_unref);
  parser->depth--;
  return result;
}

static JsonNode *
arithmetic (Parser   *parser,
            char      op,
            JsonNode *left,
            JsonNode *right)
{
  double a, b;
  gboolean integer;

  if (is_null (left) || is_null (right))
    return null_node ();
  if (!is_number (left) || !is_number (right))
    return fail (parser, "“%c” needs numbers; use concat() for text", op);

  a = number_of (left);
  b = number_of (right);
  integer = is_integer (left) && is_integer (right);
  switch (op)
    {
    case '+': return number_node (a + b, integer);
    case '-': return number_node (a - b, integer);
    case '*': return number_node (a * b, integer);
    default:
      if (b == 0)
        return fail (parser, "Division by zero");
      if (op == '%')
        return number_node (fmod (a, b), integer);
      return number_node (integer ? trunc (a / b) : a / b, integer);
    }
}

static JsonNode *
parse_binary_level (Parser *parser,
                    guint   level);

static const char *const levels[][7] = {
  { "||", NULL },
  { "&&", NULL },
  { "==", "!=", "<=", ">=", "<", ">", NULL },
  { "+", "-", NULL },
  { "*", "/", "%", NULL },
};

static int
compare (JsonNode *left,
         JsonNode *right)
{
  if (is_number (left) && is_number (right))
    {
      double a = number_of (left), b = number_of (right);
      return a < b ? -1 : a > b ? 1 : 0;
    }
  else
    {
      g_autofree char *a = text_of (left);
      g_autofree char *b = text_of (right);
      return strcmp (a, b);
    }
}

static JsonNode *
combine (Parser     *parser,
         const char *op,
         JsonNode   *left,
         JsonNode   *right)
{
  if (g_str_equal (op, "||"))
    return boolean_node (truth_of (left) || truth_of (right));
  if (g_str_equal (op, "&&"))
    return boolean_node (truth_of (left) && truth_of (right));
  if (g_str_equal (op, "=="))
    return boolean_node (is_null (left) == is_null (right) && compare (left, right) == 0);
  if (g_str_equal (op, "!="))
    return boolean_node (!(is_null (left) == is_null (right) && compare (left, right) == 0));
  if (op[0] == '<' || op[0] == '>')
    {
      int order;

      if (is_null (left) || is_null (right))
        return null_node ();
      order = compare (left, right);
      if (g_str_equal (op, "<"))
        return boolean_node (order < 0);
      if (g_str_equal (op, ">"))
        return boolean_node (order > 0);
      if (g_str_equal (op, "<="))
        return boolean_node (order <= 0);
      return boolean_node (order >= 0);
    }
  return arithmetic (parser, op[0], left, right);
}

static JsonNode *
parse_binary_level (Parser *parser,
                    guint   level)
{
  JsonNode *left;

  if (level == G_N_ELEMENTS (levels))
    return parse_unary (parser);

  left = parse_binary_level (parser, level + 1);
  while (left != NULL)
    {
      const char *op = NULL;
      JsonNode *right;
      JsonNode *result;

      skip_space (parser);
      for (guint i = 0; levels[level][i] != NULL && op == NULL; i++)
        if (g_str_has_prefix (parser->p, levels[level][i]) &&
            /* "<" must not take the start of "<=" nor "!" of "!=" */
            !(strlen (levels[level][i]) == 1 && parser->p[1] == '='))
          op = levels[level][i];
      if (op == NULL)
        break;
      parser->p += strlen (op);

      if (++parser->depth > DATA_PREP_MAX_DEPTH)
        {
          json_node_unref (left);
          return fail (parser, "Expression nested too deeply");
        }
      right = parse_binary_level (parser, level + 1);
      parser->depth--;
      if (right == NULL)
        {
          json_node_unref (left);
          return NULL;
        }
      result = combine (parser, op, left, right);
      json_node_unref (left);
      json_node_unref (right);
      left = result;
    }
  return left;
}

static JsonNode *
parse_or (Parser *parser)
{
  JsonNode *result;

  if (++parser->depth > DATA_PREP_MAX_DEPTH)
    return fail (parser, "Expression nested too deeply");
  result = parse_binary_level (parser, 0);
  parser->depth--;
  return result;
}

static JsonNode *
run (const char *expression,
     JsonObject *row,
     GPtrArray  *columns,
     GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  Parser parser = { expression, expression, row, columns, 0, &local_error };
  JsonNode *result;

  if (expression == NULL || strlen (expression) > DATA_PREP_MAX_EXPRESSION)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   "Expressions are limited to %d characters", DATA_PREP_MAX_EXPRESSION);
      return NULL;
    }

  result = parse_or (&parser);
  if (result != NULL)
    {
      skip_space (&parser);
      if (*parser.p != '\0')
        {
          g_clear_pointer (&result, json_node_unref);
          fail (&parser, "Unexpected “%c”", *parser.p);
        }
    }
  if (result == NULL && !failed (&parser))
    fail (&parser, "Invalid expression");
  if (result == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return result;
}

/**
 * data_prep_expression_eval:
 * @expression: the source of an EXPRESSION mapping
 * @row: the sample row whose columns it reads
 *
 * Returns: (transfer full): the value, or %NULL with @error set
 */
JsonNode *
data_prep_expression_eval (const char *expression,
                           JsonObject *row,
                           GError    **error)
{
  g_return_val_if_fail (row != NULL, NULL);

  return run (expression, row, NULL, error);
}

/**
 * data_prep_expression_check:
 * @columns: (nullable): the source columns it may read; %NULL: any
 *
 * Parses @expression without data, as validation does.
 */
gboolean
data_prep_expression_check (const char *expression,
                            GPtrArray  *columns,
                            GError    **error)
{
  g_autoptr(JsonNode) result = run (expression, NULL, columns, error);

  return result != NULL;
}
