/* test-ui-query-files.c
 *
 * .sql files in the query page, on the demo: open one into a tab titled
 * by it, edit it (the tab is marked, and says so to a screen reader),
 * save with Ctrl+S from inside the editor, reopen it; a file that is no
 * UTF-8 is refused with a sentence; closing a modified tab, and then the
 * window, asks first (Cancel, Discard, Save), and nothing is lost.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-application.h"
#include "trib-ui-query-test.h"

typedef struct
{
  TribQueryPage *page;
  GFile *file;
} Wanted;

static gboolean
tab_has_file (gpointer data)
{
  Wanted *wanted = data;
  TribQueryTab *tab = trib_query_page_get_current_tab (wanted->page);

  return tab != NULL && trib_query_tab_get_file (tab) != NULL && g_file_equal (trib_query_tab_get_file (tab), wanted->file);
}

static gboolean
tab_saved (gpointer data)
{
  return !trib_query_tab_get_modified (data);
}

static gboolean
restored_modified (gpointer data)
{
  return trib_query_tab_get_modified (trib_query_page_get_current_tab (data));
}

static char *
read_file (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_load_contents (file, NULL, &contents, NULL, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&contents);
}

static AdwTabPage *
current_page (TribQueryPage *page)
{
  AdwTabView *view = trib_ui_query_get_tab_view (page);

  return adw_tab_view_get_selected_page (view);
}

/* The tab's title as libadwaita 1.2 draws it. */
static GtkWidget *
find_fading_label (GtkWidget  *root,
                   const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_str_equal (G_OBJECT_TYPE_NAME (child), "AdwFadingLabel"))
        {
          g_autofree char *label = NULL;

          g_object_get (child, "label", &label, NULL);
          if (g_strcmp0 (label, title) == 0)
            return child;
        }
      if ((found = find_fading_label (child, title)))
        return found;
    }

  return NULL;
}

/* The selected tab's accessible name (on the AdwTab's parent, which a
 * screen reader reads), from its title.
 */
static gboolean
tab_named (gpointer data)
{
  const char *name = g_object_get_data (data, "wanted-name");
  GtkWidget *tab_bar = trib_ui_test_find_any (data, ADW_TYPE_TAB_BAR);
  GtkWidget *label = find_fading_label (tab_bar, adw_tab_page_get_title (current_page (data)));

  for (GtkWidget *widget = label; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwTab"))
      {
        g_autofree char *wrong = gtk_test_accessible_check_property (GTK_ACCESSIBLE (gtk_widget_get_parent (widget)),
                                                                     GTK_ACCESSIBLE_PROPERTY_LABEL, name);

        return wrong == NULL;
      }

  return FALSE;
}

static void
wait_for_tab_name (TribQueryPage *page,
                   const char    *name)
{
  g_object_set_data_full (G_OBJECT (page), "wanted-name", g_strdup (name), g_free);
  trib_ui_test_iterate_until (tab_named, page, 10);
}

static void
open_and_wait (TribQueryPage *page,
               GFile         *file)
{
  Wanted wanted = { page, file };

  trib_query_page_open_file (page, file);
  trib_ui_test_iterate_until (tab_has_file, &wanted, 10);
}

static gboolean
chooser_shown (gpointer data)
{
  return trib_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL) != NULL;
}

static gboolean
chooser_has_file (gpointer data)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (data);

  return chosen != NULL;
}

/* Answers the file chooser GtkFileChooserNative shows without a portal. */
static void
choose_file (GFile                *file,
             GtkFileChooserAction  action)
{
  GtkWindow *chooser;
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);

  trib_ui_test_iterate_until (chooser_shown, NULL, 10);
  chooser = trib_ui_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG, NULL);
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==, action);
  trib_ui_test_settle ();
  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), parent, NULL));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  else
    {
      /* Selected once the folder is listed. */
      g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, NULL));
      trib_ui_test_iterate_until (chooser_has_file, chooser, 10);
    }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  trib_ui_test_settle ();
}

