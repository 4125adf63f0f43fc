/* test-catalog.c
 *
 * The Catalog client against tributary-sim over HTTP: paging, search,
 * a dataset's detail, creating and deleting datasets, and every refusal
 * the platform makes, surfaced.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-catalog.h"
#include "trib-platform-error.h"
#include "trib-test-platform.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define CRM_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/2b7e9d41c8a54f13b6e0a9d8c7b6a5f4"
#define WEB_EVENTS_DATASET "64f0a1b2c3d4e5f60718293a"
#define CRM_DATASET "64f0a1b2c3d4e5f60718293b"
#define ORDERS_DATASET "64f0a1b2c3d4e5f60718293c"
#define N_DEMO_DATASETS (3 + 240)

static TribTestSim *sim;
static TribPlatformClient *client;

static void
test_datasets_paging (void)
{
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(TribDataset) web = NULL;

  trib_test_sim_clear_requests (sim);
  list = trib_catalog_list_datasets (client, NULL);
  trib_test_wait_first_page (list);

  /* The first page is one round trip, and nothing more is read unasked. */
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, 1);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", "/data/foundation/catalog/dataSets"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, TRIB_CATALOG_PAGE_SIZE);
  g_assert_false (trib_paged_list_get_complete (list));

  trib_test_load_all (list);
  trib_test_assert_datasets_listed (list, N_DEMO_DATASETS);
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, (N_DEMO_DATASETS + 99) / 100);

  web = trib_test_find_by_id (G_LIST_MODEL (list), WEB_EVENTS_DATASET);
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

  trib_test_load_all (list);
  orders = trib_test_find_by_id (G_LIST_MODEL (list), ORDERS_DATASET);
  g_assert_nonnull (orders);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *folded = g_utf8_casefold (trib_dataset_get_name (dataset), -1);

      g_assert_nonnull (strstr (folded, "luma orders"));
    }

  /* Regular expression characters are the user's text, not a pattern. */
  trib_test_load_all (none);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (none)), ==, 0);
}

static TribPagedList *
query_all (const char        *search,
           TribDatasetSort    sort,
           gboolean           descending,
           TribDatasetStatus  status,
           const char        *schema_id)
{
  TribDatasetQuery query = { search, sort, descending, status, schema_id };
  TribPagedList *list = trib_catalog_query_datasets (client, &query);

  trib_test_load_all (list);

  return list;
}

static int
compare_key (TribDataset     *a,
             TribDataset     *b,
             TribDatasetSort  sort)
{
  switch (sort)
    {
    case TRIB_DATASET_SORT_CREATED:
      return g_date_time_compare (trib_dataset_get_created (a), trib_dataset_get_created (b));
    case TRIB_DATASET_SORT_LAST_BATCH:
      /* Absent first, as the Catalog sorts a missing property. */
      if (trib_dataset_get_last_batch_status (a) == NULL || trib_dataset_get_last_batch_status (b) == NULL)
        return (trib_dataset_get_last_batch_status (a) != NULL) - (trib_dataset_get_last_batch_status (b) != NULL);
      return g_ascii_strcasecmp (trib_dataset_get_last_batch_status (a), trib_dataset_get_last_batch_status (b));
    case TRIB_DATASET_SORT_SCHEMA:
      return g_ascii_strcasecmp (trib_dataset_get_schema_id (a), trib_dataset_get_schema_id (b));
    case TRIB_DATASET_SORT_NAME:
    default:
      return g_ascii_strcasecmp (trib_dataset_get_name (a), trib_dataset_get_name (b));
    }
}

