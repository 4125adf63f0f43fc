/* fuzz-flow-service.c
 *
 * Flow Service's replies: connection specs and base connections come as
 * {"items": […]}, read as the Flow Service client reads them. Every item
 * is read both as a spec and as a connection, so one corpus serves both.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "fuzz-json.h"
#include "trib-connection.h"
#include "trib-connection-spec.h"

static void
read_spec (JsonObject *object)
{
  g_autoptr(TribConnectionSpec) spec = trib_connection_spec_new_from_json (object);
  g_auto(GStrv) auth_names = NULL;

  if (spec == NULL)
    return;

  g_assert_nonnull (trib_connection_spec_get_id (spec));
  fuzz_assert_utf8 (trib_connection_spec_get_name (spec));
  fuzz_assert_utf8 (trib_connection_spec_get_provider_id (spec));
  g_assert_nonnull (trib_connection_spec_get_version (spec));
  fuzz_assert_utf8 (trib_connection_spec_get_category (spec));
  g_assert_nonnull (trib_connection_spec_get_connector_name (spec));
  fuzz_assert_utf8 (trib_connection_spec_get_explore_type (spec));
  (void) trib_connection_spec_is_source (spec);
  (void) trib_connection_spec_is_destination (spec);
  (void) trib_connection_spec_get_source_schema (spec);
  (void) trib_connection_spec_get_target_schema (spec);
  g_assert_true (trib_connection_spec_get_json (spec) == object);

  auth_names = trib_connection_spec_dup_auth_names (spec);
  g_assert_nonnull (auth_names);
  for (guint i = 0; auth_names[i] != NULL; i++)
    {
      fuzz_assert_utf8 (auth_names[i]);
      (void) trib_connection_spec_get_auth_schema (spec, auth_names[i]);
    }
}

static void
read_connection (JsonObject *object)
{
  g_autoptr(TribConnection) connection = trib_connection_new_from_json (object);
  g_autoptr(GList) params = NULL;

  if (connection == NULL)
    return;

  g_assert_nonnull (trib_connection_get_id (connection));
  g_assert_nonnull (trib_connection_get_spec_id (connection));
  fuzz_assert_utf8 (trib_connection_get_name (connection));
  fuzz_assert_utf8 (trib_connection_get_description (connection));
  fuzz_assert_utf8 (trib_connection_get_auth_name (connection));
  fuzz_assert_utf8 (trib_connection_get_state (connection));
  fuzz_assert_utf8 (trib_connection_get_etag (connection));
  (void) trib_connection_get_created (connection);
  (void) trib_connection_get_updated (connection);
  g_assert_nonnull (trib_connection_get_auth_params (connection));
  params = json_object_get_members (trib_connection_get_auth_params (connection));
  for (const GList *l = params; l != NULL; l = l->next)
    fuzz_assert_utf8 (l->data);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = fuzz_json_parse_reply ((const char *) data, size);
  JsonNode *items;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !(items = json_object_get_member (json_node_get_object (root), "items")) || !JSON_NODE_HOLDS_ARRAY (items))
    return 0;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (items)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (items), i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      read_spec (json_node_get_object (node));
      read_connection (json_node_get_object (node));
    }

  return 0;
}
