/* trib-flow-service.c
 *
 * Flow Service: connection specs (what each source and destination
 * connector is and which credentials it takes) and base connections
 * (the sandbox's accounts). Connector secrets travel only in the bodies
 * of create and update, which the request log redacts by their names
 * (trib-redact.c), JSON Patch values included.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-service"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-flow-service.h"
#include "trib-flow-service-private.h"
#include "trib-paging.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"

#define FLOW_SERVICE NC_("platform service", "Flow Service")

static JsonArray *
items_of (JsonNode *reply)
{
  return JSON_NODE_HOLDS_OBJECT (reply) ? trib_xdm_json_get_array (json_node_get_object (reply), "items") : NULL;
}

static gpointer
parse_specs (JsonNode  *reply,
             TribCall  *call,
             GError   **error)
{
  g_autoptr(GListStore) specs = g_list_store_new (TRIB_TYPE_CONNECTION_SPEC);
  JsonArray *items = items_of (reply);

  if (items == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      g_autoptr(TribConnectionSpec) spec = NULL;

      if (JSON_NODE_HOLDS_OBJECT (node) && (spec = trib_connection_spec_new_from_json (json_node_get_object (node))))
        g_list_store_append (specs, spec);
    }

  return g_steal_pointer (&specs);
}

/* GET /connectionSpecs/{id} answers {items: [spec]} too. */
static gpointer
parse_spec (JsonNode  *reply,
            TribCall  *call,
            GError   **error)
{
  JsonArray *items = items_of (reply);
  JsonNode *first;

  if (items == NULL || json_array_get_length (items) == 0 ||
      !JSON_NODE_HOLDS_OBJECT ((first = json_array_get_element (items, 0))))
    return NULL;

  return trib_connection_spec_new_from_json (json_node_get_object (first));
}

static gpointer
parse_connection (JsonNode  *reply,
                  TribCall  *call,
                  GError   **error)
{
  JsonArray *items = items_of (reply);
  JsonNode *first;

  if (items == NULL || json_array_get_length (items) == 0 ||
      !JSON_NODE_HOLDS_OBJECT ((first = json_array_get_element (items, 0))))
    return NULL;

  return trib_connection_new_from_json (json_node_get_object (first));
}

static gpointer
parse_connection_item (JsonObject  *item,
                       const char  *key,
                       TribCall    *call,
                       GError     **error)
{
  return trib_connection_new_from_json (item);
}

/* The next page's link is relative to the service and carries the
 * continuation token, and the list's filter with it.
 */
static const TribPaging connections_paging = {
  .style = TRIB_PAGING_CONTINUATION,
  .item_type = trib_connection_get_type,
  .items = "items",
  .parse_item = parse_connection_item,
  .page_size = TRIB_FLOW_SERVICE_PAGE_SIZE,
  .max_page_size = 1000,
  .link_base = FLOW_SERVICE_PATH,
};

void
_trib_flow_created_free (TribFlowCreated *created)
{
  g_free (created->id);
  g_free (created->etag);
  g_free (created);
}

gpointer
_trib_flow_service_parse_created (JsonNode  *reply,
                                  TribCall  *call,
                                  GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  TribFlowCreated *created;

  if (object == NULL || trib_xdm_json_get_string (object, "id") == NULL)
    return NULL;

  created = g_new0 (TribFlowCreated, 1);
  created->id = g_strdup (trib_xdm_json_get_string (object, "id"));
  created->etag = g_strdup (trib_xdm_json_get_string (object, "etag"));

  return created;
}

char *
_trib_flow_service_finish_created (GAsyncResult  *result,
                                   char         **etag,
                                   GError       **error)
{
  TribFlowCreated *created = trib_platform_client_send_finish (result, error);
  char *id;

  if (created == NULL)
    return NULL;

  if (etag != NULL)
    *etag = g_steal_pointer (&created->etag);
  id = g_steal_pointer (&created->id);
  _trib_flow_created_free (created);

  return id;
}

static gpointer
parse_test (JsonNode  *reply,
            TribCall  *call,
            GError   **error)
{
  JsonNode *result;

  if (!JSON_NODE_HOLDS_OBJECT (reply) || !(result = json_object_get_member (json_node_get_object (reply), "result")) ||
      !JSON_NODE_HOLDS_VALUE (result) || json_node_get_value_type (result) != G_TYPE_BOOLEAN)
    return NULL;

  if (!json_node_get_boolean (result))
    {
      g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_FAILED,
                           _("The platform could not connect to the account with these credentials."));
      return NULL;
    }

  return GINT_TO_POINTER (TRUE);
}

