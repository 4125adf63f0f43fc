/* trib-flow-explore.c
 *
 * Flow Service's explore and preview: what a base connection's source
 * holds (folders and files, or tables), a file read with given options,
 * a table's columns and first rows; the Data Landing Zone explored
 * through its spec, and its container and SAS credentials (Connectors
 * API). A folder's listing comes whole in one answer, however many
 * files it holds: the platform does not page it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-explore"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-explore-item-private.h"
#include "trib-flow-explore.h"
#include "trib-json-reader.h"
#include "trib-platform-error.h"

#define FLOW_PATH "/data/foundation/flowservice"
#define CONNECTION_EXPLORE FLOW_PATH "/connections/{}/explore"
#define ZONE_EXPLORE FLOW_PATH "/connectionSpecs/" TRIB_LANDING_ZONE_SPEC_ID "/explore"
#define LANDING_ZONE_PATH "/data/foundation/connectors/landingzone"

#define FLOW_SERVICE NC_("platform service", "Flow Service")
#define LANDING_ZONE NC_("platform service", "The Data Landing Zone")

static char *
read_text (TribJsonReader *reader)
{
  TribJsonString string;
  char *text;

  if (!trib_json_reader_read_string (reader, &string))
    return NULL;

  text = g_malloc (string.length + 1);
  text[trib_json_string_decode (&string, text)] = '\0';

  return text;
}

static void
take_text (char **slot,
           char  *text)
{
  g_free (*slot);
  *slot = text;
}

static int
read_flag (TribJsonReader *reader)
{
  gboolean value;

  return trib_json_reader_read_boolean (reader, &value) ? value : -1;
}

/* A listing, read in place: a folder of 10,000 files is 1.5 MB, which a
 * document would hold as 60,000 nodes only to be thrown away.
 */
static GListModel *
read_listing (GBytes *text)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListStore) store = NULL;
  TribJsonReader reader;
  gsize length;
  const char *data = g_bytes_get_data (text, &length);

  trib_json_reader_init (&reader, data, length);
  if (trib_json_reader_peek (&reader) != TRIB_JSON_KIND_ARRAY || !trib_json_reader_enter (&reader))
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  while (trib_json_reader_next_element (&reader))
    {
      g_autofree char *name = NULL;
      g_autofree char *path = NULL;
      TribExploreItemType item_type = TRIB_EXPLORE_ITEM_FILE;
      gboolean typed = FALSE;
      int can_preview = -1;
      int can_fetch_schema = -1;
      TribJsonString key;

      if (trib_json_reader_peek (&reader) != TRIB_JSON_KIND_OBJECT)
        {
          trib_json_reader_skip (&reader);
          continue;
        }

      trib_json_reader_enter (&reader);
      while (trib_json_reader_next_member (&reader, &key))
        {
          /* A member given twice counts as its last, as json-glib reads it. */
          if (trib_json_string_equal (&key, "type"))
            {
              g_autofree char *type = read_text (&reader);

              typed = trib_explore_item_type_from_string (type, &item_type);
            }
          else if (trib_json_string_equal (&key, "name"))
            take_text (&name, read_text (&reader));
          else if (trib_json_string_equal (&key, "path"))
            take_text (&path, read_text (&reader));
          else if (trib_json_string_equal (&key, "canPreview"))
            can_preview = read_flag (&reader);
          else if (trib_json_string_equal (&key, "canFetchSchema"))
            can_fetch_schema = read_flag (&reader);
          else
            trib_json_reader_skip (&reader);
        }

      if (typed && name != NULL && path != NULL && path[0] != '\0')
        g_ptr_array_add (items, _trib_explore_item_new_take (item_type, g_steal_pointer (&name),
                                                             g_steal_pointer (&path), can_preview,
                                                             can_fetch_schema));
    }

  if (trib_json_reader_failed (&reader))
    return NULL;

  /* One splice: ten thousand appends would each notify. */
  store = g_list_store_new (TRIB_TYPE_EXPLORE_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&store));
}

static gpointer
parse_preview (JsonNode  *reply,
               TribCall  *call,
               GError   **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;

  return trib_explore_preview_new_from_json (json_node_get_object (reply));
}

static gpointer
parse_landing_zone (JsonNode  *reply,
                    TribCall  *call,
                    GError   **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;

  return trib_landing_zone_new_from_json (json_node_get_object (reply));
}

static const TribEndpoint browse_root_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of folders, files or tables"),
  .method = "GET",
  .path = CONNECTION_EXPLORE "?objectType=root",
  .flags = TRIB_CALL_TEXT,
  .idempotent = TRUE,
};

static const TribEndpoint browse_folder_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of folders, files or tables"),
  .method = "GET",
  .path = CONNECTION_EXPLORE "?objectType=folder&object={}",
  .flags = TRIB_CALL_TEXT,
  .idempotent = TRUE,
};

