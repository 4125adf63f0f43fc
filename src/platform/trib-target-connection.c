/* trib-target-connection.c
 *
 * A Flow Service target connection, as `GET /targetConnections` lists
 * it: read-only, over its JSON.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-target-connection"

#include "config.h"

#include "trib-target-connection.h"
#include "trib-xdm-json.h"

struct _TribTargetConnection
{
  GObject parent_instance;

  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (TribTargetConnection, trib_target_connection, G_TYPE_OBJECT)

static void
trib_target_connection_finalize (GObject *object)
{
  TribTargetConnection *self = (TribTargetConnection *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (trib_target_connection_parent_class)->finalize (object);
}

static void
trib_target_connection_class_init (TribTargetConnectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_target_connection_finalize;
}

static void
trib_target_connection_init (TribTargetConnection *self)
{
}

/**
 * trib_target_connection_new_from_json:
 * @object: one item of a target connections answer
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL without
 *   an id
 */
TribTargetConnection *
trib_target_connection_new_from_json (JsonObject *object)
{
  TribTargetConnection *self;

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_TARGET_CONNECTION, NULL);
  self->json = json_object_ref (object);

  return self;
}

const char *
trib_target_connection_get_id (TribTargetConnection *self)
{
  g_return_val_if_fail (TRIB_IS_TARGET_CONNECTION (self), NULL);

  return trib_xdm_json_get_string (self->json, "id");
}

const char *
trib_target_connection_get_name (TribTargetConnection *self)
{
  g_return_val_if_fail (TRIB_IS_TARGET_CONNECTION (self), NULL);

  return trib_xdm_json_get_string (self->json, "name");
}

const char *
trib_target_connection_get_etag (TribTargetConnection *self)
{
  g_return_val_if_fail (TRIB_IS_TARGET_CONNECTION (self), NULL);

  return trib_xdm_json_get_string (self->json, "etag");
}

/**
 * trib_target_connection_get_spec_id:
 * @self: a #TribTargetConnection
 *
 * Returns: (nullable): its connection spec's id
 */
const char *
trib_target_connection_get_spec_id (TribTargetConnection *self)
{
  JsonObject *spec;

  g_return_val_if_fail (TRIB_IS_TARGET_CONNECTION (self), NULL);

  spec = json_object_has_member (self->json, "connectionSpec") &&
         JSON_NODE_HOLDS_OBJECT (json_object_get_member (self->json, "connectionSpec"))
           ? json_object_get_object_member (self->json, "connectionSpec") : NULL;

  return spec != NULL ? trib_xdm_json_get_string (spec, "id") : NULL;
}

/**
 * trib_target_connection_get_dataset_id:
 * @self: a #TribTargetConnection
 *
 * Returns: (nullable): the dataset it writes to (`params.dataSetId`)
 */
const char *
trib_target_connection_get_dataset_id (TribTargetConnection *self)
{
  JsonObject *params;

  g_return_val_if_fail (TRIB_IS_TARGET_CONNECTION (self), NULL);

  params = json_object_has_member (self->json, "params") &&
           JSON_NODE_HOLDS_OBJECT (json_object_get_member (self->json, "params"))
             ? json_object_get_object_member (self->json, "params") : NULL;

  return params != NULL ? trib_xdm_json_get_string (params, "dataSetId") : NULL;
}

/**
 * trib_target_connection_get_json:
 * @self: a #TribTargetConnection
 *
 * Returns: (transfer none): the whole answer
 */
JsonObject *
trib_target_connection_get_json (TribTargetConnection *self)
{
  g_return_val_if_fail (TRIB_IS_TARGET_CONNECTION (self), NULL);

  return self->json;
}