static const TribEndpoint list_specs_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of connectors"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/connectionSpecs",
  .idempotent = TRUE,
  .parse = parse_specs,
  .free_result = g_object_unref,
};

static const TribEndpoint get_spec_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the connector"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/connectionSpecs/{}",
  .idempotent = TRUE,
  .parse = parse_spec,
  .free_result = g_object_unref,
};

static const TribEndpoint list_connections_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of accounts"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/connections",
  .idempotent = TRUE,
  .paging = &connections_paging,
};

static const TribEndpoint get_connection_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the account"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/connections/{}",
  .idempotent = TRUE,
  .parse = parse_connection,
  .free_result = g_object_unref,
};

/* Never retried: a second try could create a second account. */
static const TribEndpoint create_connection_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the new account’s id"),
  .method = "POST",
  .path = FLOW_SERVICE_PATH "/connections",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not create the account: "),
};

/* Not retried: if the first try went through unanswered, its change of
 * etag would get the second refused as stale, which would hide that the
 * update was made.
 */
static const TribEndpoint update_connection_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the account’s new etag"),
  .method = "PATCH",
  .path = FLOW_SERVICE_PATH "/connections/{}",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not update the account: "),
};

static const TribEndpoint delete_connection_endpoint = {
  .service = FLOW_SERVICE,
  .method = "DELETE",
  .path = FLOW_SERVICE_PATH "/connections/{}",
  .idempotent = TRUE,
  .error_prefix = N_("Could not delete the account: "),
};

static const TribEndpoint test_connection_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the result of the connection test"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/connections/{}/test",
  .idempotent = TRUE,
  .parse = parse_test,
  /* No prefix here: the finish function tells a refusal from a failure
   * to test at all.
   */
};

/**
 * trib_flow_service_list_connection_specs_async:
 * @client: a #TribPlatformClient
 * @property: (nullable): a Flow Service filter, such as
 *   `attributes.category==Cloud Storage` or `id=="…"`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the specs
 * @user_data: data for @callback
 *
 * Lists the connectors of the platform, sources and destinations, with
 * the schemas of their credentials. The list is not paged.
 */
void
trib_flow_service_list_connection_specs_async (TribPlatformClient  *client,
                                               const char          *property,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));

  call = trib_call_new (&list_specs_endpoint, NULL);
  if (property != NULL)
    trib_call_add_query (call, "property", property);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_service_list_connection_specs_finish:
 *
 * Returns: (transfer full): a #GListModel of #TribConnectionSpec
 */
