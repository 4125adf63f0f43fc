/* trib-flow-service-entities.c
 *
 * Flow Service's source and target connections read and listed, and
 * what a dataflow setup made deleted again: what a setup needs to find
 * a create whose answer was lost (by name) and to roll back.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-flow-service-entities.h"
#include "trib-paging.h"
#include "trib-xdm-json.h"

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"

#define FLOW_SERVICE NC_("platform service", "Flow Service")

#define PAGE_SIZE 100

static JsonObject *
first_item (JsonNode *reply)
{
  JsonArray *items = JSON_NODE_HOLDS_OBJECT (reply) ? trib_xdm_json_get_array (json_node_get_object (reply), "items")
                                                    : NULL;
  JsonNode *first;

  if (items == NULL || json_array_get_length (items) == 0 ||
      !JSON_NODE_HOLDS_OBJECT ((first = json_array_get_element (items, 0))))
    return NULL;

  return json_node_get_object (first);
}

static gpointer
parse_source (JsonNode  *reply,
              TribCall  *call,
              GError   **error)
{
  JsonObject *item = first_item (reply);

  return item != NULL ? trib_source_connection_new_from_json (item) : NULL;
}

static gpointer
parse_target (JsonNode  *reply,
              TribCall  *call,
              GError   **error)
{
  JsonObject *item = first_item (reply);

  return item != NULL ? trib_target_connection_new_from_json (item) : NULL;
}

static gpointer
parse_source_item (JsonObject  *item,
                   const char  *key,
                   TribCall    *call,
                   GError     **error)
{
  return trib_source_connection_new_from_json (item);
}

static gpointer
parse_target_item (JsonObject  *item,
                   const char  *key,
                   TribCall    *call,
                   GError     **error)
{
  return trib_target_connection_new_from_json (item);
}

static const TribPaging sources_paging = {
  .style = TRIB_PAGING_CONTINUATION,
  .item_type = trib_source_connection_get_type,
  .items = "items",
  .parse_item = parse_source_item,
  .page_size = PAGE_SIZE,
  .max_page_size = 1000,
  .link_base = FLOW_SERVICE_PATH,
};

static const TribPaging targets_paging = {
  .style = TRIB_PAGING_CONTINUATION,
  .item_type = trib_target_connection_get_type,
  .items = "items",
  .parse_item = parse_target_item,
  .page_size = PAGE_SIZE,
  .max_page_size = 1000,
  .link_base = FLOW_SERVICE_PATH,
};

static const TribEndpoint list_sources_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of source connections"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/sourceConnections",
  .idempotent = TRUE,
  .paging = &sources_paging,
};

static const TribEndpoint list_targets_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of target connections"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/targetConnections",
  .idempotent = TRUE,
  .paging = &targets_paging,
};

static const TribEndpoint get_source_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the source connection"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/sourceConnections/{}",
  .idempotent = TRUE,
  .parse = parse_source,
  .free_result = g_object_unref,
};

static const TribEndpoint get_target_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the target connection"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/targetConnections/{}",
  .idempotent = TRUE,
  .parse = parse_target,
  .free_result = g_object_unref,
};

/* A DELETE sent twice deletes once; the client takes a 404 after a
 * lost attempt as done.
 */
static const TribEndpoint delete_endpoints[] = {
  [TRIB_FLOW_ENTITY_SOURCE_CONNECTION] = {
    .service = FLOW_SERVICE,
    .method = "DELETE",
    .path = FLOW_SERVICE_PATH "/sourceConnections/{}",
    .idempotent = TRUE,
    .error_prefix = N_("Could not delete the source connection: "),
  },
  [TRIB_FLOW_ENTITY_TARGET_CONNECTION] = {
    .service = FLOW_SERVICE,
    .method = "DELETE",
    .path = FLOW_SERVICE_PATH "/targetConnections/{}",
    .idempotent = TRUE,
    .error_prefix = N_("Could not delete the target connection: "),
  },
  [TRIB_FLOW_ENTITY_FLOW] = {
    .service = FLOW_SERVICE,
    .method = "DELETE",
    .path = FLOW_SERVICE_PATH "/flows/{}",
    .idempotent = TRUE,
    .error_prefix = N_("Could not delete the dataflow: "),
  },
};

static TribPagedList *
list (TribPlatformClient *client,
      const TribEndpoint *endpoint,
      const char         *property)
{
  TribCall *call = trib_call_new (endpoint, NULL);

  if (property != NULL && property[0] != '\0')
    trib_call_add_query (call, "property", property);

  return trib_paged_list_new_for_call (client, call);
}

/**
 * trib_flow_service_list_source_connections:
 * @client: a #TribPlatformClient
 * @property: (nullable): a Flow Service filter, such as `name=="Orders"`
 *
 * Returns: (transfer full): a #TribPagedList of #TribSourceConnection,
 *   paged with continuation tokens
 */
TribPagedList *
trib_flow_service_list_source_connections (TribPlatformClient *client,
                                           const char         *property)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return list (client, &list_sources_endpoint, property);
}

/**
 * trib_flow_service_list_target_connections:
 * @client: a #TribPlatformClient
 * @property: (nullable): a Flow Service filter
 *
 * Returns: (transfer full): a #TribPagedList of #TribTargetConnection
 */
TribPagedList *
trib_flow_service_list_target_connections (TribPlatformClient *client,
                                           const char         *property)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return list (client, &list_targets_endpoint, property);
}

void
trib_flow_service_get_source_connection_async (TribPlatformClient  *client,
                                               const char          *id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_source_endpoint, id, NULL), cancellable, callback,
                                   user_data);
}

/**
 * trib_flow_service_get_source_connection_finish:
 *
 * Returns: (transfer full): the source connection
 */
TribSourceConnection *
trib_flow_service_get_source_connection_finish (GAsyncResult  *result,
                                                GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

void
trib_flow_service_get_target_connection_async (TribPlatformClient  *client,
                                               const char          *id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_target_endpoint, id, NULL), cancellable, callback,
                                   user_data);
}

/**
 * trib_flow_service_get_target_connection_finish:
 *
 * Returns: (transfer full): the target connection
 */
TribTargetConnection *
trib_flow_service_get_target_connection_finish (GAsyncResult  *result,
                                                GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_service_delete_entity_async:
 * @client: a #TribPlatformClient
 * @kind: what to delete
 * @id: its id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once it is gone
 * @user_data: data for @callback
 *
 * Deletes a source connection, a target connection or a dataflow. A
 * connection a flow still uses cannot be deleted: delete the flow first.
 */
void
trib_flow_service_delete_entity_async (TribPlatformClient  *client,
                                       TribFlowEntityKind   kind,
                                       const char          *id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (kind <= TRIB_FLOW_ENTITY_FLOW);
  g_return_if_fail (id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&delete_endpoints[kind], id, NULL), cancellable, callback,
                                   user_data);
}

gboolean
trib_flow_service_delete_entity_finish (GAsyncResult  *result,
                                        GError       **error)
{
  g_autoptr(JsonNode) reply = trib_platform_client_send_finish (result, error);

  return reply != NULL;
}
