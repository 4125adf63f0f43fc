/* test-paging-styles.c
 *
 * Each of the platform's paging styles read through the real client
 * against tributary-sim over HTTP: Sandbox Management's limit/offset,
 * Catalog's start/limit, the export configs' pageInfo.hasNext, the
 * Schema Registry's _page.next, Query Service's absolute next links and
 * Flow Service's relative ones with a continuationToken. Every list is
 * followed to its end with each item once; and for the styles by link,
 * a cancel half-way, replies without their paging member, a next link
 * to another server (refused), and a failure on the third page, shown as
 * the list's error with the first two pages kept.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-catalog.h"
#include "trib-dataset-export.h"
#include "trib-paging.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-query-service.h"
#include "trib-sandbox-management.h"
#include "trib-schema-registry.h"
#include "trib-test-platform.h"

#define QUERIES_PATH "/data/foundation/query/queries"
#define CONFIGS_PATH "/data/foundation/flowservice/connectionSpecs/" TRIB_DATASET_EXPORT_SOURCE_SPEC "/configs"
#define CONNECTIONS_PATH "/data/foundation/flowservice/connections"
#define N_GENERATED 230
#define N_DATASETS (3 + N_GENERATED)

static TribTestSim *sim;
static TribPlatformClient *client;

/* Where connections were parsed: the main thread or another. */
static GThread *main_thread;
static int n_parsed_on_main;
static int n_parsed_elsewhere;

/* A Flow Service connection, as far as the list goes: the platform's
 * own connection list is Flow Service's to write.
 */
#define TEST_TYPE_CONNECTION (test_connection_get_type ())
G_DECLARE_FINAL_TYPE (TestConnection, test_connection, TEST, CONNECTION, GObject)

struct _TestConnection
{
  GObject parent_instance;
  char *id;
};

G_DEFINE_FINAL_TYPE (TestConnection, test_connection, G_TYPE_OBJECT)

static void
test_connection_finalize (GObject *object)
{
  g_free (TEST_CONNECTION (object)->id);
  G_OBJECT_CLASS (test_connection_parent_class)->finalize (object);
}

static void
test_connection_class_init (TestConnectionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_connection_finalize;
}

static void
test_connection_init (TestConnection *self)
{
}

static gpointer
parse_connection (JsonObject  *item,
                  const char  *key,
                  TribCall    *call,
                  GError     **error)
{
  TestConnection *connection;

  if (!json_object_has_member (item, "id"))
    return NULL;
  connection = g_object_new (TEST_TYPE_CONNECTION, NULL);
  connection->id = g_strdup (json_object_get_string_member (item, "id"));
  g_atomic_int_inc (g_thread_self () == main_thread ? &n_parsed_on_main : &n_parsed_elsewhere);

  return connection;
}

/* A new list endpoint: one table entry and a parse function. */
static const TribPaging connections_paging = {
  .style = TRIB_PAGING_CONTINUATION,
  .item_type = test_connection_get_type,
  .items = "items",
  .parse_item = parse_connection,
  .page_size = 100,
  .max_page_size = 1000,
  .link_base = "/data/foundation/flowservice",
};

static const TribEndpoint connections_endpoint = {
  .service = "Flow Service",
  .what = "a list of connections",
  .method = "GET",
  .path = CONNECTIONS_PATH,
  .idempotent = TRUE,
  .paging = &connections_paging,
};

static TribPagedList *
list_connections (guint page_size)
{
  TribCall *call = trib_call_new (&connections_endpoint, NULL);

  trib_call_set_page_size (call, page_size);

  return trib_paged_list_new_for_call (client, call);
}

static JsonObject *
get_json_accepting (const char *path,
                    const char *accept)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  trib_platform_client_call_async (client, "GET", path, NULL, accept, TRIB_CALL_NONE, NULL, trib_test_result_cb,
                                   &result);
  node = trib_platform_client_call_finish (client, trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));

  return json_object_ref (json_node_get_object (node));
}

