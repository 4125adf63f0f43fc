/* trib-query-templates.c
 *
 * Query Service's templates: a schedule runs one, and the Query Editor
 * can open only queries that have one.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-templates"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-paging.h"
#include "trib-query-service-private.h"
#include "trib-query-templates.h"

#define QUERY_SERVICE NC_("platform service", "Query Service")

static gpointer
parse_template (JsonNode  *reply,
                TribCall  *call,
                GError   **error)
{
  return JSON_NODE_HOLDS_OBJECT (reply) ? trib_query_template_new_from_json (json_node_get_object (reply)) : NULL;
}

static gpointer
parse_template_item (JsonObject  *item,
                     const char  *key,
                     TribCall    *call,
                     GError     **error)
{
  return trib_query_template_new_from_json (item);
}

/* Paged as the queries: `_page.next` a time, `_links.next.href` absolute. */
static const TribPaging templates_paging = {
  .style = TRIB_PAGING_NEXT_LINK,
  .item_type = trib_query_template_get_type,
  .items = "templates",
  .parse_item = parse_template_item,
  .page_size = 50,
  .max_page_size = 1000,
};

static const TribEndpoint list_templates_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("a list of query templates"),
  .method = "GET",
  .path = TRIB_QUERY_SERVICE_PATH "/query-templates?orderby=-created",
  .idempotent = TRUE,
  .paging = &templates_paging,
};

/* Never retried: a second try could make a second template. */
static const TribEndpoint create_template_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("the new query template"),
  .method = "POST",
  .path = TRIB_QUERY_SERVICE_PATH "/query-templates",
  .idempotent = FALSE,
  .parse = parse_template,
  .free_result = g_object_unref,
};

static const TribEndpoint get_template_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("the query template"),
  .method = "GET",
  .path = TRIB_QUERY_SERVICE_PATH "/query-templates/{}",
  .idempotent = TRUE,
  .parse = parse_template,
  .free_result = g_object_unref,
};

static const TribEndpoint update_template_endpoint = {
  .service = QUERY_SERVICE,
  .what = N_("the query template"),
  .method = "PUT",
  .path = TRIB_QUERY_SERVICE_PATH "/query-templates/{}",
  .idempotent = TRUE,
  .parse = parse_template,
  .free_result = g_object_unref,
};

static const TribEndpoint delete_template_endpoint = {
  .service = QUERY_SERVICE,
  .method = "DELETE",
  .path = TRIB_QUERY_SERVICE_PATH "/query-templates/{}",
  .idempotent = TRUE,
};

/**
 * trib_query_templates_list:
 *
 * Returns: (transfer full): a #TribPagedList of #TribQueryTemplate,
 *   newest first
 */
TribPagedList *
trib_query_templates_list (TribPlatformClient *client)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return trib_paged_list_new_for_call (client, trib_call_new (&list_templates_endpoint, NULL));
}

static JsonNode *
template_body (const char *name,
               const char *sql)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "sql");
  json_builder_add_string_value (builder, sql);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

void
trib_query_templates_create_async (TribPlatformClient  *client,
                                   const char          *name,
                                   const char          *sql,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (name != NULL);
  g_return_if_fail (sql != NULL);

  body = template_body (name, sql);
  call = trib_call_new (&create_template_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_query_templates_create_finish:
 *
 * Returns: (transfer full): the new template
 */
TribQueryTemplate *
trib_query_templates_create_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

void
trib_query_templates_get_async (TribPlatformClient  *client,
                                const char          *template_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (template_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_template_endpoint, template_id, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_query_templates_get_finish:
 *
 * Returns: (transfer full): the template
 */
TribQueryTemplate *
trib_query_templates_get_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

void
trib_query_templates_update_async (TribPlatformClient  *client,
                                   const char          *template_id,
                                   const char          *name,
                                   const char          *sql,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (template_id != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (sql != NULL);

  body = template_body (name, sql);
  call = trib_call_new (&update_template_endpoint, template_id, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_query_templates_update_finish:
 *
 * Returns: (transfer full): the template as changed
 */
TribQueryTemplate *
trib_query_templates_update_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

void
trib_query_templates_delete_async (TribPlatformClient  *client,
                                   const char          *template_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (template_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&delete_template_endpoint, template_id, NULL),
                                   cancellable, callback, user_data);
}

gboolean
trib_query_templates_delete_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return _trib_query_service_reply_ok (result, error);
}