GListModel *
trib_flow_service_list_connection_specs_finish (GAsyncResult  *result,
                                                GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_service_get_connection_spec_async:
 * @client: a #TribPlatformClient
 * @spec_id: a connection spec id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the spec
 * @user_data: data for @callback
 */
void
trib_flow_service_get_connection_spec_async (TribPlatformClient  *client,
                                             const char          *spec_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (spec_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_spec_endpoint, spec_id, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_flow_service_get_connection_spec_finish:
 *
 * Returns: (transfer full): the spec
 */
TribConnectionSpec *
trib_flow_service_get_connection_spec_finish (GAsyncResult  *result,
                                              GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_service_list_connections:
 * @client: a #TribPlatformClient
 * @property: (nullable): a Flow Service filter, such as
 *   `connectionSpec.id==ecadc60c-…`
 *
 * Lists the current sandbox's base connections (accounts), a page at a
 * time, following the platform's relative next links. Every page comes
 * from that sandbox, even after a switch.
 *
 * Returns: (transfer full): a #TribPagedList of #TribConnection
 */
TribPagedList *
trib_flow_service_list_connections (TribPlatformClient *client,
                                    const char         *property)
{
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  call = trib_call_new (&list_connections_endpoint, NULL);
  if (property != NULL && property[0] != '\0')
    trib_call_add_query (call, "property", property);

  return trib_paged_list_new_for_call (client, call);
}

/**
 * trib_flow_service_get_connection_async:
 * @client: a #TribPlatformClient
 * @connection_id: a base connection id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the connection
 * @user_data: data for @callback
 *
 * Reads one account, secrets masked, with the etag an update needs.
 */
void
trib_flow_service_get_connection_async (TribPlatformClient  *client,
                                        const char          *connection_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (connection_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_connection_endpoint, connection_id, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_flow_service_get_connection_finish:
 *
 * Returns: (transfer full): the connection
 */
TribConnection *
trib_flow_service_get_connection_finish (GAsyncResult  *result,
                                         GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_service_create_connection_async:
 * @client: a #TribPlatformClient
 * @name: the account's name
 * @description: (nullable): what it is for
 * @spec: the connector
 * @auth_name: (nullable): one of the spec's authentication types; %NULL
 *   for a connector without credentials (Data Lake, Data Landing Zone)
 * @auth_params: (nullable): that type's parameters, secrets included
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new account's id
 * @user_data: data for @callback
 *
 * Creates a base connection. Never retried: a second try could create a
 * second account.
 */
void
trib_flow_service_create_connection_async (TribPlatformClient  *client,
                                           const char          *name,
                                           const char          *description,
                                           TribConnectionSpec  *spec,
                                           const char          *auth_name,
                                           JsonObject          *auth_params,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_OBJECT);
  JsonObject *object = json_object_new ();
  JsonObject *spec_ref = json_object_new ();
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (name != NULL);
  g_return_if_fail (TRIB_IS_CONNECTION_SPEC (spec));

  json_object_set_string_member (object, "name", name);
  if (description != NULL && description[0] != '\0')
    json_object_set_string_member (object, "description", description);
  if (auth_name != NULL)
    {
      JsonObject *auth = json_object_new ();

      json_object_set_string_member (auth, "specName", auth_name);
      json_object_set_object_member (auth, "params",
                                     auth_params != NULL ? json_object_ref (auth_params) : json_object_new ());
      json_object_set_object_member (object, "auth", auth);
    }
  json_object_set_string_member (spec_ref, "id", trib_connection_spec_get_id (spec));
  json_object_set_string_member (spec_ref, "version", trib_connection_spec_get_version (spec));
  json_object_set_object_member (object, "connectionSpec", spec_ref);
  json_node_take_object (body, object);

  call = trib_call_new (&create_connection_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_service_create_connection_finish:
 * @result: the #GAsyncResult
 * @etag: (out) (optional) (transfer full): the new account's etag
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new account's id
 */
char *
trib_flow_service_create_connection_finish (GAsyncResult  *result,
                                            char         **etag,
                                            GError       **error)
{
  return _trib_flow_service_finish_created (result, etag, error);
}

/* A JSON Pointer below /auth/params: each segment escaped, "~" then "/". */
static char *
params_pointer (const char * const *path)
{
  g_autoptr(GString) pointer = g_string_new ("/auth/params");

  for (guint i = 0; path[i] != NULL; i++)
    {
      g_autoptr(GString) segment = g_string_new (path[i]);

      g_string_replace (segment, "~", "~0", 0);
      g_string_replace (segment, "/", "~1", 0);
      g_string_append_c (pointer, '/');
      g_string_append (pointer, segment->str);
    }

  return g_string_free (g_steal_pointer (&pointer), FALSE);
}

static void
add_operation (JsonArray  *operations,
               const char *op,
               const char *path,
               JsonNode   *value)
{
  JsonObject *operation = json_object_new ();

  json_object_set_string_member (operation, "op", op);
  json_object_set_string_member (operation, "path", path);
  if (value != NULL)
    json_object_set_member (operation, "value", json_node_copy (value));
  json_array_add_object_element (operations, operation);
}

/* One replace per value: a parameter nested in objects is replaced at
 * its own path, so its siblings the caller did not send stay as they are.
 */
static void
add_replacements (JsonArray  *operations,
                  JsonObject *params,
                  GPtrArray  *path)
{
  g_autoptr(GList) names = json_object_get_members (params);

  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_get_member (params, l->data);

      g_ptr_array_add (path, l->data);
      if (JSON_NODE_HOLDS_OBJECT (value) && json_object_get_size (json_node_get_object (value)) > 0 &&
          path->len < 16)
        add_replacements (operations, json_node_get_object (value), path);
      else
        {
          g_autofree char *pointer = NULL;

          g_ptr_array_add (path, NULL);
          pointer = params_pointer ((const char * const *) path->pdata);
          g_ptr_array_remove_index (path, path->len - 1);
          add_operation (operations, "replace", pointer, value);
        }
      g_ptr_array_remove_index (path, path->len - 1);
    }
}

/**
 * trib_flow_service_update_connection_async:
 * @client: a #TribPlatformClient
 * @connection_id: a base connection id
 * @etag: the etag the account had when read, with its quotes
 * @name: (nullable): a new name
 * @auth_params: (nullable): parameters to replace, as the request's
 *   `auth.params` nests them; each value is replaced alone, at its own
 *   path, and the others stay as they are
 * @removed_params: (nullable) (element-type GStrv): parameters to remove
 *   (optional ones the user cleared), each the path of its names from
 *   `auth.params` down, as trib_spec_field_get_path() gives it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new etag
 * @user_data: data for @callback
 *
 * Renames an account or changes some of its credentials, with a JSON
 * Patch sent with If-Match: if the account changed since @etag, the
 * platform refuses with %TRIB_PLATFORM_ERROR_STALE, and it must be read
 * again. The authentication type cannot change.
 */
void
trib_flow_service_update_connection_async (TribPlatformClient  *client,
                                           const char          *connection_id,
                                           const char          *etag,
                                           const char          *name,
                                           JsonObject          *auth_params,
                                           GPtrArray           *removed_params,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_ARRAY);
  JsonArray *operations = json_array_new ();
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (connection_id != NULL);
  g_return_if_fail (etag != NULL);
  g_return_if_fail (name != NULL || auth_params != NULL || (removed_params != NULL && removed_params->len > 0));

  if (name != NULL)
    {
      g_autoptr(JsonNode) value = json_node_init_string (json_node_alloc (), name);

      add_operation (operations, "replace", "/name", value);
    }

  if (auth_params != NULL)
    {
      g_autoptr(GPtrArray) path = g_ptr_array_new ();

      add_replacements (operations, auth_params, path);
    }

  for (guint i = 0; removed_params != NULL && i < removed_params->len; i++)
    {
      const char * const *path = g_ptr_array_index (removed_params, i);
      g_autofree char *pointer = NULL;

      g_return_if_fail (path != NULL && path[0] != NULL);
      pointer = params_pointer (path);
      add_operation (operations, "remove", pointer, NULL);
    }
  json_node_take_array (body, operations);

  call = trib_call_new (&update_connection_endpoint, connection_id, NULL);
  trib_call_set_body (call, body);
  trib_call_set_if_match (call, etag);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_service_update_connection_finish:
 *
 * Returns: (transfer full): the account's new etag
 */
char *
trib_flow_service_update_connection_finish (GAsyncResult  *result,
                                            GError       **error)
{
  char *etag = NULL;
  g_autofree char *id = _trib_flow_service_finish_created (result, &etag, error);

  return id != NULL ? etag : NULL;
}

/**
 * trib_flow_service_delete_connection_async:
 * @client: a #TribPlatformClient
 * @connection_id: a base connection id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once it is gone
 * @user_data: data for @callback
 *
 * Deletes an account. The platform refuses while a dataflow uses it
 * (`1418-400`), saying which.
 */
void
trib_flow_service_delete_connection_async (TribPlatformClient  *client,
                                           const char          *connection_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (connection_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&delete_connection_endpoint, connection_id, NULL),
                                   cancellable, callback, user_data);
}

/* The sources docs answer 204, destinations.yaml 202: both are success. */
gboolean
trib_flow_service_delete_connection_finish (GAsyncResult  *result,
                                            GError       **error)
{
  g_autoptr(JsonNode) reply = trib_platform_client_send_finish (result, error);

  return reply != NULL;
}

/**
 * trib_flow_service_test_connection_async:
 * @client: a #TribPlatformClient
 * @connection_id: a base connection id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the result
 * @user_data: data for @callback
 *
 * Has the platform connect to the account with its stored credentials.
 */
void
trib_flow_service_test_connection_async (TribPlatformClient  *client,
                                         const char          *connection_id,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (connection_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&test_connection_endpoint, connection_id, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_flow_service_test_connection_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError: the platform's reason when the
 *   credentials were refused
 *
 * Returns: whether the platform could connect
 */
gboolean
trib_flow_service_test_connection_finish (GAsyncResult  *result,
                                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  /* The parse gives a flag, not a node to free. */
  if (trib_platform_client_send_finish (result, &local_error) != NULL)
    return TRUE;

  /* A 4xx is the platform refusing the credentials; a 5xx, a lost
   * connection or a timeout says nothing about them: the test did not
   * run, and saying it failed would send the user to fix what works.
   */
  if (local_error->domain == TRIB_PLATFORM_ERROR &&
      (local_error->code == TRIB_PLATFORM_ERROR_FAILED ||
       (trib_platform_error_get_status (local_error) >= 400 && trib_platform_error_get_status (local_error) < 500)))
    g_prefix_error (&local_error, "%s", _("The connection test failed: "));
  else if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_prefix_error (&local_error, "%s", _("Could not run the connection test: "));
  g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}
