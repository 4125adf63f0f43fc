/* trib-query-service.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-query-service"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-paging.h"
#include "trib-platform-error.h"
#include "trib-query-service-private.h"
#include "trib-xdm-json.h"

/* Query Service's PostgreSQL endpoint for one sandbox: the connection
 * parameters, whose password is a token, are asked for again for every
 * connection, since tokens expire.
 */
struct _TribQueryService
{
  GObject parent_instance;

  TribPlatformClient *client;
  char *sandbox;
};

static void endpoint_provider_iface_init (TribSqlEndpointProviderInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribQueryService, trib_query_service, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (TRIB_TYPE_SQL_ENDPOINT_PROVIDER, endpoint_provider_iface_init))

static gpointer
parse_parameters (JsonNode  *reply,
                  TribCall  *call,
                  GError   **error)
{
  const char *database = trib_call_get_data (call);
  JsonObject *parameters;
  const char *host;
  const char *user;
  const char *token;
  gint64 port;

  /* Members of another type read as absent, as in every reply. */
  parameters = JSON_NODE_HOLDS_OBJECT (reply) ? json_node_get_object (reply) : NULL;
  host = parameters ? trib_xdm_json_get_string (parameters, "host") : NULL;
  user = parameters ? trib_xdm_json_get_string (parameters, "username") : NULL;
  token = parameters ? trib_xdm_json_get_string (parameters, "token") : NULL;
  if (parameters == NULL || !trib_xdm_json_get_int (parameters, "port", &port))
    port = 0;

  /* libpq reads an empty host as its local socket and an empty user as
   * the login name: empty is absent here.
   */
  if (host == NULL || *host == '\0' || user == NULL || *user == '\0' ||
      token == NULL || *token == '\0' || port <= 0 || port > G_MAXUINT16)
    return NULL;

  if (database == NULL)
    database = trib_xdm_json_get_string (parameters, "dbName");

  return trib_sql_endpoint_new (host, (guint) port, user,
                                database != NULL && *database != '\0' ? database : trib_call_get_sandbox (call),
                                token);
}

static const TribEndpoint connection_parameters_endpoint = {
  .service = NC_("platform service", "Query Service"),
  .what = N_("a host, port, user name and token to connect with"),
  .method = "GET",
  .path = "/data/foundation/query/connection_parameters",
  .idempotent = TRUE,
  .parse = parse_parameters,
  .free_result = (GDestroyNotify) trib_sql_endpoint_free,
  /* Shown where a statement's failure is, which would otherwise read as
   * the statement's fault; the domain and code stay the platform's.
   * Translators: followed by the platform's answer, such as “HTTP 500” */
  .error_prefix = N_("Could not get the connection parameters from Query Service: "),
};

static gpointer
parse_query_record (JsonObject  *item,
                    const char  *key,
                    TribCall    *call,
                    GError     **error)
{
  return trib_query_record_new_from_json (item);
}

/* _page.next is a timestamp; the link carries it with the list's query. */
static const TribPaging queries_paging = {
  .style = TRIB_PAGING_NEXT_LINK,
  .item_type = trib_query_record_get_type,
  .items = "queries",
  .parse_item = parse_query_record,
  .page_size = TRIB_QUERY_SERVICE_PAGE_SIZE,
  .max_page_size = 1000,
};

static const TribEndpoint list_queries_endpoint = {
  .service = NC_("platform service", "Query Service"),
  .what = N_("a list of queries"),
  .method = "GET",
  .path = "/data/foundation/query/queries",
  .idempotent = TRUE,
  .paging = &queries_paging,
};

static void
trib_query_service_get_endpoint_async (TribSqlEndpointProvider *provider,
                                       const char              *database,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data)
{
  TribQueryService *self = TRIB_QUERY_SERVICE (provider);
  TribCall *call = trib_call_new (&connection_parameters_endpoint, NULL);

  /* The sandbox this service was made for, whatever the client's is now. */
  trib_call_set_sandbox (call, self->sandbox);
  trib_call_set_data (call, g_strdup (database), g_free);
  trib_call_set_source_object (call, self);
  trib_platform_client_send_async (self->client, call, cancellable, callback, user_data);
}

static TribSqlEndpoint *
trib_query_service_get_endpoint_finish (TribSqlEndpointProvider  *provider,
                                        GAsyncResult             *result,
                                        GError                  **error)
{
  return trib_platform_client_send_finish (result, error);
}

static void
endpoint_provider_iface_init (TribSqlEndpointProviderInterface *iface)
{
  iface->get_endpoint_async = trib_query_service_get_endpoint_async;
  iface->get_endpoint_finish = trib_query_service_get_endpoint_finish;
}

static void
trib_query_service_finalize (GObject *object)
{
  TribQueryService *self = (TribQueryService *)object;

  g_clear_object (&self->client);
  g_clear_pointer (&self->sandbox, g_free);

  G_OBJECT_CLASS (trib_query_service_parent_class)->finalize (object);
}