static const TribEndpoint preview_file_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the file’s columns"),
  .method = "GET",
  .path = CONNECTION_EXPLORE "?objectType=file&object={}&preview=true",
  .idempotent = TRUE,
  .parse = parse_preview,
  .free_result = g_object_unref,
  .error_prefix = N_("Cannot preview the file: "),
};

static const TribEndpoint get_table_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the table’s columns"),
  .method = "GET",
  .path = CONNECTION_EXPLORE "?objectType=table&object={}",
  .idempotent = TRUE,
  .parse = parse_preview,
  .free_result = g_object_unref,
  .error_prefix = N_("Cannot preview the table: "),
};

static const TribEndpoint zone_browse_root_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of folders, files or tables"),
  .method = "GET",
  .path = ZONE_EXPLORE "?objectType=root",
  .flags = TRIB_CALL_TEXT,
  .idempotent = TRUE,
};

static const TribEndpoint zone_browse_folder_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("a list of folders, files or tables"),
  .method = "GET",
  .path = ZONE_EXPLORE "?objectType=folder&object={}",
  .flags = TRIB_CALL_TEXT,
  .idempotent = TRUE,
};

static const TribEndpoint zone_preview_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the file’s columns"),
  .method = "GET",
  .path = ZONE_EXPLORE "?objectType=file&object={}&preview=true",
  .idempotent = TRUE,
  .parse = parse_preview,
  .free_result = g_object_unref,
  .error_prefix = N_("Cannot preview the file: "),
};

static const TribEndpoint landing_zone_endpoint = {
  .service = LANDING_ZONE,
  .what = N_("the landing zone’s container"),
  .method = "GET",
  .path = LANDING_ZONE_PATH "?type=user_drop_zone",
  .idempotent = TRUE,
  .parse = parse_landing_zone,
  .free_result = g_object_unref,
};

static const TribEndpoint credentials_endpoint = {
  .service = LANDING_ZONE,
  .what = N_("the landing zone’s credentials"),
  .method = "GET",
  .path = LANDING_ZONE_PATH "/credentials?type=user_drop_zone",
  .idempotent = TRUE,
  .parse = parse_landing_zone,
  .free_result = g_object_unref,
};

/* Not repeated: each refresh revokes the token the last one gave. */
static const TribEndpoint refresh_credentials_endpoint = {
  .service = LANDING_ZONE,
  .what = N_("the landing zone’s credentials"),
  .method = "POST",
  .path = LANDING_ZONE_PATH "/credentials?type=user_drop_zone&action=refresh",
  .idempotent = FALSE,
  .parse = parse_landing_zone,
  .free_result = g_object_unref,
  .error_prefix = N_("Cannot renew the landing zone’s credentials: "),
};

static void
listing_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GListModel *items = read_listing (task_data);

  if (items == NULL)
    g_task_return_error (task, trib_platform_error_new_invalid_response (FLOW_SERVICE,
                                                                         N_("a list of folders, files or tables")));
  else
    g_task_return_pointer (task, items, g_object_unref);
}