static JsonObject *
get_json (const char *path)
{
  return get_json_accepting (path, g_str_has_prefix (path, "/data/foundation/schemaregistry/")
                                   ? "application/vnd.adobe.xed+json" : NULL);
}

/* How many items the endpoint has, in one large page. */
static guint
count_all (const char *path,
           const char *member)
{
  g_autoptr(JsonObject) reply = get_json (path);

  return json_array_get_length (json_object_get_array_member (reply, member));
}

/* Reads the whole list; FALSE with @error if a page failed. */
static gboolean
load_all (TribPagedList  *list,
          GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_paged_list_load_all_async (list, NULL, trib_test_result_cb, &result);

  return trib_paged_list_load_all_finish (list, trib_test_wait_result (&result), error);
}

static const char *
item_id (gpointer item)
{
  if (TRIB_IS_DATASET (item))
    return trib_dataset_get_id (item);
  if (TRIB_IS_SANDBOX (item))
    return trib_sandbox_get_name (item);
  if (TRIB_IS_XDM_RESOURCE (item))
    return trib_xdm_resource_get_id (item);
  if (TRIB_IS_QUERY_RECORD (item))
    return trib_query_record_get_id (item);
  return TEST_CONNECTION (item)->id;
}

/* Each item once, as many as expected. */
static void
assert_whole (TribPagedList *list,
              guint          n_expected)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_true (trib_paged_list_get_complete (list));
  g_assert_null (trib_paged_list_get_error (list));
  g_assert_cmpuint (n_items, ==, n_expected);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (item_id (item));
      g_assert_true (g_hash_table_add (seen, g_strdup (item_id (item))));
    }
}

