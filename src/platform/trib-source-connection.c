/* trib-source-connection.c
 *
 * A Flow Service source connection, as `GET /sourceConnections` lists
 * it: read-only, over its JSON.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-source-connection"

#include "config.h"

#include "trib-source-connection.h"
#include "trib-xdm-json.h"

struct _TribSourceConnection
{
  GObject parent_instance;

  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (TribSourceConnection, trib_source_connection, G_TYPE_OBJECT)

static void
trib_source_connection_finalize (GObject *object)
{
  TribSourceConnection *self = (TribSourceConnection *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (trib_source_connection_parent_class)->finalize (object);
}

static void
trib_source_connection_class_init (TribSourceConnectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_source_connection_finalize;
}

static void
trib_source_connection_init (TribSourceConnection *self)
{
}

/**
 * trib_source_connection_new_from_json:
 * @object: one item of a source connections answer
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL without
 *   an id
 */
TribSourceConnection *
trib_source_connection_new_from_json (JsonObject *object)
{
  TribSourceConnection *self;

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_SOURCE_CONNECTION, NULL);
  self->json = json_object_ref (object);

  return self;
}

const char *
trib_source_connection_get_id (TribSourceConnection *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_CONNECTION (self), NULL);

  return trib_xdm_json_get_string (self->json, "id");
}

const char *
trib_source_connection_get_name (TribSourceConnection *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_CONNECTION (self), NULL);

  return trib_xdm_json_get_string (self->json, "name");
}

const char *
trib_source_connection_get_etag (TribSourceConnection *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_CONNECTION (self), NULL);

  return trib_xdm_json_get_string (self->json, "etag");
}

/**
 * trib_source_connection_get_spec_id:
 * @self: a #TribSourceConnection
 *
 * Returns: (nullable): its connection spec's id
 */
const char *
trib_source_connection_get_spec_id (TribSourceConnection *self)
{
  JsonObject *spec;

  g_return_val_if_fail (TRIB_IS_SOURCE_CONNECTION (self), NULL);

  spec = json_object_has_member (self->json, "connectionSpec") &&
         JSON_NODE_HOLDS_OBJECT (json_object_get_member (self->json, "connectionSpec"))
           ? json_object_get_object_member (self->json, "connectionSpec") : NULL;

  return spec != NULL ? trib_xdm_json_get_string (spec, "id") : NULL;
}

/**
 * trib_source_connection_get_base_connection_id:
 * @self: a #TribSourceConnection
 *
 * Returns: (nullable): the account it reads with (none for the Data
 *   Landing Zone)
 */
const char *
trib_source_connection_get_base_connection_id (TribSourceConnection *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_CONNECTION (self), NULL);

  return trib_xdm_json_get_string (self->json, "baseConnectionId");
}

/**
 * trib_source_connection_get_json:
 * @self: a #TribSourceConnection
 *
 * Returns: (transfer none): the whole answer
 */
JsonObject *
trib_source_connection_get_json (TribSourceConnection *self)
{
  g_return_val_if_fail (TRIB_IS_SOURCE_CONNECTION (self), NULL);

  return self->json;
}
