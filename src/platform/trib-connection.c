/* trib-connection.c
 *
 * A Flow Service base connection (an "account" in the platform's UI):
 * a connector's credentials, as the platform shows them back, secrets
 * masked. The etag is what an update must send in If-Match.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-connection"

#include "config.h"

#include "trib-connection.h"
#include "trib-flow-explore.h"
#include "trib-xdm-json.h"

struct _TribConnection
{
  GObject parent_instance;

  char *id;
  char *name;
  char *description;
  char *spec_id;
  char *auth_name;
  JsonObject *auth_params;
  char *state;
  char *etag;
  GDateTime *created;
  GDateTime *updated;
};

G_DEFINE_FINAL_TYPE (TribConnection, trib_connection, G_TYPE_OBJECT)

static void
trib_connection_finalize (GObject *object)
{
  TribConnection *self = (TribConnection *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->description);
  g_free (self->spec_id);
  g_free (self->auth_name);
  g_clear_pointer (&self->auth_params, json_object_unref);
  g_free (self->state);
  g_free (self->etag);
  g_clear_pointer (&self->created, g_date_time_unref);
  g_clear_pointer (&self->updated, g_date_time_unref);

  G_OBJECT_CLASS (trib_connection_parent_class)->finalize (object);
}

static void
trib_connection_class_init (TribConnectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_connection_finalize;
}

static void
trib_connection_init (TribConnection *self)
{
}

/**
 * trib_connection_new_from_json:
 * @object: one item of a connections answer
 *
 * Returns: (transfer full) (nullable): the connection, or %NULL without
 *   an id or a connection spec
 */
TribConnection *
trib_connection_new_from_json (JsonObject *object)
{
  TribConnection *self;
  JsonObject *spec;
  JsonObject *auth;
  JsonObject *params;

  g_return_val_if_fail (object != NULL, NULL);

  spec = trib_xdm_json_get_object (object, "connectionSpec");
  if (trib_xdm_json_get_string (object, "id") == NULL || spec == NULL || trib_xdm_json_get_string (spec, "id") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_CONNECTION, NULL);
  self->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  self->name = g_strdup (trib_xdm_json_get_string (object, "name"));
  self->description = g_strdup (trib_xdm_json_get_string (object, "description"));
  self->spec_id = g_strdup (trib_xdm_json_get_string (spec, "id"));
  self->state = g_strdup (trib_xdm_json_get_string (object, "state"));
  self->etag = g_strdup (trib_xdm_json_get_string (object, "etag"));
  self->created = trib_xdm_json_get_epoch_ms (object, "createdAt");
  self->updated = trib_xdm_json_get_epoch_ms (object, "updatedAt");

  if ((auth = trib_xdm_json_get_object (object, "auth")) != NULL)
    {
      self->auth_name = g_strdup (trib_xdm_json_get_string (auth, "specName"));
      if ((params = trib_xdm_json_get_object (auth, "params")) != NULL)
        self->auth_params = json_object_ref (params);
    }
  if (self->auth_params == NULL)
    self->auth_params = json_object_new ();

  return self;
}

/**
 * trib_connection_new_landing_zone:
 *
 * The Data Landing Zone, which is explored through its connection spec
 * without a base connection: a stand-in with an empty id, for lists of
 * what can be explored.
 *
 * Returns: (transfer full): a connection with the id ""
 */
TribConnection *
trib_connection_new_landing_zone (void)
{
  TribConnection *self = g_object_new (TRIB_TYPE_CONNECTION, NULL);

  self->id = g_strdup ("");
  self->spec_id = g_strdup (TRIB_LANDING_ZONE_SPEC_ID);
  self->state = g_strdup ("enabled");
  self->auth_params = json_object_new ();

  return self;
}

const char *
trib_connection_get_id (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->id;
}

/**
 * trib_connection_get_name:
 *
 * Returns: (nullable): its name
 */
const char *
trib_connection_get_name (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->name;
}

/**
 * trib_connection_get_description:
 *
 * Returns: (nullable): its description
 */
const char *
trib_connection_get_description (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->description;
}

const char *
trib_connection_get_spec_id (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->spec_id;
}

/**
 * trib_connection_get_auth_name:
 *
 * Returns: (nullable): the authentication type (auth.specName); %NULL
 *   for a connector that takes no credentials
 */
const char *
trib_connection_get_auth_name (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->auth_name;
}

/**
 * trib_connection_get_auth_params:
 *
 * Returns: (transfer none): the credentials as the platform shows them,
 *   secrets masked; empty without credentials
 */
JsonObject *
trib_connection_get_auth_params (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->auth_params;
}

/**
 * trib_connection_get_auth_param:
 * @path: the names from `auth.params` down to the parameter, as
 *   trib_spec_field_get_path() gives them
 *
 * Returns: (transfer none) (nullable): the parameter's value as the
 *   platform shows it (a secret masked), or %NULL if it has none
 */
JsonNode *
trib_connection_get_auth_param (TribConnection     *self,
                                const char * const *path)
{
  JsonObject *object;
  JsonNode *node = NULL;

  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);
  g_return_val_if_fail (path != NULL && path[0] != NULL, NULL);

  object = self->auth_params;
  for (guint i = 0; path[i] != NULL; i++)
    {
      if (object == NULL || (node = json_object_get_member (object, path[i])) == NULL)
        return NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return node;
}

/**
 * trib_connection_get_state:
 *
 * Returns: (nullable): "enabled" or "disabled", as the platform says
 */
const char *
trib_connection_get_state (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->state;
}

/**
 * trib_connection_get_etag:
 *
 * Returns: (nullable): the etag, with its quotes, for If-Match
 */
const char *
trib_connection_get_etag (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->etag;
}

/**
 * trib_connection_get_created:
 *
 * Returns: (transfer none) (nullable): when it was created
 */
GDateTime *
trib_connection_get_created (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->created;
}

/**
 * trib_connection_get_updated:
 *
 * Returns: (transfer none) (nullable): when it last changed
 */
GDateTime *
trib_connection_get_updated (TribConnection *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION (self), NULL);

  return self->updated;
}
