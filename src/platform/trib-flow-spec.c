/* trib-flow-spec.c
 *
 * A Flow Service flow spec: which source and target connection specs a
 * dataflow of this kind joins, the JSON Schemas of its transformations
 * and of its schedule. The flows library builds a flow's body from
 * these schemas (API-NOTES "Numbers vs strings": send what the spec
 * declares), so the whole spec is kept.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-spec"

#include "config.h"

#include "trib-flow-spec.h"
#include "trib-xdm-json.h"

struct _TribFlowSpec
{
  GObject parent_instance;

  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (TribFlowSpec, trib_flow_spec, G_TYPE_OBJECT)

static void
trib_flow_spec_finalize (GObject *object)
{
  TribFlowSpec *self = (TribFlowSpec *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (trib_flow_spec_parent_class)->finalize (object);
}

static void
trib_flow_spec_class_init (TribFlowSpecClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_spec_finalize;
}

static void
trib_flow_spec_init (TribFlowSpec *self)
{
}

/**
 * trib_flow_spec_new_from_json:
 * @object: one item of a flow specs answer
 *
 * Returns: (transfer full) (nullable): the spec, or %NULL without an id
 *   or a name
 */
TribFlowSpec *
trib_flow_spec_new_from_json (JsonObject *object)
{
  TribFlowSpec *self;

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL || trib_xdm_json_get_string (object, "name") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_FLOW_SPEC, NULL);
  self->json = json_object_ref (object);

  return self;
}

const char *
trib_flow_spec_get_id (TribFlowSpec *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (self), NULL);

  return trib_xdm_json_get_string (self->json, "id");
}

const char *
trib_flow_spec_get_name (TribFlowSpec *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (self), NULL);

  return trib_xdm_json_get_string (self->json, "name");
}

static gboolean
lists (JsonObject *object,
       const char *member,
       const char *value)
{
  JsonArray *array = trib_xdm_json_get_array (object, member);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_node_get_string (json_array_get_element (array, i)), value) == 0)
      return TRUE;

  return FALSE;
}

gboolean
trib_flow_spec_takes_source (TribFlowSpec *self,
                             const char   *connection_spec_id)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (self), FALSE);

  return lists (self->json, "sourceConnectionSpecIds", connection_spec_id);
}

gboolean
trib_flow_spec_takes_target (TribFlowSpec *self,
                             const char   *connection_spec_id)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (self), FALSE);

  return lists (self->json, "targetConnectionSpecIds", connection_spec_id);
}

/**
 * trib_flow_spec_get_transformation:
 * @name: a transformation's name, such as "Mapping" or "Copy"
 *
 * Returns: (transfer none) (nullable): the JSON Schema of its params
 */
JsonObject *
trib_flow_spec_get_transformation (TribFlowSpec *self,
                                   const char   *name)
{
  JsonArray *specs;

  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (self), NULL);

  specs = trib_xdm_json_get_array (self->json, "transformationSpecs");
  for (guint i = 0; specs != NULL && i < json_array_get_length (specs); i++)
    {
      JsonNode *node = json_array_get_element (specs, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (trib_xdm_json_get_string (json_node_get_object (node), "name"), name) == 0)
        return trib_xdm_json_get_object (json_node_get_object (node), "spec");
    }

  return NULL;
}

/**
 * trib_flow_spec_get_schedule_schema:
 *
 * Returns: (transfer none) (nullable): the JSON Schema of `scheduleParams`
 */
JsonObject *
trib_flow_spec_get_schedule_schema (TribFlowSpec *self)
{
  JsonObject *schedule;

  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (self), NULL);

  schedule = trib_xdm_json_get_object (self->json, "scheduleSpec");

  return schedule != NULL ? trib_xdm_json_get_object (schedule, "spec") : NULL;
}

/**
 * trib_flow_spec_get_json:
 *
 * Returns: (transfer none): the spec as the platform gave it
 */
JsonObject *
trib_flow_spec_get_json (TribFlowSpec *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_SPEC (self), NULL);

  return self->json;
}
