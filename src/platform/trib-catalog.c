/* trib-catalog.c
 *
 * Catalog (datasets and their batches) and the Dataset Service's data
 * usage labels.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-catalog"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-catalog.h"
#include "trib-paging.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"

#define CATALOG_PATH "/data/foundation/catalog"
#define DATASET_SERVICE_PATH "/data/foundation/dataset"

/* Only what the pages show: a dataset's full object can be kilobytes. */
#define LIST_PROPERTIES "name,description,created,updated,schemaRef,fileDescription,tags,lastBatchId,lastBatchStatus"

/* The form Catalog keeps of the schema the dataset follows (seed 002). */
#define SCHEMA_CONTENT_TYPE "application/vnd.adobe.xed-full-notext+json; version=1"

#define CATALOG NC_("platform service", "Catalog")

/* Catalog answers lists as one object, each item filed under its id. */
static GPtrArray *
datasets_from_json (JsonNode  *root,
                    GError   **error)
{
  g_autoptr(GPtrArray) datasets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GList) ids = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_propagate_error (error, trib_platform_error_new_invalid_response (CATALOG, N_("a list of datasets")));
      return NULL;
    }

  object = json_node_get_object (root);
  ids = json_object_get_members (object);

  for (const GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      TribDataset *dataset;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      if (!(dataset = trib_dataset_new_from_json (l->data, json_node_get_object (node), error)))
        return NULL;

      g_ptr_array_add (datasets, dataset);
    }

  return g_steal_pointer (&datasets);
}

static gpointer
parse_dataset_item (JsonObject  *item,
                    const char  *key,
                    TribCall    *call,
                    GError     **error)
{
  return trib_dataset_new_from_json (key, item, error);
}

static gpointer
parse_dataset (JsonNode  *reply,
               TribCall  *call,
               GError   **error)
{
  g_autoptr(GPtrArray) datasets = NULL;

  if (!(datasets = datasets_from_json (reply, error)) || datasets->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (datasets, 0));
}

static gpointer
parse_batches (JsonNode  *reply,
               TribCall  *call,
               GError   **error)
{
  g_autoptr(GListStore) batches = NULL;
  g_autoptr(GList) ids = NULL;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;

  batches = g_list_store_new (TRIB_TYPE_BATCH);
  object = json_node_get_object (reply);
  ids = json_object_get_members (object);
  for (const GList *l = ids; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (object, l->data);
      g_autoptr(TribBatch) batch = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;

      batch = trib_batch_new_from_json (l->data, json_node_get_object (node));
      g_list_store_append (batches, batch);
    }

  return g_steal_pointer (&batches);
}

/* The answer is ["@/dataSets/{id}"]. */
static gpointer
parse_created_id (JsonNode  *reply,
                  TribCall  *call,
                  GError   **error)
{
  const char *reference = NULL;
  const char *slash;

  if (JSON_NODE_HOLDS_ARRAY (reply) && json_array_get_length (json_node_get_array (reply)) > 0)
    {
      JsonNode *first = json_array_get_element (json_node_get_array (reply), 0);

      if (json_node_get_value_type (first) == G_TYPE_STRING)
        reference = json_node_get_string (first);
    }

  if (reference == NULL || !g_str_has_prefix (reference, "@/dataSets/") ||
      (slash = strrchr (reference, '/'))[1] == '\0')
    return NULL;

  return g_strdup (slash + 1);
}

typedef struct
{
  GStrv labels;
  GStrv field_labels;
} Labels;

static void
labels_free (Labels *labels)
{
  g_strfreev (labels->labels);
  g_strfreev (labels->field_labels);
  g_free (labels);
}

static gpointer
parse_labels (JsonNode  *reply,
              TribCall  *call,
              GError   **error)
{
  g_autoptr(GStrvBuilder) field_labels = g_strv_builder_new ();
  JsonArray *optional;
  Labels *labels;

  if (!JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;

  /* Field labels come as {"option": {"schemaPath": …}, "labels": […]}. */
  optional = trib_xdm_json_get_array (json_node_get_object (reply), "optionalLabels");
  for (guint i = 0; optional != NULL && i < json_array_get_length (optional); i++)
    {
      JsonNode *element = json_array_get_element (optional, i);
      JsonObject *option;
      g_auto(GStrv) values = NULL;
      g_autofree char *joined = NULL;
      g_autofree char *line = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !(option = trib_xdm_json_get_object (json_node_get_object (element), "option")) ||
          trib_xdm_json_get_string (option, "schemaPath") == NULL)
        continue;

      values = trib_xdm_json_get_strv (json_node_get_object (element), "labels");
      joined = g_strjoinv (", ", values);
      line = g_strdup_printf ("%s: %s", trib_xdm_json_get_string (option, "schemaPath"), joined);
      g_strv_builder_add (field_labels, line);
    }

  labels = g_new0 (Labels, 1);
  labels->labels = trib_xdm_json_get_strv (json_node_get_object (reply), "labels");
  labels->field_labels = g_strv_builder_end (field_labels);

  return labels;
}

