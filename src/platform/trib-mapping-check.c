/* trib-mapping-check.c
 *
 * Data Prep's verdict on one mapping of a set sent to
 * /mappingSets/validate: the answers come in the order of the mappings,
 * so the index ties each to the row that shows it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-check"

#include "config.h"

#include "trib-mapping-check.h"
#include "trib-xdm-json.h"

struct _TribMappingCheck
{
  GObject parent_instance;

  guint index;
  char *destination;
  gboolean succeeded;
  GStrv problems;
};

G_DEFINE_FINAL_TYPE (TribMappingCheck, trib_mapping_check, G_TYPE_OBJECT)

static void
trib_mapping_check_finalize (GObject *object)
{
  TribMappingCheck *self = (TribMappingCheck *) object;

  g_free (self->destination);
  g_strfreev (self->problems);

  G_OBJECT_CLASS (trib_mapping_check_parent_class)->finalize (object);
}

static void
trib_mapping_check_class_init (TribMappingCheckClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_mapping_check_finalize;
}

static void
trib_mapping_check_init (TribMappingCheck *self)
{
}

/**
 * trib_mapping_check_new_from_json:
 * @index: the mapping's position in the set sent
 * @destination: (nullable): its destination
 * @object: its entry of `validationResponse`
 *
 * Returns: (transfer full): the verdict; anything but `SUCCESS` fails
 */
TribMappingCheck *
trib_mapping_check_new_from_json (guint       index,
                                  const char *destination,
                                  JsonObject *object)
{
  TribMappingCheck *self = g_object_new (TRIB_TYPE_MAPPING_CHECK, NULL);
  g_autoptr(GStrvBuilder) problems = g_strv_builder_new ();
  JsonArray *errors = trib_xdm_json_get_array (object, "errors");

  self->index = index;
  self->destination = g_strdup (destination);
  self->succeeded = g_strcmp0 (trib_xdm_json_get_string (object, "status"), "SUCCESS") == 0;
  for (guint i = 0; errors != NULL && i < json_array_get_length (errors); i++)
    {
      JsonNode *node = json_array_get_element (errors, i);
      const char *exception = JSON_NODE_HOLDS_OBJECT (node)
                              ? trib_xdm_json_get_string (json_node_get_object (node), "exception")
                              : NULL;

      if (exception != NULL)
        g_strv_builder_add (problems, exception);
    }
  self->problems = g_strv_builder_end (problems);
  return self;
}

guint
trib_mapping_check_get_index (TribMappingCheck *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_CHECK (self), 0);

  return self->index;
}

const char *
trib_mapping_check_get_destination (TribMappingCheck *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_CHECK (self), NULL);

  return self->destination;
}

gboolean
trib_mapping_check_get_succeeded (TribMappingCheck *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_CHECK (self), FALSE);

  return self->succeeded;
}

/**
 * trib_mapping_check_get_problems:
 *
 * Returns: (transfer none): what Data Prep found wrong, as it says it
 */
const char * const *
trib_mapping_check_get_problems (TribMappingCheck *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_CHECK (self), NULL);

  return (const char * const *) self->problems;
}
