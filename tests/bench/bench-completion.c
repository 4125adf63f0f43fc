/* bench-completion.c
 *
 * The query editor's completion in the real window (TribWindow mapped
 * under Xvfb, its query page's editor) on tributary-sim with 50,000
 * datasets, `luma_web_events` following the 5,000-field ExperienceEvent
 * schema. Each round gives the editor the names of a sandbox never read
 * (a new TribSqlNames, as a switch of sandbox does), so every round
 * starts cold:
 *
 *   BENCH completion first_ms=… ratio=… target=2 rounds=…
 *     from the names given and completion asked for (the view's
 *     show-completion, what Ctrl+Space does) at `FROM call_` (tables of
 *     Catalog's first page) to the popup mapped showing them; and that time over the anchor,
 *     measured in the same round: one Catalog page fetched by the app's
 *     own TribPagedList, from its request to its items.
 *   BENCH completion max_stall_ms=… target=16 rounds=…
 *     the longest stall of the main loop (bench-util's 1 ms probe) while
 *     `SELECT e.web.webPageDetails.na` is typed before
 *     `FROM luma_web_events e`, a key every 80 ms, then `JOIN web_e`
 *     after it, until the popups show the object's fields and the
 *     tables: all the while the 50,000 tables come in the background,
 *     and the 5,000-field schema is read. Keys go in as GtkTextView's
 *     key handler puts them (an interactive insert at the cursor, in a
 *     user action), not through xdotool, whose synchronous spawn would
 *     stall the loop being measured.
 *
 * Beside the stall, in the same rounds, what GtkSourceView's own popup
 * costs: the same keys typed at the same pace into a bare GtkSourceView
 * in a window of its own, completed by GtkSourceView's word provider
 * over a text holding the same names (printed as information).
 *
 * And the same keys typed into the real editor with its completion
 * blocked (gtk_source_completion_block_interactive()): what the window
 * costs without completion.
 *
 * Medians of interleaved rounds. The machine may be shared: the load
 * average is printed with each round.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "bench-util.h"
#include "trib-application.h"
#include "trib-catalog.h"
#include "trib-query-editor.h"
#include "trib-query-page.h"
#include "trib-session.h"
#include "trib-sql-names.h"
#include "trib-test-platform.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define N_DATASETS 50000
#define ROUNDS 5
#define KEY_INTERVAL_MS 80
#define TEXT_SET_PAUSE_MS 150

static GtkWidget *
find_popup (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_popup (child)) != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_label (GtkWidget  *widget,
           const char *prefix)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), prefix))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, prefix))
      return TRUE;

  return FALSE;
}

typedef struct
{
  GtkWidget *view;
  const char *prefix;
} Wanted;

static gboolean
popup_shows (gpointer data)
{
  Wanted *wanted = data;
  GtkWidget *popup = find_popup (wanted->view);

  return popup != NULL && has_label (popup, wanted->prefix);
}

static void
wait_for_popup (GtkWidget  *view,
                const char *prefix)
{
  Wanted wanted = { view, prefix };

  bench_run_until (popup_shows, &wanted, 300);
}

static void
hide_popup (GtkWidget *view)
{
  gtk_source_completion_hide (gtk_source_view_get_completion (GTK_SOURCE_VIEW (view)));
  while (find_popup (view) != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
set_text_with_cursor (TribQueryEditor *editor,
                      const char      *text,
                      int              offset)
{
  GtkTextBuffer *buffer = trib_query_editor_get_buffer (editor);
  GtkTextIter iter;

  trib_query_editor_set_text (editor, text);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

/* A key, as GtkTextView's key handler inserts it. */
static void
type_text (GtkTextBuffer *buffer,
           const char    *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      gtk_text_buffer_begin_user_action (buffer);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, p, 1, TRUE);
      gtk_text_buffer_end_user_action (buffer);
      bench_pause_ms (KEY_INTERVAL_MS);
    }
}