/* Each column's order comes from the Catalog, over every page. */
static void
test_datasets_sorted (void)
{
  static const TribDatasetSort sorts[] = {
    TRIB_DATASET_SORT_NAME, TRIB_DATASET_SORT_SCHEMA, TRIB_DATASET_SORT_CREATED, TRIB_DATASET_SORT_LAST_BATCH,
  };

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (guint descending = 0; descending < 2; descending++)
      {
        g_autoptr(TribPagedList) list = query_all (NULL, sorts[i], descending, TRIB_DATASET_STATUS_ANY, NULL);
        GListModel *model = G_LIST_MODEL (list);
        gboolean any_step = FALSE;

        g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_DEMO_DATASETS);
        for (guint j = 1; j < g_list_model_get_n_items (model); j++)
          {
            g_autoptr(TribDataset) previous = g_list_model_get_item (model, j - 1);
            g_autoptr(TribDataset) dataset = g_list_model_get_item (model, j);
            int order = compare_key (previous, dataset, sorts[i]);

            g_assert_cmpint (descending ? -order : order, <=, 0);
            any_step |= order != 0;
          }
        /* Not a test that passes on one value. */
        g_assert_true (any_step);
      }
}

static void
test_datasets_filtered (void)
{
  g_autoptr(TribPagedList) failed = query_all (NULL, TRIB_DATASET_SORT_NAME, FALSE, TRIB_DATASET_STATUS_FAILED, NULL);
  g_autoptr(TribPagedList) success = query_all (NULL, TRIB_DATASET_SORT_NAME, FALSE, TRIB_DATASET_STATUS_SUCCESS, NULL);
  g_autoptr(TribPagedList) none = query_all (NULL, TRIB_DATASET_SORT_NAME, FALSE, TRIB_DATASET_STATUS_NONE, NULL);
  g_autoptr(TribPagedList) crm = query_all (NULL, TRIB_DATASET_SORT_CREATED, TRUE, TRIB_DATASET_STATUS_ANY, CRM_SCHEMA);
  g_autoptr(TribPagedList) crm_failed = query_all (NULL, TRIB_DATASET_SORT_NAME, FALSE, TRIB_DATASET_STATUS_FAILED,
                                                   CRM_SCHEMA);
  g_autoptr(TribDataset) orders = NULL;
  g_autoptr(TribDataset) orders_failed = NULL;
  g_autoptr(TribDataset) orders_none = NULL;
  guint n_failed = g_list_model_get_n_items (G_LIST_MODEL (failed));
  guint n_success = g_list_model_get_n_items (G_LIST_MODEL (success));
  guint n_none = g_list_model_get_n_items (G_LIST_MODEL (none));

  g_assert_cmpuint (n_failed, >, 0);
  g_assert_cmpuint (n_success, >, 0);
  g_assert_cmpuint (n_none, >, 0);
  g_assert_cmpuint (n_failed + n_success + n_none, <, N_DEMO_DATASETS);

  for (guint i = 0; i < n_failed; i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (failed), i);

      g_assert_cmpstr (trib_dataset_get_last_batch_status (dataset), ==, "failed");
    }
  for (guint i = 0; i < n_success; i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (success), i);

      g_assert_cmpstr (trib_dataset_get_last_batch_status (dataset), ==, "success");
    }
  for (guint i = 0; i < n_none; i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (none), i);

      g_assert_null (trib_dataset_get_last_batch_status (dataset));
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crm)), >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crm)), <, N_DEMO_DATASETS);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (crm)); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (crm), i);

      g_assert_cmpstr (trib_dataset_get_schema_id (dataset), ==, CRM_SCHEMA);
    }

  /* Filters add up: failed and of the CRM schema. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crm_failed)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (crm_failed)), <, n_failed);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (crm_failed)); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (crm_failed), i);

      g_assert_cmpstr (trib_dataset_get_schema_id (dataset), ==, CRM_SCHEMA);
      g_assert_cmpstr (trib_dataset_get_last_batch_status (dataset), ==, "failed");
    }

  /* Luma Orders has failed and successful batches; the demo's flows
   * write its newest ones as the clock goes, so it is in the list of
   * whichever status its last batch has, and in that one only.
   */
  orders = trib_test_find_by_id (G_LIST_MODEL (success), ORDERS_DATASET);
  orders_failed = trib_test_find_by_id (G_LIST_MODEL (failed), ORDERS_DATASET);
  orders_none = trib_test_find_by_id (G_LIST_MODEL (none), ORDERS_DATASET);
  g_assert_true ((orders == NULL) != (orders_failed == NULL));
  g_assert_null (orders_none);
}

