/* trib-mapping-set.c
 *
 * A Data Prep mapping set: its id and version (what a flow's Mapping
 * transformation names), its target schema and its mappings. A create
 * or update answer gives only the id, version and dates.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-set"

#include "config.h"

#include "trib-mapping-set.h"
#include "trib-xdm-json.h"

struct _TribMappingSet
{
  GObject parent_instance;

  char *id;
  guint version;
  char *name;
  char *schema_id;
  GDateTime *created;
  GDateTime *modified;
  char *created_by;
  char *modified_by;
  GPtrArray *mappings;
};

G_DEFINE_FINAL_TYPE (TribMappingSet, trib_mapping_set, G_TYPE_OBJECT)

static void
trib_mapping_set_finalize (GObject *object)
{
  TribMappingSet *self = (TribMappingSet *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->schema_id);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->modified, g_date_time_unref);
  g_free (self->created_by);
  g_free (self->modified_by);
  g_ptr_array_unref (self->mappings);

  G_OBJECT_CLASS (trib_mapping_set_parent_class)->finalize (object);
}

static void
trib_mapping_set_class_init (TribMappingSetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_mapping_set_finalize;
}

static void
trib_mapping_set_init (TribMappingSet *self)
{
  self->mappings = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * trib_mapping_set_new_from_json:
 * @object: a mapping set, or the answer to a create or an update
 *
 * Returns: (transfer full) (nullable): the set, or %NULL without an id
 */
TribMappingSet *
trib_mapping_set_new_from_json (JsonObject *object)
{
  TribMappingSet *self;
  const char *id = trib_xdm_json_get_string (object, "id");
  JsonArray *mappings = trib_xdm_json_get_array (object, "mappings");
  JsonObject *output = trib_xdm_json_get_object (object, "outputSchema");
  JsonObject *ref = output != NULL ? trib_xdm_json_get_object (output, "schemaRef") : NULL;
  gint64 version = 0;

  if (id == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_MAPPING_SET, NULL);
  self->id = g_strdup (id);
  if (trib_xdm_json_get_int (object, "version", &version) && version >= 0 && version <= G_MAXUINT)
    self->version = (guint) version;
  self->name = g_strdup (trib_xdm_json_get_string (object, "name"));
  self->schema_id = g_strdup (ref != NULL ? trib_xdm_json_get_string (ref, "id")
                                          : trib_xdm_json_get_string (object, "xdmSchema"));
  self->created = trib_xdm_json_get_epoch_ms (object, "createdDate");
  self->modified = trib_xdm_json_get_epoch_ms (object, "modifiedDate");
  self->created_by = g_strdup (trib_xdm_json_get_string (object, "createdBy"));
  self->modified_by = g_strdup (trib_xdm_json_get_string (object, "modifiedBy"));

  for (guint i = 0; mappings != NULL && i < json_array_get_length (mappings); i++)
    {
      JsonNode *node = json_array_get_element (mappings, i);
      TribMapping *mapping = JSON_NODE_HOLDS_OBJECT (node) ? trib_mapping_new_from_json (json_node_get_object (node)) : NULL;

      if (mapping != NULL)
        g_ptr_array_add (self->mappings, mapping);
    }
  return self;
}

const char *
trib_mapping_set_get_id (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->id;
}

guint
trib_mapping_set_get_version (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), 0);

  return self->version;
}

const char *
trib_mapping_set_get_name (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->name;
}

/**
 * trib_mapping_set_get_schema_id:
 *
 * Returns: (nullable): the target schema's `$id`; %NULL in the answer
 *   to a create or an update
 */
const char *
trib_mapping_set_get_schema_id (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->schema_id;
}

GDateTime *
trib_mapping_set_get_created (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->created;
}

GDateTime *
trib_mapping_set_get_modified (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->modified;
}

const char *
trib_mapping_set_get_created_by (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->created_by;
}

const char *
trib_mapping_set_get_modified_by (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->modified_by;
}

/**
 * trib_mapping_set_get_mappings:
 *
 * Returns: (transfer none) (element-type TribMapping): the mappings,
 *   empty in the answer to a create or an update
 */
GPtrArray *
trib_mapping_set_get_mappings (TribMappingSet *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_SET (self), NULL);

  return self->mappings;
}
