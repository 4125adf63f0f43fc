/* test-schemas-catalog.c
 *
 * The Schema Registry and Catalog clients against tributary-sim over
 * HTTP: paging, resolving field trees, creating schemas, ad hoc classes
 * and datasets, and every refusal the platform makes, surfaced.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <unistd.h>

#include "trib-catalog.h"
#include "trib-platform-error.h"
#include "trib-schema-registry.h"
#include "trib-test-sim.h"
#include "trib-xdm-titles.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define CRM_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/2b7e9d41c8a54f13b6e0a9d8c7b6a5f4"
#define ORDERS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"
#define WEB_EVENTS_DATASET "64f0a1b2c3d4e5f60718293a"
#define CRM_DATASET "64f0a1b2c3d4e5f60718293b"
#define ORDERS_DATASET "64f0a1b2c3d4e5f60718293c"
#define N_DEMO_DATASETS (3 + 240)

#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"
#define EVENT_CLASS "https://ns.adobe.com/xdm/context/experienceevent"

static TribTestSim *sim;
static TribPlatformClient *client;

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (*result == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return *result;
}

/* Reads every page, as scrolling to the end would. */
static void
load_all (TribPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!trib_paged_list_get_complete (list))
    {
      g_assert_null (trib_paged_list_get_error (list));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!trib_paged_list_get_loading (list))
        trib_paged_list_load_more (list);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_null (trib_paged_list_get_error (list));
}

static void
wait_first_page (TribPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (trib_paged_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_null (trib_paged_list_get_error (list));
}

static gpointer
find_by_id (GListModel *model,
            const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *item_id = TRIB_IS_DATASET (item) ? trib_dataset_get_id (TRIB_DATASET (item))
                                                   : trib_xdm_resource_get_id (TRIB_XDM_RESOURCE (item));

      if (g_strcmp0 (item_id, id) == 0)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static TribXdmField *
find_field (GListModel *fields,
            const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      const char *field_path = trib_xdm_field_get_path (field);
      gsize length = strlen (field_path);

      if (g_str_equal (field_path, path))
        return g_steal_pointer (&field);

      if (trib_xdm_field_get_children (field) != NULL && strncmp (path, field_path, length) == 0 &&
          path[length] == '.')
        return find_field (trib_xdm_field_get_children (field), path);
    }

  return NULL;
}

static guint
tree_depth (GListModel *fields)
{
  guint deepest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      GListModel *children = trib_xdm_field_get_children (field);

      if (children != NULL)
        deepest = MAX (deepest, tree_depth (children));
    }

  return deepest + 1;
}

static GListModel *
load_fields (TribXdmKind  kind,
             const char  *id,
             guint       *n_fields)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *fields;

  trib_schema_registry_load_fields_async (client, kind, id, NULL, result_cb, &result);
  fields = trib_schema_registry_load_fields_finish (wait_for (&result), n_fields, &error);
  g_assert_no_error (error);

  return fields;
}

/* The next resolved schema the simulator serves is @body, as is. */
static void
serve_schema_body (const char *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) fault = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, "/data/foundation/schemaregistry/tenant/schemas/*");
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, "GET");
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, body != NULL ? "body" : "deep_nesting");
  if (body != NULL)
    {
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, body);
      json_builder_set_member_name (builder, "content_type");
      json_builder_add_string_value (builder, "application/vnd.adobe.xed-full+json; version=1");
    }
  json_builder_end_object (builder);
  fault = json_builder_get_root (builder);
  json = json_to_string (fault, FALSE);
  trib_test_sim_add_fault (sim, json);
}

static GListModel *
load_served_fields (guint   *n_fields,
                    GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_schema_registry_load_fields_async (client, TRIB_XDM_KIND_SCHEMA,
                                          "https://ns.adobe.com/tributarydemo/schemas/0ddba11", NULL,
                                          result_cb, &result);

  return trib_schema_registry_load_fields_finish (wait_for (&result), n_fields, error);
}

/* The tree is read straight from the reply's text (issue 10), after the
 * checks every reply gets: escapes, members in any order, shapes that
 * leave fields unused, and a filter that folds more than ASCII.
 */