static void
listing_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GBytes *text;

  if (!(text = trib_platform_client_send_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  /* Off the main thread: the text of a large folder takes a while to read. */
  g_task_set_task_data (task, text, (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, listing_worker);
}

static void
send_listing (TribPlatformClient  *client,
              TribCall            *call,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  trib_platform_client_send_async (client, call, cancellable, listing_cb, g_steal_pointer (&task));
}

static void
add_file_options (TribCall                     *call,
                  const TribExploreFileOptions *options)
{
  static const char * const file_types[] = { "delimited", "json", "parquet" };

  g_return_if_fail (options->file_type <= TRIB_EXPLORE_FILE_PARQUET);

  trib_call_add_query (call, "fileType", file_types[options->file_type]);
  if (options->file_type == TRIB_EXPLORE_FILE_DELIMITED && options->column_delimiter != NULL &&
      options->column_delimiter[0] != '\0')
    trib_call_add_query (call, "columnDelimiter", options->column_delimiter);
  if (options->compression_type != NULL && options->compression_type[0] != '\0')
    trib_call_add_query (call, "compressionType", options->compression_type);
  if (options->encoding != NULL && options->encoding[0] != '\0')
    trib_call_add_query (call, "encoding", options->encoding);
}

/**
 * trib_flow_explore_browse_async:
 * @client: a #TribPlatformClient
 * @connection_id: a base connection's id
 * @folder_path: (nullable): a folder's path, from its #TribExploreItem;
 *   %NULL for the top (a file system's folders, or a database's tables)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the listing
 * @user_data: data for @callback
 *
 * Lists what the source holds at the top or in a folder, all of it in
 * one request.
 */
void
trib_flow_explore_browse_async (TribPlatformClient  *client,
                                const char          *connection_id,
                                const char          *folder_path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (connection_id != NULL);

  if (folder_path == NULL)
    call = trib_call_new (&browse_root_endpoint, connection_id, NULL);
  else
    call = trib_call_new (&browse_folder_endpoint, connection_id, folder_path, NULL);

  send_listing (client, call, trib_flow_explore_browse_async, cancellable, callback, user_data);
}

/**
 * trib_flow_explore_browse_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Also finishes trib_flow_explore_landing_zone_browse_async().
 *
 * Returns: (transfer full): a #GListModel of #TribExploreItem
 */
GListModel *
trib_flow_explore_browse_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_flow_explore_preview_file_async:
 * @client: a #TribPlatformClient
 * @connection_id: a base connection's id
 * @path: the file's path, from its #TribExploreItem
 * @options: how to read it
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the preview
 * @user_data: data for @callback
 *
 * Reads the file's columns and first rows as @options say. Options that
 * do not fit the file give what the platform reads with them: a wrong
 * delimiter one column of whole lines, a missing compression an error.
 */
void
trib_flow_explore_preview_file_async (TribPlatformClient           *client,
                                      const char                   *connection_id,
                                      const char                   *path,
                                      const TribExploreFileOptions *options,
                                      GCancellable                 *cancellable,
                                      GAsyncReadyCallback           callback,
                                      gpointer                      user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (connection_id != NULL && path != NULL);
  g_return_if_fail (options != NULL);

  call = trib_call_new (&preview_file_endpoint, connection_id, path, NULL);
  add_file_options (call, options);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_explore_get_table_async:
 * @client: a #TribPlatformClient
 * @connection_id: a base connection's id
 * @table_path: the table's path, from its #TribExploreItem
 * @with_rows: whether to read its first rows too
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the preview
 * @user_data: data for @callback
 *
 * Reads a table's columns, and with @with_rows its first rows.
 */
void
trib_flow_explore_get_table_async (TribPlatformClient  *client,
                                   const char          *connection_id,
                                   const char          *table_path,
                                   gboolean             with_rows,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (connection_id != NULL && table_path != NULL);

  call = trib_call_new (&get_table_endpoint, connection_id, table_path, NULL);
  if (with_rows)
    trib_call_add_query (call, "preview", "true");
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_explore_landing_zone_browse_async:
 * @client: a #TribPlatformClient
 * @folder_path: (nullable): a folder's path; %NULL for the container
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the listing, for trib_flow_explore_browse_finish()
 * @user_data: data for @callback
 *
 * Lists the sandbox's Data Landing Zone, which needs no connection.
 */
void
trib_flow_explore_landing_zone_browse_async (TribPlatformClient  *client,
                                             const char          *folder_path,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));

  if (folder_path == NULL)
    call = trib_call_new (&zone_browse_root_endpoint, NULL);
  else
    call = trib_call_new (&zone_browse_folder_endpoint, folder_path, NULL);

  send_listing (client, call, trib_flow_explore_landing_zone_browse_async, cancellable, callback, user_data);
}

/**
 * trib_flow_explore_landing_zone_preview_async:
 * @client: a #TribPlatformClient
 * @path: the file's path (`dlz-user-container/…`)
 * @options: (nullable): how to read it; %NULL to have the platform find
 *   out, which the preview then tells (trib_explore_preview_get_file_type()…)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the preview, for trib_flow_explore_preview_finish()
 * @user_data: data for @callback
 */
void
trib_flow_explore_landing_zone_preview_async (TribPlatformClient           *client,
                                              const char                   *path,
                                              const TribExploreFileOptions *options,
                                              GCancellable                 *cancellable,
                                              GAsyncReadyCallback           callback,
                                              gpointer                      user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (path != NULL);

  call = trib_call_new (&zone_preview_endpoint, path, NULL);
  /* One or the other: both, or neither, is refused. */
  if (options != NULL)
    add_file_options (call, options);
  else
    trib_call_add_query (call, "determineProperties", "true");
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_flow_explore_preview_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Finishes a file, table or landing zone preview.
 *
 * Returns: (transfer full): the preview
 */
TribExplorePreview *
trib_flow_explore_preview_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_flow_explore_get_landing_zone_async:
 * @client: a #TribPlatformClient
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the landing zone, without credentials
 * @user_data: data for @callback
 *
 * Asks for the sandbox's landing zone container and how long files stay.
 */
void
trib_flow_explore_get_landing_zone_async (TribPlatformClient  *client,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));

  trib_platform_client_send_async (client, trib_call_new (&landing_zone_endpoint, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_flow_explore_get_landing_zone_credentials_async:
 * @client: a #TribPlatformClient
 * @refresh: whether to revoke the current SAS token and get a new one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the landing zone and its credentials
 * @user_data: data for @callback
 *
 * Asks for the SAS token that lets a tool upload into the landing zone.
 * A refresh is never repeated by the client: each one revokes the last.
 */
void
trib_flow_explore_get_landing_zone_credentials_async (TribPlatformClient  *client,
                                                      gboolean             refresh,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));

  trib_platform_client_send_async (client,
                                   trib_call_new (refresh ? &refresh_credentials_endpoint : &credentials_endpoint, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_flow_explore_landing_zone_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the landing zone
 */
TribLandingZone *
trib_flow_explore_landing_zone_finish (GAsyncResult  *result,
                                       GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}