static void
trib_query_service_class_init (TribQueryServiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_query_service_finalize;
}

static void
trib_query_service_init (TribQueryService *self)
{
}

/**
 * trib_query_service_new:
 * @client: a client whose sandbox is the one to query
 *
 * Returns: (transfer full): Query Service for @client's current sandbox
 */
TribQueryService *
trib_query_service_new (TribPlatformClient *client)
{
  TribQueryService *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  self = g_object_new (TRIB_TYPE_QUERY_SERVICE, NULL);
  self->client = g_object_ref (client);
  self->sandbox = g_strdup (trib_platform_client_get_sandbox (client));

  return self;
}

TribPlatformClient *
trib_query_service_get_client (TribQueryService *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SERVICE (self), NULL);

  return self->client;
}

const char *
trib_query_service_get_sandbox (TribQueryService *self)
{
  g_return_val_if_fail (TRIB_IS_QUERY_SERVICE (self), NULL);

  return self->sandbox;
}

/**
 * trib_query_service_list_queries:
 * @client: a #TribPlatformClient
 * @oldest_first: from the oldest query on, rather than the newest
 * @state: (nullable): only the queries in this state, such as `FAILED`
 *
 * Lists the queries run in the client's current sandbox, those the
 * PostgreSQL protocol issued by itself and those deleted left out, a
 * page at a time as a view scrolls.
 *
 * Returns: (transfer full): a #TribPagedList of #TribQueryRecord
 */
TribPagedList *
trib_query_service_list_queries (TribPlatformClient *client,
                                 gboolean            oldest_first,
                                 const char         *state)
{
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  call = trib_call_new (&list_queries_endpoint, NULL);
  trib_call_add_query (call, "orderby", oldest_first ? "+created" : "-created");
  if (state != NULL)
    {
      g_autofree char *filter = g_strconcat ("state==", state, NULL);

      trib_call_add_query (call, "property", filter);
    }

  return trib_paged_list_new_for_call (client, call);
}

/**
 * trib_query_service_dup_database_name:
 * @table_name: (nullable): a dataset's table, or %NULL (or empty) for all
 *
 * Data Distiller's database for a sandbox: `{sandbox}:all` for every
 * dataset, `{sandbox}:{table}` for one, whose queries are faster.
 *
 * Returns: (transfer full): the database name
 */
char *
trib_query_service_dup_database_name (const char *sandbox,
                                      const char *table_name)
{
  g_return_val_if_fail (sandbox != NULL, NULL);

  return g_strdup_printf ("%s:%s", sandbox, table_name != NULL && table_name[0] != '\0' ? table_name : "all");
}

