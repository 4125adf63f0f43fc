/* trib-column-types.c
 *
 * What XDM type each column of a source holds, read from the sample
 * rows of its preview: the Target step's ad hoc schema (seed 004) is
 * generated from it, and the Mapping step matches columns to fields of
 * a compatible type with it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-column-types"

#include "config.h"

#include <math.h>
#include <string.h>

#include "trib-column-types.h"

/* Bit per type a value may be; a column's type is the narrowest type
 * every non-empty value allows.
 */
enum
{
  MAY_INTEGER = 1 << 0,
  MAY_NUMBER = 1 << 1,
  MAY_BOOLEAN = 1 << 2,
  MAY_DATE = 1 << 3,
  MAY_DATE_TIME = 1 << 4,
};

static gboolean
all_digits (const char *p,
            guint       n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;
  return TRUE;
}

/* YYYY-MM-DD, the only date form XDM's `date` format takes. */
static gboolean
is_date (const char *value,
         gsize       length)
{
  guint month, day;

  if (length != 10 || value[4] != '-' || value[7] != '-' ||
      !all_digits (value, 4) || !all_digits (value + 5, 2) || !all_digits (value + 8, 2))
    return FALSE;

  month = (value[5] - '0') * 10 + (value[6] - '0');
  day = (value[8] - '0') * 10 + (value[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

static gboolean
is_date_time (const char *value,
              gsize       length)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (length < 19 || !is_date (value, 10) || (value[10] != 'T' && value[10] != ' '))
    return FALSE;

  /* Without a zone, GDateTime would read it in local time: say UTC. */
  parsed = g_date_time_new_from_iso8601 (value, NULL);
  if (parsed == NULL)
    {
      g_autofree char *with_t = g_strdup (value);
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      with_t[10] = 'T';
      parsed = g_date_time_new_from_iso8601 (with_t, utc);
    }
  return parsed != NULL;
}

static gboolean
is_integer (const char *value,
            gsize       length)
{
  const char *p = value;

  if (*p == '-' || *p == '+')
    p++;
  if (*p == '\0' || length > 20)
    return FALSE;
  /* A leading zero is an identifier (a zip code, a SKU), not a number. */
  if (p[0] == '0' && p[1] != '\0')
    return FALSE;
  return all_digits (p, strlen (p));
}

static gboolean
is_number (const char *value)
{
  char *end = NULL;
  double parsed;

  const char *p = value;

  if (*p == '-' || *p == '+')
    p++;
  if (!g_ascii_isdigit (*p) && *p != '.')
    return FALSE;
  /* 00123 is a code, as for integers. */
  if (p[0] == '0' && g_ascii_isdigit (p[1]))
    return FALSE;
  parsed = g_ascii_strtod (value, &end);
  return end != value && *end == '\0' && isfinite (parsed);
}

static guint
value_allows (const char *value)
{
  gsize length = strlen (value);
  guint allows = 0;

  if (is_integer (value, length))
    allows |= MAY_INTEGER | MAY_NUMBER;
  else if (is_number (value))
    allows |= MAY_NUMBER;
  if (g_ascii_strcasecmp (value, "true") == 0 || g_ascii_strcasecmp (value, "false") == 0)
    allows |= MAY_BOOLEAN;
  if (is_date (value, length))
    allows |= MAY_DATE | MAY_DATE_TIME;
  else if (is_date_time (value, length))
    allows |= MAY_DATE_TIME;

  return allows;
}

/**
 * trib_column_type_infer:
 * @values: (array length=n_values) (nullable): a column's sample values,
 *   %NULL for a missing one
 * @n_values: how many
 *
 * Empty and missing values say nothing; a column with none is text.
 *
 * Returns: the narrowest type every value fits
 */
TribColumnType
trib_column_type_infer (const char * const *values,
                        guint               n_values)
{
  guint allows = MAY_INTEGER | MAY_NUMBER | MAY_BOOLEAN | MAY_DATE | MAY_DATE_TIME;
  gboolean any = FALSE;

  for (guint i = 0; i < n_values && allows != 0; i++)
    {
      if (values[i] == NULL || values[i][0] == '\0')
        continue;
      any = TRUE;
      allows &= value_allows (values[i]);
    }

  if (!any)
    return TRIB_COLUMN_STRING;
  if (allows & MAY_BOOLEAN)
    return TRIB_COLUMN_BOOLEAN;
  if (allows & MAY_INTEGER)
    return TRIB_COLUMN_INTEGER;
  if (allows & MAY_NUMBER)
    return TRIB_COLUMN_NUMBER;
  if (allows & MAY_DATE)
    return TRIB_COLUMN_DATE;
  if (allows & MAY_DATE_TIME)
    return TRIB_COLUMN_DATE_TIME;
  return TRIB_COLUMN_STRING;
}

/**
 * trib_column_type_from_name:
 * @name: (nullable): a type as a source or a schema names it: `integer`,
 *   `long`, `double`, `timestamp`, `date-time`, …
 *
 * Returns: the column type it stands for; text when unknown
 */
TribColumnType
trib_column_type_from_name (const char *name)
{
  static const struct { const char *name; TribColumnType type; } names[] = {
    { "integer", TRIB_COLUMN_INTEGER }, { "int", TRIB_COLUMN_INTEGER }, { "long", TRIB_COLUMN_INTEGER },
    { "short", TRIB_COLUMN_INTEGER }, { "byte", TRIB_COLUMN_INTEGER }, { "bigint", TRIB_COLUMN_INTEGER },
    { "number", TRIB_COLUMN_NUMBER }, { "double", TRIB_COLUMN_NUMBER }, { "float", TRIB_COLUMN_NUMBER },
    { "decimal", TRIB_COLUMN_NUMBER },
    { "boolean", TRIB_COLUMN_BOOLEAN }, { "bool", TRIB_COLUMN_BOOLEAN },
    { "date", TRIB_COLUMN_DATE },
    { "date-time", TRIB_COLUMN_DATE_TIME }, { "timestamp", TRIB_COLUMN_DATE_TIME },
    { "datetime", TRIB_COLUMN_DATE_TIME },
  };

  if (name != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      if (g_ascii_strcasecmp (name, names[i].name) == 0)
        return names[i].type;

  return TRIB_COLUMN_STRING;
}

/**
 * trib_column_types_infer_preview:
 * @preview: a source object's preview
 *
 * A column the source types (a table's `integer`, `meta:xdmType`
 * `date-time`) keeps its type; a column typed only `string` (every
 * column of a delimited file) is read from its sample values.
 *
 * Returns: (transfer full) (array length=trib_explore_preview_get_n_columns):
 *   one type per column
 */
TribColumnType *
trib_column_types_infer_preview (TribExplorePreview *preview)
{
  guint n_columns, n_rows;
  const char * const *types;
  const char * const *xdm_types;
  g_autofree const char **values = NULL;
  TribColumnType *result;

  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (preview), NULL);

  n_columns = trib_explore_preview_get_n_columns (preview);
  n_rows = trib_explore_preview_get_n_rows (preview);
  types = trib_explore_preview_get_column_types (preview);
  xdm_types = trib_explore_preview_get_column_xdm_types (preview);
  values = g_new0 (const char *, MAX (n_rows, 1));
  result = g_new0 (TribColumnType, MAX (n_columns, 1));

  for (guint c = 0; c < n_columns; c++)
    {
      const char *declared = xdm_types != NULL && xdm_types[c] != NULL ? xdm_types[c]
                           : types != NULL ? types[c] : NULL;

      if (declared != NULL && g_strcmp0 (declared, "string") != 0 && declared[0] != '\0')
        {
          result[c] = trib_column_type_from_name (declared);
          continue;
        }

      for (guint r = 0; r < n_rows; r++)
        values[r] = trib_explore_preview_get_row (preview, r)[c];
      result[c] = trib_column_type_infer (values, n_rows);
    }

  return result;
}

/**
 * trib_column_type_to_xdm:
 * @type: a column type
 *
 * Returns: its XDM name: `string`, `integer`, `number`, `boolean`,
 *   `date` or `date-time`
 */
const char *
trib_column_type_to_xdm (TribColumnType type)
{
  switch (type)
    {
    case TRIB_COLUMN_INTEGER:
      return "integer";
    case TRIB_COLUMN_NUMBER:
      return "number";
    case TRIB_COLUMN_BOOLEAN:
      return "boolean";
    case TRIB_COLUMN_DATE:
      return "date";
    case TRIB_COLUMN_DATE_TIME:
      return "date-time";
    case TRIB_COLUMN_STRING:
    default:
      return "string";
    }
}

/**
 * trib_column_type_to_json:
 * @type: a column type
 *
 * Returns: its JSON Schema type, as an ad hoc class and Data Prep's
 *   input schema take it: dates are strings (with a format)
 */
const char *
trib_column_type_to_json (TribColumnType type)
{
  switch (type)
    {
    case TRIB_COLUMN_INTEGER:
    case TRIB_COLUMN_NUMBER:
    case TRIB_COLUMN_BOOLEAN:
      return trib_column_type_to_xdm (type);
    case TRIB_COLUMN_DATE:
    case TRIB_COLUMN_DATE_TIME:
    case TRIB_COLUMN_STRING:
    default:
      return "string";
    }
}

/**
 * trib_column_types_planned_tree:
 * @n_columns: how many columns
 * @names: (array length=n_columns): their names
 * @types: (array length=n_columns): their types
 * @n_fields: (out): how many fields the tree holds
 *
 * The fields of an ad hoc class the wizard will create from the columns
 * (seed 004), before it exists: one scalar field per column, named as
 * the column, so that the Mapping step can map onto it. Their paths are
 * the bare names; the flow plan puts them under the namespace the
 * Schema Registry gives the class.
 *
 * Returns: (transfer full): the field tree
 */
GListModel *
trib_column_types_planned_tree (guint                 n_columns,
                                const char * const   *names,
                                const TribColumnType *types,
                                guint                *n_fields)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (n_columns == 0 || (names != NULL && types != NULL), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "properties");
  json_builder_begin_object (builder);
  for (guint i = 0; i < n_columns; i++)
    {
      json_builder_set_member_name (builder, names[i]);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, trib_column_type_to_json (types[i]));
      if (types[i] == TRIB_COLUMN_DATE || types[i] == TRIB_COLUMN_DATE_TIME)
        {
          json_builder_set_member_name (builder, "format");
          json_builder_add_string_value (builder, trib_column_type_to_xdm (types[i]));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return trib_xdm_field_build_tree (json_node_get_object (root), NULL, n_fields);
}
