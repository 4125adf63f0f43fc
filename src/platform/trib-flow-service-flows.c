/* trib-flow-service-flows.c
 *
 * Flow Service: what a source dataflow is made of (API-NOTES §A4, §A5,
 * §A7, §A8): source and target connections, the flow spec that joins
 * them, and the flow itself.
 *
 * Creates are never retried: a second try could make a second
 * connection or flow. When a create's answer is lost (a broken
 * connection, a 5xx) the flow may exist all the same: the error says so,
 * and finding out is the flows library's reconciliation.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-service"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-flow-service-flows.h"
#include "trib-flow-service-private.h"
#include "trib-paging.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"

#define FLOW_SERVICE NC_("platform service", "Flow Service")

#define FLOWS_PAGE_SIZE 100

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

/* By name, the platform filters; by source spec, the first spec that
 * takes it (API-NOTES §A7: Databricks is listed by no doc's flow spec
 * for sure, so the list decides).
 */
static gpointer
parse_flow_spec (JsonNode  *reply,
                 TribCall  *call,
                 GError   **error)
{
  const char *source_spec_id = trib_call_get_data (call);
  JsonArray *items = JSON_NODE_HOLDS_OBJECT (reply) ? trib_xdm_json_get_array (json_node_get_object (reply), "items")
                                                    : NULL;

  if (items == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(TribFlowSpec) spec = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node) || !(spec = trib_flow_spec_new_from_json (json_node_get_object (node))))
        continue;
      if (source_spec_id == NULL || trib_flow_spec_takes_source (spec, source_spec_id))
        return g_steal_pointer (&spec);
    }

  g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND,
                       _("The platform has no kind of dataflow for this source."));
  return NULL;
}

static gpointer
parse_flow (JsonNode  *reply,
            TribCall  *call,
            GError   **error)
{
  JsonObject *item = first_item (reply);

  return item != NULL ? trib_flow_new_from_json (item) : NULL;
}

static gpointer
parse_flow_item (JsonObject  *item,
                 const char  *key,
                 TribCall    *call,
                 GError     **error)
{
  return trib_flow_new_from_json (item);
}

static const TribPaging flows_paging = {
  .style = TRIB_PAGING_CONTINUATION,
  .item_type = trib_flow_get_type,
  .items = "items",
  .parse_item = parse_flow_item,
  .page_size = FLOWS_PAGE_SIZE,
  .max_page_size = 1000,
  .link_base = FLOW_SERVICE_PATH,
};

/* Never retried, as every create below. */
static const TribEndpoint create_source_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the new source connection’s id"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/sourceConnections",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not create the source connection: "),
};

static const TribEndpoint create_target_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the new target connection’s id"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/targetConnections",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not create the target connection: "),
};

static const TribEndpoint list_flow_specs_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the kinds of dataflow"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/flowSpecs",
  .idempotent = TRUE,
  .parse = parse_flow_spec,
  .free_result = g_object_unref,
};

static const TribEndpoint get_flow_spec_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the kind of dataflow"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/flowSpecs/{}",
  .idempotent = TRUE,
  .parse = parse_flow_spec,
  .free_result = g_object_unref,
};

static const TribEndpoint create_flow_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the new dataflow’s id"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/flows",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not create the dataflow: "),
};

static const TribEndpoint get_flow_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the dataflow"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/flows/{}",
  .idempotent = TRUE,
  .parse = parse_flow,
  .free_result = g_object_unref,
};

static const TribEndpoint list_flows_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of dataflows"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/flows",
  .idempotent = TRUE,
  .paging = &flows_paging,
};

