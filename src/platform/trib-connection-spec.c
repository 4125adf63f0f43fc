/* trib-connection-spec.c
 *
 * A Flow Service connection spec: what a source or destination
 * connector is, and the JSON Schemas of its credentials (authSpec), of
 * a source connection's parameters (sourceSpec) and of a target
 * connection's (targetSpec). The schemas stay JSON: src/flows/ turns
 * them into forms.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-connection-spec"

#include "config.h"

#include "trib-connection-spec.h"
#include "trib-flow-explore.h"
#include "trib-xdm-json.h"

struct _TribConnectionSpec
{
  GObject parent_instance;

  JsonObject *json;
};

G_DEFINE_FINAL_TYPE (TribConnectionSpec, trib_connection_spec, G_TYPE_OBJECT)

static void
trib_connection_spec_finalize (GObject *object)
{
  TribConnectionSpec *self = (TribConnectionSpec *) object;

  g_clear_pointer (&self->json, json_object_unref);

  G_OBJECT_CLASS (trib_connection_spec_parent_class)->finalize (object);
}

static void
trib_connection_spec_class_init (TribConnectionSpecClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = trib_connection_spec_finalize;
}

static void
trib_connection_spec_init (TribConnectionSpec *self)
{
}

/**
 * trib_connection_spec_new_from_json:
 * @object: one item of the connectionSpecs answer
 *
 * Returns: (transfer full) (nullable): the spec, or %NULL without an id
 *   and a name
 */
TribConnectionSpec *
trib_connection_spec_new_from_json (JsonObject *object)
{
  TribConnectionSpec *self;

  g_return_val_if_fail (object != NULL, NULL);

  if (trib_xdm_json_get_string (object, "id") == NULL || trib_xdm_json_get_string (object, "name") == NULL)
    return NULL;

  self = g_object_new (TRIB_TYPE_CONNECTION_SPEC, NULL);
  self->json = json_object_ref (object);

  return self;
}

const char *
trib_connection_spec_get_id (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return trib_xdm_json_get_string (self->json, "id");
}

const char *
trib_connection_spec_get_name (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return trib_xdm_json_get_string (self->json, "name");
}

const char *
trib_connection_spec_get_provider_id (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return trib_xdm_json_get_string (self->json, "providerId");
}

/**
 * trib_connection_spec_get_version:
 *
 * Returns: the version a connection of this spec names, "1.0" if the
 *   spec does not say
 */
const char *
trib_connection_spec_get_version (TribConnectionSpec *self)
{
  const char *version;

  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  version = trib_xdm_json_get_string (self->json, "version");

  return version != NULL ? version : "1.0";
}

static JsonObject *
attributes (TribConnectionSpec *self)
{
  return trib_xdm_json_get_object (self->json, "attributes");
}

/**
 * trib_connection_spec_get_category:
 *
 * Returns: (nullable): the catalog's category, such as "Cloud Storage"
 */
const char *
trib_connection_spec_get_category (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return attributes (self) != NULL ? trib_xdm_json_get_string (attributes (self), "category") : NULL;
}

/**
 * trib_connection_spec_get_connector_name:
 *
 * Returns: the name the catalog shows, the spec's name if it has none
 */
const char *
trib_connection_spec_get_connector_name (TribConnectionSpec *self)
{
  const char *name = NULL;

  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  if (attributes (self) != NULL)
    name = trib_xdm_json_get_string (attributes (self), "connectorName");

  return name != NULL ? name : trib_connection_spec_get_name (self);
}

/* uiAttributes hold their texts as {"key": text}. */
static const char *
ui_attribute (TribConnectionSpec *self,
              const char         *member)
{
  JsonObject *ui = attributes (self) != NULL ? trib_xdm_json_get_object (attributes (self), "uiAttributes") : NULL;
  JsonObject *value = ui != NULL ? trib_xdm_json_get_object (ui, member) : NULL;

  return value != NULL ? trib_xdm_json_get_string (value, "key") : NULL;
}

/**
 * trib_connection_spec_get_icon_key:
 *
 * Returns: (nullable): the name of the catalog's icon, such as "amazon-s3"
 */
const char *
trib_connection_spec_get_icon_key (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return ui_attribute (self, "icon");
}

/**
 * trib_connection_spec_get_description:
 *
 * Returns: (nullable): what the catalog says of the connector
 */
const char *
trib_connection_spec_get_description (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return ui_attribute (self, "description");
}