static void
test_field_tree_from_reply (void)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(TribXdmField) street = NULL;
  g_autoptr(TribXdmField) city = NULL;
  g_autoptr(TribXdmField) lone = NULL;
  g_autoptr(TribXdmField) map = NULL;
  g_autoptr(TribXdmField) value = NULL;
  g_autoptr(TribXdmField) list = NULL;
  g_autoptr(TribXdmField) item = NULL;
  g_autoptr(GError) error = NULL;
  guint n_fields = 0;

  serve_schema_body ("{\"title\": \"Odd\", \"properties\": {"
                     " \"stra\\u00dfe\": {\"title\": \"Stra\u00dfe\", \"type\": \"string\"},"
                     " \"city\": {\"title\": \"\\u00c9TAT \u0130stanbul\", \"type\": \"string\", \"format\": \"x\\/y\"},"
                     " \"lone\": {\"title\": \"a\\udc00b\", \"type\": \"string\"},"
                     " \"m\": {\"properties\": {\"unused\": {\"type\": \"string\"}},"
                     "        \"additionalProperties\": {\"type\": \"object\", \"properties\": {\"v\": {\"type\": \"long\"}}},"
                     "        \"meta:xdmType\": \"map\"},"
                     " \"list\": {\"properties\": {\"unused\": {}}, \"type\": \"array\","
                     "           \"items\": {\"required\": [\"x\"], \"properties\": {\"x\": {\"meta:xdmType\": \"int\"}}}},"
                     " \"plain\": 5},"
                     " \"required\": [\"city\"]}");
  fields = load_served_fields (&n_fields, &error);
  g_assert_no_error (error);

  /* The map's and the array's own properties are not shown. */
  g_assert_cmpuint (n_fields, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 5);

  street = find_field (fields, "stra\u00dfe");
  g_assert_nonnull (street);
  g_assert_cmpstr (trib_xdm_field_get_title (street), ==, "Stra\u00dfe");
  city = find_field (fields, "city");
  g_assert_cmpstr (trib_xdm_field_get_title (city), ==, "\u00c9TAT \u0130stanbul");
  g_assert_cmpstr (trib_xdm_field_get_format (city), ==, "x/y");
  g_assert_true (trib_xdm_field_get_required (city));
  g_assert_false (trib_xdm_field_get_required (street));
  lone = find_field (fields, "lone");
  g_assert_cmpstr (trib_xdm_field_get_title (lone), ==, "a\uFFFDb");

  map = find_field (fields, "m");
  g_assert_cmpint (trib_xdm_field_get_shape (map), ==, TRIB_XDM_SHAPE_MAP);
  g_assert_cmpstr (trib_xdm_field_get_type_name (map), ==, "map[string, object]");
  g_assert_cmpuint (g_list_model_get_n_items (trib_xdm_field_get_children (map)), ==, 1);
  value = g_list_model_get_item (trib_xdm_field_get_children (map), 0);
  g_assert_cmpstr (trib_xdm_field_get_path (value), ==, "m.*.v");
  g_assert_cmpstr (trib_xdm_field_get_type_name (value), ==, "long");

  list = find_field (fields, "list");
  g_assert_cmpstr (trib_xdm_field_get_type_name (list), ==, "array[object]");
  g_assert_cmpuint (g_list_model_get_n_items (trib_xdm_field_get_children (list)), ==, 1);
  item = find_field (fields, "list.x");
  g_assert_nonnull (item);
  g_assert_true (trib_xdm_field_get_required (item));
  g_assert_cmpstr (trib_xdm_field_get_type_name (item), ==, "int");

  /* Case is ignored beyond ASCII, in paths and in titles. */
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, "STRASSE"), ==, 1);
  g_assert_true (trib_xdm_field_get_matches (street));
  g_assert_false (trib_xdm_field_get_visible (city));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, "\u00e9tat"), ==, 1);
  g_assert_true (trib_xdm_field_get_matches (city));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, "M.*.V"), ==, 1);
  g_assert_true (trib_xdm_field_get_visible (map));
  g_assert_false (trib_xdm_field_get_matches (map));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, NULL), ==, 0);
  g_clear_object (&fields);

  /* What every reply is refused for, this one is too. */
  serve_schema_body ("{\"properties\": {\"a\": {}, \"a\": {}}}");
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_null (fields);
  g_clear_error (&error);

  serve_schema_body (NULL);
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP);
  g_clear_error (&error);

  /* The scan leaves the grammar to the reader, deep as it may be. */
  serve_schema_body ("{\"properties\": {\"a\": {\"type\": \"string\", \"enum\": [1 2]}}}");
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  serve_schema_body ("[{\"properties\": {}}]");
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
}

