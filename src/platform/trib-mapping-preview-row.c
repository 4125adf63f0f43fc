/* trib-mapping-preview-row.c
 *
 * One sample row as the dataset would receive it after the mappings
 * (the nested XDM object), and what failed in that row alone.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-preview-row"

#include "config.h"

#include "trib-mapping-preview-row.h"
#include "trib-xdm-json.h"

struct _TribMappingPreviewRow
{
  GObject parent_instance;

  JsonObject *data;
  GStrv problems;
};

G_DEFINE_FINAL_TYPE (TribMappingPreviewRow, trib_mapping_preview_row, G_TYPE_OBJECT)

static void
trib_mapping_preview_row_finalize (GObject *object)
{
  TribMappingPreviewRow *self = (TribMappingPreviewRow *) object;

  json_object_unref (self->data);
  g_strfreev (self->problems);

  G_OBJECT_CLASS (trib_mapping_preview_row_parent_class)->finalize (object);
}

static void
trib_mapping_preview_row_class_init (TribMappingPreviewRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_mapping_preview_row_finalize;
}

static void
trib_mapping_preview_row_init (TribMappingPreviewRow *self)
{
}

/**
 * trib_mapping_preview_row_new_from_json:
 * @object: an entry of the preview's answer, `{data, errors}`
 *
 * Returns: (transfer full): the row
 */
TribMappingPreviewRow *
trib_mapping_preview_row_new_from_json (JsonObject *object)
{
  TribMappingPreviewRow *self = g_object_new (TRIB_TYPE_MAPPING_PREVIEW_ROW, NULL);
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  JsonObject *data = trib_xdm_json_get_object (object, "data");
  JsonArray *errors = trib_xdm_json_get_array (object, "errors");

  self->data = data != NULL ? json_object_ref (data) : json_object_new ();
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      JsonObject *error = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *exception = error != NULL ? trib_xdm_json_get_string (error, "exception") : NULL;
      const char *destination = error != NULL ? trib_xdm_json_get_string (error, "destination") : NULL;

      if (exception == NULL)
        continue;
      if (destination != NULL)
        {
          g_autofree char *line = g_strdup_printf ("%s: %s", destination, exception);
          g_strv_builder_add (problems, line);
        }
      else
        g_strv_builder_add (problems, exception);
    }
  self->problems = g_strv_builder_end (problems);
  return self;
}

/**
 * trib_mapping_preview_row_get_data:
 *
 * Returns: (transfer none): the row's XDM object
 */
JsonObject *
trib_mapping_preview_row_get_data (TribMappingPreviewRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PREVIEW_ROW (self), NULL);

  return self->data;
}

/**
 * trib_mapping_preview_row_get_value:
 * @path: a dotted destination path
 *
 * Returns: (transfer none) (nullable): the value at @path, %NULL where
 *   the row has none
 */
JsonNode *
trib_mapping_preview_row_get_value (TribMappingPreviewRow *self,
                                    const char            *path)
{
  g_auto(GStrv) parts = NULL;
  JsonObject *object;
  JsonNode *node = NULL;

  g_return_val_if_fail (TRIB_IS_MAPPING_PREVIEW_ROW (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  parts = g_strsplit (path, ".", -1);
  object = self->data;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || !(node = json_object_get_member (object, parts[i])))
        return NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return node;
}

/**
 * trib_mapping_preview_row_get_problems:
 *
 * Returns: (transfer none): "destination: what failed" for each mapping
 *   that failed in this row
 */
const char * const *
trib_mapping_preview_row_get_problems (TribMappingPreviewRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_PREVIEW_ROW (self), NULL);

  return (const char * const *) self->problems;
}
