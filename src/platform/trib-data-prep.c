/* trib-data-prep.c
 *
 * Data Prep's mapping sets (API-NOTES §A6): create, update, read, list,
 * validate and preview. The request bodies are built here from
 * #TribMapping descriptors, in the current form (outputSchema.schemaRef
 * and sourceType/source/destination), never the seeds' legacy one.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-data-prep"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-data-prep.h"
#include "trib-paging.h"
#include "trib-platform-error.h"
#include "trib-util.h"
#include "trib-xdm-json.h"

#define DATA_PREP_PATH "/data/foundation/conversion"
#define SCHEMA_CONTENT_TYPE "application/vnd.adobe.xed-full+json;version=1"

#define DATA_PREP NC_("platform service", "Data Prep")

static gpointer
parse_mapping_set (JsonNode  *reply,
                   TribCall  *call,
                   GError   **error)
{
  if (!JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;
  return trib_mapping_set_new_from_json (json_node_get_object (reply));
}

static gpointer
parse_mapping_set_item (JsonObject  *item,
                        const char  *key,
                        TribCall    *call,
                        GError     **error)
{
  TribMappingSet *set = trib_mapping_set_new_from_json (item);

  if (set == NULL)
    g_propagate_error (error, trib_platform_error_new_invalid_response (DATA_PREP, N_("a list of mapping sets")));
  return set;
}

/* The call's data: the destinations sent, in order. */
static gpointer
parse_checks (JsonNode  *reply,
              TribCall  *call,
              GError   **error)
{
  const char * const *destinations = trib_call_get_data (call);
  guint n_destinations = g_strv_length ((char **) destinations);
  g_autoptr(GPtrArray) checks = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *responses;

  if (!JSON_NODE_HOLDS_OBJECT (reply) ||
      !(responses = trib_xdm_json_get_array (json_node_get_object (reply), "validationResponse")))
    return NULL;

  /* One entry per mapping: fewer would leave a row without a verdict. */
  if (json_array_get_length (responses) != n_destinations)
    return NULL;

  for (guint i = 0; i < json_array_get_length (responses); i++)
    {
      JsonNode *node = json_array_get_element (responses, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      g_ptr_array_add (checks, trib_mapping_check_new_from_json (i, destinations[i], json_node_get_object (node)));
    }
  return g_steal_pointer (&checks);
}

static gpointer
parse_preview (JsonNode  *reply,
               TribCall  *call,
               GError   **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (reply))
    return NULL;
  array = json_node_get_array (reply);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return NULL;
      g_ptr_array_add (rows, trib_mapping_preview_row_new_from_json (json_node_get_object (node)));
    }
  return g_steal_pointer (&rows);
}

static const TribPaging mapping_sets_paging = {
  .style = TRIB_PAGING_START_LIMIT,
  .item_type = trib_mapping_set_get_type,
  .items = "data",
  .parse_item = parse_mapping_set_item,
  .page_size = TRIB_DATA_PREP_PAGE_SIZE,
  .max_page_size = 100,
};

static const TribEndpoint list_endpoint = {
  .service = DATA_PREP,
  .what = N_("a list of mapping sets"),
  .method = "GET",
  .path = DATA_PREP_PATH "/mappingSets",
  .idempotent = TRUE,
  .paging = &mapping_sets_paging,
};

/* Never retried: a second try could create a second mapping set. */
static const TribEndpoint create_endpoint = {
  .service = DATA_PREP,
  .what = N_("the new mapping set's id"),
  .method = "POST",
  .path = DATA_PREP_PATH "/mappingSets",
  .idempotent = FALSE,
  .parse = parse_mapping_set,
  .free_result = g_object_unref,
  .error_prefix = N_("Could not create the mapping set: "),
};

/* Each PUT makes a new version: repeating it would make two. */
static const TribEndpoint update_endpoint = {
  .service = DATA_PREP,
  .what = N_("the mapping set's new version"),
  .method = "PUT",
  .path = DATA_PREP_PATH "/mappingSets/{}",
  .idempotent = FALSE,
  .parse = parse_mapping_set,
  .free_result = g_object_unref,
  .error_prefix = N_("Could not update the mapping set: "),
};