static const TribPaging datasets_paging = {
  .style = TRIB_PAGING_START_LIMIT,
  .item_type = trib_dataset_get_type,
  .parse_item = parse_dataset_item,
  .page_size = TRIB_CATALOG_PAGE_SIZE,
  .max_page_size = 100,
};

static const TribEndpoint list_datasets_endpoint = {
  .service = CATALOG,
  .what = N_("a list of datasets"),
  .method = "GET",
  .path = CATALOG_PATH "/dataSets?properties=" LIST_PROPERTIES,
  .idempotent = TRUE,
  .paging = &datasets_paging,
};

/* For SQL completion: the table each dataset is queried as, and the
 * schema its columns come from.
 */
static const TribEndpoint list_tables_endpoint = {
  .service = CATALOG,
  .what = N_("a list of datasets"),
  .method = "GET",
  .path = CATALOG_PATH "/dataSets?orderBy=asc:name&properties=name,schemaRef,tags",
  .idempotent = TRUE,
  .paging = &datasets_paging,
  /* Read whole in the background while the user types: a page parsed on
   * the main thread is a keystroke that waits.
   */
  .flags = TRIB_CALL_WORKER,
};

static const TribEndpoint get_dataset_endpoint = {
  .service = CATALOG,
  .what = N_("the dataset"),
  .method = "GET",
  .path = CATALOG_PATH "/dataSets/{}",
  .idempotent = TRUE,
  .parse = parse_dataset,
  .free_result = g_object_unref,
};

static const TribEndpoint list_batches_endpoint = {
  .service = CATALOG,
  .what = N_("a list of batches"),
  .method = "GET",
  .path = CATALOG_PATH "/batches?dataSet={}&orderBy=desc:created&limit={}",
  .idempotent = TRUE,
  .parse = parse_batches,
  .free_result = g_object_unref,
};

/* Never retried: a second try could create a second dataset. */
static const TribEndpoint create_dataset_endpoint = {
  .service = CATALOG,
  .what = N_("the new dataset's id"),
  .method = "POST",
  .path = CATALOG_PATH "/dataSets?requestDataSource=true",
  .idempotent = FALSE,
  .parse = parse_created_id,
  .free_result = g_free,
};

static const TribEndpoint delete_dataset_endpoint = {
  .service = CATALOG,
  .method = "DELETE",
  .path = CATALOG_PATH "/dataSets/{}",
  .idempotent = TRUE,
};

static const TribEndpoint get_labels_endpoint = {
  .service = NC_("platform service", "The Dataset Service"),
  .what = N_("labels"),
  .method = "GET",
  .path = DATASET_SERVICE_PATH "/datasets/{}/labels",
  .idempotent = TRUE,
  .parse = parse_labels,
  .free_result = (GDestroyNotify) labels_free,
};

/**
 * trib_catalog_list_datasets:
 * @client: a #TribPlatformClient
 * @search: (nullable): only datasets whose name contains this, ignoring case
 *
 * Lists the current sandbox's datasets by name, a page at a time as a
 * view scrolls. Every page comes from that sandbox, even after a switch.
 *
 * Returns: (transfer full): a #TribPagedList of #TribDataset
 */
TribPagedList *
trib_catalog_list_datasets (TribPlatformClient *client,
                            const char         *search)
{
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  call = trib_call_new (&list_datasets_endpoint, NULL);
  trib_call_add_query (call, "orderBy", "asc:name");
  if (search != NULL && search[0] != '\0')
    {
      g_autofree char *pattern = g_regex_escape_string (search, -1);
      g_autofree char *filter = g_strconcat ("name~", pattern, NULL);

      trib_call_add_query (call, "property", filter);
    }

  return trib_paged_list_new_for_call (client, call);
}

/* Between two words: anything but a letter or a digit, or nothing. */
#define WORD_GAP "[^a-zA-Z0-9]*"

/**
 * trib_catalog_search_pattern:
 * @search: what the user typed
 *
 * The Catalog regular expression that finds a dataset by its name or its
 * table name from a few words: `web events na` finds "Web Events — NA 12"
 * and the dataset whose table is `web_events_na_12`.
 *
 * Why a pattern on the name only: the table name is a tag
 * (`adobe/pqs/table`), not a top-level property, and the Catalog ANDs
 * its filters, so "name or table" would be two lists that no single
 * server-side order can merge while they are paged. Query Service makes
 * the table from the name (lower case, anything else `_`), so words that
 * match across any run of non-alphanumerics find both in one list.
 * Letters are spelt `[wW]` rather than with a case-insensitive flag: the
 * Catalog documents `~` as a regular expression, not its flavour, and
 * classes mean the same in all of them.
 *
 * Returns: (transfer full) (nullable): the pattern, or %NULL when
 *   @search has no letter or digit
 */