static char *
unique (const char *prefix)
{
  static guint counter;

  return g_strdup_printf ("%s %u-%u", prefix, (guint) getpid (), ++counter);
}

static void
test_datasets_paging (void)
{
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TribDataset) web = NULL;
  guint n_items;

  trib_test_sim_clear_requests (sim);
  list = trib_catalog_list_datasets (client, NULL);
  wait_first_page (list);

  /* The first page is one round trip, and nothing more is read unasked. */
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, 1);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", "/data/foundation/catalog/dataSets"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, TRIB_CATALOG_PAGE_SIZE);
  g_assert_false (trib_paged_list_get_complete (list));

  load_all (list);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_items, ==, N_DEMO_DATASETS);
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, (N_DEMO_DATASETS + 99) / 100);

  /* Ordered by name, each once. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (g_hash_table_add (seen, g_strdup (trib_dataset_get_id (dataset))));
      if (i > 0)
        {
          g_autoptr(TribDataset) previous = g_list_model_get_item (G_LIST_MODEL (list), i - 1);

          g_assert_cmpint (g_ascii_strcasecmp (trib_dataset_get_name (previous), trib_dataset_get_name (dataset)),
                           <=, 0);
        }
    }

  web = find_by_id (G_LIST_MODEL (list), WEB_EVENTS_DATASET);
  g_assert_nonnull (web);
  g_assert_cmpstr (trib_dataset_get_name (web), ==, "Luma Web Events");
  g_assert_cmpstr (trib_dataset_get_table_name (web), ==, "luma_web_events");
  g_assert_cmpstr (trib_dataset_get_schema_id (web), ==, WEB_EVENTS_SCHEMA);
  g_assert_nonnull (trib_dataset_get_created (web));
  g_assert_nonnull (trib_dataset_get_last_batch_status (web));
}

static void
test_datasets_search (void)
{
  g_autoptr(TribPagedList) list = trib_catalog_list_datasets (client, "LUMA ORDERS");
  g_autoptr(TribPagedList) none = trib_catalog_list_datasets (client, "no such (dataset)");
  g_autoptr(TribDataset) orders = NULL;

  load_all (list);
  orders = find_by_id (G_LIST_MODEL (list), ORDERS_DATASET);
  g_assert_nonnull (orders);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *folded = g_utf8_casefold (trib_dataset_get_name (dataset), -1);

      g_assert_nonnull (strstr (folded, "luma orders"));
    }

  /* Regular expression characters are the user's text, not a pattern. */
  load_all (none);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
}

static void
test_dataset_detail (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) batches_result = NULL;
  g_autoptr(GAsyncResult) labels_result = NULL;
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) labels = NULL;
  g_auto(GStrv) field_labels = NULL;
  gboolean failed_seen = FALSE;
  g_autofree char *table_tag = NULL;

  trib_catalog_get_dataset_async (client, CRM_DATASET, NULL, result_cb, &result);
  dataset = trib_catalog_get_dataset_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_dataset_get_name (dataset), ==, "Luma CRM Profiles");
  g_assert_cmpstr (trib_dataset_get_schema_id (dataset), ==, CRM_SCHEMA);
  table_tag = trib_dataset_dup_tag (dataset, "adobe/pqs/table");
  g_assert_cmpstr (table_tag, ==, "luma_crm_profiles");
  g_assert_true (g_strv_contains (trib_dataset_get_tag_names (dataset), "adobe/pqs/table"));

  trib_catalog_get_labels_async (client, CRM_DATASET, NULL, result_cb, &labels_result);
  g_assert_true (trib_catalog_get_labels_finish (wait_for (&labels_result), &labels, &field_labels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (labels) + g_strv_length (field_labels), >, 0);

  trib_catalog_list_batches_async (client, ORDERS_DATASET, 10, NULL, result_cb, &batches_result);
  batches = trib_catalog_list_batches_finish (wait_for (&batches_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (batches), >=, 3);
  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(TribBatch) batch = g_list_model_get_item (batches, i);

      g_assert_nonnull (trib_batch_get_status (batch));
      g_assert_nonnull (trib_batch_get_created (batch));
      if (g_strcmp0 (trib_batch_get_status (batch), "failed") == 0)
        {
          failed_seen = TRUE;
          g_assert_nonnull (trib_batch_get_error_summary (batch));
          g_assert_cmpint (trib_batch_get_failed_record_count (batch), >, 0);
        }
      else if (g_strcmp0 (trib_batch_get_status (batch), "success") == 0)
        g_assert_cmpint (trib_batch_get_record_count (batch), >, 0);

      /* Newest first. */
      if (i > 0)
        {
          g_autoptr(TribBatch) previous = g_list_model_get_item (batches, i - 1);

          g_assert_cmpint (g_date_time_compare (trib_batch_get_created (previous), trib_batch_get_created (batch)),
                           >=, 0);
        }
    }
  g_assert_true (failed_seen);
}

