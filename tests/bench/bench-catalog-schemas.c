/* bench-catalog-schemas.c
 *
 * Browsing at the scale of a real organization, against tributary-sim
 * with 50,000 datasets and its 5,000-field ExperienceEvent schema:
 *
 *   BENCH datasets-first-page requests=… target=1
 *     round trips from asking for the list to its first page in the model
 *   BENCH datasets-first-page ms=… target=100
 *     the time that takes, on loopback
 *   BENCH datasets-first-page overhead_ratio=… target=1.5
 *     that time over a bare libsoup GET of the same page plus parsing it,
 *     measured in the same run (the anchor)
 *   BENCH schema-tree build_ratio=… target=1.0 rounds=…
 *     what the app does from the resolved schema's text to its field
 *     tree (the checks every reply gets, trib_json_check_bounded(), then
 *     trib_xdm_field_build_tree_from_text()), over the anchor: merely
 *     parsing the same text with the fastest JSON parser the app links.
 *     That is json-glib's JsonParser, mutable or immutable, whichever is
 *     faster in the run; core/trib-json-scan.c only validates (it builds
 *     no value) and core/trib-json-reader.c is the tree's own reader.
 *     So the tree, checks included, must cost no more than a document
 *     of the same text that nobody has read yet.
 *   BENCH schema-tree growth_ratio=… target=1.1 rounds=…
 *     time per field of that same work on a schema of four times the
 *     fields (the top-level fields four times over, renamed) over time
 *     per field on the schema itself: 1.0 is linear. The slack is for
 *     the caches: the 4x text (2.3 MB) and its tree outgrow what the
 *     first fits in, which costs linear code a few percent per field
 *     (json-glib's own figure is printed beside it).
 *
 * Medians of interleaved rounds of this thread's CPU time: a noisy
 * machine moves both sides, and the other processes' turns on the CPU
 * are not counted to either.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"
#include "trib-catalog.h"
#include "trib-platform-client-private.h"
#include "trib-reply-limits.h"
#include "trib-schema-registry.h"
#include "trib-test-platform.h"
#include "trib-util.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define ROUNDS 7
#define TREE_ROUNDS 9
#define GROWTH 4

static JsonNode *
call (TribPlatformClient *client,
      const char         *path,
      const char         *accept)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;

  trib_platform_client_call_async (client, "GET", path, NULL, accept, TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  node = trib_platform_client_call_finish (client, trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return node;
}

/* The anchor: the same first page with nothing but libsoup and json-glib,
 * on one session kept across rounds as the client keeps its own.
 */
static double
bare_first_page_ms (SoupSession *session,
                    TribTestSim *sim,
                    const char  *token)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("%s/data/foundation/catalog/dataSets?limit=%u&start=0"
                                          "&orderBy=asc:name&properties=name,description,created,updated,schemaRef,"
                                          "fileDescription,tags,lastBatchId,lastBatchStatus",
                                          sim->base_url, (guint) TRIB_CATALOG_PAGE_SIZE);
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  gint64 start = g_get_monotonic_time ();

  message = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-api-key", sim->client_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-gw-ims-org-id", sim->org_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-sandbox-name", "prod");
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);

  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
first_page_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       gint64     *arrived)
{
  if (*arrived == 0)
    *arrived = g_get_monotonic_time ();
}

static double
first_page_ms (TribPlatformClient *client,
               guint              *requests)
{
  TribRequestLog *log = trib_platform_client_get_log (client);
  g_autoptr(TribPagedList) list = NULL;
  guint logged_before = g_list_model_get_n_items (G_LIST_MODEL (log));
  gint64 arrived = 0;
  gint64 start = g_get_monotonic_time ();

  list = trib_catalog_list_datasets (client, NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (first_page_changed_cb), &arrived);
  while (arrived == 0)
    {
      g_assert_null (trib_paged_list_get_error (list));
      g_main_context_iteration (NULL, TRUE);
    }

  *requests = MAX (*requests, g_list_model_get_n_items (G_LIST_MODEL (log)) - logged_before);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, TRIB_CATALOG_PAGE_SIZE);

  return (arrived - start) / 1000.0;
}

static void
bench_first_page (TribTestSim        *sim,
                  TribPlatformClient *client)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  double ours[ROUNDS];
  double bare[ROUNDS];
  guint requests = 0;
  char *token = NULL;

  /* The client's token, for the bare requests: this process's own, from the simulator. */
  token = trib_test_platform_token (client);

  /* Both sides warm: a connection open, the simulator's pages built once. */
  (void) first_page_ms (client, &requests);
  (void) bare_first_page_ms (session, sim, token);
  requests = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      ours[round] = first_page_ms (client, &requests);
      bare[round] = bare_first_page_ms (session, sim, token);
    }

  trib_secret_free (token);

  g_print ("BENCH datasets-first-page requests=%u target=1 rounds=%u\n", requests, ROUNDS);
  g_print ("BENCH datasets-first-page ms=%.1f target=100 rounds=%u\n", bench_median (ours, ROUNDS), ROUNDS);
  g_print ("BENCH datasets-first-page overhead_ratio=%.2f target=1.5 rounds=%u\n",
           bench_median (ours, ROUNDS) / bench_median (bare, ROUNDS), ROUNDS);
  g_print ("# datasets-first-page: bare libsoup %.1f ms (median of %u)\n", bench_median (bare, ROUNDS), ROUNDS);
}

/* The schema with its top-level fields GROWTH times over: the same
 * shapes and depths, GROWTH times the fields.
 */