/* Words match the name or the table across separators and case. */
static void
test_datasets_search_words (void)
{
  static const char * const searches[] = { "web events na", "WEB_EVENTS_NA", "web-events  na" };
  g_autofree char *pattern = trib_catalog_search_pattern ("Web events_NA 1");
  g_autofree char *nothing = trib_catalog_search_pattern (" _-( ");
  g_autoptr(TribPagedList) by_table = query_all ("luma_orders", TRIB_DATASET_SORT_NAME, FALSE,
                                                 TRIB_DATASET_STATUS_ANY, NULL);
  g_autoptr(TribPagedList) absent = query_all ("web events xyz", TRIB_DATASET_SORT_NAME, FALSE,
                                               TRIB_DATASET_STATUS_ANY, NULL);
  g_autoptr(TribDataset) orders = NULL;
  guint n_first = 0;

  g_assert_cmpstr (pattern, ==,
                   "[wW][eE][bB][^a-zA-Z0-9]*[eE][vV][eE][nN][tT][sS][^a-zA-Z0-9]*[nN][aA][^a-zA-Z0-9]*1");
  g_assert_null (nothing);

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      g_autoptr(TribPagedList) list = query_all (searches[i], TRIB_DATASET_SORT_NAME, FALSE,
                                                 TRIB_DATASET_STATUS_ANY, NULL);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

      g_assert_cmpuint (n, >, 0);
      if (i == 0)
        n_first = n;
      g_assert_cmpuint (n, ==, n_first);
      for (guint j = 0; j < n; j++)
        {
          g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (list), j);

          g_assert_true (g_str_has_prefix (trib_dataset_get_table_name (dataset), "web_events_na_"));
        }
    }

  orders = trib_test_find_by_id (G_LIST_MODEL (by_table), ORDERS_DATASET);
  g_assert_nonnull (orders);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (absent)), ==, 0);
}