static char *
create_dataset (const char  *name,
                const char  *schema_id,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_catalog_create_dataset_async (client, name, "Made by a test", schema_id, NULL, result_cb, &result);

  return trib_catalog_create_dataset_finish (wait_for (&result), error);
}

static void
test_dataset_create_delete (void)
{
  g_autofree char *name = unique ("Leads Dataset");
  g_autofree char *id = NULL;
  g_autofree char *again = NULL;
  g_autofree char *unknown = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) delete_result = NULL;
  g_autoptr(GAsyncResult) gone_result = NULL;
  g_autoptr(TribDataset) dataset = NULL;
  g_autoptr(TribDataset) gone = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected_json = NULL;

  id = create_dataset (name, CRM_SCHEMA, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "POST", "/data/foundation/catalog/dataSets"), >=, 1);

  /* Exactly seed 002's payload. */
  body = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/catalog/dataSets");
  expected_json = g_strdup_printf ("{\"name\": \"%s\", \"description\": \"Made by a test\", \"schemaRef\": {\"id\": \"%s\", "
                                   "\"contentType\": \"application/vnd.adobe.xed-full-notext+json; version=1\"}, "
                                   "\"fileDescription\": {\"format\": \"parquet\"}}", name, CRM_SCHEMA);
  expected = json_from_string (expected_json, &error);
  g_assert_no_error (error);
  g_assert_nonnull (body);
  g_assert_true (json_node_equal (body, expected));

  trib_catalog_get_dataset_async (client, id, NULL, result_cb, &result);
  dataset = trib_catalog_get_dataset_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_dataset_get_name (dataset), ==, name);
  g_assert_cmpstr (trib_dataset_get_format (dataset), ==, "parquet");
  g_assert_nonnull (trib_dataset_get_table_name (dataset));

  /* Names are unique, and schemas must exist: each refusal says what is wrong. */
  again = create_dataset (name, CRM_SCHEMA, &error);
  g_assert_null (again);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (trib_platform_error_get_detail (error), name));
  g_clear_error (&error);

  unknown = create_dataset ("Orphan dataset", "https://ns.adobe.com/tributarydemo/schemas/0000", &error);
  g_assert_null (unknown);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (trib_platform_error_get_detail (error), "https://ns.adobe.com/tributarydemo/schemas/0000"));
  g_clear_error (&error);

  trib_catalog_delete_dataset_async (client, id, NULL, result_cb, &delete_result);
  g_assert_true (trib_catalog_delete_dataset_finish (wait_for (&delete_result), &error));
  g_assert_no_error (error);

  trib_catalog_get_dataset_async (client, id, NULL, result_cb, &gone_result);
  gone = trib_catalog_get_dataset_finish (wait_for (&gone_result), &error);
  g_assert_null (gone);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
}

