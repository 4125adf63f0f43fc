/* trib-flow.c
 *
 * A Flow Service dataflow as GET /flows shows it: its flow spec, its
 * source and target connections (one each, as the wizards make them),
 * its schedule and state, and the etag an update must send.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow"

#include "config.h"

#include "trib-flow.h"
#include "trib-xdm-json.h"

struct _TribFlow
{
  GObject parent_instance;

  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (TribFlow, trib_flow, G_TYPE_OBJECT)

static void
trib_flow_finalize (GObject *object)
{
  TribFlow *self = (TribFlow *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (trib_flow_parent_class)->finalize (object);
}

static void
trib_flow_class_init (TribFlowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_flow_finalize;
}

static void
trib_flow_init (TribFlow *self)
{
}

/**
 * trib_flow_new_from_json:
 * @object: one item of a flows answer
 *
 * Returns: (transfer full) (nullable): the flow, or %NULL without an id
 *   or a flow spec
 */
TribFlow *
trib_flow_new_from_json (JsonObject *object)
{
  TribFlow *self;
  JsonObject *spec;

  g_return_val_if_fail (object != NULL, NULL);

  spec = trib_xdm_json_get_object (object, "flowSpec");
  if (trib_xdm_json_get_string (object, "id") == NULL || spec == NULL ||
      trib_xdm_json_get_string (spec, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_FLOW, NULL);
  self->json = json_object_ref (object);

  return self;
}

const char *
trib_flow_get_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "id");
}

const char *
trib_flow_get_name (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "name");
}

const char *
trib_flow_get_state (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "state");
}

const char *
trib_flow_get_etag (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (self->json, "etag");
}

const char *
trib_flow_get_flow_spec_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_string (trib_xdm_json_get_object (self->json, "flowSpec"), "id");
}

static const char *
first_id (JsonObject *object,
          const char *member)
{
  JsonArray *ids = trib_xdm_json_get_array (object, member);

  return ids != NULL && json_array_get_length (ids) > 0 ? json_array_get_string_element (ids, 0) : NULL;
}

const char *
trib_flow_get_source_connection_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return first_id (self->json, "sourceConnectionIds");
}

const char *
trib_flow_get_target_connection_id (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return first_id (self->json, "targetConnectionIds");
}

/**
 * trib_flow_get_schedule_params:
 *
 * Returns: (transfer none) (nullable): `scheduleParams`
 */
JsonObject *
trib_flow_get_schedule_params (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return trib_xdm_json_get_object (self->json, "scheduleParams");
}

/**
 * trib_flow_get_json:
 *
 * Returns: (transfer none): the flow as the platform gave it
 */
JsonObject *
trib_flow_get_json (TribFlow *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW (self), NULL);

  return self->json;
}