static gboolean
is_plain_identifier (const char *name)
{
  if (name[0] == '\0' || g_ascii_isdigit (name[0]))
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/**
 * trib_query_service_dup_preview_sql:
 * @table_name: a dataset's table
 *
 * The first look at a dataset: its first 50 rows. The name is quoted
 * when SQL would otherwise fold or refuse it.
 *
 * Returns: (transfer full): the statement
 */
char *
trib_query_service_dup_preview_sql (const char *table_name)
{
  g_autoptr(GString) quoted = NULL;

  g_return_val_if_fail (table_name != NULL, NULL);

  if (is_plain_identifier (table_name))
    return g_strdup_printf ("SELECT * FROM %s LIMIT 50", table_name);

  quoted = g_string_new ("\"");
  for (const char *p = table_name; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (quoted, '"');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_strdup_printf ("SELECT * FROM %s LIMIT 50", quoted->str);
}

/**
 * trib_query_service_sql_writes_table:
 * @sql: a statement
 *
 * Whether @sql creates a table (CREATE TABLE … AS) or inserts into one,
 * outside its comments, strings and quoted names. Query Service refuses
 * such SQL with an output dataset, which it writes itself; the editor
 * says so before sending.
 *
 * Returns: %TRUE if it does
 */
gboolean
trib_query_service_sql_writes_table (const char *sql)
{
  g_autoptr(GString) bare = NULL;

  g_return_val_if_fail (sql != NULL, FALSE);

  bare = g_string_new (NULL);
  for (const char *p = sql; *p != '\0'; p++)
    {
      if (p[0] == '-' && p[1] == '-')
        {
          while (p[1] != '\0' && p[1] != '\n')
            p++;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          if (end == NULL)
            break;
          p = end + 1;
          g_string_append_c (bare, ' ');
        }
      else if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          for (p++; *p != '\0' && *p != quote; p++)
            ;
          if (*p == '\0')
            break;
          g_string_append_c (bare, ' ');
        }
      else
        g_string_append_c (bare, g_ascii_tolower (*p));
    }

  return g_regex_match_simple ("\\bcreate\\s+(\\w+\\s+)*table\\b", bare->str, 0, 0) ||
         g_regex_match_simple ("\\binsert\\s+(overwrite\\s+)?into\\b", bare->str, 0, 0);
}

void
_trib_query_service_add_query_def (JsonBuilder     *builder,
                                   const char      *name,
                                   const char      *database,
                                   const char      *sql,
                                   const char      *template_id,
                                   TribQueryOutput  output,
                                   const char      *dataset_name)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dbName");
  json_builder_add_string_value (builder, database);
  if (sql != NULL)
    {
      json_builder_set_member_name (builder, "sql");
      json_builder_add_string_value (builder, sql);
    }
  if (template_id != NULL)
    {
      json_builder_set_member_name (builder, "templateId");
      json_builder_add_string_value (builder, template_id);
    }
  if (name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  if (output != TRIB_QUERY_OUTPUT_NONE)
    {
      json_builder_set_member_name (builder, output == TRIB_QUERY_OUTPUT_NEW_DATASET ? "ctasParameters"
                                                                                     : "insertIntoParameters");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "datasetName");
      json_builder_add_string_value (builder, dataset_name);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

/* Answers that only say the request was taken: any JSON will do. */
gboolean
_trib_query_service_reply_ok (GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(JsonNode) reply = trib_platform_client_send_finish (result, error);

  return reply != NULL;
}

static gpointer
parse_query (JsonNode  *reply,
             TribCall  *call,
             GError   **error)
{
  return JSON_NODE_HOLDS_OBJECT (reply) ? trib_query_record_new_from_json (json_node_get_object (reply)) : NULL;
}

/* Never retried: a second try would run the query twice. */
static const TribEndpoint create_query_endpoint = {
  .service = NC_("platform service", "Query Service"),
  .what = N_("the new query"),
  .method = "POST",
  .path = TRIB_QUERY_SERVICE_PATH "/queries",
  .idempotent = FALSE,
  .parse = parse_query,
  .free_result = g_object_unref,
};

static const TribEndpoint get_query_endpoint = {
  .service = NC_("platform service", "Query Service"),
  .what = N_("the query"),
  .method = "GET",
  .path = TRIB_QUERY_SERVICE_PATH "/queries/{}",
  .idempotent = TRUE,
  .parse = parse_query,
  .free_result = g_object_unref,
};

static const TribEndpoint patch_query_endpoint = {
  .service = NC_("platform service", "Query Service"),
  .method = "PATCH",
  .path = TRIB_QUERY_SERVICE_PATH "/queries/{}",
  .idempotent = TRUE,
};

/**
 * trib_query_service_create_query_async:
 * @client: a #TribPlatformClient
 * @name: (nullable): the query's name
 * @database: such as `prod:all`
 * @sql: the statement; with an output, a SELECT
 * @output: where it writes
 * @dataset_name: (nullable): the output dataset, unless @output is
 *   %TRIB_QUERY_OUTPUT_NONE
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the query as submitted
 * @user_data: data for @callback
 *
 * Submits a query to run on the platform, as a CTAS into a new dataset
 * or an INSERT INTO an existing one if @output says so. It runs on after
 * the answer; follow it with trib_query_service_get_query_async().
 */
void
trib_query_service_create_query_async (TribPlatformClient  *client,
                                       const char          *name,
                                       const char          *database,
                                       const char          *sql,
                                       TribQueryOutput      output,
                                       const char          *dataset_name,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (database != NULL);
  g_return_if_fail (sql != NULL);
  g_return_if_fail (output == TRIB_QUERY_OUTPUT_NONE || dataset_name != NULL);

  builder = json_builder_new ();
  _trib_query_service_add_query_def (builder, name, database, sql, NULL, output, dataset_name);
  body = json_builder_get_root (builder);

  call = trib_call_new (&create_query_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_query_service_create_query_finish:
 *
 * Returns: (transfer full): the query, `SUBMITTED`
 */
TribQueryRecord *
trib_query_service_create_query_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

void
trib_query_service_get_query_async (TribPlatformClient  *client,
                                    const char          *query_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (query_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_query_endpoint, query_id, NULL), cancellable,
                                   callback, user_data);
}

/**
 * trib_query_service_get_query_finish:
 *
 * Returns: (transfer full): the query as it is now
 */
TribQueryRecord *
trib_query_service_get_query_finish (GAsyncResult  *result,
                                     GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_query_service_cancel_query_async:
 *
 * Asks the platform to stop a query. One that has already finished is a
 * %TRIB_PLATFORM_ERROR_CONFLICT.
 */
void
trib_query_service_cancel_query_async (TribPlatformClient  *client,
                                       const char          *query_id,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (query_id != NULL);

  /* An object, not a JSON Patch array. */
  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, "cancel");
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&patch_query_endpoint, query_id, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

gboolean
trib_query_service_cancel_query_finish (GAsyncResult  *result,
                                        GError       **error)
{
  return _trib_query_service_reply_ok (result, error);
}