static void
test_schema_lists (void)
{
  g_autoptr(TribPagedList) schemas = trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA,
                                                                TRIB_XDM_CONTAINER_TENANT, NULL, NULL);
  g_autoptr(TribPagedList) classes = trib_schema_registry_list (client, TRIB_XDM_KIND_CLASS,
                                                                TRIB_XDM_CONTAINER_GLOBAL, NULL, NULL);
  g_autoptr(TribPagedList) profile_groups = trib_schema_registry_list (client, TRIB_XDM_KIND_FIELD_GROUP,
                                                                       TRIB_XDM_CONTAINER_GLOBAL, NULL,
                                                                       PROFILE_CLASS);
  g_autoptr(TribPagedList) search = trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA,
                                                               TRIB_XDM_CONTAINER_TENANT, "web EVENTS", NULL);
  g_autoptr(TribXdmResource) web = NULL;
  g_autoptr(TribXdmResource) crm = NULL;
  g_autoptr(TribXdmResource) profile = NULL;
  g_autoptr(TribXdmResource) person = NULL;
  g_autoptr(TribXdmResource) commerce = NULL;

  load_all (schemas);
  web = find_by_id (G_LIST_MODEL (schemas), WEB_EVENTS_SCHEMA);
  crm = find_by_id (G_LIST_MODEL (schemas), CRM_SCHEMA);
  g_assert_nonnull (web);
  g_assert_nonnull (crm);
  g_assert_cmpstr (trib_xdm_resource_get_title (web), ==, "Luma Web Events");
  g_assert_cmpstr (trib_xdm_resource_get_class_id (web), ==, EVENT_CLASS);
  g_assert_cmpint (trib_xdm_resource_get_behavior (web), ==, TRIB_XDM_BEHAVIOR_TIME_SERIES);
  g_assert_true (trib_xdm_resource_get_profile_enabled (web));
  g_assert_nonnull (trib_xdm_resource_get_created (web));
  g_assert_nonnull (trib_xdm_resource_get_modified (web));
  g_assert_cmpint (trib_xdm_resource_get_behavior (crm), ==, TRIB_XDM_BEHAVIOR_RECORD);
  g_assert_true (g_strv_contains (trib_xdm_resource_get_field_group_ids (crm),
                                  "https://ns.adobe.com/xdm/context/profile-person-details"));

  load_all (classes);
  profile = find_by_id (G_LIST_MODEL (classes), PROFILE_CLASS);
  g_assert_nonnull (profile);
  g_assert_nonnull (find_by_id (G_LIST_MODEL (classes), EVENT_CLASS));
  g_assert_cmpint (trib_xdm_resource_get_container (profile), ==, TRIB_XDM_CONTAINER_GLOBAL);

  /* Only the field groups meant for the class. */
  load_all (profile_groups);
  person = find_by_id (G_LIST_MODEL (profile_groups), "https://ns.adobe.com/xdm/context/profile-person-details");
  commerce = find_by_id (G_LIST_MODEL (profile_groups), "https://ns.adobe.com/xdm/context/experienceevent-commerce");
  g_assert_nonnull (person);
  g_assert_null (commerce);
  g_assert_true (g_strv_contains (trib_xdm_resource_get_intended_to_extend (person), PROFILE_CLASS));

  load_all (search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);
}