char *
trib_catalog_search_pattern (const char *search)
{
  g_autoptr(GString) pattern = g_string_new (NULL);
  gboolean in_word = FALSE;
  gboolean any = FALSE;

  g_return_val_if_fail (search != NULL, NULL);

  for (const char *p = search; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          in_word = FALSE;
          continue;
        }
      if (!in_word && any)
        g_string_append (pattern, WORD_GAP);
      in_word = TRUE;
      any = TRUE;

      if (g_unichar_toupper (c) != g_unichar_tolower (c))
        {
          g_string_append_c (pattern, '[');
          g_string_append_unichar (pattern, g_unichar_tolower (c));
          g_string_append_unichar (pattern, g_unichar_toupper (c));
          g_string_append_c (pattern, ']');
        }
      else
        g_string_append_unichar (pattern, c);
    }

  return any ? g_string_free (g_steal_pointer (&pattern), FALSE) : NULL;
}

/* Catalog's orderBy: a sort, then the name, so that rows the first leaves
 * equal keep one order from page to page.
 */
static const char *
order_by (TribDatasetSort sort,
          gboolean        descending)
{
  switch (sort)
    {
    case TRIB_DATASET_SORT_SCHEMA:
      /* [UNV] a nested property: the Catalog documents orderBy on "a
       * property", and clients sort and filter on schemaRef.id.
       */
      return descending ? "desc:schemaRef.id,asc:name" : "asc:schemaRef.id,asc:name";
    case TRIB_DATASET_SORT_CREATED:
      return descending ? "desc:created,asc:name" : "asc:created,asc:name";
    case TRIB_DATASET_SORT_LAST_BATCH:
      return descending ? "desc:lastBatchStatus,asc:name" : "asc:lastBatchStatus,asc:name";
    case TRIB_DATASET_SORT_NAME:
    default:
      return descending ? "desc:name" : "asc:name";
    }
}

/* The statuses trib_format_batch_status() shows as one, as a property
 * filter on the top-level lastBatchStatus.
 */
static const char *
status_filter (TribDatasetStatus status)
{
  switch (status)
    {
    case TRIB_DATASET_STATUS_SUCCESS:
      return "lastBatchStatus==success";
    case TRIB_DATASET_STATUS_FAILED:
      return "lastBatchStatus~^(failed|failure|aborted)$";
    case TRIB_DATASET_STATUS_PROCESSING:
      return "lastBatchStatus~^(processing|loading|staging|queued|retrying|loaded|staged|active)$";
    case TRIB_DATASET_STATUS_NONE:
      /* No batch yet: the property is absent. */
      return "!lastBatchStatus";
    case TRIB_DATASET_STATUS_ANY:
    default:
      return NULL;
    }
}

/**
 * trib_catalog_query_datasets:
 * @client: a #TribPlatformClient
 * @query: what to list, and in which order
 *
 * Lists the current sandbox's datasets sorted and filtered by the
 * Catalog itself, a page at a time: with 50,000 datasets nothing else
 * could sort them. Each filter is its own `property` condition, which
 * the Catalog ANDs.
 *
 * Returns: (transfer full): a #TribPagedList of #TribDataset
 */
TribPagedList *
trib_catalog_query_datasets (TribPlatformClient     *client,
                             const TribDatasetQuery *query)
{
  g_autofree char *pattern = NULL;
  const char *status;
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  call = trib_call_new (&list_datasets_endpoint, NULL);
  trib_call_add_query (call, "orderBy", order_by (query->sort, query->descending));
  if (query->search != NULL && (pattern = trib_catalog_search_pattern (query->search)) != NULL)
    {
      g_autofree char *filter = g_strconcat ("name~", pattern, NULL);

      trib_call_add_query (call, "property", filter);
    }
  if ((status = status_filter (query->status)) != NULL)
    trib_call_add_query (call, "property", status);
  if (query->schema_id != NULL)
    {
      /* [UNV] The Catalog documents property filters on top-level
       * properties; schemaRef.id is how its clients filter by schema.
       */
      g_autofree char *filter = g_strconcat ("schemaRef.id==", query->schema_id, NULL);

      trib_call_add_query (call, "property", filter);
    }

  return trib_paged_list_new_for_call (client, call);
}

/**
 * trib_catalog_list_tables:
 * @client: a #TribPlatformClient
 *
 * Lists the current sandbox's datasets with no more than their names,
 * table names and schemas, for SQL completion; in pages, as
 * trib_catalog_list_datasets().
 *
 * Returns: (transfer full): a #TribPagedList of #TribDataset
 */