static gboolean
has_items (gpointer data)
{
  return g_list_model_get_n_items (data) > 0 || trib_paged_list_get_error (data) != NULL;
}

/* The anchor: one Catalog page, by the app's own paged list. */
static double
one_page_ms (TribPlatformClient *client)
{
  g_autoptr(TribPagedList) list = trib_catalog_list_tables (client);
  gint64 start = g_get_monotonic_time ();
  double ms;

  trib_paged_list_load_more (list);
  bench_run_until (has_items, list, 60);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_null (trib_paged_list_get_error (list));
  trib_paged_list_cancel (list);

  return ms;
}

static TribSqlNames *
fresh_names (TribSession *session)
{
  return trib_sql_names_new (trib_session_get_client (session));
}

static double
first_ms (TribSession     *session,
          TribQueryEditor *editor,
          GtkWidget       *view,
          TribSqlNames   **names)
{
  gint64 start;
  double ms;

  set_text_with_cursor (editor, "SELECT * FROM call_", 19);
  *names = fresh_names (session);

  start = g_get_monotonic_time ();
  trib_query_editor_set_sql_names (editor, *names);
  g_signal_emit_by_name (view, "show-completion");
  wait_for_popup (view, "call_center_logs_");
  ms = (g_get_monotonic_time () - start) / 1000.0;
  hide_popup (view);

  return ms;
}

static void
tables_changed_cb (TribSqlNames *names,
                   gint64       *complete_at)
{
  if (*complete_at == 0 && trib_sql_names_get_tables_complete (names))
    *complete_at = g_get_monotonic_time ();
}

static double
typing_stall_ms (TribQueryEditor *editor,
                 GtkWidget       *view,
                 guint           *n_tables,
                 TribSqlNames    *names,
                 double          *stall_at_ms,
                 double          *complete_ms,
                 double          *fields_ms)
{
  GtkTextBuffer *buffer = trib_query_editor_get_buffer (editor);
  BenchProbe probe;
  GtkTextIter end;
  double stall;
  gint64 start;
  gint64 complete_at = 0;
  gulong handler;

  set_text_with_cursor (editor, "\nFROM luma_web_events e", 0);
  handler = g_signal_connect (names, "tables-changed", G_CALLBACK (tables_changed_cb), &complete_at);
  tables_changed_cb (names, &complete_at);
  /* The new text laid out and drawn before the first key, as it is for
   * the bare view's: the keys are what is measured.
   */
  bench_pause_ms (TEXT_SET_PAUSE_MS);

  bench_probe_start (&probe);
  start = g_get_monotonic_time ();
  type_text (buffer, "SELECT e.web.webPageDetails.na");
  wait_for_popup (view, "name");
  *fields_ms = (g_get_monotonic_time () - start) / 1000.0;
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  type_text (buffer, "\nJOIN web_e");
  wait_for_popup (view, "web_events_");
  bench_pause_ms (200);
  stall = bench_probe_stop (&probe);
  *stall_at_ms = (probe.max_from - start) / 1000.0;
  *complete_ms = complete_at != 0 ? (complete_at - start) / 1000.0 : -1;
  g_signal_handler_disconnect (names, handler);

  *n_tables = trib_sql_names_get_n_tables (names);
  hide_popup (view);

  return stall;
}

typedef struct
{
  GtkWidget *window;
  GtkWidget *view;
} Bare;

static const char bare_words[] =
  "name URL siteSection server viewName isErrorPage isHomePage pageViews publishDate web webPageDetails "
  "webReferrer webInteraction SELECT SESSION SET FROM JOIN web_events_emea_00001 web_events_na_00002 "
  "web_events_apac_00003 web_events_latam_00004 luma_web_events explode explode_outer\n";

