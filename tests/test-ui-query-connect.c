/* test-ui-query-connect.c
 *
 * A connection that fails reads as a sentence a person can act on: the
 * query page, on the demo platform and its real PostgreSQL, asked for a
 * dataset's table that does not exist, says so and what to do, with
 * libpq's own words behind a disclosure, selectable.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-distiller-error.h"
#include "trib-ui-query-test.h"

#define MISSING_TABLE "luma_no_such_dataset"

static void
test_missing_database (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribQueryPage *page;
  TribWindow *window;
  GtkWidget *results;
  GtkExpander *expander;
  GtkLabel *raw;
  const GError *error;

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  page = trib_ui_query_show_page (GTK_WIDGET (window));

  /* One dataset's table, which the sandbox does not have. */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_query_get_table_entry (page)), MISSING_TABLE);
  trib_ui_query_run_and_wait (GTK_WIDGET (window), page, "SELECT 1", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  error = trib_distiller_run_get_error (trib_ui_query_run_at (page, 0));
  g_assert_error (error, TRIB_DISTILLER_ERROR, TRIB_DISTILLER_ERROR_CONNECT);
  g_assert_cmpint (trib_distiller_error_get_connect_failure (error), ==, TRIB_CONNECT_FAILURE_NO_DATABASE);

  /* The sentence, naming the table and the sandbox, and what to do. */
  results = GTK_WIDGET (trib_ui_query_current_results (page));
  trib_ui_test_wait_for_label (results, "Could Not Connect");
  g_assert_true (trib_ui_test_has_label (results, "Query Service has no dataset with the table name “" MISSING_TABLE
                                         "” in the sandbox “prod”", TRUE));
  g_assert_true (trib_ui_test_has_label (results, "leave it empty to query the whole sandbox", TRUE));
  g_assert_false (trib_ui_test_has_label (results, "FATAL", TRUE));

  /* libpq's words, folded away, then shown and selectable. */
  expander = GTK_EXPANDER (trib_ui_test_find_widget (results, GTK_TYPE_EXPANDER, NULL));
  g_assert_nonnull (expander);
  g_assert_false (gtk_expander_get_expanded (expander));
  g_assert_cmpstr (gtk_expander_get_label (expander), ==, "Technical details");
  trib_ui_query_save_screenshots (GTK_WIDGET (window), "connect-missing-database", TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (expander));
  trib_ui_test_press_keys (GTK_WIDGET (window), "space");
  g_assert_true (gtk_expander_get_expanded (expander));
  trib_ui_test_settle ();
  raw = GTK_LABEL (gtk_expander_get_child (expander));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (raw)));
  g_assert_true (gtk_label_get_selectable (raw));
  g_assert_nonnull (strstr (gtk_label_get_label (raw), "prod:" MISSING_TABLE));
  g_assert_nonnull (strstr (gtk_label_get_label (raw), "does not exist"));
  g_assert_cmpstr (gtk_label_get_label (raw), ==, trib_distiller_error_get_libpq_text (error));
  trib_ui_query_save_screenshots (GTK_WIDGET (window), "connect-missing-database-details", TRUE);

  /* The table emptied, the same statement runs on the whole sandbox. */
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_query_get_table_entry (page)), "");
  trib_ui_query_run_and_wait (GTK_WIDGET (window), page, "SELECT 'whole' AS which", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_cmpstr (trib_ui_query_first_value (page, 0), ==, "whole");

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/query-connect", test_missing_database);

  return g_test_run ();
}
