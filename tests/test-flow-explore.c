/* test-flow-explore.c
 *
 * Explore and preview through the real client against tributary-sim:
 * the demo S3 bucket browsed from its top to a file, each file type and
 * delimiter, compression given and forgotten, the 10,000-file folder in
 * one request, Databricks (seed 003) and OData (seed 004) tables, the
 * Data Landing Zone with and without determineProperties, and its SAS
 * token renewed and kept out of the request log.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-flow-explore.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-request-log.h"
#include "trib-request-record.h"
#include "trib-test-platform.h"

/* Base connections of world/connections.json, in the sandbox prod. */
#define S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define DATABRICKS_CONNECTION "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"
#define RETIRED_SFTP_CONNECTION "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7"
#define DATASETS_CONNECTION "0b1c2d3e-4f5a-4b6c-9d7e-8f9a0b1c2d3e"
#define ADLS_CONNECTION "3d8e1f2a-5b6c-4d7e-8f90-a1b2c3d4e5f6"
#define GCS_CONNECTION "9b4a7c6d-2e1f-4a3b-8c5d-6e7f8a9b0c1d"

#define BUCKET "/luma-demo-bucket/"
#define CLICKSTREAM BUCKET "web-events/clickstream/"
#define EXPLORE_PATH "/data/foundation/flowservice/connections/" S3_CONNECTION "/explore"
#define ZONE_EXPLORE "/data/foundation/flowservice/connectionSpecs/" TRIB_LANDING_ZONE_SPEC_ID "/explore"

typedef struct
{
  TribTestSim *sim;
  TribPlatformClient *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->sim = trib_test_sim_start (NULL);
  fixture->client = trib_test_platform_client (fixture->sim, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->client);
  g_clear_pointer (&fixture->sim, trib_test_sim_free);
}

static GListModel *
browse (Fixture     *fixture,
        const char  *connection_id,
        const char  *folder,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  if (connection_id != NULL)
    trib_flow_explore_browse_async (fixture->client, connection_id, folder, NULL, trib_test_result_cb, &result);
  else
    trib_flow_explore_landing_zone_browse_async (fixture->client, folder, NULL, trib_test_result_cb, &result);

  return trib_flow_explore_browse_finish (trib_test_wait_result (&result), error);
}

static TribExplorePreview *
preview_file_of (Fixture                      *fixture,
                 const char                   *connection_id,
                 const char                   *path,
                 const TribExploreFileOptions *options,
                 GError                      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_explore_preview_file_async (fixture->client, connection_id, path, options, NULL,
                                        trib_test_result_cb, &result);

  return trib_flow_explore_preview_finish (trib_test_wait_result (&result), error);
}

static TribExplorePreview *
preview_file (Fixture                      *fixture,
              const char                   *path,
              const TribExploreFileOptions *options,
              GError                      **error)
{
  return preview_file_of (fixture, S3_CONNECTION, path, options, error);
}

static TribExplorePreview *
get_table (Fixture     *fixture,
           const char  *connection_id,
           const char  *table,
           gboolean     with_rows)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribExplorePreview *preview;

  trib_flow_explore_get_table_async (fixture->client, connection_id, table, with_rows, NULL,
                                     trib_test_result_cb, &result);
  preview = trib_flow_explore_preview_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return preview;
}

static TribExploreItem *
find_item (GListModel *items,
           const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(TribExploreItem) item = g_list_model_get_item (items, i);

      if (g_str_equal (trib_explore_item_get_name (item), name))
        return g_steal_pointer (&item);
    }

  g_error ("no %s in the listing", name);
}

static int
column_index (TribExplorePreview *preview,
              const char         *name)
{
  const char * const *names = trib_explore_preview_get_column_names (preview);

  for (guint i = 0; names[i] != NULL; i++)
    if (g_str_equal (names[i], name))
      return (int) i;

  return -1;
}

static const char *
value (TribExplorePreview *preview,
       guint               row,
       const char         *column)
{
  int index = column_index (preview, column);

  g_assert_cmpint (index, >=, 0);

  return trib_explore_preview_get_row (preview, row)[index];
}