static void
bare_init (Bare *bare)
{
  GtkSourceCompletion *completion;
  GtkSourceCompletionWords *words;

  bare->window = gtk_window_new ();
  bare->view = gtk_source_view_new ();
  gtk_window_set_child (GTK_WINDOW (bare->window), bare->view);
  gtk_window_set_default_size (GTK_WINDOW (bare->window), 1000, 600);
  completion = gtk_source_view_get_completion (GTK_SOURCE_VIEW (bare->view));
  gtk_source_completion_set_page_size (completion, 5);
  words = gtk_source_completion_words_new (NULL);
  gtk_source_completion_words_register (words, gtk_text_view_get_buffer (GTK_TEXT_VIEW (bare->view)));
  gtk_source_completion_add_provider (completion, GTK_SOURCE_COMPLETION_PROVIDER (words));
  g_object_unref (words);
  gtk_window_present (GTK_WINDOW (bare->window));
}

/* The same keys into the bare view, its word provider completing them. */
static double
bare_stall_ms (Bare *bare)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bare->view));
  g_autofree char *text = g_strconcat (bare_words, "\nFROM luma_web_events e", NULL);
  BenchProbe probe;
  GtkTextIter iter;
  double stall;

  gtk_window_present (GTK_WINDOW (bare->window));
  trib_ui_test_press_keys (bare->window, "End");
  gtk_widget_grab_focus (bare->view);
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, sizeof bare_words - 1);
  gtk_text_buffer_place_cursor (buffer, &iter);
  trib_ui_test_settle ();

  bench_probe_start (&probe);
  type_text (buffer, "SELECT e.web.webPageDetails.na");
  bench_pause_ms (300);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_place_cursor (buffer, &iter);
  type_text (buffer, "\nJOIN web_e");
  bench_pause_ms (500);
  stall = bench_probe_stop (&probe);
  hide_popup (bare->view);

  return stall;
}

/* The same keys into the real editor, its completion blocked. */
static double
blocked_stall_ms (TribQueryEditor *editor,
                  GtkWidget       *view)
{
  GtkSourceCompletion *completion = gtk_source_view_get_completion (GTK_SOURCE_VIEW (view));
  GtkTextBuffer *buffer = trib_query_editor_get_buffer (editor);
  BenchProbe probe;
  GtkTextIter end;
  double stall;

  set_text_with_cursor (editor, "\nFROM luma_web_events e", 0);
  gtk_source_completion_block_interactive (completion);
  bench_pause_ms (TEXT_SET_PAUSE_MS);
  bench_probe_start (&probe);
  type_text (buffer, "SELECT e.web.webPageDetails.na");
  bench_pause_ms (300);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  type_text (buffer, "\nJOIN web_e");
  bench_pause_ms (500);
  stall = bench_probe_stop (&probe);
  gtk_source_completion_unblock_interactive (completion);

  return stall;
}

/* The longest stall with the window idle for a second: the machine's
 * own noise, for the record.
 */
