/* trib-mapping.c
 *
 * One mapping of a Data Prep mapping set: a source column, expression or
 * constant into a destination path of the target schema. The same object
 * describes a mapping to send and one read back.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping"

#include "config.h"

#include "trib-mapping.h"
#include "trib-xdm-json.h"

struct _TribMapping
{
  GObject parent_instance;

  TribMappingSourceType source_type;
  char *source;
  char *destination;
  char *name;
  char *description;
  char *id;
};

G_DEFINE_FINAL_TYPE (TribMapping, trib_mapping, G_TYPE_OBJECT)

static const char *const source_type_names[] = { "ATTRIBUTE", "EXPRESSION", "STATIC" };

static void
trib_mapping_finalize (GObject *object)
{
  TribMapping *self = (TribMapping *) object;

  g_free (self->source);
  g_free (self->destination);
  g_free (self->name);
  g_free (self->description);
  g_free (self->id);

  G_OBJECT_CLASS (trib_mapping_parent_class)->finalize (object);
}

static void
trib_mapping_class_init (TribMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_mapping_finalize;
}

static void
trib_mapping_init (TribMapping *self)
{
}

/**
 * trib_mapping_new:
 * @source_type: what @source is
 * @source: a source column, an expression or a constant
 * @destination: a dotted path of the target schema
 *
 * Returns: (transfer full): a new #TribMapping
 */
TribMapping *
trib_mapping_new (TribMappingSourceType  source_type,
                  const char            *source,
                  const char            *destination)
{
  TribMapping *self;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (destination != NULL, NULL);

  self = g_object_new (TRIB_TYPE_MAPPING, NULL);
  self->source_type = source_type;
  self->source = g_strdup (source);
  self->destination = g_strdup (destination);
  return self;
}

/**
 * trib_mapping_new_from_json:
 * @object: a mapping as Data Prep returns it
 *
 * Reads the current names, and the legacy ones (`sourceAttribute`,
 * `destinationXdmPath`, `sourceType: "text/x.schema-path"`) that sets
 * created with the old body still carry.
 *
 * Returns: (transfer full) (nullable): the mapping, or %NULL when
 *   @object has no source or destination
 */
TribMapping *
trib_mapping_new_from_json (JsonObject *object)
{
  const char *source = trib_xdm_json_get_string (object, "source");
  const char *destination = trib_xdm_json_get_string (object, "destination");
  const char *type = trib_xdm_json_get_string (object, "sourceType");
  TribMappingSourceType source_type = TRIB_MAPPING_SOURCE_ATTRIBUTE;
  TribMapping *self;

  if (source == NULL)
    source = trib_xdm_json_get_string (object, "sourceAttribute");
  if (destination == NULL)
    destination = trib_xdm_json_get_string (object, "destinationXdmPath");
  if (source == NULL || destination == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (source_type_names); i++)
    if (g_strcmp0 (type, source_type_names[i]) == 0)
      source_type = i;

  self = trib_mapping_new (source_type, source, destination);
  self->name = g_strdup (trib_xdm_json_get_string (object, "name"));
  self->description = g_strdup (trib_xdm_json_get_string (object, "description"));
  self->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  return self;
}

void
trib_mapping_set_name (TribMapping *self,
                       const char  *name)
{
  g_return_if_fail (TRIB_IS_MAPPING (self));

  g_free (self->name);
  self->name = g_strdup (name);
}

void
trib_mapping_set_description (TribMapping *self,
                              const char  *description)
{
  g_return_if_fail (TRIB_IS_MAPPING (self));

  g_free (self->description);
  self->description = g_strdup (description);
}

TribMappingSourceType
trib_mapping_get_source_type (TribMapping *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING (self), TRIB_MAPPING_SOURCE_ATTRIBUTE);

  return self->source_type;
}

const char *
trib_mapping_get_source (TribMapping *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING (self), NULL);

  return self->source;
}

const char *
trib_mapping_get_destination (TribMapping *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING (self), NULL);

  return self->destination;
}

const char *
trib_mapping_get_name (TribMapping *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING (self), NULL);

  return self->name;
}

const char *
trib_mapping_get_description (TribMapping *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING (self), NULL);

  return self->description;
}

/**
 * trib_mapping_get_id:
 *
 * Returns: (nullable): the id Data Prep gave the mapping; %NULL for one
 *   not sent yet
 */
const char *
trib_mapping_get_id (TribMapping *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING (self), NULL);

  return self->id;
}

/**
 * trib_mapping_to_json:
 * @builder: a builder inside an array
 *
 * Adds the mapping in the current body's form.
 */
void
trib_mapping_to_json (TribMapping *self,
                      JsonBuilder *builder)
{
  g_return_if_fail (TRIB_IS_MAPPING (self));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sourceType");
  json_builder_add_string_value (builder, source_type_names[self->source_type]);
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, self->source);
  json_builder_set_member_name (builder, "destination");
  json_builder_add_string_value (builder, self->destination);
  if (self->name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, self->name);
    }
  if (self->description != NULL)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, self->description);
    }
  json_builder_end_object (builder);
}