static void
iterate_for (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

static void
test_limit_offset (void)
{
  g_autoptr(GListModel) paged = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_sandboxes = count_all ("/data/foundation/sandbox-management/?limit=100&offset=0", "sandboxes");

  trib_test_sim_clear_requests (sim);
  trib_sandbox_management_list_async (client, 2, NULL, trib_test_result_cb, &result);
  paged = trib_sandbox_management_list_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  assert_whole (TRIB_PAGED_LIST (paged), n_sandboxes);
  /* One page at a time, none past the end. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", "/data/foundation/sandbox-management/"), ==,
                    (n_sandboxes + 1) / 2);
}

static void
test_start_limit (void)
{
  g_autoptr(TribPagedList) list = trib_catalog_list_datasets (client, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (load_all (list, &error));
  g_assert_no_error (error);
  assert_whole (list, N_DATASETS);
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, N_DATASETS / TRIB_CATALOG_PAGE_SIZE + 1);
}

static void
test_has_next (void)
{
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(TribPagedList) catalog = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sim_clear_requests (sim);
  list = trib_dataset_export_list_datasets (client);
  g_assert_true (load_all (list, &error));
  g_assert_no_error (error);
  assert_whole (list, N_DATASETS);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CONFIGS_PATH), ==,
                    (N_DATASETS + TRIB_DATASET_EXPORT_PAGE_SIZE - 1) / TRIB_DATASET_EXPORT_PAGE_SIZE);

  /* The same datasets as Catalog's, in the same order. */
  catalog = trib_catalog_list_datasets (client, NULL);
  g_assert_true (load_all (catalog, &error));
  for (guint i = 0; i < N_DATASETS; i++)
    {
      g_autoptr(TribDataset) a = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autoptr(TribDataset) b = g_list_model_get_item (G_LIST_MODEL (catalog), i);

      g_assert_cmpstr (trib_dataset_get_id (a), ==, trib_dataset_get_id (b));
      g_assert_cmpstr (trib_dataset_get_name (a), ==, trib_dataset_get_name (b));
    }
}

static void
test_start_cursor (void)
{
  g_autoptr(TribPagedList) list = trib_schema_registry_list (client, TRIB_XDM_KIND_FIELD_GROUP,
                                                             TRIB_XDM_CONTAINER_GLOBAL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  guint n_expected = count_all ("/data/foundation/schemaregistry/global/fieldgroups?orderby=title&limit=500",
                                "results");

  g_assert_true (load_all (list, &error));
  g_assert_no_error (error);
  assert_whole (list, n_expected);
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==,
                    (n_expected + TRIB_SCHEMA_REGISTRY_PAGE_SIZE - 1) / TRIB_SCHEMA_REGISTRY_PAGE_SIZE);
}

static void
test_next_link (void)
{
  g_autoptr(TribPagedList) newest = trib_query_service_list_queries (client, FALSE, NULL);
  g_autoptr(TribPagedList) oldest = trib_query_service_list_queries (client, TRUE, NULL);
  g_autoptr(TribPagedList) failed = trib_query_service_list_queries (client, TRUE, "FAILED");
  g_autoptr(GError) error = NULL;
  guint n_queries = count_all (QUERIES_PATH "?limit=1000", "queries");
  guint n_items;

  /* Some hundreds, the hidden and the deleted left out. */
  g_assert_cmpuint (n_queries, >, 3 * TRIB_QUERY_SERVICE_PAGE_SIZE);
  g_assert_cmpuint (n_queries, <, count_all (QUERIES_PATH "?limit=1000&excludeHidden=false", "queries"));
  g_assert_cmpuint (n_queries, <, count_all (QUERIES_PATH "?limit=1000&excludeSoftDeleted=false", "queries"));

  g_assert_true (load_all (newest, &error));
  g_assert_no_error (error);
  assert_whole (newest, n_queries);
  g_assert_cmpuint (trib_paged_list_get_n_requests (newest), ==,
                    (n_queries + TRIB_QUERY_SERVICE_PAGE_SIZE - 1) / TRIB_QUERY_SERVICE_PAGE_SIZE);

  /* "+created" goes as %2B: sent raw, the server reads a space and refuses. */
  g_assert_true (load_all (oldest, &error));
  g_assert_no_error (error);
  assert_whole (oldest, n_queries);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (oldest));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribQueryRecord) a = g_list_model_get_item (G_LIST_MODEL (oldest), i);
      g_autoptr(TribQueryRecord) b = g_list_model_get_item (G_LIST_MODEL (newest), n_items - 1 - i);

      g_assert_cmpstr (trib_query_record_get_id (a), ==, trib_query_record_get_id (b));
      g_assert_nonnull (trib_query_record_get_sql (a));
      g_assert_cmpstr (trib_query_record_get_database (a), ==, "prod:all");
      if (i > 0)
        {
          g_autoptr(TribQueryRecord) previous = g_list_model_get_item (G_LIST_MODEL (oldest), i - 1);

          g_assert_cmpint (g_date_time_compare (trib_query_record_get_created (previous),
                                                trib_query_record_get_created (a)), <, 0);
        }
    }

  g_assert_true (load_all (failed, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (failed)), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (failed)); i++)
    {
      g_autoptr(TribQueryRecord) query = g_list_model_get_item (G_LIST_MODEL (failed), i);

      g_assert_cmpstr (trib_query_record_get_state (query), ==, "FAILED");
      g_assert_nonnull (trib_query_record_get_error (query));
    }
}