static double
idle_stall_ms (void)
{
  BenchProbe probe;

  bench_probe_start (&probe);
  bench_pause_ms (1000);

  return bench_probe_stop (&probe);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(TribApplication) app = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(TribSession) session = NULL;
  g_autoptr(GError) error = NULL;
  TribQueryEditor *editor;
  TribQueryPage *page;
  TribWindow *window;
  GtkWidget *view;
  double first[ROUNDS];
  double anchor[ROUNDS];
  double ratio[ROUNDS];
  double stall[ROUNDS];
  double idle[ROUNDS];
  double bare_stall[ROUNDS];
  double blocked_stall[ROUNDS];
  Bare bare = { 0 };

  trib_ui_test_init (&argc, &argv);

  sim = trib_test_sim_start ((const char *[]) { "--datasets", G_STRINGIFY (N_DATASETS), NULL });

  app = trib_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  profile = trib_test_platform_profile (sim);
  trib_profile_set_ephemeral (profile, TRUE);
  client = trib_platform_client_new (profile, sim->client_secret, trib_application_get_request_log (app), &error);
  g_assert_no_error (error);
  session = trib_session_new (client);
  trib_application_use_session (app, session);
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  trib_ui_test_iterate_until (trib_ui_test_session_ready, window, 60);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "query");
  page = TRIB_QUERY_PAGE (trib_ui_test_find_widget (GTK_WIDGET (window), TRIB_TYPE_QUERY_PAGE, NULL));
  g_assert_nonnull (page);
  editor = trib_query_page_get_current_editor (page);
  view = trib_ui_test_find_widget (GTK_WIDGET (editor), GTK_SOURCE_TYPE_VIEW, NULL);
  g_assert_nonnull (view);
  /* The window focused on the X server, the editor in it: completion
   * only follows a view that has the focus.
   */
  gtk_widget_grab_focus (view);
  trib_ui_test_press_keys (GTK_WIDGET (window), "End");
  g_assert_true (gtk_widget_has_focus (view));
  trib_ui_test_settle ();

  bare_init (&bare);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);
  trib_ui_test_press_keys (GTK_WIDGET (window), "End");
  g_assert_true (gtk_widget_has_focus (view));

  /* Both sides warm: a connection open, the simulator's pages built. */
  (void) one_page_ms (client);

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(TribSqlNames) names = NULL;
      guint n_tables = 0;
      double stall_at, complete, fields;

      /* The window just brought back to front after the bare one has
       * drawn itself: neither side measures its frames.
       */
      trib_ui_test_settle ();
      bench_pause_ms (300);
      anchor[round] = one_page_ms (client);
      first[round] = first_ms (session, editor, view, &names);
      ratio[round] = first[round] / anchor[round];
      stall[round] = typing_stall_ms (editor, view, &n_tables, names, &stall_at, &complete, &fields);
      idle[round] = idle_stall_ms ();
      blocked_stall[round] = blocked_stall_ms (editor, view);
      bare_stall[round] = bare_stall_ms (&bare);
      gtk_window_present (GTK_WINDOW (window));
      gtk_widget_grab_focus (view);
      trib_ui_test_press_keys (GTK_WIDGET (window), "End");
      g_assert_true (gtk_widget_has_focus (view));
      g_print ("# completion round %u: first %.1f ms, one Catalog page %.1f ms; longest stall while typing "
               "%.1f ms, %.0f ms into it; the object's fields shown at %.0f ms, all %u tables read at %.0f ms; "
               "idle window's longest stall %.1f ms; the same keys with completion blocked %.1f ms; "
               "a bare GtkSourceView with its word provider %.1f ms; load %.2f\n",
               round, first[round], anchor[round], stall[round], stall_at, fields, n_tables, complete,
               idle[round], blocked_stall[round], bare_stall[round], bench_load_average ());
      trib_query_editor_set_sql_names (editor, NULL);
    }

  g_print ("BENCH completion first_ms=%.1f ratio=%.2f target=2 rounds=%u\n", bench_median (first, ROUNDS),
           bench_median (ratio, ROUNDS), ROUNDS);
  g_print ("BENCH completion max_stall_ms=%.1f target=16 rounds=%u\n", bench_median (stall, ROUNDS), ROUNDS);
  g_print ("# completion: one Catalog page fetched by TribPagedList %.1f ms (median of %u)\n",
           bench_median (anchor, ROUNDS), ROUNDS);
  g_print ("# completion: longest stall of the idle window %.1f ms (median)\n", bench_median (idle, ROUNDS));
  g_print ("# completion: longest stall typing the same keys into the real editor with completion blocked: "
           "%.1f ms (median)\n", bench_median (blocked_stall, ROUNDS));
  g_print ("# completion: longest stall of a bare GtkSourceView typed the same keys, its word provider "
           "completing them: %.1f ms (median)\n", bench_median (bare_stall, ROUNDS));

  gtk_window_destroy (GTK_WINDOW (bare.window));
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();

  return 0;
}
