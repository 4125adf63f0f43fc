/* test-paged-list.c
 *
 * TribPagedList over Catalog's datasets, against tributary-sim over HTTP
 * with 2,000 generated datasets: pages fetched ahead as a view nears the
 * end, several on their way at once, inserted in order with no item
 * twice or missing, an error on a page in the middle and the retry that
 * goes on from it, and pages dropped on their way.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-catalog.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-test-platform.h"

#define CATALOG_DATASETS "/data/foundation/catalog/dataSets"
#define N_DATASETS (3 + 2000)
#define N_PAGES ((N_DATASETS + TRIB_CATALOG_PAGE_SIZE - 1) / TRIB_CATALOG_PAGE_SIZE)

static TribTestSim *sim;
static TribPlatformClient *client;

typedef struct
{
  guint n_changes;
  guint n_items;          /* as the changes told it */
  guint watched;          /* an item's position */
  guint watched_from;     /* the change that added it */
  guint watched_to;
} Changes;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changes    *changes)
{
  /* Pages only ever go at the end of what is there. */
  g_assert_cmpuint (removed, ==, 0);
  g_assert_cmpuint (position, ==, changes->n_items);

  changes->n_changes++;
  changes->n_items += added;
  if (position <= changes->watched && changes->watched < position + added)
    {
      changes->watched_from = position;
      changes->watched_to = position + added;
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
test_page_ahead (void)
{
  g_autoptr(TribPagedList) list = NULL;
  Changes changes = { 0 };
  guint n_requests;

  trib_test_sim_clear_requests (sim);
  list = trib_catalog_list_datasets (client, NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  trib_test_wait_first_page (list);
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), ==, 1);

  /* The pages asked for ahead double as the view catches up, up to four
   * on their way at once by the time page 400 is asked for. It comes
   * last: the three after it wait for it, and go in with it, in order.
   */
  changes.watched = 400;
  trib_test_sim_add_fault (sim, "{\"path\": \"" CATALOG_DATASETS "\", \"query\": \"&start=400&\", "
                                "\"kind\": \"delay\", \"delay_ms\": 700}");
  trib_test_scroll_to_end (list);

  g_assert_true (trib_paged_list_get_complete (list));
  g_assert_null (trib_paged_list_get_error (list));
  g_assert_false (trib_paged_list_get_loading (list));
  trib_test_assert_datasets_listed (list, N_DATASETS);
  g_assert_cmpuint (changes.n_items, ==, N_DATASETS);
  g_assert_cmpuint (changes.watched_from, <=, 400);
  g_assert_cmpuint (changes.watched_to, >=, 800);

  /* Pages that come close together are shown together. */
  g_assert_cmpuint (changes.n_changes, <, N_PAGES);

  /* Every page once, and past the end no more than the pages that were
   * on their way when the last one came (those dropped before they left
   * never reach the platform).
   */
  iterate_for (100);
  n_requests = trib_test_sim_count_requests (sim, "GET", CATALOG_DATASETS);
  g_assert_cmpuint (n_requests, <=, trib_paged_list_get_n_requests (list));
  g_assert_cmpuint (n_requests, >=, N_PAGES);
  g_assert_cmpuint (n_requests, <=, N_PAGES + 4);
}

/* A view asks for items only in a frame after a change, not on its own. */
typedef struct
{
  TribPagedList *list;
  guint frame_source;
  guint n_frames;
  guint n_stops;          /* times no page was on its way, the list incomplete */
} View;

static gboolean
frame_cb (gpointer user_data)
{
  View *view = user_data;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (view->list));

  view->frame_source = 0;
  view->n_frames++;
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (view->list), n_items - 1));

  return G_SOURCE_REMOVE;
}

static void
view_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 View       *view)
{
  if (view->frame_source == 0)
    view->frame_source = g_timeout_add (16, frame_cb, view);
}

static void
view_loading_cb (TribPagedList *list,
                 GParamSpec    *pspec,
                 View          *view)
{
  if (!trib_paged_list_get_loading (list) && !trib_paged_list_get_complete (list))
    view->n_stops++;
}

static void
test_pages_keep_coming (void)
{
  g_autoptr(TribPagedList) list = NULL;
  View view = { 0 };
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  list = trib_catalog_list_datasets (client, NULL);
  trib_test_wait_first_page (list);
  view.list = list;
  g_signal_connect (list, "items-changed", G_CALLBACK (view_changed_cb), &view);
  g_signal_connect (list, "notify::loading", G_CALLBACK (view_loading_cb), &view);

  /* Held at the bottom, the view sees each page that is shown once, in
   * its next frame; it never asks while nothing changes. The requests go
   * on from the first ask to the end all the same: no waiting for the
   * view to see what came before asking for more. Each page takes 150 ms,
   * four at once.
   */
  trib_test_sim_add_fault (sim, "{\"path\": \"" CATALOG_DATASETS "\", \"kind\": \"delay\", "
                                "\"delay_ms\": 150, \"count\": 100}");
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), TRIB_CATALOG_PAGE_SIZE - 1));
  while (!trib_paged_list_get_complete (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_assert_null (trib_paged_list_get_error (list));
      g_main_context_iteration (NULL, TRUE);
    }
  trib_test_sim_clear_faults (sim);

  g_assert_cmpuint (view.n_stops, ==, 0);
  trib_test_assert_datasets_listed (list, N_DATASETS);

  /* At the end, the view moves to the new rows at each change and makes
   * them again: the 19 pages that took most of a second come in one
   * change, not one each quarter second.
   */
  g_assert_cmpuint (view.n_frames, <=, 2);
  g_clear_handle_id (&view.frame_source, g_source_remove);
}