static void
test_continuation (void)
{
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_connections = count_all (CONNECTIONS_PATH "?limit=1000", "items");

  g_assert_cmpuint (n_connections, >=, 3);
  trib_test_sim_clear_requests (sim);
  g_atomic_int_set (&n_parsed_on_main, 0);
  g_atomic_int_set (&n_parsed_elsewhere, 0);
  list = list_connections (2);
  g_assert_true (load_all (list, &error));
  g_assert_no_error (error);
  assert_whole (list, n_connections);
  /* The first page, waited for, on the main thread; the others, which
   * come while a view draws, on another.
   */
  g_assert_cmpint (g_atomic_int_get (&n_parsed_on_main), ==, 2);
  g_assert_cmpint (g_atomic_int_get (&n_parsed_elsewhere), ==, n_connections - 2);
  /* The relative links were followed below Flow Service's path. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CONNECTIONS_PATH), ==,
                    trib_paged_list_get_n_requests (list));
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), >=, (n_connections + 1) / 2);
}

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changes)
{
  (*n_changes)++;
}

/* A view at the bottom of the list asks for more; cancelled with pages
 * on their way, the list takes none of them, and goes on when asked.
 */
static void
test_cancel (void)
{
  g_autoptr(TribPagedList) list = trib_query_service_list_queries (client, FALSE, NULL);
  guint n_queries = count_all (QUERIES_PATH "?limit=1000", "queries");
  g_autoptr(GError) error = NULL;
  gulong changed_id;
  guint n_changes = 0;

  while (trib_paged_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, TRIB_QUERY_SERVICE_PAGE_SIZE);

  trib_test_sim_add_fault (sim, "{\"path\": \"" QUERIES_PATH "\", \"kind\": \"delay\", \"delay_ms\": 300, "
                                "\"count\": 2}");
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), TRIB_QUERY_SERVICE_PAGE_SIZE - 1));
  iterate_for (50);
  g_assert_true (trib_paged_list_get_loading (list));

  changed_id = g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &n_changes);
  trib_paged_list_cancel (list);
  g_assert_false (trib_paged_list_get_loading (list));
  iterate_for (500);
  g_assert_cmpuint (n_changes, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, TRIB_QUERY_SERVICE_PAGE_SIZE);
  g_signal_handler_disconnect (list, changed_id);
  trib_test_sim_clear_faults (sim);

  g_assert_true (load_all (list, &error));
  g_assert_no_error (error);
  assert_whole (list, n_queries);
}