static const TribEndpoint get_endpoint = {
  .service = DATA_PREP,
  .what = N_("the mapping set"),
  .method = "GET",
  .path = DATA_PREP_PATH "/mappingSets/{}",
  .idempotent = TRUE,
  .parse = parse_mapping_set,
  .free_result = g_object_unref,
};

/* Validation and preview change nothing: safe to repeat. */
static const TribEndpoint validate_endpoint = {
  .service = DATA_PREP,
  .what = N_("a verdict for each mapping"),
  .method = "POST",
  .path = DATA_PREP_PATH "/mappingSets/validate",
  .idempotent = TRUE,
  .parse = parse_checks,
  .free_result = (GDestroyNotify) g_ptr_array_unref,
  .error_prefix = N_("Could not validate the mappings: "),
};

static const TribEndpoint preview_endpoint = {
  .service = DATA_PREP,
  .what = N_("the mapped sample rows"),
  .method = "POST",
  .path = DATA_PREP_PATH "/mappingSets/preview",
  .idempotent = TRUE,
  .parse = parse_preview,
  .free_result = (GDestroyNotify) g_ptr_array_unref,
  .error_prefix = N_("Could not preview the mappings: "),
};

/* The members of a mapping set's body, inside an open object. */
static void
add_mapping_set (JsonBuilder *builder,
                 const char  *name,
                 const char  *schema_id,
                 GPtrArray   *mappings)
{
  if (name != NULL && name[0] != '\0')
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
    }
  json_builder_set_member_name (builder, "outputSchema");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "schemaRef");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, schema_id);
  json_builder_set_member_name (builder, "contentType");
  json_builder_add_string_value (builder, SCHEMA_CONTENT_TYPE);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "mappings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mappings->len; i++)
    trib_mapping_to_json (g_ptr_array_index (mappings, i), builder);
  json_builder_end_array (builder);
}

static JsonNode *
mapping_set_body (const char *name,
                  const char *schema_id,
                  GPtrArray  *mappings)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  add_mapping_set (builder, name, schema_id, mappings);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * trib_data_prep_create_mapping_set_async:
 * @client: a #TribPlatformClient
 * @name: (nullable): the set's name, what a lost reply is found by
 * @schema_id: the target schema's `$id`
 * @mappings: (element-type TribMapping): the mappings
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new set's id and version
 * @user_data: data for @callback
 *
 * Never retried: a second try could create a second mapping set.
 */
