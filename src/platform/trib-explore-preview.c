/* trib-explore-preview.c
 *
 * What explore shows of a file or a table: its columns, each with the
 * platform's type and the XDM type it maps to, and the first rows as
 * text, ready for a grid. The Data Landing Zone adds the properties it
 * read the file with.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-preview"

#include "config.h"

#include "trib-explore-preview.h"
#include "trib-xdm-json.h"

struct _TribExplorePreview
{
  GObject parent_instance;

  GStrv column_names;
  GStrv column_types;
  GStrv column_xdm_types;
  guint n_columns;
  GPtrArray *values;        /* row after row, n_columns each; NULL for null */
  char *file_type;
  char *compression_type;
  char *column_delimiter;
};

G_DEFINE_FINAL_TYPE (TribExplorePreview, trib_explore_preview, G_TYPE_OBJECT)

static void
trib_explore_preview_finalize (GObject *object)
{
  TribExplorePreview *self = (TribExplorePreview *) object;

  g_strfreev (self->column_names);
  g_strfreev (self->column_types);
  g_strfreev (self->column_xdm_types);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_free (self->file_type);
  g_free (self->compression_type);
  g_free (self->column_delimiter);

  G_OBJECT_CLASS (trib_explore_preview_parent_class)->finalize (object);
}

static void
trib_explore_preview_class_init (TribExplorePreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_explore_preview_finalize;
}

static void
trib_explore_preview_init (TribExplorePreview *self)
{
}

/* A value as a grid shows it: numbers as JSON writes them, nested
 * values as their JSON text, null as NULL.
 */
static char *
value_text (JsonNode *node)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_VALUE (node))
    return json_to_string (node, FALSE);

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return g_strdup (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, json_node_get_double (node)));
    case G_TYPE_BOOLEAN:
      return g_strdup (json_node_get_boolean (node) ? "true" : "false");
    default:
      return json_to_string (node, FALSE);
    }
}

/**
 * trib_explore_preview_new_from_json:
 * @object: `{format, schema: {columns}, data?, properties?}`
 *
 * Returns: (transfer full) (nullable): the preview, or %NULL without
 *   columns
 */
TribExplorePreview *
trib_explore_preview_new_from_json (JsonObject *object)
{
  g_autoptr(TribExplorePreview) self = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) types = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) xdm_types = g_strv_builder_new ();
  JsonObject *schema = trib_xdm_json_get_object (object, "schema");
  JsonArray *columns = schema != NULL ? trib_xdm_json_get_array (schema, "columns") : NULL;
  JsonObject *properties = trib_xdm_json_get_object (object, "properties");
  JsonArray *data = trib_xdm_json_get_array (object, "data");
  guint n_columns = 0;

  if (columns == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (columns); i++)
    {
      JsonNode *element = json_array_get_element (columns, i);
      JsonObject *column;
      JsonObject *xdm;
      const char *name;
      const char *type;
      const char *xdm_type;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !(name = trib_xdm_json_get_string (column = json_node_get_object (element), "name")))
        continue;

      type = trib_xdm_json_get_string (column, "type");
      xdm = trib_xdm_json_get_object (column, "xdm");
      /* "date-time" says more than "string". */
      xdm_type = xdm != NULL ? trib_xdm_json_get_string (xdm, "format") : NULL;
      if (xdm_type == NULL && xdm != NULL)
        xdm_type = trib_xdm_json_get_string (xdm, "type");

      g_strv_builder_add (names, name);
      g_strv_builder_add (types, type != NULL ? type : "string");
      g_strv_builder_add (xdm_types, xdm_type != NULL ? xdm_type : (type != NULL ? type : "string"));
      n_columns++;
    }

  self = g_object_new (TRIB_TYPE_EXPLORE_PREVIEW, NULL);
  self->column_names = g_strv_builder_end (names);
  self->column_types = g_strv_builder_end (types);
  self->column_xdm_types = g_strv_builder_end (xdm_types);
  self->n_columns = n_columns;
  self->values = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; data != NULL && r < json_array_get_length (data); r++)
    {
      JsonNode *element = json_array_get_element (data, r);
      JsonObject *row_object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      row_object = json_node_get_object (element);
      for (guint i = 0; i < n_columns; i++)
        g_ptr_array_add (self->values, value_text (json_object_get_member (row_object, self->column_names[i])));
    }

  if (properties != NULL)
    {
      self->file_type = g_strdup (trib_xdm_json_get_string (properties, "fileType"));
      self->compression_type = g_strdup (trib_xdm_json_get_string (properties, "compressionType"));
      self->column_delimiter = g_strdup (trib_xdm_json_get_string (properties, "columnDelimiter"));
    }

  return g_steal_pointer (&self);
}

guint
trib_explore_preview_get_n_columns (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), 0);

  return self->n_columns;
}

/**
 * trib_explore_preview_get_column_names:
 *
 * Returns: (transfer none): the columns' names, in order
 */
const char * const *
trib_explore_preview_get_column_names (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), NULL);

  return (const char * const *) self->column_names;
}

/**
 * trib_explore_preview_get_column_types:
 *
 * Returns: (transfer none): the platform's type of each column
 *   (`string`, `integer`, `double`…); every column of a delimited file
 *   is a string
 */
const char * const *
trib_explore_preview_get_column_types (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), NULL);

  return (const char * const *) self->column_types;
}

/**
 * trib_explore_preview_get_column_xdm_types:
 *
 * Returns: (transfer none): the XDM type each column maps to, its format
 *   where it has one (`date-time`, `date`)
 */
const char * const *
trib_explore_preview_get_column_xdm_types (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), NULL);

  return (const char * const *) self->column_xdm_types;
}

guint
trib_explore_preview_get_n_rows (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), 0);

  return self->n_columns > 0 ? self->values->len / self->n_columns : 0;
}

/**
 * trib_explore_preview_get_row:
 * @row: a row number, below trib_explore_preview_get_n_rows()
 *
 * Returns: (transfer none) (array length=n_columns): the row's values as
 *   text, %NULL where the value is null
 */
const char * const *
trib_explore_preview_get_row (TribExplorePreview *self,
                              guint               row)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), NULL);
  g_return_val_if_fail (row < trib_explore_preview_get_n_rows (self), NULL);

  return (const char * const *) self->values->pdata + (gsize) row * self->n_columns;
}

/**
 * trib_explore_preview_get_file_type:
 *
 * Returns: (nullable): the file type the Data Landing Zone read the file
 *   as (`delimited`, `json`, `parquet`), when it says
 */
const char *
trib_explore_preview_get_file_type (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), NULL);

  return self->file_type;
}

const char *
trib_explore_preview_get_compression_type (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), NULL);

  return self->compression_type;
}

const char *
trib_explore_preview_get_column_delimiter (TribExplorePreview *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_PREVIEW (self), NULL);

  return self->column_delimiter;
}