TribPagedList *
trib_catalog_list_tables (TribPlatformClient *client)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return trib_paged_list_new_for_call (client, trib_call_new (&list_tables_endpoint, NULL));
}

/**
 * trib_catalog_get_dataset_async:
 * @client: a #TribPlatformClient
 * @dataset_id: a dataset id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the dataset
 * @user_data: data for @callback
 *
 * Looks one dataset up, with all its properties.
 */
void
trib_catalog_get_dataset_async (TribPlatformClient  *client,
                                const char          *dataset_id,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (dataset_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_dataset_endpoint, dataset_id, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_catalog_get_dataset_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the dataset
 */
TribDataset *
trib_catalog_get_dataset_finish (GAsyncResult  *result,
                                 GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_catalog_list_batches_async:
 * @client: a #TribPlatformClient
 * @dataset_id: a dataset id
 * @limit: how many of the newest batches, at most %TRIB_CATALOG_PAGE_SIZE
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the batches
 * @user_data: data for @callback
 *
 * Lists the dataset's most recent batches, newest first.
 */
void
trib_catalog_list_batches_async (TribPlatformClient  *client,
                                 const char          *dataset_id,
                                 guint                limit,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autofree char *limit_text = NULL;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (dataset_id != NULL);
  g_return_if_fail (limit > 0 && limit <= TRIB_CATALOG_PAGE_SIZE);

  limit_text = g_strdup_printf ("%u", limit);
  trib_platform_client_send_async (client, trib_call_new (&list_batches_endpoint, dataset_id, limit_text, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_catalog_list_batches_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #TribBatch
 */
GListModel *
trib_catalog_list_batches_finish (GAsyncResult  *result,
                                  GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_catalog_create_dataset_async:
 * @client: a #TribPlatformClient
 * @name: the dataset's name
 * @description: (nullable): what it holds
 * @schema_id: the `$id` of the XDM schema it follows
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new dataset's id
 * @user_data: data for @callback
 *
 * Creates a Parquet dataset with a data source, as seeds 002 and 004 do.
 * Never retried: a second try could create a second dataset.
 */
void
trib_catalog_create_dataset_async (TribPlatformClient  *client,
                                   const char          *name,
                                   const char          *description,
                                   const char          *schema_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (name != NULL);
  g_return_if_fail (schema_id != NULL);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  if (description != NULL && description[0] != '\0')
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, description);
    }
  json_builder_set_member_name (builder, "schemaRef");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, schema_id);
  json_builder_set_member_name (builder, "contentType");
  json_builder_add_string_value (builder, SCHEMA_CONTENT_TYPE);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "fileDescription");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "parquet");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&create_dataset_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_catalog_create_dataset_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): the new dataset's id
 */
char *
trib_catalog_create_dataset_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_catalog_delete_dataset_async:
 * @client: a #TribPlatformClient
 * @dataset_id: a dataset id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once it is gone
 * @user_data: data for @callback
 *
 * Deletes a dataset and the data in it.
 */
void
trib_catalog_delete_dataset_async (TribPlatformClient  *client,
                                   const char          *dataset_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (dataset_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&delete_dataset_endpoint, dataset_id, NULL),
                                   cancellable, callback, user_data);
}

gboolean
trib_catalog_delete_dataset_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_autoptr(JsonNode) reply = trib_platform_client_send_finish (result, error);

  return reply != NULL;
}

/**
 * trib_catalog_get_labels_async:
 * @client: a #TribPlatformClient
 * @dataset_id: a dataset id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the labels
 * @user_data: data for @callback
 *
 * Reads the dataset's data usage labels (C1, I2 …) from the Dataset Service.
 */
void
trib_catalog_get_labels_async (TribPlatformClient  *client,
                               const char          *dataset_id,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (dataset_id != NULL);

  trib_platform_client_send_async (client, trib_call_new (&get_labels_endpoint, dataset_id, NULL),
                                   cancellable, callback, user_data);
}

/**
 * trib_catalog_get_labels_finish:
 * @result: the #GAsyncResult
 * @labels: (out) (transfer full): the dataset's own labels
 * @field_labels: (out) (transfer full): labels of single fields, as
 *   `/path/of/field: I1, I2`
 * @error: a location for a #GError
 *
 * Returns: whether the labels could be read
 */
gboolean
trib_catalog_get_labels_finish (GAsyncResult  *result,
                                GStrv         *labels,
                                GStrv         *field_labels,
                                GError       **error)
{
  Labels *found;

  if (!(found = trib_platform_client_send_finish (result, error)))
    return FALSE;

  if (labels != NULL)
    *labels = g_steal_pointer (&found->labels);
  if (field_labels != NULL)
    *field_labels = g_steal_pointer (&found->field_labels);
  labels_free (found);

  return TRUE;
}
