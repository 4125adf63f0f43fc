/* test-ui-tour.c
 *
 * Every page of the window on the demo platform, light and dark, in a
 * phone-narrow window and a wide one, with the dialogs around them: each
 * must fit the narrow window, with its content reachable. The tour saves
 * a screenshot of each step, in the language it runs in (LANGUAGE=fr
 * names them *-fr.png).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-activity-page.h"
#include "trib-application.h"
#include "trib-dataset-detail.h"
#include "trib-datasets-page.h"
#include "trib-preferences-window.h"
#include "trib-profile-dialog.h"
#include "trib-sandboxes-page.h"
#include "trib-schemas-page.h"
#include "trib-ui-test.h"
#include "trib-window.h"

#define NARROW 360
#define WIDE 1200

static const char *
language_suffix (void)
{
  const char *language = g_getenv ("LANGUAGE");

  return language != NULL && g_str_has_prefix (language, "fr") ? "-fr" : "";
}

static void
screenshot (GtkWidget  *widget,
            const char *what,
            int         width)
{
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  g_autofree char *name = g_strdup_printf ("tour-%s-%s-%s%s.png", what,
                                           width <= NARROW ? "narrow" : "wide",
                                           dark ? "dark" : "light", language_suffix ());

  trib_ui_test_save_screenshot (widget, name);
}

/* Nothing on the page asks for more than the narrow window's width
 * (the window's frame aside).
 */
static void
assert_fits (GtkWidget *window,
             int        width)
{
  int minimum;

  gtk_widget_measure (gtk_widget_get_first_child (window), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL,
                      NULL);
  g_assert_cmpint (minimum, <=, width);
}

static gboolean
batches_shown (gpointer data)
{
  return trib_datasets_page_get_dataset (data) != NULL && !trib_dataset_detail_get_loading (
    TRIB_DATASET_DETAIL (trib_ui_test_find_any (data, TRIB_TYPE_DATASET_DETAIL)));
}

static gboolean
window_open (gpointer data)
{
  return trib_ui_test_find_toplevel (GPOINTER_TO_SIZE (data), NULL) != NULL;
}

/* Whether the column view under @page shows the column titled @title. */
static gboolean
column_shown (GtkWidget  *page,
              const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (trib_ui_test_find_any (page, GTK_TYPE_COLUMN_VIEW)));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        return gtk_column_view_column_get_visible (column);
    }

  g_assert_not_reached ();
}

/* Folded, a page's list comes first: go back to it if a detail shows. */
static void
back_to_list (GtkWidget *page)
{
  AdwLeaflet *leaflet = ADW_LEAFLET (trib_ui_test_find_any (page, ADW_TYPE_LEAFLET));

  if (leaflet != NULL)
    adw_leaflet_navigate (leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  trib_ui_test_settle ();
}

static void
tour_pages (TribWindow *window,
            int         width)
{
  GtkWidget *schemas = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE);
  GtkWidget *datasets = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE);
  GtkWidget *list_view;

  trib_ui_test_resize (GTK_WIDGET (window), width, 760);

  trib_window_show_page (window, "sandboxes");
  back_to_list (trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_SANDBOXES_PAGE));
  assert_fits (GTK_WIDGET (window), width);
  g_assert_nonnull (trib_ui_test_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW, NULL));
  screenshot (GTK_WIDGET (window), "sandboxes", width);

  trib_window_show_page (window, "schemas");
  back_to_list (schemas);
  trib_ui_test_iterate_until (trib_ui_test_schemas_listed, schemas, 30);
  trib_ui_test_settle ();
  assert_fits (GTK_WIDGET (window), width);
  list_view = trib_ui_test_find_widget (schemas, GTK_TYPE_LIST_VIEW, NULL);
  g_assert_nonnull (list_view);
  screenshot (GTK_WIDGET (window), "schemas", width);
  gtk_widget_activate_action (list_view, "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (trib_ui_test_fields_loaded, schemas, 30);
  assert_fits (GTK_WIDGET (window), width);
  /* Narrow, a field's name has the room the identity and required
   * columns took.
   */
  g_assert_true (column_shown (schemas, g_dgettext (GETTEXT_PACKAGE, "Required")) == (width > NARROW));
  screenshot (GTK_WIDGET (window), "schema", width);

  trib_window_show_page (window, "datasets");
  gtk_widget_activate_action (datasets, "datasets.back", NULL);
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, datasets, 30);
  trib_ui_test_settle ();
  assert_fits (GTK_WIDGET (window), width);
  g_assert_true (column_shown (datasets, g_dgettext (GETTEXT_PACKAGE, "Table")) == (width > NARROW));
  screenshot (GTK_WIDGET (window), "datasets", width);
  gtk_widget_activate_action (trib_ui_test_find_widget (datasets, GTK_TYPE_LIST_VIEW, NULL),
                              "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (batches_shown, datasets, 30);
  assert_fits (GTK_WIDGET (window), width);
  screenshot (GTK_WIDGET (window), "dataset", width);

  trib_window_show_page (window, "activity");
  assert_fits (GTK_WIDGET (window), width);
  screenshot (GTK_WIDGET (window), "activity", width);

  trib_window_show_page (window, "query");
  screenshot (GTK_WIDGET (window), "query", width);
}

static void
tour_dialogs (TribApplication *app,
              int              width)
{
  GtkWidget *start = GTK_WIDGET (trib_window_new (app));
  GtkWidget *dialog;

  /* The start screen of a window with no session. */
  gtk_window_present (GTK_WINDOW (start));
  trib_ui_test_resize (start, width, 640);
  assert_fits (start, width);
  screenshot (start, "start", width);
  gtk_window_destroy (GTK_WINDOW (start));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  trib_ui_test_iterate_until (window_open, GSIZE_TO_POINTER (TRIB_TYPE_PREFERENCES_WINDOW), 10);
  dialog = GTK_WIDGET (trib_ui_test_find_toplevel (TRIB_TYPE_PREFERENCES_WINDOW, NULL));
  trib_ui_test_resize (dialog, width <= NARROW ? NARROW : 560, 560);
  assert_fits (dialog, width);
  screenshot (dialog, "preferences", width);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-profile", NULL);
  trib_ui_test_iterate_until (window_open, GSIZE_TO_POINTER (TRIB_TYPE_PROFILE_DIALOG), 10);
  dialog = GTK_WIDGET (trib_ui_test_find_toplevel (TRIB_TYPE_PROFILE_DIALOG, NULL));
  trib_ui_test_resize (dialog, width <= NARROW ? NARROW : 560, 640);
  assert_fits (dialog, width);
  screenshot (dialog, "profile-choices", width);
  g_signal_emit_by_name (trib_ui_test_find_any (dialog, ADW_TYPE_ACTION_ROW), "activated");
  trib_ui_test_settle ();
  screenshot (dialog, "profile-form", width);
  gtk_window_destroy (GTK_WINDOW (dialog));
  trib_ui_test_settle ();
}

static void
test_tour (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribWindow *window;

  /* GNOME's window buttons: only Close. */
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  window = trib_ui_test_open_demo (app, 60);

  for (guint i = 0; i < 2; i++)
    {
      adw_style_manager_set_color_scheme (style, i == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT : ADW_COLOR_SCHEME_FORCE_DARK);
      tour_pages (window, WIDE);
      tour_pages (window, NARROW);
      tour_dialogs (app, WIDE);
      tour_dialogs (app, NARROW);
    }
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/tour", test_tour);

  return g_test_run ();
}
