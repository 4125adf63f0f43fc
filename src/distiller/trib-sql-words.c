/* trib-sql-words.c
 *
 * The words Data Distiller's SQL is made of, for completion: its
 * keywords, and its functions with their arguments and a line on what
 * each does. The Adobe-defined functions are those of Data Distiller's
 * documentation that seed 001 builds on (sessions, attribution); the
 * Spark SQL ones are those its examples use (`explode`, `from_unixtime`,
 * …) and the everyday ones around them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sql-words"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-sql-words.h"

#define ADOBE TRIB_SQL_FUNCTION_ADOBE
#define SPARK TRIB_SQL_FUNCTION_SPARK
#define ANSI TRIB_SQL_FUNCTION_ANSI

/* Sorted by name, ignoring case, so that completion lists them in order. */
static const TribSqlFunction functions[] = {
  { "abs", "(expr)", N_("The absolute value of a number"), ANSI },
  { "approx_count_distinct", "(expr[, relativeSD])", N_("An estimate of the number of distinct values"), SPARK },
  { "array_contains", "(array, value)", N_("Whether the array holds the value"), SPARK },
  { "array_distinct", "(array)", N_("The array without its duplicate values"), SPARK },
  { "ATTRIBUTION_FIRST_TOUCH", "(timestamp, channelName, value)",
    N_("The first value of a channel before each event: first-touch attribution"), ADOBE },
  { "ATTRIBUTION_FIRST_TOUCH_EXP_IF", "(timestamp, channelName, value, eventExpression)",
    N_("First-touch attribution that expires when the expression is true"), ADOBE },
  { "ATTRIBUTION_FIRST_TOUCH_EXP_TIMEOUT", "(timestamp, channelName, value, timeout)",
    N_("First-touch attribution that expires after the timeout, in seconds"), ADOBE },
  { "ATTRIBUTION_LAST_TOUCH", "(timestamp, channelName, value)",
    N_("The last value of a channel before each event: last-touch attribution"), ADOBE },
  { "ATTRIBUTION_LAST_TOUCH_EXP_IF", "(timestamp, channelName, value, eventExpression)",
    N_("Last-touch attribution that expires when the expression is true"), ADOBE },
  { "ATTRIBUTION_LAST_TOUCH_EXP_TIMEOUT", "(timestamp, channelName, value, timeout)",
    N_("Last-touch attribution that expires after the timeout, in seconds"), ADOBE },
  { "avg", "(expr)", N_("The average of the values"), ANSI },
  { "cast", "(expr AS type)", N_("The value converted to another type"), ANSI },
  { "coalesce", "(expr1, expr2, …)", N_("The first of its arguments that is not null"), ANSI },
  { "collect_list", "(expr)", N_("The values of a group as an array"), SPARK },
  { "collect_set", "(expr)", N_("The distinct values of a group as an array"), SPARK },
  { "concat", "(str1, str2, …)", N_("The strings joined together"), SPARK },
  { "concat_ws", "(sep, str1, str2, …)", N_("The strings joined with a separator"), SPARK },
  { "count", "(expr)", N_("The number of rows, or of values that are not null"), ANSI },
  { "current_date", "()", N_("Today’s date"), SPARK },
  { "current_timestamp", "()", N_("The current date and time"), SPARK },
  { "date_add", "(startDate, numDays)", N_("The date a number of days later"), SPARK },
  { "date_format", "(timestamp, fmt)", N_("A date or time as text in a format"), SPARK },
  { "date_trunc", "(fmt, timestamp)", N_("A time cut down to the year, month, day, hour…"), SPARK },
  { "datediff", "(endDate, startDate)", N_("The number of days from one date to another"), SPARK },
  { "explode", "(expr)", N_("One row per element of an array, or per key of a map"), SPARK },
  { "explode_outer", "(expr)", N_("As explode, with a row of nulls for an empty or null array"), SPARK },
  { "first", "(expr[, ignoreNulls])", N_("The first value of a group"), SPARK },
  { "from_unixtime", "(unixTime[, fmt])", N_("Seconds since 1970 as a date and time text"), SPARK },
  { "get_json_object", "(json, path)", N_("A value from a JSON text, by its path"), SPARK },
  { "inline", "(array)", N_("One row per struct of an array of structs"), SPARK },
  { "last", "(expr[, ignoreNulls])", N_("The last value of a group"), SPARK },
  { "lower", "(str)", N_("The text in lower case"), ANSI },
  { "map_keys", "(map)", N_("The keys of a map, as an array"), SPARK },
  { "map_values", "(map)", N_("The values of a map, as an array"), SPARK },
  { "max", "(expr)", N_("The largest value"), ANSI },
  { "min", "(expr)", N_("The smallest value"), ANSI },
  { "NEXT", "(key[, shift[, ignoreNulls]])", N_("A field’s value in a later row of the window"), ADOBE },
  { "nvl", "(expr1, expr2)", N_("The second argument when the first is null"), SPARK },
  { "posexplode", "(expr)", N_("One row per element of an array, with its position"), SPARK },
  { "PREVIOUS", "(key[, shift[, ignoreNulls]])", N_("A field’s value in an earlier row of the window"), ADOBE },
  { "rank", "()", N_("The rank of the row in its window, with gaps"), SPARK },
  { "regexp_extract", "(str, regexp[, idx])", N_("The part of the text a regular expression matches"), SPARK },
  { "regexp_replace", "(str, regexp, rep)", N_("The text with what a regular expression matches replaced"), SPARK },
  { "round", "(expr[, d])", N_("A number rounded to some decimal places"), ANSI },
  { "row_number", "()", N_("The number of the row in its window, from 1"), SPARK },
  { "SESS_END_IF", "(timestamp, expression)",
    N_("Sessions of the window that end where the expression is true"), ADOBE },
  { "SESS_START_IF", "(timestamp, expression)",
    N_("Sessions of the window that start where the expression is true"), ADOBE },
  { "SESS_TIMEOUT", "(timestamp, expirationIntervalInSeconds)",
    N_("Sessions of the window, a new one after a pause longer than the interval"), ADOBE },
  { "size", "(expr)", N_("The number of elements of an array or a map"), SPARK },
  { "split", "(str, regex)", N_("The text cut into an array where the pattern matches"), SPARK },
  { "struct", "(col1, col2, …)", N_("A struct of the given values"), SPARK },
  { "substring", "(str, pos[, len])", N_("A part of the text"), ANSI },
  { "sum", "(expr)", N_("The sum of the values"), ANSI },
  { "TIME_BETWEEN_NEXT_MATCH", "(timestamp, eventDefinition, timeUnit)",
    N_("The time until the next event that matches, in the unit given"), ADOBE },
  { "TIME_BETWEEN_PREVIOUS_MATCH", "(timestamp, eventDefinition, timeUnit)",
    N_("The time since the previous event that matched, in the unit given"), ADOBE },
  { "to_date", "(expr[, fmt])", N_("A text read as a date"), SPARK },
  { "to_json", "(expr)", N_("A struct, array or map as JSON text"), SPARK },
  { "to_timestamp", "(expr[, fmt])", N_("A text read as a date and time"), SPARK },
  { "trim", "(str)", N_("The text without its leading and trailing spaces"), ANSI },
  { "unix_timestamp", "([timeExp[, fmt]])", N_("A date and time as seconds since 1970"), SPARK },
  { "upper", "(str)", N_("The text in upper case"), ANSI },
};

