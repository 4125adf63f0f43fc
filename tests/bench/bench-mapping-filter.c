/* bench-mapping-filter.c
 *
 * Typing into the Mapping page's field filter: the real TribMappingPage
 * in its window, mapped under Xvfb, on the demo's 5,000-field
 * ExperienceEvent schema read from tributary-sim. Each round types a
 * word a letter at a time, at a brisk typist's pace (one every 80 ms),
 * waits for the tree to show the last filter and be painted, then clears
 * it again the same way:
 *
 *   BENCH mapping-filter max_stall_ms=… target=16
 *     the longest stall of the main loop over the round (bench-util's
 *     1 ms probe): a time the window could not draw or answer a key
 *
 * The anchor, in rounds interleaved with ours, types the same letters
 * into a bare GtkSearchEntry filtering a GtkListView of the schema's
 * paths through an incremental GtkFilterListModel, in a window of the
 * same size.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>

#include "bench-util.h"
#include "trib-flow-explore.h"
#include "trib-mapping-page.h"
#include "trib-schema-registry.h"
#include "trib-ui-test.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"
#define ROUNDS 5
#define WIDTH 1400
#define HEIGHT 860
#define KEY_INTERVAL_MS 80

static const char word[] = "name";

typedef struct
{
  guint painted;
} Paint;

static void
after_paint_cb (GdkFrameClock *clock,
                Paint         *paint)
{
  paint->painted++;
}

static gboolean
painted (gpointer data)
{
  return ((Paint *) data)->painted >= 1;
}

static void
wait_painted (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Paint paint = { 0 };
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &paint);

  for (guint i = 0; i < 2; i++)
    {
      paint.painted = 0;
      gtk_widget_queue_draw (window);
      bench_run_until (painted, &paint, 30);
    }
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
page_loaded (gpointer page)
{
  return trib_mapping_page_get_loaded (page);
}

/* One word typed and taken back, a key at a time. */
static double
type_word (GtkWidget *window,
           GtkEditable *entry)
{
  BenchProbe probe;
  g_autoptr(GString) text = g_string_new (NULL);

  bench_probe_start (&probe);
  for (guint i = 0; word[i] != '\0'; i++)
    {
      g_string_append_c (text, word[i]);
      gtk_editable_set_text (entry, text->str);
      bench_pause_ms (KEY_INTERVAL_MS);
    }
  /* The search entry's delay, then the tree's answer, painted. */
  bench_pause_ms (300);
  wait_painted (window);
  while (text->len > 0)
    {
      g_string_truncate (text, text->len - 1);
      gtk_editable_set_text (entry, text->str);
      bench_pause_ms (KEY_INTERVAL_MS);
    }
  bench_pause_ms (300);
  wait_painted (window);

  return bench_probe_stop (&probe);
}

static GtkEditable *
field_filter_entry (TribMappingPage *page)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static void
collect_paths (GListModel    *fields,
               GtkStringList *paths)
{
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);

      gtk_string_list_append (paths, trib_xdm_field_get_path (field));
      if (trib_xdm_field_get_children (field) != NULL)
        collect_paths (trib_xdm_field_get_children (field), paths);
    }
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static void
anchor_changed_cb (GtkSearchEntry  *entry,
                   GtkStringFilter *filter)
{
  gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static GtkWidget *
anchor_window_new (GListModel   *paths,
                   GtkEditable **entry)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkStringFilter *filter = gtk_string_filter_new (gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                                "string"));
  GtkFilterListModel *filtered;
  GtkWidget *list, *scrolled, *box, *window;

  gtk_string_filter_set_ignore_case (filter, TRUE);
  filtered = gtk_filter_list_model_new (g_object_ref (paths), GTK_FILTER (filter));
  gtk_filter_list_model_set_incremental (filtered, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (filtered))), factory);
  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  *entry = GTK_EDITABLE (gtk_search_entry_new ());
  g_signal_connect (*entry, "search-changed", G_CALLBACK (anchor_changed_cb), filter);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*entry));
  gtk_box_append (GTK_BOX (box), scrolled);
  window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_resize (window, WIDTH, HEIGHT);

  return window;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribApplication) app = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) fields_result = NULL;
  g_autoptr(TribExplorePreview) preview = NULL;
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GtkStringList) paths = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  TribWindow *window;
  TribSession *session;
  TribMappingPage *page;
  GtkWidget *page_window, *anchor_window;
  GtkEditable *entry, *anchor_entry;
  double ours[ROUNDS], theirs[ROUNDS];
  guint n_fields = 0;

  trib_ui_test_init (&argc, &argv);

  app = trib_application_new ();
  window = trib_ui_test_open_demo (app, 60);
  session = trib_window_get_session (window);

  trib_flow_explore_get_table_async (trib_session_get_client (session), ODATA_CONNECTION, "Orders", TRUE, NULL,
                                     result_cb, &result);
  bench_run_until (result_ready, &result, 30);
  preview = trib_flow_explore_preview_finish (result, &error);
  g_assert_no_error (error);

  page_window = adw_window_new ();
  page = TRIB_MAPPING_PAGE (trib_mapping_page_new ());
  adw_window_set_content (ADW_WINDOW (page_window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (page_window));
  trib_ui_test_resize (page_window, WIDTH, HEIGHT);
  trib_mapping_page_set_inputs (page, session, preview, WEB_EVENTS_SCHEMA);
  bench_run_until (page_loaded, page, 60);
  wait_painted (page_window);
  entry = field_filter_entry (page);

  /* The anchor lists the same paths. */
  trib_schema_registry_load_fields_async (trib_session_get_client (session), TRIB_XDM_KIND_SCHEMA, WEB_EVENTS_SCHEMA,
                                          NULL, result_cb, &fields_result);
  bench_run_until (result_ready, &fields_result, 30);
  roots = trib_schema_registry_load_fields_finish (fields_result, &n_fields, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_fields, >=, 5000);
  collect_paths (roots, paths);
  anchor_window = anchor_window_new (G_LIST_MODEL (paths), &anchor_entry);
  wait_painted (anchor_window);

  for (guint i = 0; i < ROUNDS; i++)
    {
      ours[i] = type_word (page_window, entry);
      theirs[i] = type_word (anchor_window, anchor_entry);
      g_printerr ("round %u: mapping page %.1f ms, bare filtered list %.1f ms\n", i, ours[i], theirs[i]);
    }

  g_print ("BENCH mapping-filter max_stall_ms=%.1f target=16 rounds=%u\n", bench_median (ours, ROUNDS), ROUNDS);
  g_print ("# anchor (bare GtkSearchEntry and incremental GtkFilterListModel of %u paths) max_stall_ms=%.1f "
           "rounds=%u\n", g_list_model_get_n_items (G_LIST_MODEL (paths)), bench_median (theirs, ROUNDS), ROUNDS);

  gtk_window_destroy (GTK_WINDOW (anchor_window));
  gtk_window_destroy (GTK_WINDOW (page_window));
  return 0;
}