/* Without the member that says whether there is more, a page is the last. */
static void
test_no_paging_member (void)
{
  g_autoptr(TribPagedList) configs = NULL;
  g_autoptr(TribPagedList) queries = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sim_add_fault (sim, "{\"path\": \"" CONFIGS_PATH "\", \"kind\": \"body\", \"body\": "
                                "\"{\\\"items\\\": [{\\\"id\\\": \\\"a1\\\", \\\"name\\\": \\\"A\\\"}, "
                                "{\\\"id\\\": \\\"b2\\\", \\\"name\\\": \\\"B\\\"}]}\"}");
  configs = trib_dataset_export_list_datasets (client);
  g_assert_true (load_all (configs, &error));
  g_assert_no_error (error);
  assert_whole (configs, 2);
  g_assert_cmpuint (trib_paged_list_get_n_requests (configs), ==, 1);

  trib_test_sim_add_fault (sim, "{\"path\": \"" QUERIES_PATH "\", \"kind\": \"body\", \"body\": "
                                "\"{\\\"queries\\\": [{\\\"id\\\": \\\"q1\\\"}], "
                                "\\\"_page\\\": {\\\"count\\\": 1}}\"}");
  queries = trib_query_service_list_queries (client, FALSE, NULL);
  g_assert_true (load_all (queries, &error));
  g_assert_no_error (error);
  assert_whole (queries, 1);

  /* Without the items, the reply is not a page. */
  g_clear_object (&queries);
  trib_test_sim_add_fault (sim, "{\"path\": \"" QUERIES_PATH "\", \"kind\": \"body\", \"body\": \"{}\"}");
  queries = trib_query_service_list_queries (client, FALSE, NULL);
  g_assert_false (load_all (queries, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
}

/* A server whose next page links to itself is not asked forever. */
static void
test_next_is_itself (void)
{
  g_autofree char *href = g_strconcat (sim->base_url, QUERIES_PATH "?limit=50&start=2026-01-01T00%3A00%3A00Z", NULL);
  g_autofree char *fault = g_strdup_printf ("{\"path\": \"" QUERIES_PATH "\", \"kind\": \"body\", \"count\": 3, "
                                            "\"body\": \"{\\\"queries\\\": [{\\\"id\\\": \\\"q1\\\"}], "
                                            "\\\"_links\\\": {\\\"next\\\": {\\\"href\\\": \\\"%s\\\"}}}\"}",
                                            href);
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sim_add_fault (sim, fault);
  list = trib_query_service_list_queries (client, FALSE, NULL);
  g_assert_true (load_all (list, &error));
  g_assert_no_error (error);
  g_assert_true (trib_paged_list_get_complete (list));
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, 2);
  trib_test_sim_clear_faults (sim);
}

/* A next link elsewhere would take the token with it. */
static TribPagedList *
newest_queries (void)
{
  return trib_query_service_list_queries (client, FALSE, NULL);
}

static TribPagedList *
connections_by_two (void)
{
  return list_connections (2);
}

static void
assert_link_refused (TribPagedList *(*make_list) (void),
                     const char     *path,
                     const char     *href)
{
  g_autofree char *fault = g_strdup_printf ("{\"path\": \"%s\", \"kind\": \"body\", \"body\": "
                                            "\"{\\\"queries\\\": [{\\\"id\\\": \\\"q1\\\"}], "
                                            "\\\"items\\\": [{\\\"id\\\": \\\"c1\\\"}], "
                                            "\\\"_links\\\": {\\\"next\\\": {\\\"href\\\": \\\"%s\\\"}}}\"}",
                                            path, href);
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, fault);
  list = make_list ();
  g_assert_false (load_all (list, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_false (trib_paged_list_get_complete (list));
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", path), ==, 1);
}

static void
test_other_host_refused (void)
{
  const char *port = strrchr (sim->base_url, ':');
  const char *host_and_port = sim->base_url + strlen ("http://");
  g_autofree char *other_port = NULL;
  g_autofree char *other_scheme = g_strconcat ("https://", host_and_port, QUERIES_PATH "?start=x", NULL);
  g_autofree char *with_user = g_strconcat ("http://user:secret@", host_and_port, QUERIES_PATH "?start=x", NULL);
  g_autofree char *same = g_strconcat (sim->base_url, QUERIES_PATH "?start=x", NULL);
  g_autofree char *fault = NULL;
  g_autoptr(GError) error = NULL;
  TribPagedList *list;

  other_port = g_strdup_printf ("http://127.0.0.1:%u" QUERIES_PATH "?start=x",
                                (guint) g_ascii_strtoull (port + 1, NULL, 10) + 1);

  assert_link_refused (newest_queries, QUERIES_PATH, "https://platform.example.com" QUERIES_PATH "?start=x");
  assert_link_refused (newest_queries, QUERIES_PATH, "//platform.example.com" QUERIES_PATH "?start=x");

  /* The same host, but another port, scheme, or a user in it. */
  assert_link_refused (newest_queries, QUERIES_PATH, other_port);
  assert_link_refused (newest_queries, QUERIES_PATH, other_scheme);
  assert_link_refused (newest_queries, QUERIES_PATH, with_user);

  /* A continuation link is refused just the same when absolute. */
  assert_link_refused (connections_by_two, CONNECTIONS_PATH,
                       "http://evil.example.com/connections?continuationToken=x");

  /* The platform's own server is followed: start=x is no timestamp, so
   * the server's own 400 comes back, not a refusal.
   */
  fault = g_strdup_printf ("{\"path\": \"" QUERIES_PATH "\", \"kind\": \"body\", \"body\": "
                           "\"{\\\"queries\\\": [{\\\"id\\\": \\\"q1\\\"}], "
                           "\\\"_links\\\": {\\\"next\\\": {\\\"href\\\": \\\"%s\\\"}}}\"}", same);
  trib_test_sim_add_fault (sim, fault);
  list = trib_query_service_list_queries (client, FALSE, NULL);
  g_assert_false (load_all (list, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_object_unref (list);
}

/* The third page fails: the list says so, and keeps the first two. */
static void
assert_third_page_fails (TribPagedList *list,
                         const char    *path,
                         guint          page_size)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (load_all (list, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_nonnull (trib_paged_list_get_error (list));
  g_assert_false (trib_paged_list_get_complete (list));
  g_assert_false (trib_paged_list_get_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2 * page_size);
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, 3);
  trib_test_sim_clear_faults (sim);
}

static void
test_error_on_third_page (void)
{
  g_autoptr(JsonObject) reply = NULL;
  g_autofree char *start = NULL;
  g_autofree char *fault = NULL;
  TribPagedList *list;

  /* By offset: the third page's start is known. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" CONFIGS_PATH "\", \"query\": \"start=100&\", "
                                "\"kind\": \"status\", \"status\": 400}");
  list = trib_dataset_export_list_datasets (client);
  assert_third_page_fails (list, CONFIGS_PATH, TRIB_DATASET_EXPORT_PAGE_SIZE);
  g_object_unref (list);

  /* By link: the third page starts at the 101st query's time. */
  reply = get_json (QUERIES_PATH "?limit=101");
  start = g_uri_escape_string (json_object_get_string_member (
    json_array_get_object_element (json_object_get_array_member (reply, "queries"), 100), "created"), NULL, FALSE);
  fault = g_strdup_printf ("{\"path\": \"" QUERIES_PATH "\", \"query\": \"start=%s\", "
                           "\"kind\": \"status\", \"status\": 400}", start);
  trib_test_sim_add_fault (sim, fault);
  list = trib_query_service_list_queries (client, FALSE, NULL);
  assert_third_page_fails (list, QUERIES_PATH, TRIB_QUERY_SERVICE_PAGE_SIZE);

  /* Asked again, it goes on from the page that failed. */
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (load_all (list, &error));
    g_assert_no_error (error);
    assert_whole (list, count_all (QUERIES_PATH "?limit=1000", "queries"));
  }
  g_object_unref (list);
}

/* Every page comes from the sandbox the list was made in, even after
 * the client's is switched: the dev history is not prod's.
 */
static void
test_sandbox_kept (void)
{
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sandboxes = NULL;
  guint n_queries = count_all (QUERIES_PATH "?limit=1000", "queries");

  trib_test_sim_clear_requests (sim);
  list = trib_query_service_list_queries (client, FALSE, NULL);
  while (trib_paged_list_get_loading (list))
    g_main_context_iteration (NULL, TRUE);

  trib_platform_client_set_sandbox (client, "dev");
  g_assert_true (load_all (list, &error));
  trib_platform_client_set_sandbox (client, "prod");
  g_assert_no_error (error);
  assert_whole (list, n_queries);

  sandboxes = trib_test_sim_dup_sandboxes (sim, "GET", QUERIES_PATH);
  g_assert_cmpuint (g_strv_length (sandboxes), ==, trib_paged_list_get_n_requests (list));
  for (guint i = 0; sandboxes[i] != NULL; i++)
    g_assert_cmpstr (sandboxes[i], ==, "prod");
}

static void
assert_refused (const char *path,
                guint       status)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  trib_platform_client_call_async (client, "GET", path, NULL, NULL, TRIB_CALL_NONE, NULL, trib_test_result_cb,
                                   &result);
  node = trib_platform_client_call_finish (client, trib_test_wait_result (&result), &error);
  g_assert_null (node);
  g_assert_nonnull (error);
  g_assert_cmpuint (trib_platform_error_get_status (error), ==, status);
}

/* The simulator is as strict as the platform about what the lists take. */
static void
test_strict_lists (void)
{
  g_autoptr(JsonObject) spec = NULL;
  g_autoptr(JsonObject) later = NULL;
  JsonArray *queries;

  /* A + not sent as %2B is read as a space. */
  assert_refused (QUERIES_PATH "?orderby=+created", 400);
  assert_refused (QUERIES_PATH "?orderby=name", 400);
  assert_refused (QUERIES_PATH "?limit=0", 400);
  assert_refused (QUERIES_PATH "?limit=1001", 400);
  assert_refused (QUERIES_PATH "?start=yesterday", 400);
  assert_refused (QUERIES_PATH "?property=sql~SELECT", 400);
  assert_refused (QUERIES_PATH "?property=created>soon", 400);
  assert_refused (QUERIES_PATH "?excludeHidden=maybe", 400);
  g_assert_cmpuint (count_all (QUERIES_PATH, "queries"), ==, 20);

  /* Filters and the start cursor, inclusive. */
  later = get_json (QUERIES_PATH "?orderby=%2Bcreated&limit=3"
                    "&property=created%3E%3D2026-11-01T00:00:00Z,state%3D%3DSUCCESS");
  queries = json_object_get_array_member (later, "queries");
  g_assert_cmpuint (json_array_get_length (queries), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *query = json_array_get_object_element (queries, i);

      g_assert_cmpstr (json_object_get_string_member (query, "state"), ==, "SUCCESS");
      g_assert_cmpstr (json_object_get_string_member (query, "created"), >=, "2026-11-01T00:00:00Z");
    }
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (later, "_page"), "start"), ==,
                   json_object_get_string_member (json_array_get_object_element (queries, 0), "created"));

  assert_refused (CONFIGS_PATH, 400);
  assert_refused (CONFIGS_PATH "?outputType=activationDatasets&outputField=datasets&limit=101", 400);
  assert_refused ("/data/foundation/flowservice/connectionSpecs/00000000-0000-0000-0000-000000000000/configs"
                  "?outputType=activationDatasets&outputField=datasets", 404);

  /* The spec itself is Flow Service's, the configs below it ours. */
  spec = get_json ("/data/foundation/flowservice/connectionSpecs/" TRIB_DATASET_EXPORT_SOURCE_SPEC);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (spec, "items"), 0), "id"), ==, TRIB_DATASET_EXPORT_SOURCE_SPEC);
  g_assert_cmpuint (count_all (CONFIGS_PATH "?outputType=activationDatasets&outputField=datasets", "items"), ==, 20);
}