static void
test_field_tree (void)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) crm_fields = NULL;
  g_autoptr(TribXdmField) identity_map = NULL;
  g_autoptr(TribXdmField) items = NULL;
  g_autoptr(TribXdmField) sku = NULL;
  g_autoptr(TribXdmField) page_name = NULL;
  g_autoptr(TribXdmField) ecid = NULL;
  g_autoptr(TribXdmField) email = NULL;
  g_autoptr(TribXdmField) id = NULL;
  g_autoptr(TribXdmField) timestamp = NULL;
  g_autoptr(TribXdmField) person_email = NULL;
  guint n_fields = 0;
  guint n_matches;

  fields = load_fields (TRIB_XDM_KIND_SCHEMA, WEB_EVENTS_SCHEMA, &n_fields);
  g_assert_cmpuint (n_fields, >=, 5000);
  g_assert_cmpuint (tree_depth (fields), >=, 5);

  /* Maps, arrays of objects, nested objects. */
  identity_map = find_field (fields, "identityMap");
  g_assert_nonnull (identity_map);
  g_assert_cmpint (trib_xdm_field_get_shape (identity_map), ==, TRIB_XDM_SHAPE_MAP);
  g_assert_cmpstr (trib_xdm_field_get_type_name (identity_map), ==, "map[string, array[object]]");
  g_assert_nonnull (trib_xdm_field_get_children (identity_map));

  items = find_field (fields, "productListItems");
  g_assert_nonnull (items);
  g_assert_cmpint (trib_xdm_field_get_shape (items), ==, TRIB_XDM_SHAPE_ARRAY);
  sku = find_field (fields, "productListItems.SKU");
  g_assert_nonnull (sku);
  g_assert_cmpint (trib_xdm_field_get_shape (sku), ==, TRIB_XDM_SHAPE_SCALAR);

  page_name = find_field (fields, "web.webPageDetails.name");
  g_assert_nonnull (page_name);
  g_assert_cmpstr (trib_xdm_field_get_type_name (page_name), ==, "string");
  g_assert_nonnull (trib_xdm_field_get_title (page_name));

  timestamp = find_field (fields, "timestamp");
  id = find_field (fields, "_id");
  g_assert_nonnull (timestamp);
  g_assert_nonnull (id);
  g_assert_true (trib_xdm_field_get_required (timestamp) || trib_xdm_field_get_required (id));

  /* Identity descriptors mark their fields; one is primary. */
  ecid = find_field (fields, "_tributarydemo.identification.core.ecid");
  email = find_field (fields, "_tributarydemo.identification.core.email");
  g_assert_nonnull (ecid);
  g_assert_nonnull (email);
  g_assert_cmpstr (trib_xdm_field_get_identity_namespace (ecid), ==, "ECID");
  g_assert_true (trib_xdm_field_get_primary_identity (ecid));
  g_assert_cmpstr (trib_xdm_field_get_identity_namespace (email), ==, "Email");
  g_assert_false (trib_xdm_field_get_primary_identity (email));
  g_assert_null (trib_xdm_field_get_identity_namespace (page_name));

  /* The filter keeps matches and their ancestors only. */
  n_matches = trib_xdm_field_filter_tree (fields, "WEBPAGEDETAILS.NA");
  g_assert_cmpuint (n_matches, >=, 1);
  g_assert_true (trib_xdm_field_get_matches (page_name));
  g_assert_true (trib_xdm_field_get_visible (page_name));
  {
    g_autoptr(TribXdmField) web = find_field (fields, "web");

    g_assert_true (trib_xdm_field_get_visible (web));
    g_assert_false (trib_xdm_field_get_matches (web));
  }
  g_assert_false (trib_xdm_field_get_visible (identity_map));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, NULL), ==, 0);
  g_assert_true (trib_xdm_field_get_visible (identity_map));

  crm_fields = load_fields (TRIB_XDM_KIND_SCHEMA, CRM_SCHEMA, NULL);
  person_email = find_field (crm_fields, "personalEmail.address");
  g_assert_nonnull (person_email);
  g_assert_cmpstr (trib_xdm_field_get_identity_namespace (person_email), ==, "Email");
  g_assert_true (trib_xdm_field_get_primary_identity (person_email));
}

static TribXdmResource *
create_schema (const char          *title,
               const char          *class_id,
               const char * const  *field_groups,
               GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_schema_registry_create_schema_async (client, title, NULL, class_id, field_groups, NULL, result_cb, &result);

  return trib_schema_registry_create_schema_finish (wait_for (&result), error);
}

static void
test_create_schema_seed_002 (void)
{
  const char * const field_groups[] = {
    "https://ns.adobe.com/xdm/context/profile-person-details",
    "https://ns.adobe.com/xdm/context/profile-personal-details",
    "https://ns.adobe.com/xdm/context/profile-work-details",
    "https://ns.adobe.com/xdm/context/profile-subscriptions",
    "https://ns.adobe.com/xdm/context/identitymap",
    NULL
  };
  g_autofree char *title = unique ("Sample Demo Profile XDM");
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(TribXdmResource) again = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GString) expected_json = g_string_new (NULL);
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribXdmField) first_name = NULL;
  const char *candidates[] = { title, NULL };

  schema = create_schema (title, PROFILE_CLASS, field_groups, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_xdm_resource_get_title (schema), ==, title);
  g_assert_true (g_str_has_prefix (trib_xdm_resource_get_id (schema), "https://ns.adobe.com/tributarydemo/schemas/"));
  g_assert_cmpstr (trib_xdm_resource_get_class_id (schema), ==, PROFILE_CLASS);
  g_assert_cmpuint (g_strv_length ((GStrv) trib_xdm_resource_get_field_group_ids (schema)), ==, 5);

  /* The payload is seed 002's, member for member. */
  g_string_append_printf (expected_json, "{\"type\": \"object\", \"title\": \"%s\", \"description\": \"\", \"allOf\": ["
                          "{\"$ref\": \"" PROFILE_CLASS "\"}", title);
  for (guint i = 0; field_groups[i] != NULL; i++)
    g_string_append_printf (expected_json, ", {\"$ref\": \"%s\"}", field_groups[i]);
  g_string_append (expected_json, "], \"meta:containerId\": \"tenant\", \"meta:resourceType\": \"schemas\", "
                   "\"meta:xdmType\": \"object\", \"meta:class\": \"" PROFILE_CLASS "\"}");
  expected = json_from_string (expected_json->str, &error);
  g_assert_no_error (error);
  body = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/schemaregistry/tenant/schemas");
  g_assert_nonnull (body);
  g_assert_true (json_node_equal (body, expected));

  /* It resolves, with the field groups' fields. */
  fields = load_fields (TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_id (schema), NULL);
  first_name = find_field (fields, "person.name.firstName");
  g_assert_nonnull (first_name);

  /* Titles are unique: the error names the title. */
  again = create_schema (title, PROFILE_CLASS, field_groups, &error);
  g_assert_null (again);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, candidates), ==, title);
}