/* A failed batch's errors, each with its code, rows and description. */
static void
test_batch_errors (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) batches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) last_result = NULL;
  g_autoptr(TribPagedList) failed = NULL;
  g_autoptr(TribDataset) first = NULL;
  g_autoptr(GListModel) last = NULL;
  g_autoptr(TribBatch) newest = NULL;
  guint n_failed = 0;

  trib_catalog_list_batches_async (client, ORDERS_DATASET, TRIB_CATALOG_PAGE_SIZE, NULL, trib_test_result_cb, &result);
  batches = trib_catalog_list_batches_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (batches); i++)
    {
      g_autoptr(TribBatch) batch = g_list_model_get_item (batches, i);
      const char *code = NULL;
      const char *description = NULL;
      const char *rows = NULL;

      if (g_strcmp0 (trib_batch_get_status (batch), "failed") != 0)
        {
          g_assert_cmpuint (trib_batch_get_n_errors (batch), ==, 0);
          continue;
        }

      /* The flows' runs write failed batches too: each says why. */
      n_failed++;
      g_assert_cmpint (trib_batch_get_failed_record_count (batch), >, 0);
      g_assert_cmpuint (trib_batch_get_n_errors (batch), >=, 1);
      for (guint j = 0; j < trib_batch_get_n_errors (batch); j++)
        {
          trib_batch_get_error (batch, j, &code, &description, &rows);
          g_assert_nonnull (code);
          g_assert_nonnull (description);
        }
    }
  g_assert_cmpuint (n_failed, >=, 1);

  /* A dataset whose last batch failed: its newest batch carries the
   * Catalog's errors in full, rows included.
   */
  failed = query_all (NULL, TRIB_DATASET_SORT_NAME, FALSE, TRIB_DATASET_STATUS_FAILED, NULL);
  first = g_list_model_get_item (G_LIST_MODEL (failed), 0);
  trib_catalog_list_batches_async (client, trib_dataset_get_id (first), 1, NULL, trib_test_result_cb, &last_result);
  last = trib_catalog_list_batches_finish (trib_test_wait_result (&last_result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (last), ==, 1);
  newest = g_list_model_get_item (last, 0);
  g_assert_cmpstr (trib_batch_get_status (newest), ==, "failed");
  g_assert_cmpint (trib_batch_get_failed_record_count (newest), >, 0);
  g_assert_cmpuint (trib_batch_get_n_errors (newest), >=, 1);
  for (guint j = 0; j < trib_batch_get_n_errors (newest); j++)
    {
      const char *code = NULL;
      const char *description = NULL;
      const char *rows = NULL;

      trib_batch_get_error (newest, j, &code, &description, &rows);
      g_assert_true (g_str_has_prefix (code, "INGEST-"));
      g_assert_nonnull (description);
      g_assert_nonnull (rows);
    }
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

  trib_catalog_get_dataset_async (client, CRM_DATASET, NULL, trib_test_result_cb, &result);
  dataset = trib_catalog_get_dataset_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_dataset_get_name (dataset), ==, "Luma CRM Profiles");
  g_assert_cmpstr (trib_dataset_get_schema_id (dataset), ==, CRM_SCHEMA);
  table_tag = trib_dataset_dup_tag (dataset, "adobe/pqs/table");
  g_assert_cmpstr (table_tag, ==, "luma_crm_profiles");
  g_assert_true (g_strv_contains (trib_dataset_get_tag_names (dataset), "adobe/pqs/table"));

  trib_catalog_get_labels_async (client, CRM_DATASET, NULL, trib_test_result_cb, &labels_result);
  g_assert_true (trib_catalog_get_labels_finish (trib_test_wait_result (&labels_result), &labels, &field_labels, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (labels) + g_strv_length (field_labels), >, 0);

  trib_catalog_list_batches_async (client, ORDERS_DATASET, 10, NULL, trib_test_result_cb, &batches_result);
  batches = trib_catalog_list_batches_finish (trib_test_wait_result (&batches_result), &error);
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

  trib_catalog_create_dataset_async (client, name, "Made by a test", schema_id, NULL, trib_test_result_cb, &result);

  return trib_catalog_create_dataset_finish (trib_test_wait_result (&result), error);
}

static void
test_dataset_create_delete (void)
{
  g_autofree char *name = trib_test_unique_name ("Leads Dataset");
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

  trib_catalog_get_dataset_async (client, id, NULL, trib_test_result_cb, &result);
  dataset = trib_catalog_get_dataset_finish (trib_test_wait_result (&result), &error);
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

  trib_catalog_delete_dataset_async (client, id, NULL, trib_test_result_cb, &delete_result);
  g_assert_true (trib_catalog_delete_dataset_finish (trib_test_wait_result (&delete_result), &error));
  g_assert_no_error (error);

  trib_catalog_get_dataset_async (client, id, NULL, trib_test_result_cb, &gone_result);
  gone = trib_catalog_get_dataset_finish (trib_test_wait_result (&gone_result), &error);
  g_assert_null (gone);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_default_client (sim);

  g_test_add_func ("/tributary/catalog/paging", test_datasets_paging);
  g_test_add_func ("/tributary/catalog/search", test_datasets_search);
  g_test_add_func ("/tributary/catalog/sorted", test_datasets_sorted);
  g_test_add_func ("/tributary/catalog/filtered", test_datasets_filtered);
  g_test_add_func ("/tributary/catalog/search-words", test_datasets_search_words);
  g_test_add_func ("/tributary/catalog/batch-errors", test_batch_errors);
  g_test_add_func ("/tributary/catalog/detail", test_dataset_detail);
  g_test_add_func ("/tributary/catalog/create-delete", test_dataset_create_delete);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