static void
assert_platform_error (GError     *error,
                       guint       status,
                       const char *code)
{
  g_assert_nonnull (error);
  g_assert_true (error->domain == TRIB_PLATFORM_ERROR);
  g_assert_cmpuint (trib_platform_error_get_status (error), ==, status);
  g_assert_cmpstr (trib_platform_error_get_code (error), ==, code);
}

static void
test_browse_to_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) root = browse (fixture, S3_CONNECTION, NULL, &error);
  g_autoptr(TribExploreItem) bucket = NULL;
  g_autoptr(GListModel) top = NULL;
  g_autoptr(TribExploreItem) orders_folder = NULL;
  g_autoptr(GListModel) orders = NULL;
  g_autoptr(TribExploreItem) csv = NULL;
  g_autoptr(TribExplorePreview) preview = NULL;
  TribExploreFileOptions options = { TRIB_EXPLORE_FILE_DELIMITED, NULL, NULL, NULL };

  g_assert_no_error (error);
  bucket = find_item (root, "luma-demo-bucket");
  g_assert_cmpint (trib_explore_item_get_item_type (bucket), ==, TRIB_EXPLORE_ITEM_FOLDER);
  g_assert_false (trib_explore_item_get_can_preview (bucket));

  top = browse (fixture, S3_CONNECTION, trib_explore_item_get_path (bucket), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (top), ==, 4);
  orders_folder = find_item (top, "orders");

  orders = browse (fixture, S3_CONNECTION, trib_explore_item_get_path (orders_folder), &error);
  g_assert_no_error (error);
  csv = find_item (orders, "orders-2026-10.csv");
  g_assert_cmpint (trib_explore_item_get_item_type (csv), ==, TRIB_EXPLORE_ITEM_FILE);
  g_assert_true (trib_explore_item_get_can_preview (csv));
  g_assert_cmpstr (trib_explore_item_get_path (csv), ==, BUCKET "orders/orders-2026-10.csv");

  preview = preview_file (fixture, trib_explore_item_get_path (csv), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_explore_preview_get_n_columns (preview), ==, 9);
  g_assert_cmpuint (trib_explore_preview_get_n_rows (preview), ==, 100);
  g_assert_cmpstr (value (preview, 0, "orderId"), ==, "LUMA-1000000");
  /* A product name with a comma and quotes, quoted in the file. */
  g_assert_cmpstr (value (preview, 0, "productName"), ==, "Radiant Tee \"Orange\", M");
  g_assert_cmpstr (trib_explore_preview_get_column_types (preview)[column_index (preview, "quantity")], ==, "string");

  /* A folder is not a file, and a missing one is not there. */
  g_clear_object (&preview);
  preview = preview_file (fixture, BUCKET "orders/", &options, &error);
  assert_platform_error (error, 400, "FLOW-1460-400");
  g_clear_error (&error);
  g_clear_object (&top);
  top = browse (fixture, S3_CONNECTION, BUCKET "no-such-folder/", &error);
  assert_platform_error (error, 404, "FLOW-1101-404");
}