void
trib_data_prep_create_mapping_set_async (TribPlatformClient  *client,
                                         const char          *name,
                                         const char          *schema_id,
                                         GPtrArray           *mappings,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schema_id != NULL);
  g_return_if_fail (mappings != NULL);

  body = mapping_set_body (name, schema_id, mappings);
  call = trib_call_new (&create_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_data_prep_create_mapping_set_finish:
 *
 * Returns: (transfer full): the new set: id, version, dates, no mappings
 */
TribMappingSet *
trib_data_prep_create_mapping_set_finish (GAsyncResult  *result,
                                          GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_data_prep_update_mapping_set_async:
 * @mapping_set_id: the set to replace
 * @name: (nullable): its name
 * @schema_id: the target schema's `$id`
 * @mappings: (element-type TribMapping): all of its mappings
 *
 * Replaces the set's mappings; the answer carries the version a flow
 * must then name. Never retried.
 */
void
trib_data_prep_update_mapping_set_async (TribPlatformClient  *client,
                                         const char          *mapping_set_id,
                                         const char          *name,
                                         const char          *schema_id,
                                         GPtrArray           *mappings,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (mapping_set_id != NULL);
  g_return_if_fail (schema_id != NULL);
  g_return_if_fail (mappings != NULL);

  body = mapping_set_body (name, schema_id, mappings);
  call = trib_call_new (&update_endpoint, mapping_set_id, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_data_prep_update_mapping_set_finish:
 *
 * Returns: (transfer full): the set's new id, version and dates
 */
TribMappingSet *
trib_data_prep_update_mapping_set_finish (GAsyncResult  *result,
                                          GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_data_prep_get_mapping_set_async:
 * @mapping_set_id: a mapping set id (32 hex digits)
 * @version: a version, or -1 for the latest
 */
void
trib_data_prep_get_mapping_set_async (TribPlatformClient  *client,
                                      const char          *mapping_set_id,
                                      gint                 version,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (mapping_set_id != NULL);

  call = trib_call_new (&get_endpoint, mapping_set_id, NULL);
  if (version >= 0)
    {
      g_autofree char *text = g_strdup_printf ("%d", version);

      trib_call_add_query (call, "version", text);
    }
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_data_prep_get_mapping_set_finish:
 *
 * Returns: (transfer full): the set with its mappings
 */
TribMappingSet *
trib_data_prep_get_mapping_set_finish (GAsyncResult  *result,
                                       GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_data_prep_list_mapping_sets:
 * @name: (nullable): only the sets of this name
 * @page_size: items per request, 0 for %TRIB_DATA_PREP_PAGE_SIZE
 *
 * Lists the current sandbox's mapping sets, newest first, a page at a
 * time (`start` and `limit`, both required by Data Prep).
 *
 * Returns: (transfer full): a #TribPagedList of #TribMappingSet
 */
TribPagedList *
trib_data_prep_list_mapping_sets (TribPlatformClient *client,
                                  const char         *name,
                                  guint               page_size)
{
  TribCall *call;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  call = trib_call_new (&list_endpoint, NULL);
  trib_call_add_query (call, "orderBy", "-createdDate");
  if (name != NULL && name[0] != '\0')
    trib_call_add_query (call, "name", name);
  if (page_size > 0)
    trib_call_set_page_size (call, page_size);
  return trib_paged_list_new_for_call (client, call);
}

static GStrv
destinations_of (GPtrArray *mappings)
{
  g_autoptr(GStrvBuilder) destinations = g_strv_builder_new ();

  for (guint i = 0; i < mappings->len; i++)
    g_strv_builder_add (destinations, trib_mapping_get_destination (g_ptr_array_index (mappings, i)));
  return g_strv_builder_end (destinations);
}

/**
 * trib_data_prep_validate_async:
 * @schema_id: the target schema's `$id`
 * @mappings: (element-type TribMapping): the mappings to check
 * @column_names: (nullable): the source's columns, to check sources too
 * @column_types: (nullable): their JSON Schema types, index for index
 *   ("" for unknown)
 *
 * Asks Data Prep for a verdict on each mapping: destinations against the
 * schema's paths and types, sources against the columns when given
 * (sent as `inputSchema.jsonSchema`, data-prep.yaml's place for them).
 */
void
trib_data_prep_validate_async (TribPlatformClient  *client,
                               const char          *schema_id,
                               GPtrArray           *mappings,
                               const char * const  *column_names,
                               const char * const  *column_types,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schema_id != NULL);
  g_return_if_fail (mappings != NULL);

  json_builder_begin_object (builder);
  add_mapping_set (builder, NULL, schema_id, mappings);
  if (column_names != NULL)
    {
      json_builder_set_member_name (builder, "inputSchema");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "jsonSchema");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "object");
      json_builder_set_member_name (builder, "properties");
      json_builder_begin_object (builder);
      for (guint i = 0; column_names[i] != NULL; i++)
        {
          const char *type = column_types != NULL ? column_types[i] : NULL;

          json_builder_set_member_name (builder, column_names[i]);
          json_builder_begin_object (builder);
          if (type != NULL && type[0] != '\0')
            {
              json_builder_set_member_name (builder, "type");
              json_builder_add_string_value (builder, type);
            }
          json_builder_end_object (builder);
          /* The types run out with the names, not before. */
          if (type == NULL)
            column_types = NULL;
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&validate_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_call_set_data (call, destinations_of (mappings), (GDestroyNotify) g_strfreev);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_data_prep_validate_finish:
 *
 * Returns: (transfer full) (element-type TribMappingCheck): a verdict
 *   per mapping, in the order sent
 */
GPtrArray *
trib_data_prep_validate_finish (GAsyncResult  *result,
                                GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/**
 * trib_data_prep_preview_async:
 * @schema_id: the target schema's `$id`
 * @mappings: (element-type TribMapping): the mappings to apply
 * @rows: sample rows of the source, as explore's preview gives them
 */
void
trib_data_prep_preview_async (TribPlatformClient  *client,
                              const char          *schema_id,
                              GPtrArray           *mappings,
                              JsonArray           *rows,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) data = json_node_new (JSON_NODE_ARRAY);
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (schema_id != NULL);
  g_return_if_fail (mappings != NULL);
  g_return_if_fail (rows != NULL);

  json_node_set_array (data, rows);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "data");
  json_builder_add_value (builder, json_node_copy (data));
  json_builder_set_member_name (builder, "mappingSet");
  json_builder_begin_object (builder);
  add_mapping_set (builder, NULL, schema_id, mappings);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  call = trib_call_new (&preview_endpoint, NULL);
  trib_call_set_body (call, body);
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_data_prep_preview_finish:
 *
 * Returns: (transfer full) (element-type TribMappingPreviewRow): the
 *   mapped rows, in the order sent
 */
GPtrArray *
trib_data_prep_preview_finish (GAsyncResult  *result,
                               GError       **error)
{
  return trib_platform_client_send_finish (result, error);
}

/* Versions */

/* Data Prep has no list of a set's versions [UNV]: the latest says how
 * many there are, and each older one is read on its own, all at once.
 */
typedef struct
{
  TribPlatformClient *client;
  char *mapping_set_id;
  GPtrArray *versions;        /* TribMappingSet or NULL, newest first */
  guint pending;
  GError *error;
} VersionsData;

static void
versions_data_free (VersionsData *data)
{
  g_clear_object (&data->client);
  g_free (data->mapping_set_id);
  g_clear_pointer (&data->versions, g_ptr_array_unref);
  g_clear_error (&data->error);
  g_free (data);
}

static void
version_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VersionsData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  TribMappingSet *set = trib_data_prep_get_mapping_set_finish (result, &error);

  if (set != NULL)
    {
      guint latest = trib_mapping_set_get_version (g_ptr_array_index (data->versions, 0));
      guint index = latest - trib_mapping_set_get_version (set);

      if (index < data->versions->len && g_ptr_array_index (data->versions, index) == NULL)
        g_ptr_array_index (data->versions, index) = set;
      else
        g_object_unref (set);
    }
  else if (data->error == NULL)
    data->error = g_steal_pointer (&error);

  if (--data->pending > 0)
    return;
  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_pointer (task, g_ptr_array_ref (data->versions), (GDestroyNotify) g_ptr_array_unref);
}

static void
latest_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  VersionsData *data = g_task_get_task_data (task);
  guint max = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "max"));
  GError *error = NULL;
  TribMappingSet *latest = trib_data_prep_get_mapping_set_finish (result, &error);
  guint version;
  guint n;

  if (latest == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  version = trib_mapping_set_get_version (latest);
  n = MIN (version + 1, max);
  g_ptr_array_set_size (data->versions, n);
  g_ptr_array_index (data->versions, 0) = latest;
  if (n == 1)
    {
      g_task_return_pointer (task, g_ptr_array_ref (data->versions), (GDestroyNotify) g_ptr_array_unref);
      return;
    }

  data->pending = n - 1;
  for (guint i = 1; i < n; i++)
    trib_data_prep_get_mapping_set_async (data->client, data->mapping_set_id, version - i,
                                          g_task_get_cancellable (task), version_read_cb, g_object_ref (task));
}

/**
 * trib_data_prep_read_versions_async:
 * @mapping_set_id: a mapping set id (32 hex digits)
 * @max: how many versions at most, the newest, at least 1
 *
 * Reads the latest version of a mapping set and the ones before it, up
 * to @max in all.
 */
void
trib_data_prep_read_versions_async (TribPlatformClient  *client,
                                    const char          *mapping_set_id,
                                    guint                max,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  VersionsData *data;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (mapping_set_id != NULL);
  g_return_if_fail (max > 0);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_data_prep_read_versions_async);
  data = g_new0 (VersionsData, 1);
  data->client = g_object_ref (client);
  data->mapping_set_id = g_strdup (mapping_set_id);
  /* Versions not read yet are NULL. */
  data->versions = g_ptr_array_new_with_free_func (trib_object_unref_nullable);
  g_task_set_task_data (task, data, (GDestroyNotify) versions_data_free);
  g_object_set_data (G_OBJECT (task), "max", GUINT_TO_POINTER (max));
  trib_data_prep_get_mapping_set_async (client, mapping_set_id, -1, cancellable, latest_read_cb,
                                        g_steal_pointer (&task));
}

/**
 * trib_data_prep_read_versions_finish:
 *
 * Returns: (transfer container) (element-type TribMappingSet): the
 *   versions read, newest first, each with its mappings
 */
GPtrArray *
trib_data_prep_read_versions_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