static GtkMenuButton *
find_menu_button (GtkWidget  *root,
                  const char *tooltip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkMenuButton *found;

      if (GTK_IS_MENU_BUTTON (child) && g_strcmp0 (gtk_widget_get_tooltip_text (child), tooltip) == 0)
        return GTK_MENU_BUTTON (child);
      if ((found = find_menu_button (child, tooltip)))
        return found;
    }

  return NULL;
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static void
test_files (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autofree char *dir = g_dir_make_tmp ("trib-sql-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "daily_orders.sql", NULL);
  g_autofree char *latin1_path = g_build_filename (dir, "latin1.sql", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) latin1 = g_file_new_for_path (latin1_path);
  g_autoptr(GFile) copy = NULL;
  g_autofree char *copy_path = g_build_filename (dir, "copy.sql", NULL);
  g_autofree char *text = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  AdwMessageDialog *dialog;
  TribQueryEditor *editor;
  TribQueryPage *page;
  TribQueryTab *tab;
  TribWindow *window;
  GtkWidget *weak_window;
  int n_tabs;

  g_assert_true (g_file_set_contents (path, "SELECT count(*) FROM luma_orders;\n", -1, NULL));
  /* "café" in Latin-1: no UTF-8. */
  g_assert_true (g_file_set_contents (latin1_path, "SELECT 'caf\xe9';\n", -1, NULL));

  window = trib_ui_test_open_demo (app, 60);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);
  page = trib_ui_query_show_page (GTK_WIDGET (window));
  n_tabs = trib_ui_query_n_tabs (page);

  /* Opened, the file takes the empty tab and names it. */
  open_and_wait (page, file);
  tab = trib_query_page_get_current_tab (page);
  g_assert_cmpint (trib_ui_query_n_tabs (page), ==, n_tabs);
  g_assert_cmpstr (adw_tab_page_get_title (current_page (page)), ==, "daily_orders.sql");
  g_assert_false (trib_query_tab_get_modified (tab));
  editor = trib_query_tab_get_editor (tab);
  text = trib_query_editor_dup_text (editor);
  g_assert_cmpstr (text, ==, "SELECT count(*) FROM luma_orders;\n");
  g_clear_pointer (&text, g_free);
  g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));

  /* Typed in, the tab is marked, for the eye and for a screen reader. */
  gtk_widget_grab_focus (trib_ui_query_get_view (editor));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+End");
  trib_ui_query_type_keys (GTK_WIDGET (window), "S E L E C T space 1 semicolon");
  g_assert_true (trib_query_tab_get_modified (tab));
  g_assert_cmpstr (adw_tab_page_get_title (current_page (page)), ==, "• daily_orders.sql");
  wait_for_tab_name (page, "daily_orders.sql, modified");
  trib_ui_query_save_sized_screenshots (GTK_WIDGET (window), "file-modified");

  /* Ctrl+S from inside the editor saves, whole. */
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+s");
  trib_ui_test_iterate_until (tab_saved, tab, 10);
  text = read_file (file);
  g_assert_cmpstr (text, ==, "SELECT count(*) FROM luma_orders;\nSELECT 1;");
  g_clear_pointer (&text, g_free);
  g_assert_cmpstr (adw_tab_page_get_title (current_page (page)), ==, "daily_orders.sql");
  wait_for_tab_name (page, "daily_orders.sql");

  /* Opened again with Ctrl+O from the editor, through the file chooser,
   * it is the same tab.
   */
  trib_query_page_open_query (page, "SELECT 2", NULL);
  gtk_widget_grab_focus (trib_ui_query_get_view (trib_query_page_get_current_editor (page)));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+o");
  choose_file (file, GTK_FILE_CHOOSER_ACTION_OPEN);
  {
    Wanted wanted = { page, file };

    trib_ui_test_iterate_until (tab_has_file, &wanted, 10);
  }
  g_assert_true (trib_query_page_get_current_tab (page) == tab);

  /* A file that is no UTF-8 is not opened, and the user reads why. */
  n_tabs = trib_ui_query_n_tabs (page);
  trib_query_page_open_file (page, latin1);
  dialog = trib_ui_query_wait_for_dialog ("Could Not Open “latin1.sql”");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "not UTF-8"));
  trib_ui_query_respond (dialog, "close");
  g_assert_cmpint (trib_ui_query_n_tabs (page), ==, n_tabs);

  /* Closing a modified tab asks: Cancel keeps it, Discard closes it and
   * leaves the file as saved.
   */
  gtk_widget_grab_focus (trib_ui_query_get_view (editor));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+End");
  trib_ui_query_type_keys (GTK_WIDGET (window), "space minus minus space x");
  g_assert_true (trib_query_tab_get_modified (tab));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+w");
  dialog = trib_ui_query_wait_for_dialog ("Save Changes?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "daily_orders.sql"));
  trib_ui_query_save_dialog_screenshots (dialog, "file-close-prompt");
  trib_ui_query_respond (dialog, "cancel");
  g_assert_true (trib_query_page_get_current_tab (page) == tab);
  g_assert_true (trib_query_tab_get_modified (tab));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+w");
  dialog = trib_ui_query_wait_for_dialog ("Save Changes?");
  trib_ui_query_respond (dialog, "discard");
  trib_ui_test_settle ();
  g_assert_true (trib_query_page_get_current_tab (page) != tab);
  text = read_file (file);
  g_assert_cmpstr (text, ==, "SELECT count(*) FROM luma_orders;\nSELECT 1;");
  g_clear_pointer (&text, g_free);

  /* Reopened from the recent files of the page's file menu: what was saved. */
  {
    GtkMenuButton *button = find_menu_button (GTK_WIDGET (page), "Open and Save SQL Files");
    GMenuModel *menu = gtk_menu_button_get_menu_model (button);
    GMenuModel *recent = g_menu_model_get_item_link (menu, 1, G_MENU_LINK_SECTION);
    g_autoptr(GVariant) target = NULL;
    g_autofree char *label = NULL;
    Wanted wanted = { page, file };

    g_assert_nonnull (recent);
    g_assert_cmpint (g_menu_model_get_n_items (recent), ==, 1);
    /* The latest first: the file saved last is the first item. */
    g_assert_true (g_menu_model_get_item_attribute (recent, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label));
    g_assert_cmpstr (label, ==, "daily__orders.sql");
    target = g_menu_model_get_item_attribute_value (recent, 0, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);
    g_assert_cmpstr (g_variant_get_string (target, NULL), ==, uri);
    gtk_widget_activate_action (GTK_WIDGET (page), "query.open-recent", "s", uri);
    trib_ui_test_iterate_until (tab_has_file, &wanted, 10);
    g_object_unref (recent);
  }
  tab = trib_query_page_get_current_tab (page);
  editor = trib_query_tab_get_editor (tab);
  text = trib_query_editor_dup_text (editor);
  g_assert_cmpstr (text, ==, "SELECT count(*) FROM luma_orders;\nSELECT 1;");
  g_clear_pointer (&text, g_free);

  /* Save As (Ctrl+Shift+S) writes another file, and the tab follows it. */
  copy = g_file_new_for_path (copy_path);
  gtk_widget_grab_focus (trib_ui_query_get_view (editor));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+shift+s");
  choose_file (copy, GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    Wanted wanted = { page, copy };

    trib_ui_test_iterate_until (tab_has_file, &wanted, 10);
  }
  g_assert_cmpstr (adw_tab_page_get_title (current_page (page)), ==, "copy.sql");
  text = read_file (copy);
  g_assert_cmpstr (text, ==, "SELECT count(*) FROM luma_orders;\nSELECT 1;");
  g_clear_pointer (&text, g_free);

  /* After a restart the tabs come back with their files; a file changed
   * elsewhere since leaves its tab marked, with the text it had.
   */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_autoptr(TribQueryPage) restored = NULL;
    Wanted wanted = { NULL, copy };

    trib_query_page_save_tabs (page);
    g_assert_true (g_file_set_contents (copy_path, "SELECT 'changed elsewhere';\n", -1, NULL));
    restored = g_object_ref_sink (g_object_new (TRIB_TYPE_QUERY_PAGE, NULL));
    trib_query_page_set_settings (restored, settings);
    wanted.page = restored;
    g_assert_true (tab_has_file (&wanted));
    trib_ui_test_iterate_until (restored_modified, restored, 10);
    text = trib_query_editor_dup_text (trib_query_page_get_current_editor (restored));
    g_assert_cmpstr (text, ==, "SELECT count(*) FROM luma_orders;\nSELECT 1;");
    g_clear_pointer (&text, g_free);
  }

  /* Closing the window with a modified file asks; Cancel keeps it open,
   * Save writes the file and closes. Nothing is lost either way.
   */
  gtk_widget_grab_focus (trib_ui_query_get_view (editor));
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+Home");
  trib_ui_query_type_keys (GTK_WIDGET (window), "minus minus space Return");
  g_assert_cmpuint (trib_query_page_get_n_modified (page), ==, 1);
  gtk_window_close (GTK_WINDOW (window));
  dialog = trib_ui_query_wait_for_dialog ("Save Changes Before Closing?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "copy.sql"));
  trib_ui_query_respond (dialog, "cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));

  /* Ctrl+Q asks too. */
  weak_window = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &weak_window);
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+q");
  dialog = trib_ui_query_wait_for_dialog ("Save Changes Before Closing?");
  trib_ui_query_respond (dialog, "save");
  trib_ui_test_iterate_until (window_gone, &weak_window, 20);
  text = read_file (copy);
  g_assert_cmpstr (text, ==, "-- \nSELECT count(*) FROM luma_orders;\nSELECT 1;");
  g_clear_pointer (&text, g_free);

  trib_ui_test_settle ();
  g_unlink (path);
  g_unlink (latin1_path);
  g_unlink (copy_path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/query-files", test_files);

  return g_test_run ();
}