static void
test_create_schema_refused (void)
{
  const char * const misfit[] = {
    "https://ns.adobe.com/xdm/context/profile-person-details",
    "https://ns.adobe.com/xdm/context/experienceevent-commerce",
    NULL
  };
  const char * const missing[] = { "https://ns.adobe.com/tributarydemo/mixins/does-not-exist", NULL };
  g_autofree char *title = unique ("Refused schema");
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;

  /* A field group for events does not fit the profile class. */
  schema = create_schema (title, PROFILE_CLASS, misfit, &error);
  g_assert_null (schema);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, misfit), ==, misfit[1]);
  g_clear_error (&error);

  schema = create_schema (title, PROFILE_CLASS, missing, &error);
  g_assert_null (schema);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, missing), ==, missing[0]);
}

static void
test_adhoc_class_and_schema (void)
{
  const TribXdmFieldSpec fields[] = {
    { "order_id", "string" },
    { "quantity", "integer" },
    { "total", "number" },
    { "gift", "boolean" },
  };
  const TribXdmFieldSpec bad_fields[] = { { "weird", "decimal" } };
  const char * const bad_names[] = { "weird", NULL };
  g_autofree char *title = unique ("Protocols Orders");
  g_autofree char *schema_title = g_strconcat (title, " Schema", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) bad_result = NULL;
  g_autoptr(TribXdmResource) class = NULL;
  g_autoptr(TribXdmResource) bad_class = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GListModel) schema_fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribXdmField) quantity = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  JsonObject *adhoc;

  trib_schema_registry_create_adhoc_class_async (client, title, NULL, fields, G_N_ELEMENTS (fields), NULL,
                                                 result_cb, &result);
  class = trib_schema_registry_create_adhoc_class_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_xdm_resource_get_behavior (class), ==, TRIB_XDM_BEHAVIOR_ADHOC);
  g_assert_nonnull (trib_xdm_resource_get_dataset_namespace (class));

  /* The tutorial's body: the adhoc behaviour and an _adhoc object. */
  body = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/schemaregistry/tenant/classes");
  g_assert_nonnull (body);
  adhoc = json_object_get_object_member (
    json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (body),
                                                                                              "allOf"), 1),
                                   "properties"),
    "_adhoc");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (adhoc, "properties"), "quantity"),
                     "type"), ==, "integer");

  schema = create_schema (schema_title, trib_xdm_resource_get_id (class), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_xdm_resource_get_class_id (schema), ==, trib_xdm_resource_get_id (class));

  schema_fields = load_fields (TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_id (schema), NULL);
  path = g_strconcat (trib_xdm_resource_get_dataset_namespace (class), ".quantity", NULL);
  quantity = find_field (schema_fields, path);
  g_assert_nonnull (quantity);
  g_assert_cmpstr (trib_xdm_field_get_type_name (quantity), ==, "integer");

  /* A type XDM does not have is refused, naming the field. */
  trib_schema_registry_create_adhoc_class_async (client, "Bad ad hoc class", NULL, bad_fields, 1, NULL, result_cb,
                                                 &bad_result);
  bad_class = trib_schema_registry_create_adhoc_class_finish (wait_for (&bad_result), &error);
  g_assert_null (bad_class);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, bad_names), ==, "weird");
}