int
main (int   argc,
      char *argv[])
{
  const char *args[] = { "--datasets", G_STRINGIFY (N_GENERATED), NULL };
  int status;

  g_test_init (&argc, &argv, NULL);

  main_thread = g_thread_self ();
  sim = trib_test_sim_start (args);
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/paging-styles/limit-offset", test_limit_offset);
  g_test_add_func ("/tributary/paging-styles/start-limit", test_start_limit);
  g_test_add_func ("/tributary/paging-styles/has-next", test_has_next);
  g_test_add_func ("/tributary/paging-styles/start-cursor", test_start_cursor);
  g_test_add_func ("/tributary/paging-styles/next-link", test_next_link);
  g_test_add_func ("/tributary/paging-styles/continuation", test_continuation);
  g_test_add_func ("/tributary/paging-styles/cancel", test_cancel);
  g_test_add_func ("/tributary/paging-styles/no-paging-member", test_no_paging_member);
  g_test_add_func ("/tributary/paging-styles/next-is-itself", test_next_is_itself);
  g_test_add_func ("/tributary/paging-styles/other-host-refused", test_other_host_refused);
  g_test_add_func ("/tributary/paging-styles/error-on-third-page", test_error_on_third_page);
  g_test_add_func ("/tributary/paging-styles/sandbox-kept", test_sandbox_kept);
  g_test_add_func ("/tributary/paging-styles/strict-lists", test_strict_lists);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