static char *
grown_document (JsonNode *resolved)
{
  g_autoptr(JsonNode) grown = json_node_copy (resolved);
  JsonObject *properties = json_object_get_object_member (json_node_get_object (grown), "properties");
  g_autoptr(GList) names = json_object_get_members (properties);

  for (guint copy = 1; copy < GROWTH; copy++)
    for (const GList *l = names; l != NULL; l = l->next)
      {
        g_autofree char *name = g_strdup_printf ("%s_%u", (const char *) l->data, copy);

        json_object_set_member (properties, name, json_node_copy (json_object_get_member (properties, l->data)));
      }

  return json_to_string (grown, FALSE);
}

/* CPU time of this thread: both sides are one thread's work, and on a
 * shared machine wall time also counts the other processes' turns.
 */
static double
thread_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

/* Each side starts from a heap with nothing left to consolidate: after
 * json-glib frees a document's hundred thousand small blocks, the next
 * larger malloc() walks them all (several milliseconds), and that must
 * not be charged to whichever side happens to come next.
 */
static void
settle_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static double
anchor_ms (const char *document,
           gsize       length,
           gboolean    immutable)
{
  g_autoptr(JsonParser) parser = immutable ? json_parser_new_immutable () : json_parser_new ();
  double start;

  settle_heap ();
  start = thread_ms ();

  g_assert_true (json_parser_load_from_data (parser, document, length, NULL));

  return thread_ms () - start;
}

/* The tree is freed outside the time, as the anchor's document is. */
static double
tree_ms (const char *document,
         gsize       length,
         guint      *n_fields)
{
  TribReplyLimits limits = TRIB_REPLY_LIMITS_DEFAULT;
  g_autoptr(GListModel) tree = NULL;
  g_autofree char *repaired = NULL;
  double start;
  double ms;

  settle_heap ();
  start = thread_ms ();
  g_assert_true (trib_json_check_bounded (document, length, &limits, &repaired, NULL));
  g_assert_null (repaired);
  tree = trib_xdm_field_build_tree_from_text (document, length, NULL, n_fields);
  ms = thread_ms () - start;
  g_assert_nonnull (tree);

  return ms;
}

static void
bench_schema_tree (TribPlatformClient *client)
{
  g_autofree char *escaped = g_uri_escape_string (WEB_EVENTS_SCHEMA, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/data/foundation/schemaregistry/tenant/schemas/", escaped, NULL);
  g_autoptr(JsonNode) resolved = call (client, path, "application/vnd.adobe.xed-full+json; version=1");
  g_autofree char *document = json_to_string (resolved, FALSE);
  g_autofree char *grown = grown_document (resolved);
  gsize length = strlen (document);
  gsize grown_length = strlen (grown);
  double mutable_ms[TREE_ROUNDS], immutable_ms[TREE_ROUNDS], ours[TREE_ROUNDS];
  double grown_anchor[TREE_ROUNDS], grown_ours[TREE_ROUNDS];
  double anchor, anchor_growth;
  guint n_fields = 0;
  guint n_grown_fields = 0;

  for (guint round = 0; round < TREE_ROUNDS; round++)
    {
      mutable_ms[round] = anchor_ms (document, length, FALSE);
      ours[round] = tree_ms (document, length, &n_fields);
      immutable_ms[round] = anchor_ms (document, length, TRUE);
      grown_ours[round] = tree_ms (grown, grown_length, &n_grown_fields);
      grown_anchor[round] = anchor_ms (grown, grown_length, FALSE);
    }

  g_assert_cmpuint (n_fields, >=, 5000);
  g_assert_cmpuint (n_grown_fields, ==, GROWTH * n_fields);

  anchor = MIN (bench_median (mutable_ms, TREE_ROUNDS), bench_median (immutable_ms, TREE_ROUNDS));
  anchor_growth = bench_median (grown_anchor, TREE_ROUNDS) / (GROWTH * bench_median (mutable_ms, TREE_ROUNDS));
  g_print ("BENCH schema-tree build_ratio=%.2f target=1.0 rounds=%u\n",
           bench_median (ours, TREE_ROUNDS) / anchor, TREE_ROUNDS);
  g_print ("BENCH schema-tree growth_ratio=%.2f target=1.1 rounds=%u\n",
           bench_median (grown_ours, TREE_ROUNDS) / (GROWTH * bench_median (ours, TREE_ROUNDS)), TREE_ROUNDS);
  g_print ("# schema-tree: %u fields, %zu bytes: checks and tree %.1f ms; json-glib parse %.1f ms (mutable), "
           "%.1f ms (immutable)\n",
           n_fields, length, bench_median (ours, TREE_ROUNDS), bench_median (mutable_ms, TREE_ROUNDS),
           bench_median (immutable_ms, TREE_ROUNDS));
  g_print ("# schema-tree: %u fields, %zu bytes: checks and tree %.1f ms; json-glib parse %.1f ms, "
           "growth %.2f\n",
           n_grown_fields, grown_length, bench_median (grown_ours, TREE_ROUNDS),
           bench_median (grown_anchor, TREE_ROUNDS), anchor_growth);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(JsonNode) warm_up = NULL;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start ((const char *[]) { "--datasets", "50000", NULL });
  client = trib_test_platform_default_client (sim);

  /* The token is fetched once per session, not per list: fetch it first. */
  warm_up = call (client, "/data/foundation/catalog/dataSets?limit=1", NULL);

  bench_first_page (sim, client);
  bench_schema_tree (client);

  return 0;
}