/* Data Distiller's SQL keywords that start or join clauses, sorted. */
static const char * const keywords[] = {
  "ALL", "ALTER", "AND", "ANONYMOUS", "AS", "ASC", "BEGIN", "BETWEEN", "BY", "CASE", "CREATE", "CROSS",
  "DELETE", "DESC", "DISTINCT", "DROP", "ELSE", "END", "EXCEPTION", "EXISTS", "EXPLAIN", "FALSE",
  "FOLLOWING", "FROM", "FULL", "GROUP", "HAVING", "IF", "IN", "INNER", "INSERT", "INTERSECT", "INTO",
  "IS", "JOIN", "LATERAL", "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER",
  "OVER", "PARTITION", "PRECEDING", "RIGHT", "ROWS", "SELECT", "SET", "SHOW", "TABLE", "TABLES", "THEN",
  "TRUE", "UNBOUNDED", "UNION", "UPDATE", "USING", "VALUES", "VIEW", "WHEN", "WHERE", "WITH",
  NULL
};

/**
 * trib_sql_functions:
 * @n_functions: (out): how many there are
 *
 * Returns: (array length=n_functions) (transfer none): the functions
 *   Data Distiller knows, sorted by name ignoring case
 */
const TribSqlFunction *
trib_sql_functions (guint *n_functions)
{
  *n_functions = G_N_ELEMENTS (functions);

  return functions;
}

/**
 * trib_sql_function_get_description:
 * @function: a function of trib_sql_functions()
 *
 * Returns: (transfer none): its one-line description, translated
 */
const char *
trib_sql_function_get_description (const TribSqlFunction *function)
{
  g_return_val_if_fail (function != NULL, NULL);

  return _(function->description);
}

/**
 * trib_sql_keywords:
 *
 * Returns: (transfer none): the keywords, upper case and sorted,
 *   %NULL-terminated
 */
const char * const *
trib_sql_keywords (void)
{
  return keywords;
}

/**
 * trib_sql_is_keyword:
 * @word: a word
 * @len: its length in bytes, or -1 if it is NUL-terminated
 *
 * Returns: whether @word is one of trib_sql_keywords(), ignoring case
 */
gboolean
trib_sql_is_keyword (const char *word,
                     gssize      len)
{
  gsize n = len < 0 ? strlen (word) : (gsize) len;

  for (guint i = 0; keywords[i] != NULL; i++)
    if (strlen (keywords[i]) == n && g_ascii_strncasecmp (keywords[i], word, n) == 0)
      return TRUE;

  return FALSE;
}