static void
send_body (TribPlatformClient  *client,
           const TribEndpoint  *endpoint,
           JsonObject          *object,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  TribCall *call = trib_call_new (endpoint, NULL);

  json_node_take_object (body, object);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

static JsonObject *
spec_ref (const char *id)
{
  JsonObject *ref = json_object_new ();

  json_object_set_string_member (ref, "id", id);
  json_object_set_string_member (ref, "version", "1.0");

  return ref;
}

/**
 * trib_flow_service_create_source_connection_async:
 * @client: a #TribPlatformClient
 * @name: a name
 * @connection_spec_id: the source's connection spec
 * @base_connection_id: (nullable): the account; %NULL for the Data
 *   Landing Zone, which has none
 * @data: `data`: `format` and, for files, `properties`
 * @params: `params`: `path`, `type` and `recursive` for files,
 *   `tableName` for tables
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the id
 * @user_data: data for @callback
 *
 * Creates what a flow reads: a file, folder or table of an account.
 */
void
trib_flow_service_create_source_connection_async (TribPlatformClient  *client,
                                                  const char          *name,
                                                  const char          *connection_spec_id,
                                                  const char          *base_connection_id,
                                                  JsonObject          *data,
                                                  JsonObject          *params,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  JsonObject *object;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (name != NULL && connection_spec_id != NULL && data != NULL && params != NULL);

  object = json_object_new ();
  json_object_set_string_member (object, "name", name);
  if (base_connection_id != NULL)
    json_object_set_string_member (object, "baseConnectionId", base_connection_id);
  json_object_set_object_member (object, "data", json_object_ref (data));
  json_object_set_object_member (object, "params", json_object_ref (params));
  json_object_set_object_member (object, "connectionSpec", spec_ref (connection_spec_id));
  send_body (client, &create_source_endpoint, object, cancellable, callback, user_data);
}

/**
 * trib_flow_service_create_source_connection_finish:
 * @etag: (out) (optional) (transfer full): its etag
 *
 * Returns: (transfer full): the new source connection's id
 */
char *
trib_flow_service_create_source_connection_finish (GAsyncResult  *result,
                                                   char         **etag,
                                                   GError       **error)
{
  return _trib_flow_service_finish_created (result, etag, error);
}

/**
 * trib_flow_service_create_target_connection_async:
 * @client: a #TribPlatformClient
 * @name: a name
 * @dataset_id: the dataset the flow writes to, which must exist
 * @schema_id: the `$id` of that dataset's schema
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the id
 * @user_data: data for @callback
 *
 * Creates what a flow writes to: a dataset of the Data Lake.
 */
void
trib_flow_service_create_target_connection_async (TribPlatformClient  *client,
                                                  const char          *name,
                                                  const char          *dataset_id,
                                                  const char          *schema_id,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data)
{
  JsonObject *object;
  JsonObject *data;
  JsonObject *schema;
  JsonObject *params;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (name != NULL && dataset_id != NULL && schema_id != NULL);

  object = json_object_new ();
  data = json_object_new ();
  schema = json_object_new ();
  params = json_object_new ();
  json_object_set_string_member (schema, "id", schema_id);
  json_object_set_string_member (schema, "version", "application/vnd.adobe.xed-full+json;version=1");
  json_object_set_object_member (data, "schema", schema);
  json_object_set_string_member (params, "dataSetId", dataset_id);
  json_object_set_string_member (object, "name", name);
  json_object_set_object_member (object, "data", data);
  json_object_set_object_member (object, "params", params);
  json_object_set_object_member (object, "connectionSpec", spec_ref (TRIB_DATA_LAKE_SPEC_ID));
  send_body (client, &create_target_endpoint, object, cancellable, callback, user_data);
}

/**
 * trib_flow_service_create_target_connection_finish:
 * @etag: (out) (optional) (transfer full): its etag
 *
 * Returns: (transfer full): the new target connection's id
 */
char *
trib_flow_service_create_target_connection_finish (GAsyncResult  *result,
                                                   char         **etag,
                                                   GError       **error)
{
  return _trib_flow_service_finish_created (result, etag, error);
}

/**
 * trib_flow_service_find_flow_spec_async:
 * @client: a #TribPlatformClient
 * @name: (nullable): a flow spec's name, such as "CloudStorageToAEP"
 * @source_spec_id: (nullable): else, a source's connection spec: the
 *   first flow spec that takes it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the spec
 * @user_data: data for @callback
 */
void
trib_flow_service_find_flow_spec_async (TribPlatformClient  *client,
                                        const char          *name,
                                        const char          *source_spec_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail ((name != NULL) != (source_spec_id != NULL));

  call = trib_call_new (&list_flow_specs_endpoint, NULL);
  if (name != NULL)
    {
      g_autofree char *property = g_strdup_printf ("name==\"%s\"", name);

      trib_call_add_query (call, "property", property);
    }
  else
    {
      trib_call_set_data (call, g_strdup (source_spec_id), g_free);
    }
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_service_find_flow_spec_finish:
 *
 * Returns: (transfer full): the flow spec; a %TRIB_PLATFORM_ERROR_NOT_FOUND
 *   error if none fits
 */
TribFlowSpec *
trib_flow_service_find_flow_spec_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_service_get_flow_spec_async:
 * @client: a #TribPlatformClient
 * @flow_spec_id: a flow's `flowSpec.id`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the spec (trib_flow_service_find_flow_spec_finish())
 * @user_data: data for @callback
 *
 * A flow spec by its id, for its `scheduleSpec` when a flow is changed.
 */
void
trib_flow_service_get_flow_spec_async (TribPlatformClient  *client,
                                       const char          *flow_spec_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (flow_spec_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_flow_spec_endpoint, flow_spec_id, NULL), cancellable,
                                   callback, user_data);
}

/**
 * trib_flow_service_create_flow_async:
 * @client: a #TribPlatformClient
 * @name: a name
 * @flow_spec_id: the flow spec
 * @source_connection_id: what it reads
 * @target_connection_id: what it writes to
 * @transformations: (nullable): the transformations, typed as the flow
 *   spec's schemas declare
 * @schedule_params: `scheduleParams`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the id
 * @user_data: data for @callback
 *
 * Creates a dataflow. If the answer is lost, the error says the flow
 * may exist: look for it (trib_flow_service_list_flows()) before
 * creating it again.
 */
void
trib_flow_service_create_flow_async (TribPlatformClient  *client,
                                     const char          *name,
                                     const char          *flow_spec_id,
                                     const char          *source_connection_id,
                                     const char          *target_connection_id,
                                     JsonArray           *transformations,
                                     JsonObject          *schedule_params,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  JsonObject *object;
  JsonArray *sources;
  JsonArray *targets;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (name != NULL && flow_spec_id != NULL && source_connection_id != NULL &&
                    target_connection_id != NULL && schedule_params != NULL);

  object = json_object_new ();
  sources = json_array_new ();
  targets = json_array_new ();
  json_array_add_string_element (sources, source_connection_id);
  json_array_add_string_element (targets, target_connection_id);
  json_object_set_string_member (object, "name", name);
  json_object_set_object_member (object, "flowSpec", spec_ref (flow_spec_id));
  json_object_set_array_member (object, "sourceConnectionIds", sources);
  json_object_set_array_member (object, "targetConnectionIds", targets);
  if (transformations != NULL)
    json_object_set_array_member (object, "transformations", json_array_ref (transformations));
  json_object_set_object_member (object, "scheduleParams", json_object_ref (schedule_params));
  send_body (client, &create_flow_endpoint, object, cancellable, callback, user_data);
}

/* Whether the platform answered, refusing: then nothing was made. */
static gboolean
is_refusal (const GError *error)
{
  static const int refusals[] = {
    TRIB_PLATFORM_ERROR_BAD_REQUEST, TRIB_PLATFORM_ERROR_UNAUTHORIZED, TRIB_PLATFORM_ERROR_FORBIDDEN,
    TRIB_PLATFORM_ERROR_NOT_FOUND, TRIB_PLATFORM_ERROR_CONFLICT, TRIB_PLATFORM_ERROR_RATE_LIMITED,
    TRIB_PLATFORM_ERROR_STALE, TRIB_PLATFORM_ERROR_UNKNOWN_SANDBOX, TRIB_PLATFORM_ERROR_INSECURE_URL,
  };

  if (error->domain == G_IO_ERROR && error->code == G_IO_ERROR_CANCELLED)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    if (g_error_matches (error, TRIB_PLATFORM_ERROR, refusals[i]))
      return TRUE;

  return FALSE;
}

/**
 * trib_flow_service_create_flow_finish:
 * @etag: (out) (optional) (transfer full): its etag
 *
 * Returns: (transfer full): the new flow's id
 */
char *
trib_flow_service_create_flow_finish (GAsyncResult  *result,
                                      char         **etag,
                                      GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *id = _trib_flow_service_finish_created (result, etag, &local_error);

  if (id != NULL)
    return id;

  if (!is_refusal (local_error))
    g_prefix_error (&local_error, "%s", _("The dataflow may have been created all the same: look for it before "
                                         "creating it again. "));
  g_propagate_error (error, g_steal_pointer (&local_error));

  return NULL;
}

void
trib_flow_service_get_flow_async (TribPlatformClient  *client,
                                  const char          *flow_id,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (flow_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_flow_endpoint, flow_id, NULL), cancellable, callback,
                                   user_data);
}

/**
 * trib_flow_service_get_flow_finish:
 *
 * Returns: (transfer full): the flow
 */
TribFlow *
trib_flow_service_get_flow_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_service_list_flows:
 * @client: a #TribPlatformClient
 * @property: (nullable): a Flow Service filter
 *
 * Returns: (transfer full): a #TribPagedList of #TribFlow, paged with
 *   continuation tokens as the connections are
 */
TribPagedList *
trib_flow_service_list_flows (TribPlatformClient *client,
                              const char         *property)
{
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  call = trib_call_new (&list_flows_endpoint, NULL);
  if (property != NULL && property[0] != '\0')
    trib_call_add_query (call, "property", property);

  return trib_paged_list_new_for_call (client, call);
}