static void
test_file_types (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribExplorePreview) parquet = NULL;
  g_autoptr(TribExplorePreview) json = NULL;
  g_autoptr(TribExplorePreview) as_parquet = NULL;
  TribExploreFileOptions parquet_options = { TRIB_EXPLORE_FILE_PARQUET, NULL, NULL, NULL };
  TribExploreFileOptions json_options = { TRIB_EXPLORE_FILE_JSON, NULL, NULL, NULL };
  const char * const *types;
  const char * const *xdm_types;

  parquet = preview_file (fixture, BUCKET "web-events/web-events-2026-10.parquet", &parquet_options, &error);
  g_assert_no_error (error);
  types = trib_explore_preview_get_column_types (parquet);
  xdm_types = trib_explore_preview_get_column_xdm_types (parquet);
  g_assert_cmpstr (types[column_index (parquet, "revenue")], ==, "double");
  g_assert_cmpstr (xdm_types[column_index (parquet, "revenue")], ==, "number");
  g_assert_cmpstr (xdm_types[column_index (parquet, "timestamp")], ==, "date-time");
  g_assert_cmpstr (types[column_index (parquet, "isMobile")], ==, "boolean");
  g_assert_true (g_str_equal (value (parquet, 3, "isMobile"), "true") ||
                 g_str_equal (value (parquet, 3, "isMobile"), "false"));
  g_assert_cmpuint (strlen (value (parquet, 0, "ecid")), ==, 38);

  json = preview_file (fixture, BUCKET "customers/customers.json", &json_options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_explore_preview_get_n_columns (json), ==, 11);
  g_assert_cmpstr (trib_explore_preview_get_column_types (json)[column_index (json, "loyaltyPoints")], ==, "integer");
  g_assert_cmpstr (trib_explore_preview_get_column_types (json)[column_index (json, "emailOptIn")], ==, "boolean");
  g_assert_true (g_str_has_suffix (value (json, 0, "email"), "@example.com"));

  /* The wrong reader, and files whose fields are not XDM's. */
  as_parquet = preview_file (fixture, BUCKET "customers/customers.json", &parquet_options, &error);
  assert_platform_error (error, 400, "FLOW-1461-400");
  g_clear_error (&error);
  g_assert_null (preview_file (fixture, BUCKET "web-events/web-events-2026-10.parquet", &json_options, &error));
  assert_platform_error (error, 400, "FLOW-1461-400");
  g_clear_error (&error);
  g_assert_null (preview_file (fixture, BUCKET "legacy-exports/crm-export.json", &json_options, &error));
  assert_platform_error (error, 400, "FLOW-1462-400");
  g_clear_error (&error);
  g_assert_null (preview_file (fixture, BUCKET "legacy-exports/orders-legacy.parquet", &parquet_options, &error));
  assert_platform_error (error, 400, "FLOW-1462-400");
}