gboolean
trib_connection_spec_is_source (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), FALSE);

  return attributes (self) != NULL && trib_xdm_json_get_boolean (attributes (self), "isSource");
}

gboolean
trib_connection_spec_is_destination (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), FALSE);

  return attributes (self) != NULL && trib_xdm_json_get_boolean (attributes (self), "isDestination");
}

/**
 * trib_connection_spec_get_explore_type:
 *
 * Returns: (nullable): "FileSystem" or "Tabular"; %NULL if it cannot be
 *   explored
 */
const char *
trib_connection_spec_get_explore_type (TribConnectionSpec *self)
{
  JsonObject *explore;

  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  explore = trib_xdm_json_get_object (self->json, "exploreSpec");

  return explore != NULL ? trib_xdm_json_get_string (explore, "type") : NULL;
}

/**
 * trib_connection_spec_dup_auth_names:
 *
 * Returns: (transfer full): the names of its authentication types, in
 *   the spec's order; empty for a connector that takes no credentials
 */
GStrv
trib_connection_spec_dup_auth_names (TribConnectionSpec *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  JsonArray *auth_specs;

  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  auth_specs = trib_xdm_json_get_array (self->json, "authSpec");
  for (guint i = 0; auth_specs != NULL && i < json_array_get_length (auth_specs); i++)
    {
      JsonNode *node = json_array_get_element (auth_specs, i);
      const char *name;

      if (JSON_NODE_HOLDS_OBJECT (node) && (name = trib_xdm_json_get_string (json_node_get_object (node), "name")))
        g_strv_builder_add (names, name);
    }

  return g_strv_builder_end (names);
}

/**
 * trib_connection_spec_explores_without_account:
 *
 * The Data Landing Zone takes no credentials and is explored through its
 * connection spec (`GET /connectionSpecs/{id}/explore`), and its source
 * connection needs no base connection (API-NOTES §A3, §A4): there is no
 * account to make, only a container to explore.
 *
 * Returns: whether the connector is explored without an account
 */
gboolean
trib_connection_spec_explores_without_account (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), FALSE);

  return g_strcmp0 (trib_connection_spec_get_id (self), TRIB_LANDING_ZONE_SPEC_ID) == 0;
}

/**
 * trib_connection_spec_get_auth_schema:
 * @auth_name: one of trib_connection_spec_dup_auth_names()
 *
 * Returns: (transfer none) (nullable): the JSON Schema of that
 *   authentication type's parameters
 */
JsonObject *
trib_connection_spec_get_auth_schema (TribConnectionSpec *self,
                                      const char         *auth_name)
{
  JsonArray *auth_specs;

  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);
  g_return_val_if_fail (auth_name != NULL, NULL);

  auth_specs = trib_xdm_json_get_array (self->json, "authSpec");
  for (guint i = 0; auth_specs != NULL && i < json_array_get_length (auth_specs); i++)
    {
      JsonNode *node = json_array_get_element (auth_specs, i);

      if (JSON_NODE_HOLDS_OBJECT (node) &&
          g_strcmp0 (trib_xdm_json_get_string (json_node_get_object (node), "name"), auth_name) == 0)
        return trib_xdm_json_get_object (json_node_get_object (node), "spec");
    }

  return NULL;
}

static JsonObject *
inner_spec (TribConnectionSpec *self,
            const char         *member)
{
  JsonObject *outer = trib_xdm_json_get_object (self->json, member);

  return outer != NULL ? trib_xdm_json_get_object (outer, "spec") : NULL;
}

/**
 * trib_connection_spec_get_source_schema:
 *
 * Returns: (transfer none) (nullable): the JSON Schema of a source
 *   connection's params
 */
JsonObject *
trib_connection_spec_get_source_schema (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return inner_spec (self, "sourceSpec");
}

/**
 * trib_connection_spec_get_target_schema:
 *
 * Returns: (transfer none) (nullable): the JSON Schema of a target
 *   connection's params
 */
JsonObject *
trib_connection_spec_get_target_schema (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return inner_spec (self, "targetSpec");
}

/**
 * trib_connection_spec_get_json:
 *
 * Returns: (transfer none): the whole spec, as the platform sent it
 */
JsonObject *
trib_connection_spec_get_json (TribConnectionSpec *self)
{
  g_return_val_if_fail (TRIB_IS_CONNECTION_SPEC (self), NULL);

  return self->json;
}