static void
test_error_in_the_middle (void)
{
  g_autoptr(TribPagedList) list = NULL;
  Changes changes = { 0 };
  const GError *error;
  guint n_requests;

  list = trib_catalog_list_datasets (client, NULL);
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  trib_test_wait_first_page (list);

  /* Refused once; a 4xx is not retried by the client. The pages after it,
   * asked for with it and answered, are not inserted before it.
   */
  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" CATALOG_DATASETS "\", \"query\": \"&start=500&\", "
                                "\"kind\": \"status\", \"status\": 400}");
  trib_test_scroll_to_end (list);

  error = trib_paged_list_get_error (list);
  g_assert_nonnull (error);
  g_assert_false (trib_paged_list_get_complete (list));
  g_assert_false (trib_paged_list_get_loading (list));
  trib_test_assert_datasets_listed (list, 500);
  g_assert_cmpuint (changes.n_items, ==, 500);

  /* Nothing more is asked for until the retry (once those dropped with
   * the error, perhaps still on their way, are in).
   */
  iterate_for (200);
  n_requests = trib_test_sim_count_requests (sim, "GET", CATALOG_DATASETS);
  g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 499));
  iterate_for (100);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CATALOG_DATASETS), ==, n_requests);

  /* The retry goes on from the page that failed. */
  trib_paged_list_load_more (list);
  g_assert_null (trib_paged_list_get_error (list));
  g_assert_true (trib_paged_list_get_loading (list));
  trib_test_scroll_to_end (list);

  g_assert_true (trib_paged_list_get_complete (list));
  g_assert_null (trib_paged_list_get_error (list));
  trib_test_assert_datasets_listed (list, N_DATASETS);
  g_assert_cmpuint (changes.n_items, ==, N_DATASETS);
}

static void
test_cancel (void)
{
  g_autoptr(TribPagedList) list = NULL;
  Changes changes = { 0 };
  TribPagedList *dropped;

  list = trib_catalog_list_datasets (client, NULL);
  trib_test_wait_first_page (list);
  changes.n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  /* Pages on their way, slow to come. */
  trib_test_sim_clear_requests (sim);
  trib_test_sim_add_fault (sim, "{\"path\": \"" CATALOG_DATASETS "\", \"kind\": \"delay\", "
                                "\"delay_ms\": 300, \"count\": 100}");
  for (guint round = 0; round < 3; round++)
    {
      g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), 99));
      iterate_for (20);
    }
  g_assert_true (trib_paged_list_get_loading (list));
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", CATALOG_DATASETS), ==, 1);

  /* As when the sandbox changes: their replies change nothing. */
  trib_paged_list_cancel (list);
  g_assert_false (trib_paged_list_get_loading (list));
  iterate_for (600);
  g_assert_cmpuint (changes.n_changes, ==, 0);
  g_assert_cmpuint (changes.n_items, ==, TRIB_CATALOG_PAGE_SIZE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, TRIB_CATALOG_PAGE_SIZE);
  g_assert_null (trib_paged_list_get_error (list));
  g_assert_false (trib_paged_list_get_loading (list));

  /* Asked again, the list goes on from where it was. */
  trib_test_sim_clear_faults (sim);
  trib_test_scroll_to_end (list);
  trib_test_assert_datasets_listed (list, N_DATASETS);

  /* A list let go of with pages on their way goes once they are back. */
  dropped = trib_catalog_list_datasets (client, NULL);
  g_object_add_weak_pointer (G_OBJECT (dropped), (gpointer *) &dropped);
  trib_paged_list_cancel (dropped);
  g_object_unref (dropped);
  iterate_for (300);
  g_assert_null (dropped);
  trib_test_sim_clear_faults (sim);
}

/* The platform's largest page is Catalog's limit, and the simulator
 * allows no more and no less.
 */
static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static JsonNode *
list_with_limit (guint    limit,
                 GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *path = g_strdup_printf (CATALOG_DATASETS "?limit=%u&start=0", limit);

  trib_platform_client_call_async (client, "GET", path, NULL, NULL, TRIB_CALL_NONE, NULL, call_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return trib_platform_client_call_finish (client, result, error);
}

static void
test_largest_page (void)
{
  g_autoptr(JsonNode) largest = NULL;
  g_autoptr(JsonNode) too_large = NULL;
  g_autoptr(GError) error = NULL;

  largest = list_with_limit (TRIB_CATALOG_PAGE_SIZE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_object_get_size (json_node_get_object (largest)), ==, TRIB_CATALOG_PAGE_SIZE);

  too_large = list_with_limit (TRIB_CATALOG_PAGE_SIZE + 1, &error);
  g_assert_null (too_large);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start ((const char *[]) { "--datasets", "2000", NULL });
  client = trib_test_platform_default_client (sim);

  g_test_add_func ("/tributary/paged-list/page-ahead", test_page_ahead);
  g_test_add_func ("/tributary/paged-list/pages-keep-coming", test_pages_keep_coming);
  g_test_add_func ("/tributary/paged-list/error-in-the-middle", test_error_in_the_middle);
  g_test_add_func ("/tributary/paged-list/cancel", test_cancel);
  g_test_add_func ("/tributary/paged-list/largest-page", test_largest_page);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