static void
test_delimiters (Fixture       *fixture,
                 gconstpointer  data)
{
  static const struct
  {
    const char *path;
    const char *delimiter;
    guint columns;
  } files[] = {
    { BUCKET "orders/orders-2026-10.csv", ",", 9 },
    { BUCKET "orders/orders-2026-10-eu.csv", ";", 9 },
    { BUCKET "customers/customers.tsv", "\t", 11 },
    { BUCKET "customers/customers-loyalty.psv", "|", 11 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      TribExploreFileOptions right = { TRIB_EXPLORE_FILE_DELIMITED, files[i].delimiter, NULL, NULL };
      TribExploreFileOptions comma = { TRIB_EXPLORE_FILE_DELIMITED, NULL, NULL, NULL };
      g_autoptr(TribExplorePreview) preview = NULL;
      g_autoptr(TribExplorePreview) wrong = NULL;
      g_autoptr(GError) error = NULL;

      preview = preview_file (fixture, files[i].path, &right, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trib_explore_preview_get_n_columns (preview), ==, files[i].columns);
      g_assert_cmpuint (trib_explore_preview_get_n_rows (preview), >, 0);

      if (g_str_equal (files[i].delimiter, ","))
        continue;

      /* Read with commas: one column of whole lines, as the platform would. */
      wrong = preview_file (fixture, files[i].path, &comma, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (trib_explore_preview_get_n_columns (wrong), ==, 1);
      g_assert_nonnull (strstr (trib_explore_preview_get_column_names (wrong)[0], files[i].delimiter));
    }

  /* The European file writes decimal commas, kept as text. */
  {
    TribExploreFileOptions semicolon = { TRIB_EXPLORE_FILE_DELIMITED, ";", NULL, "UTF-8" };
    g_autoptr(TribExplorePreview) eu = NULL;
    g_autoptr(GError) error = NULL;

    eu = preview_file (fixture, BUCKET "orders/orders-2026-10-eu.csv", &semicolon, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strchr (value (eu, 0, "unitPrice"), ','));
  }

  /* UTF-8 read as ISO-8859-1: each byte a character, as the platform would. */
  {
    TribExploreFileOptions utf8 = { TRIB_EXPLORE_FILE_DELIMITED, "\t", NULL, "UTF-8" };
    TribExploreFileOptions latin1 = { TRIB_EXPLORE_FILE_DELIMITED, "\t", NULL, "ISO-8859-1" };
    g_autoptr(TribExplorePreview) right = NULL;
    g_autoptr(TribExplorePreview) wrong = NULL;
    g_autoptr(GError) error = NULL;
    guint accented = 0;

    right = preview_file (fixture, BUCKET "customers/customers.tsv", &utf8, &error);
    g_assert_no_error (error);
    wrong = preview_file (fixture, BUCKET "customers/customers.tsv", &latin1, &error);
    g_assert_no_error (error);
    for (guint r = 0; r < trib_explore_preview_get_n_rows (right); r++)
      if (!g_str_is_ascii (value (right, r, "lastName")))
        {
          g_assert_cmpstr (value (right, r, "lastName"), !=, value (wrong, r, "lastName"));
          g_assert_nonnull (strstr (value (wrong, r, "lastName"), "\u00c3"));
          accented++;
        }
    g_assert_cmpuint (accented, >, 0);
  }

  /* More than one character is refused. */
  {
    TribExploreFileOptions two = { TRIB_EXPLORE_FILE_DELIMITED, ";;", NULL, NULL };
    g_autoptr(GError) error = NULL;

    g_assert_null (preview_file (fixture, BUCKET "orders/orders-2026-10-eu.csv", &two, &error));
    assert_platform_error (error, 400, "FLOW-1460-400");
  }
}

static void
test_compression (Fixture       *fixture,
                  gconstpointer  data)
{
  TribExploreFileOptions gzip = { TRIB_EXPLORE_FILE_DELIMITED, ",", "gzip", NULL };
  TribExploreFileOptions plain = { TRIB_EXPLORE_FILE_DELIMITED, ",", NULL, NULL };
  g_autoptr(TribExplorePreview) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = preview_file (fixture, BUCKET "orders/orders-2026-09.csv.gz", &gzip, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_explore_preview_get_n_columns (preview), ==, 9);
  g_assert_cmpstr (value (preview, 0, "orderId"), ==, "LUMA-1000500");

  g_assert_null (preview_file (fixture, BUCKET "orders/orders-2026-09.csv.gz", &plain, &error));
  assert_platform_error (error, 400, "FLOW-1461-400");
  /* The platform's explanation reaches the user, who can act on it. */
  g_assert_nonnull (strstr (trib_platform_error_get_detail (error), "compressionType"));
  g_assert_nonnull (strstr (error->message, "Cannot preview the file"));
  g_clear_error (&error);

  /* Nor is a plain file gzip. */
  g_assert_null (preview_file (fixture, BUCKET "orders/orders-2026-10.csv", &gzip, &error));
  assert_platform_error (error, 400, "FLOW-1461-400");
}

/* The demo ADLS Gen2 and Google Cloud Storage accounts hold files too. */
static void
test_adls_and_gcs (Fixture       *fixture,
                   gconstpointer  data)
{
  TribExploreFileOptions parquet = { TRIB_EXPLORE_FILE_PARQUET, NULL, NULL, NULL };
  TribExploreFileOptions gzip = { TRIB_EXPLORE_FILE_DELIMITED, ",", "gzip", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) lake = NULL;
  g_autoptr(GListModel) curated = NULL;
  g_autoptr(GListModel) archive = NULL;
  g_autoptr(TribExploreItem) top = NULL;
  g_autoptr(TribExplorePreview) orders = NULL;
  g_autoptr(TribExplorePreview) archived = NULL;

  trib_platform_client_set_sandbox (fixture->client, "prod");
  lake = browse (fixture, ADLS_CONNECTION, NULL, &error);
  g_assert_no_error (error);
  top = find_item (lake, "luma-lake");
  g_assert_cmpint (trib_explore_item_get_item_type (top), ==, TRIB_EXPLORE_ITEM_FOLDER);
  curated = browse (fixture, ADLS_CONNECTION, "/luma-lake/curated/", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (curated), ==, 2);
  orders = preview_file_of (fixture, ADLS_CONNECTION, "/luma-lake/curated/orders-2026-10.parquet", &parquet, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value (orders, 0, "orderId"), ==, "LUMA-1000000");

  g_clear_object (&top);
  archive = browse (fixture, GCS_CONNECTION, NULL, &error);
  g_assert_no_error (error);
  top = find_item (archive, "luma-archive-gcs");
  g_assert_cmpint (trib_explore_item_get_item_type (top), ==, TRIB_EXPLORE_ITEM_FOLDER);
  archived = preview_file_of (fixture, GCS_CONNECTION, "/luma-archive-gcs/2026-09/orders-2026-09.csv.gz", &gzip,
                              &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value (archived, 0, "orderId"), ==, "LUMA-1000900");
}

static void
test_ten_thousand_files (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(TribExploreItem) last = NULL;
  g_autoptr(TribExplorePreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  TribExploreFileOptions parquet = { TRIB_EXPLORE_FILE_PARQUET, NULL, NULL, NULL };

  trib_test_sim_clear_requests (fixture->sim);
  files = browse (fixture, S3_CONNECTION, CLICKSTREAM, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, 10000);
  g_assert_cmpuint (trib_test_sim_count_requests (fixture->sim, "GET", EXPLORE_PATH), ==, 1);

  last = g_list_model_get_item (files, 9999);
  g_assert_cmpstr (trib_explore_item_get_name (last), ==, "part-09999-c000.snappy.parquet");
  preview = preview_file (fixture, trib_explore_item_get_path (last), &parquet, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_explore_preview_get_n_rows (preview), ==, 60);
}

/* Seed 003's base connection request, its JSON made valid and its
 * credentials those of the demo workspace.
 */
static char *
create_seed_003_connection (Fixture *fixture)
{
  static const char body[] =
    "{"
    "  \"name\": \"Databricks connection to Experience Platform\","
    "  \"description\": \"A Databricks base connection to Experience Platform\","
    "  \"auth\": {"
    "    \"specName\": \"Access Token Authentication\","
    "    \"params\": {"
    "      \"domain\": \"https://adb-1234567890123456.7.azuredatabricks.net\","
    "      \"clusterId\": \"1203-091500-trib2026\","
    "      \"accessToken\": \"dapi0123456789abcdef0123456789abcdef\","
    "      \"database\": \"acme-db\""
    "    }"
    "  },"
    "  \"connectionSpec\": {\"id\": \"e9d7ec6b-0873-4e57-ad21-b3a7c65e310b\", \"version\": \"1.0\"}"
    "}";
  g_autoptr(JsonNode) request = json_from_string (body, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;

  g_assert_nonnull (request);
  trib_platform_client_call_async (fixture->client, "POST", "/data/foundation/flowservice/connections", request,
                                   NULL, TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  reply = trib_platform_client_call_finish (fixture->client, trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply));

  return g_strdup (json_object_get_string_member (json_node_get_object (reply), "id"));
}

static void
test_databricks (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tables = browse (fixture, DATABRICKS_CONNECTION, NULL, &error);
  g_autoptr(TribExploreItem) orders = NULL;
  g_autoptr(TribExplorePreview) columns = NULL;
  g_autoptr(TribExplorePreview) rows = NULL;
  g_autofree char *seed_connection = NULL;
  g_autoptr(GListModel) seed_tables = NULL;
  g_autoptr(TribExploreItem) customers = NULL;
  g_autoptr(TribExplorePreview) seed_rows = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 4);
  orders = find_item (tables, "orders");
  g_assert_cmpint (trib_explore_item_get_item_type (orders), ==, TRIB_EXPLORE_ITEM_TABLE);
  g_assert_cmpstr (trib_explore_item_get_path (orders), ==, "luma.orders");

  columns = get_table (fixture, DATABRICKS_CONNECTION, trib_explore_item_get_path (orders), FALSE);
  g_assert_cmpuint (trib_explore_preview_get_n_columns (columns), ==, 9);
  g_assert_cmpuint (trib_explore_preview_get_n_rows (columns), ==, 0);
  g_assert_cmpstr (trib_explore_preview_get_column_types (columns)[column_index (columns, "quantity")], ==, "integer");
  g_assert_cmpstr (trib_explore_preview_get_column_xdm_types (columns)[column_index (columns, "orderDate")], ==,
                   "date-time");

  rows = get_table (fixture, DATABRICKS_CONNECTION, trib_explore_item_get_path (orders), TRUE);
  g_assert_cmpuint (trib_explore_preview_get_n_rows (rows), ==, 100);
  g_assert_cmpstr (value (rows, 1, "orderId"), ==, "LUMA-1000001");

  /* Seed 003's connection reaches the database it names. */
  seed_connection = create_seed_003_connection (fixture);
  seed_tables = browse (fixture, seed_connection, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (seed_tables), ==, 2);
  customers = find_item (seed_tables, "customers");
  g_assert_cmpstr (trib_explore_item_get_path (customers), ==, "acme-db.customers");
  seed_rows = get_table (fixture, seed_connection, trib_explore_item_get_path (customers), TRUE);
  g_assert_cmpstr (value (seed_rows, 0, "loyaltyId"), ==, "LY10185000");

  /* A table source has no folders. */
  g_clear_object (&tables);
  tables = browse (fixture, DATABRICKS_CONNECTION, "luma/", &error);
  assert_platform_error (error, 400, "FLOW-1460-400");
}

static void
test_odata (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tables = browse (fixture, ODATA_CONNECTION, NULL, &error);
  g_autoptr(TribExploreItem) orders = NULL;
  g_autoptr(TribExplorePreview) preview = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tables), ==, 5);
  orders = find_item (tables, "Orders");
  g_assert_cmpstr (trib_explore_item_get_path (orders), ==, "Orders");

  /* Seed 004 maps OrderID, CustomerID, EmployeeID and OrderDate. */
  preview = get_table (fixture, ODATA_CONNECTION, "Orders", TRUE);
  g_assert_cmpstr (trib_explore_preview_get_column_types (preview)[column_index (preview, "OrderID")], ==, "integer");
  g_assert_cmpstr (trib_explore_preview_get_column_types (preview)[column_index (preview, "CustomerID")], ==, "string");
  g_assert_cmpstr (trib_explore_preview_get_column_xdm_types (preview)[column_index (preview, "OrderDate")], ==,
                   "date-time");
  g_assert_cmpint (column_index (preview, "EmployeeID"), >=, 0);
  g_assert_cmpstr (value (preview, 0, "OrderID"), ==, "10248");
  g_assert_cmpuint (strlen (value (preview, 0, "CustomerID")), ==, 5);
}

static void
test_connection_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) spec = NULL;

  items = browse (fixture, "00000000-0000-4000-8000-000000000000", NULL, &error);
  assert_platform_error (error, 404, "FLOW-1101-404");
  g_clear_error (&error);

  /* Its password was rotated: the source refuses it. */
  items = browse (fixture, RETIRED_SFTP_CONNECTION, NULL, &error);
  assert_platform_error (error, 400, "FLOW-1463-400");
  g_clear_error (&error);

  items = browse (fixture, DATASETS_CONNECTION, NULL, &error);
  assert_platform_error (error, 400, "FLOW-1464-400");
  g_clear_error (&error);

  /* An objectType explore does not know. */
  trib_platform_client_call_async (fixture->client, "GET", EXPLORE_PATH "?objectType=bucket", NULL, NULL,
                                   TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  g_assert_null (trib_platform_client_call_finish (fixture->client, trib_test_wait_result (&result), &error));
  assert_platform_error (error, 400, "FLOW-1460-400");
  g_clear_error (&error);
  g_clear_object (&result);

  /* The spec's own route still answers beside its explore route. */
  trib_platform_client_call_async (fixture->client, "GET",
                                   "/data/foundation/flowservice/connectionSpecs/" TRIB_LANDING_ZONE_SPEC_ID, NULL,
                                   NULL, TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  spec = trib_platform_client_call_finish (fixture->client, trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (json_object_has_member (json_node_get_object (spec), "items"));
}

static void
test_odd_listings (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = NULL;
  g_autoptr(TribExploreItem) file = NULL;
  g_autoptr(TribExploreItem) folder = NULL;

  /* The cloud-storage guide's "File" and "Folder", no flags; elements
   * of no known type, without a path, or not objects, are left out.
   */
  trib_test_sim_add_fault (fixture->sim,
                           "{\"path\": \"" EXPLORE_PATH "\", \"kind\": \"body\", \"body\": "
                           "\"[{\\\"type\\\": \\\"File\\\", \\\"name\\\": \\\"data.csv\\\", "
                           "\\\"path\\\": \\\"/some/path/data.csv\\\"}, 3, null, "
                           "{\\\"type\\\": \\\"Bucket\\\", \\\"name\\\": \\\"b\\\", \\\"path\\\": \\\"/b\\\"}, "
                           "{\\\"type\\\": \\\"file\\\", \\\"name\\\": \\\"no-path\\\"}, "
                           "{\\\"type\\\": \\\"Folder\\\", \\\"name\\\": \\\"foobar\\\", "
                           "\\\"path\\\": \\\"/some/path/foobar\\\", \\\"canPreview\\\": \\\"yes\\\", "
                           "\\\"extra\\\": {\\\"deep\\\": [1, {}]}}]\"}");
  items = browse (fixture, S3_CONNECTION, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
  file = g_list_model_get_item (items, 0);
  g_assert_cmpint (trib_explore_item_get_item_type (file), ==, TRIB_EXPLORE_ITEM_FILE);
  g_assert_true (trib_explore_item_get_can_preview (file));
  folder = g_list_model_get_item (items, 1);
  g_assert_cmpint (trib_explore_item_get_item_type (folder), ==, TRIB_EXPLORE_ITEM_FOLDER);
  g_assert_false (trib_explore_item_get_can_preview (folder));
  g_assert_cmpstr (trib_explore_item_get_path (folder), ==, "/some/path/foobar");

  /* Not a list at all. */
  g_clear_object (&items);
  trib_test_sim_add_fault (fixture->sim, "{\"path\": \"" EXPLORE_PATH "\", \"kind\": \"body\", "
                                         "\"body\": \"{\\\"items\\\": []}\"}");
  items = browse (fixture, S3_CONNECTION, NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
}

static TribExplorePreview *
zone_preview (Fixture                      *fixture,
              const char                   *path,
              const TribExploreFileOptions *options,
              GError                      **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_explore_landing_zone_preview_async (fixture->client, path, options, NULL, trib_test_result_cb, &result);

  return trib_flow_explore_preview_finish (trib_test_wait_result (&result), error);
}

static void
test_landing_zone_explore (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) root = browse (fixture, NULL, NULL, &error);
  g_autoptr(TribExploreItem) data8 = NULL;
  g_autoptr(TribExploreItem) garage = NULL;
  g_autoptr(GListModel) garage_files = NULL;
  g_autoptr(TribExplorePreview) typed = NULL;
  g_autoptr(TribExplorePreview) determined = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  TribExploreFileOptions delimited = { TRIB_EXPLORE_FILE_DELIMITED, NULL, NULL, NULL };

  g_assert_no_error (error);
  data8 = find_item (root, "data8.csv");
  g_assert_cmpstr (trib_explore_item_get_path (data8), ==, "dlz-user-container/data8.csv");
  garage = find_item (root, "garageWeek");
  garage_files = browse (fixture, NULL, trib_explore_item_get_path (garage), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (garage_files), ==, 1);

  /* With fileType: the properties it was read with come back. */
  typed = zone_preview (fixture, "dlz-user-container/data8.csv", &delimited, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_explore_preview_get_n_columns (typed), ==, 9);
  g_assert_cmpstr (trib_explore_preview_get_file_type (typed), ==, "delimited");

  /* With determineProperties: the platform tells how the file is made. */
  determined = zone_preview (fixture, "dlz-user-container/garageWeek/file1", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_explore_preview_get_file_type (determined), ==, "delimited");
  g_assert_cmpstr (trib_explore_preview_get_compression_type (determined), ==, "tarGzip");
  g_assert_cmpstr (trib_explore_preview_get_column_delimiter (determined), ==, "~");
  g_assert_cmpuint (trib_explore_preview_get_n_columns (determined), ==, 11);
  g_assert_cmpuint (trib_explore_preview_get_n_rows (determined), ==, 20);

  /* Both, or neither: refused. */
  trib_platform_client_call_async (fixture->client, "GET",
                                   ZONE_EXPLORE "?objectType=file&object=dlz-user-container/data8.csv"
                                   "&preview=true&fileType=delimited&determineProperties=true",
                                   NULL, NULL, TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  g_assert_null (trib_platform_client_call_finish (fixture->client, trib_test_wait_result (&result), &error));
  assert_platform_error (error, 400, "FLOW-1460-400");
  g_assert_nonnull (strstr (trib_platform_error_get_detail (error), "not both"));
  g_clear_error (&error);
  g_clear_object (&result);
  trib_platform_client_call_async (fixture->client, "GET",
                                   ZONE_EXPLORE "?objectType=file&object=dlz-user-container/data8.csv&preview=true",
                                   NULL, NULL, TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  g_assert_null (trib_platform_client_call_finish (fixture->client, trib_test_wait_result (&result), &error));
  assert_platform_error (error, 400, "FLOW-1460-400");
}

static TribLandingZone *
credentials (Fixture  *fixture,
             gboolean  refresh)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribLandingZone *zone;

  trib_flow_explore_get_landing_zone_credentials_async (fixture->client, refresh, NULL, trib_test_result_cb, &result);
  zone = trib_flow_explore_landing_zone_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return zone;
}

static void
test_landing_zone_credentials (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribLandingZone) container = NULL;
  g_autoptr(TribLandingZone) first = NULL;
  g_autoptr(TribLandingZone) again = NULL;
  g_autoptr(TribLandingZone) renewed = NULL;
  g_autoptr(TribLandingZone) after = NULL;
  GListModel *log = G_LIST_MODEL (trib_platform_client_get_log (fixture->client));
  guint refreshes = 0;

  trib_flow_explore_get_landing_zone_async (fixture->client, NULL, trib_test_result_cb, &result);
  container = trib_flow_explore_landing_zone_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_landing_zone_get_container_name (container), ==, "dlz-user-container");
  g_assert_cmpint (trib_landing_zone_get_container_ttl_days (container), ==, 7);
  g_assert_null (trib_landing_zone_get_sas_token (container));

  first = credentials (fixture, FALSE);
  again = credentials (fixture, FALSE);
  g_assert_nonnull (trib_landing_zone_get_sas_token (first));
  g_assert_true (g_str_has_prefix (trib_landing_zone_get_sas_token (first), "sv="));
  g_assert_nonnull (strstr (trib_landing_zone_get_sas_uri (first), trib_landing_zone_get_sas_token (first)));
  g_assert_cmpstr (trib_landing_zone_get_sas_token (first), ==, trib_landing_zone_get_sas_token (again));

  renewed = credentials (fixture, TRUE);
  g_assert_cmpstr (trib_landing_zone_get_sas_token (renewed), !=, trib_landing_zone_get_sas_token (first));
  after = credentials (fixture, FALSE);
  g_assert_cmpstr (trib_landing_zone_get_sas_token (after), ==, trib_landing_zone_get_sas_token (renewed));
  g_assert_cmpuint (trib_test_sim_count_requests (fixture->sim, "POST",
                                                  "/data/foundation/connectors/landingzone/credentials"), ==, 1);

  /* The request log never holds a token: not in a URL, a curl command
   * or an answer (it keeps the start of each, redacted).
   */
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);
      g_autofree char *curl = trib_request_record_dup_curl (record);
      const char *response = trib_request_record_get_response (record);
      TribLandingZone *zones[] = { first, renewed };

      for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
        {
          const char *token = trib_landing_zone_get_sas_token (zones[z]);

          g_assert_null (strstr (trib_request_record_get_url (record), token));
          g_assert_null (strstr (curl, token));
          g_assert_true (response == NULL || strstr (response, token) == NULL);
        }
      if (g_str_has_suffix (trib_request_record_get_url (record), "action=refresh"))
        refreshes++;
    }
  g_assert_cmpuint (refreshes, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/tributary/flow-explore/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("browse-to-file", test_browse_to_file);
  ADD ("file-types", test_file_types);
  ADD ("delimiters", test_delimiters);
  ADD ("compression", test_compression);
  ADD ("adls-and-gcs", test_adls_and_gcs);
  ADD ("ten-thousand-files", test_ten_thousand_files);
  ADD ("databricks", test_databricks);
  ADD ("odata", test_odata);
  ADD ("connection-errors", test_connection_errors);
  ADD ("odd-listings", test_odd_listings);
  ADD ("landing-zone-explore", test_landing_zone_explore);
  ADD ("landing-zone-credentials", test_landing_zone_credentials);

#undef ADD

  return g_test_run ();
}