static void
title_known_cb (TribXdmTitles *titles,
                const char    *id,
                gpointer       user_data)
{
  GPtrArray *known = user_data;

  g_ptr_array_add (known, g_strdup (id));
}

#define UNKNOWN_CLASS "https://ns.adobe.com/xdm/context/nothing"
#define UNKNOWN_CLASS_PATH "/data/foundation/schemaregistry/global/classes/" UNKNOWN_CLASS

/* A title is asked for once, and a title a listing gave needs no request. */
static void
test_titles (void)
{
  g_autoptr(TribXdmTitles) titles = trib_xdm_titles_new (client);
  g_autoptr(GPtrArray) known = g_ptr_array_new_with_free_func (g_free);
  /* As logged: the server decodes the percent-encoded $id. */
  const char *path = "/data/foundation/schemaregistry/global/classes/" PROFILE_CLASS;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_signal_connect (titles, "title-known", G_CALLBACK (title_known_cb), known);
  trib_test_sim_clear_requests (sim);

  g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, PROFILE_CLASS));
  g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, PROFILE_CLASS));
  while (known->len == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (g_ptr_array_index (known, 0), ==, PROFILE_CLASS);
  g_assert_cmpstr (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, PROFILE_CLASS), ==,
                   "XDM Individual Profile");
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", path), ==, 1);

  trib_xdm_titles_remember (titles, EVENT_CLASS, "XDM ExperienceEvent");
  g_assert_cmpuint (known->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (known, 1), ==, EVENT_CLASS);
  g_assert_cmpstr (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, EVENT_CLASS), ==, "XDM ExperienceEvent");

  /* The same title again is no news. */
  trib_xdm_titles_remember (titles, EVENT_CLASS, "XDM ExperienceEvent");
  g_assert_cmpuint (known->len, ==, 2);

  /* An id the registry does not know stays untitled, and is not asked for again. */
  g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, UNKNOWN_CLASS));
  while (trib_test_sim_count_requests (sim, "GET", UNKNOWN_CLASS_PATH) == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  for (guint i = 0; i < 20; i++)
    {
      g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, UNKNOWN_CLASS));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", UNKNOWN_CLASS_PATH), ==, 1);
  g_assert_cmpuint (known->len, ==, 2);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", path), ==, 1);
}

static void
test_field_names (void)
{
  g_assert_true (trib_schema_registry_is_valid_field_name ("order_id"));
  g_assert_true (trib_schema_registry_is_valid_field_name ("_private2"));
  g_assert_false (trib_schema_registry_is_valid_field_name ("2nd"));
  g_assert_false (trib_schema_registry_is_valid_field_name ("order-id"));
  g_assert_false (trib_schema_registry_is_valid_field_name (""));
  g_assert_false (trib_schema_registry_is_valid_field_name ("naïve"));
}

static TribProfile *
profile_for_sim (void)
{
  TribProfile *profile = trib_profile_new (NULL);

  trib_profile_set_name (profile, "Simulator");
  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, sim->client_id);
  trib_profile_set_technical_account_id (profile, sim->technical_account_id);
  trib_profile_set_scopes (profile, sim->scopes);
  trib_profile_set_default_sandbox (profile, sim->sandbox);
  trib_profile_set_ims_url (profile, sim->base_url);
  trib_profile_set_platform_url (profile, sim->base_url);

  return profile;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  profile = profile_for_sim ();
  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/catalog/paging", test_datasets_paging);
  g_test_add_func ("/tributary/catalog/search", test_datasets_search);
  g_test_add_func ("/tributary/catalog/detail", test_dataset_detail);
  g_test_add_func ("/tributary/catalog/create-delete", test_dataset_create_delete);
  g_test_add_func ("/tributary/schema-registry/lists", test_schema_lists);
  g_test_add_func ("/tributary/schema-registry/field-tree", test_field_tree);
  g_test_add_func ("/tributary/schema-registry/field-tree-from-reply", test_field_tree_from_reply);
  g_test_add_func ("/tributary/schema-registry/create-seed-002", test_create_schema_seed_002);
  g_test_add_func ("/tributary/schema-registry/create-refused", test_create_schema_refused);
  g_test_add_func ("/tributary/schema-registry/adhoc", test_adhoc_class_and_schema);
  g_test_add_func ("/tributary/schema-registry/field-names", test_field_names);
  g_test_add_func ("/tributary/schema-registry/titles", test_titles);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
