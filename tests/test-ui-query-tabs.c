/* test-ui-query-tabs.c
 *
 * The query page's tabs, history and keys on the demo platform: each
 * tab keeps its own result, status and target, and keeps them across
 * restarts; a statement reopened from the history runs where it ran,
 * and the history shows its newest entries, a line each; the window's
 * shortcuts win over the tab view's, and the shortcuts window lists
 * every shortcut there is, and only those.
 *
 * Every wait is on the condition itself, never on time alone.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "trib-application.h"
#include "trib-history-panel.h"
#include "trib-schemas-page.h"
#include "trib-tooltip-bin.h"
#include "trib-ui-query-test.h"

static gboolean
tabs_saved (gpointer data)
{
  g_auto(GStrv) tabs = g_settings_get_strv (data, "query-tabs");

  return g_strv_contains ((const char * const *) tabs,
                          "SELECT a FROM luma_orders;\nSELECT a, b FROM luma_orders WHERE a > 1;");
}

static void
add_accel (GHashTable      *accels,
           guint            keyval,
           GdkModifierType  modifiers)
{
  const char *name = gdk_keyval_name (keyval);

  /* The keypad's keys work as the main ones do, which are listed. */
  if (name != NULL && !g_str_has_prefix (name, "KP_"))
    g_hash_table_add (accels, gtk_accelerator_name (gdk_keyval_to_lower (keyval), modifiers));
}

static void
add_tab_view_accels (AdwTabView *tab_view,
                     GHashTable *accels)
{
  AdwTabViewShortcuts shortcuts = adw_tab_view_get_shortcuts (tab_view);
  const struct { AdwTabViewShortcuts mask; guint keyval; GdkModifierType modifiers; } known[] = {
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_TAB, GDK_KEY_Tab, GDK_CONTROL_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_TAB, GDK_KEY_Tab, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_PAGE_UP, GDK_KEY_Page_Up, GDK_CONTROL_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_PAGE_DOWN, GDK_KEY_Page_Down, GDK_CONTROL_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_HOME, GDK_KEY_Home, GDK_CONTROL_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_END, GDK_KEY_End, GDK_CONTROL_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_PAGE_UP, GDK_KEY_Page_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_PAGE_DOWN, GDK_KEY_Page_Down, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_HOME, GDK_KEY_Home, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
    { ADW_TAB_VIEW_SHORTCUT_CONTROL_SHIFT_END, GDK_KEY_End, GDK_CONTROL_MASK | GDK_SHIFT_MASK },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (shortcuts & known[i].mask)
      add_accel (accels, known[i].keyval, known[i].modifiers);
  for (guint digit = 1; digit <= 9; digit++)
    if (shortcuts & ADW_TAB_VIEW_SHORTCUT_ALT_DIGITS)
      add_accel (accels, GDK_KEY_0 + digit, GDK_ALT_MASK);
  if (shortcuts & ADW_TAB_VIEW_SHORTCUT_ALT_ZERO)
    add_accel (accels, GDK_KEY_0, GDK_ALT_MASK);
}

static void
add_controller_accels (GtkWidget  *widget,
                       GHashTable *accels)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger))
            add_accel (accels, gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                       gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)));
        }
    }
}

/* What a Tributary widget's GTK or libadwaita parent class brings, such
 * as a window's keys to move the focus, is not Tributary's to list.
 */
static void
remove_inherited_accels (GType       type,
                         GHashTable *accels)
{
  g_autoptr(GHashTable) inherited = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  GtkWidget *instance;
  gpointer accel;

  while (g_str_has_prefix (g_type_name (type), "Trib"))
    type = g_type_parent (type);
  if (G_TYPE_IS_ABSTRACT (type))
    return;

  instance = g_object_ref_sink (g_object_new (type, NULL));
  add_controller_accels (instance, inherited);
  if (GTK_IS_WINDOW (instance))
    gtk_window_destroy (GTK_WINDOW (instance));
  g_object_unref (instance);

  g_hash_table_iter_init (&iter, inherited);
  while (g_hash_table_iter_next (&iter, &accel, NULL))
    g_hash_table_remove (accels, accel);
}

/* The key shortcuts of Tributary's own widgets and of its tab views,
 * wherever they are in the window.
 */
static void
collect_installed (GtkWidget  *widget,
                   GHashTable *accels)
{
  if (ADW_IS_TAB_VIEW (widget))
    add_tab_view_accels (ADW_TAB_VIEW (widget), accels);

  if (g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Trib"))
    {
      g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      gpointer accel;

      add_controller_accels (widget, own);
      remove_inherited_accels (G_OBJECT_TYPE (widget), own);
      g_hash_table_iter_init (&iter, own);
      while (g_hash_table_iter_next (&iter, &accel, NULL))
        g_hash_table_add (accels, g_strdup (accel));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_installed (child, accels);
}

static void
add_accel_strings (GHashTable         *accels,
                   const char * const *strings)
{
  for (guint i = 0; strings != NULL && strings[i] != NULL; i++)
    {
      guint keyval = 0;
      GdkModifierType modifiers = 0;

      g_assert_true (gtk_accelerator_parse (strings[i], &keyval, &modifiers));
      add_accel (accels, keyval, modifiers);
    }
}

static int
compare_names (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

static char *
dup_accels (GHashTable *accels)
{
  g_autofree const char **names = (const char **) g_hash_table_get_keys_as_array (accels, NULL);

  g_qsort_with_data (names, g_hash_table_size (accels), sizeof (char *), compare_names, NULL);

  return g_strjoinv (" ", (char **) names);
}

/* The shortcuts window lists every shortcut that is installed, and only
 * those.
 */
static void
check_shortcuts_window (TribApplication *app,
                        TribWindow      *window)
{
  g_autoptr(GHashTable) installed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_RESOURCE_PATH "/shortcuts-window.ui");
  g_auto(GStrv) actions = gtk_application_list_action_descriptions (GTK_APPLICATION (app));
  g_autoptr(GSList) objects = gtk_builder_get_objects (builder);
  g_autofree char *installed_names = NULL;
  g_autofree char *listed_names = NULL;

  collect_installed (GTK_WIDGET (window), installed);
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), actions[i]);

      add_accel_strings (installed, (const char * const *) accels);
    }

  for (GSList *l = objects; l != NULL; l = l->next)
    {
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;

      if (!GTK_IS_SHORTCUTS_SHORTCUT (l->data))
        continue;

      g_object_get (l->data, "accelerator", &accelerator, "action-name", &action_name, NULL);
      if (action_name != NULL)
        {
          g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action_name);

          g_assert_cmpuint (g_strv_length (accels), >, 0);
          add_accel_strings (listed, (const char * const *) accels);
        }
      else
        {
          g_auto(GStrv) accels = g_strsplit (accelerator, " ", -1);

          add_accel_strings (listed, (const char * const *) accels);
        }
    }

  installed_names = dup_accels (installed);
  listed_names = dup_accels (listed);
  g_assert_cmpstr (listed_names, ==, installed_names);
}

static gboolean
page_is_schemas (gpointer data)
{
  GtkWidget *schemas = trib_ui_test_find_widget (data, TRIB_TYPE_SCHEMAS_PAGE, NULL);

  return schemas != NULL;
}

static gboolean
one_history_row (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (data))) == 1;
}

static gboolean
history_rows_at_least (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (data))) >= 40;
}

/* The history: newest first and in view, one line a row, and reopening
 * a statement in a tab on the database it ran on.
 */
static void
test_history (GtkWidget     *window,
              TribQueryPage *page)
{
  GtkWidget *flap = trib_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_FLAP, NULL);
  GtkWidget *history = NULL;
  GtkListView *history_list;
  GtkAdjustment *adjustment;
  GtkWidget *search;
  GtkWidget *row;
  g_autoptr(GString) script = g_string_new (NULL);

  g_assert_nonnull (flap);

  /* Seen once, then hidden while many statements run. */
  g_object_set (flap, "reveal-flap", TRUE, NULL);
  history = trib_ui_test_wait_for_widget (GTK_WIDGET (page), TRIB_TYPE_HISTORY_PANEL);
  history_list = trib_history_panel_get_list_view (TRIB_HISTORY_PANEL (history));
  trib_ui_test_wait_for_mapped (history_list, TRUE);
  g_object_set (flap, "reveal-flap", FALSE, NULL);
  trib_ui_test_wait_for_mapped (history_list, FALSE);

  /* A multi-line error, from the server. */
  trib_ui_query_run_and_wait (window, page, "DO $$ BEGIN RAISE EXCEPTION E'first line\\nsecond line'; END $$", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (page, 0), ==, TRIB_DISTILLER_RUN_FAILED);
  for (guint i = 1; i <= 40; i++)
    g_string_append_printf (script, "SELECT %u AS statement;\n", i);
  trib_ui_query_run_and_wait (window, page, script->str, "ctrl+shift+Return", 40);
  trib_ui_test_iterate_until (history_rows_at_least, history_list, 10);

  /* Opened again, it shows its newest entries. */
  g_object_set (flap, "reveal-flap", TRUE, NULL);
  trib_ui_test_wait_for_mapped (history_list, TRUE);
  trib_ui_test_settle ();
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (history_list));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, gtk_adjustment_get_lower (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_upper (adjustment), >, gtk_adjustment_get_page_size (adjustment));
  g_assert_true (trib_ui_test_has_label (GTK_WIDGET (history_list), "SELECT 40 AS statement", FALSE));
  trib_ui_test_save_screenshot (window, "query-history-light.png");

  /* The failure's message takes one line in its row. */
  search = trib_ui_test_wait_for_widget (history, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "RAISE EXCEPTION");
  trib_ui_test_iterate_until (one_history_row, history_list, 10);
  trib_ui_test_settle ();
  row = trib_ui_test_find_label (GTK_WIDGET (history_list), "failed: first line", TRUE);
  g_assert_nonnull (row);
  g_assert_null (strchr (gtk_label_get_label (GTK_LABEL (row)), '\n'));
  g_assert_cmpint (pango_layout_get_line_count (gtk_label_get_layout (GTK_LABEL (row))), ==, 1);
  g_assert_cmpstr (trib_tooltip_bin_get_text (TRIB_TOOLTIP_BIN (gtk_widget_get_ancestor (row, TRIB_TYPE_TOOLTIP_BIN))),
                   ==, "first line\nsecond line");
  trib_ui_test_save_screenshot (window, "query-history-error-light.png");

  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_object_set (flap, "reveal-flap", FALSE, NULL);
  trib_ui_test_wait_for_mapped (history_list, FALSE);
}

/* Each tab has its own result, status and target. */
static void
test_tabs (GtkWidget     *window,
           TribQueryPage *page)
{
  TribQueryTab *first = trib_query_page_get_current_tab (page);
  TribQueryTab *second;
  TribQueryTab *dataset;
  GtkEntry *entry = trib_ui_query_get_table_entry (page);
  GtkLabel *status;
  GtkEntry *table_entry;
  g_autofree char *icon_tooltip = NULL;
  GdkRectangle icon;
  GtkWidget *flap;
  GtkWidget *history;
  GtkListView *history_list;
  GtkWidget *search;
  g_autofree char *text = NULL;

  trib_ui_query_run_and_wait (window, page, "SELECT 'first tab' AS tab", "ctrl+Return", 1);
  status = GTK_LABEL (trib_ui_test_find_label (GTK_WIDGET (page), "1 row in", TRUE));
  g_assert_nonnull (status);

  /* A new tab shows no rows of another, and has a status of its own. */
  gtk_widget_grab_focus (trib_ui_query_get_view (trib_query_page_get_current_editor (page)));
  trib_ui_test_press_keys (window, "ctrl+t");
  second = trib_query_page_get_current_tab (page);
  g_assert_true (second != first);
  g_assert_null (trib_query_page_get_runs (page));
  g_assert_null (trib_result_view_get_model (trib_query_page_get_result_view (page)));
  trib_ui_test_wait_for_label (GTK_WIDGET (second), "No Results Yet");
  g_assert_cmpstr (gtk_label_get_label (status), ==, "");
  trib_ui_query_run_and_wait (window, page, "SELECT 'second tab' AS tab, 2 AS n", "ctrl+Return", 1);

  /* Query This Dataset opens a tab on that dataset alone; the others
   * keep running on the whole sandbox.
   */
  gtk_widget_activate_action (window, "win.query-dataset", "s", "luma_orders");
  dataset = trib_query_page_get_current_tab (page);
  g_assert_true (dataset != second);
  g_assert_cmpstr (trib_query_tab_get_table (dataset), ==, "luma_orders");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "luma_orders");
  g_assert_cmpstr (trib_query_tab_get_table (first), ==, "");
  g_assert_cmpstr (trib_query_tab_get_table (second), ==, "");
  trib_ui_test_press_keys (window, "ctrl+Return");
  trib_ui_query_wait_for_runs (page, 1);
  trib_ui_query_run_and_wait (window, page, "SELECT current_database(), count(*) FROM luma_orders", "ctrl+Return", 1);
  g_assert_cmpstr (trib_ui_query_first_value (page, 0), ==, "prod:luma_orders");
  trib_ui_query_save_screenshots (window, "tabs", TRUE);

  /* Back on the first tab: its own result, status and target. */
  adw_tab_view_set_selected_page (trib_ui_query_get_tab_view (page), adw_tab_view_get_page (trib_ui_query_get_tab_view (page), GTK_WIDGET (first)));
  g_assert_cmpstr (trib_ui_query_first_value (page, 0), ==, "first tab");
  g_assert_true (trib_result_view_get_model (trib_query_page_get_result_view (page)) ==
                 trib_distiller_run_get_model (trib_ui_query_run_at (page, 0)));
  g_assert_true (g_str_has_prefix (gtk_label_get_label (status), "1 row in"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  trib_ui_query_run_and_wait (window, page, "SELECT current_database()", "ctrl+Return", 1);
  g_assert_cmpstr (trib_ui_query_first_value (page, 0), ==, "prod:all");

  /* Typing a target changes the selected tab's alone; the entry's clear
   * icon, clicked, empties it.
   */
  table_entry = trib_ui_query_get_table_entry (page);
  gtk_editable_set_text (GTK_EDITABLE (table_entry), "luma_web_events");
  g_assert_cmpstr (trib_query_tab_get_table (first), ==, "luma_web_events");
  g_assert_cmpstr (trib_query_tab_get_table (dataset), ==, "luma_orders");
  trib_ui_test_settle ();
  gtk_entry_get_icon_area (table_entry, GTK_ENTRY_ICON_SECONDARY, &icon);
  g_assert_cmpint (icon.width, >, 0);
  icon_tooltip = gtk_entry_get_icon_tooltip_text (table_entry, GTK_ENTRY_ICON_SECONDARY);
  g_assert_cmpstr (icon_tooltip, ==, "Clear, to Run on the Whole Sandbox");
  trib_ui_test_click (window, GTK_WIDGET (table_entry), icon.x + icon.width / 2.0, icon.y + icon.height / 2.0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (table_entry)), ==, "");
  g_assert_cmpstr (trib_query_tab_get_table (first), ==, "");

  /* A statement reopens from the history in a new tab, on the dataset
   * it ran on.
   */
  flap = trib_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_FLAP, NULL);
  g_assert_nonnull (flap);
  g_object_set (flap, "reveal-flap", TRUE, NULL);
  history = trib_ui_test_wait_for_widget (GTK_WIDGET (page), TRIB_TYPE_HISTORY_PANEL);
  history_list = trib_history_panel_get_list_view (TRIB_HISTORY_PANEL (history));
  search = trib_ui_test_wait_for_widget (history, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "current_database(), count(*) FROM luma_orders");
  trib_ui_test_iterate_until (one_history_row, history_list, 10);
  g_signal_emit_by_name (history_list, "activate", 0);
  text = trib_query_editor_dup_text (trib_query_page_get_current_editor (page));
  g_assert_cmpstr (text, ==, "SELECT current_database(), count(*) FROM luma_orders");
  g_assert_cmpstr (trib_query_tab_get_table (trib_query_page_get_current_tab (page)), ==, "luma_orders");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (trib_ui_query_get_table_entry (page))), ==, "luma_orders");
  gtk_editable_set_text (GTK_EDITABLE (search), "");
  g_object_set (flap, "reveal-flap", FALSE, NULL);
  trib_ui_test_wait_for_mapped (history_list, FALSE);
}

/* The window's shortcuts win over the tab view's; the page's work
 * wherever the focus is on it.
 */
static void
test_keys (GtkWidget     *window,
           TribQueryPage *page)
{
  TribQueryEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter cursor, start;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *focus_targets[3];
  GtkWidget *split_button;
  GtkWidget *popover;
  GtkWidget *undo;
  int selected;
  int n;

  while (trib_ui_query_n_tabs (page) < 6)
    gtk_widget_activate_action (GTK_WIDGET (page), "query.new-tab", NULL);
  adw_tab_view_set_selected_page (trib_ui_query_get_tab_view (page), adw_tab_view_get_nth_page (trib_ui_query_get_tab_view (page), 4));
  editor = trib_query_page_get_current_editor (page);
  buffer = trib_query_editor_get_buffer (editor);
  trib_query_editor_set_text (editor, "SELECT 1;\nSELECT 2;\nSELECT 3;");
  gtk_text_buffer_get_iter_at_line (buffer, &cursor, 1);
  gtk_text_buffer_place_cursor (buffer, &cursor);
  gtk_widget_grab_focus (trib_ui_query_get_view (editor));
  selected = trib_ui_query_selected_tab (page);
  before = trib_query_editor_dup_text (editor);

  /* Ctrl+End and Ctrl+Home move in the text, not between tabs. */
  trib_ui_test_press_keys (window, "ctrl+End");
  g_assert_cmpint (trib_ui_query_selected_tab (page), ==, selected);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  g_assert_true (gtk_text_iter_is_end (&cursor));
  trib_ui_test_press_keys (window, "ctrl+Home");
  g_assert_cmpint (trib_ui_query_selected_tab (page), ==, selected);
  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_get_start_iter (buffer, &start);
  g_assert_true (gtk_text_iter_equal (&cursor, &start));

  /* Alt+2 opens Schemas with six tabs open, and typing then goes
   * nowhere near the tab's SQL.
   */
  trib_ui_test_press_keys (window, "alt+2");
  trib_ui_test_iterate_until (page_is_schemas, window, 10);
  trib_ui_test_wait_for_mapped (page, FALSE);
  g_assert_cmpint (trib_ui_query_selected_tab (page), ==, selected);
  trib_ui_test_press_keys (window, "x");
  after = trib_query_editor_dup_text (editor);
  g_assert_cmpstr (after, ==, before);

  /* The tab view's own keys do nothing while its page is hidden. */
  trib_ui_test_press_keys (window, "ctrl+Page_Down");
  g_assert_cmpint (trib_ui_query_selected_tab (page), ==, selected);
  trib_ui_query_show_page (window);
  g_assert_cmpint (trib_ui_query_selected_tab (page), ==, selected);

  /* Alt+4 comes back to write: the tab's editor has the focus. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) ==
                 trib_ui_query_get_view (trib_query_page_get_current_editor (page)));

  /* Ctrl+T wherever the focus is on the page: the editor, the target,
   * the grid.
   */
  focus_targets[0] = trib_ui_query_get_view (trib_query_page_get_current_editor (page));
  focus_targets[1] = GTK_WIDGET (trib_ui_query_get_table_entry (page));
  focus_targets[2] = GTK_WIDGET (trib_result_view_get_column_view (trib_query_page_get_result_view (page)));
  for (guint i = 0; i < G_N_ELEMENTS (focus_targets); i++)
    {
      GtkWidget *focus;

      n = trib_ui_query_n_tabs (page);

      gtk_widget_grab_focus (focus_targets[i]);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      g_assert_true (focus == focus_targets[i] || gtk_widget_is_ancestor (focus, focus_targets[i]));
      trib_ui_test_press_keys (window, "ctrl+t");
      g_assert_cmpint (trib_ui_query_n_tabs (page), ==, n + 1);
      g_assert_cmpint (trib_ui_query_selected_tab (page), ==, n);
    }

  /* The Run menu shows the main Enter key for Run Script. */
  split_button = trib_ui_test_find_widget (GTK_WIDGET (page), ADW_TYPE_SPLIT_BUTTON, NULL);
  g_assert_nonnull (split_button);
  adw_split_button_popup (ADW_SPLIT_BUTTON (split_button));
  popover = trib_ui_test_wait_for_widget (split_button, GTK_TYPE_POPOVER);
  trib_ui_test_wait_for_label (popover, "Shift+Ctrl+Return");
  g_assert_false (trib_ui_test_has_label (popover, "KP Enter", TRUE));
  g_assert_true (trib_ui_test_has_label (popover, "Continue Script After _Errors", FALSE) ||
                 trib_ui_test_has_label (popover, "Continue Script After Errors", FALSE));
  trib_ui_test_save_screenshot (window, "query-run-menu-light.png");
  adw_split_button_popdown (ADW_SPLIT_BUTTON (split_button));
  trib_ui_test_wait_for_mapped (popover, FALSE);

  /* Ctrl+W closes the tab; its SQL comes back with Undo. */
  editor = trib_query_page_get_current_editor (page);
  trib_query_editor_set_text (editor, "SELECT 1 < 2 AS kept");
  n = trib_ui_query_n_tabs (page);
  gtk_widget_grab_focus (trib_ui_query_get_view (editor));
  trib_ui_test_press_keys (window, "ctrl+w");
  g_assert_cmpint (trib_ui_query_n_tabs (page), ==, n - 1);
  trib_ui_test_wait_for_label (window, "closed");
  undo = trib_ui_test_find_button (window, "Undo");
  g_assert_nonnull (undo);
  g_signal_emit_by_name (undo, "clicked");
  g_assert_cmpint (trib_ui_query_n_tabs (page), ==, n);
  g_clear_pointer (&after, g_free);
  after = trib_query_editor_dup_text (trib_query_page_get_current_editor (page));
  g_assert_cmpstr (after, ==, "SELECT 1 < 2 AS kept");
  while (trib_ui_query_n_tabs (page) > 4)
    gtk_widget_activate_action (GTK_WIDGET (page), "query.close-tab", NULL);

}

static void
test_query_tabs (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(TribQueryPage) restored = NULL;
  g_auto(GStrv) tabs = NULL;
  g_auto(GStrv) tables = NULL;
  g_autofree char *text = NULL;
  AdwTabView *restored_view;
  TribQueryEditor *editor;
  TribQueryPage *page;
  TribWindow *window;
  guint n_saved;

  /* The demo's simulator starts its own PostgreSQL with the demo data. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  check_shortcuts_window (app, window);

  page = trib_ui_query_show_page (GTK_WIDGET (window));
  g_test_message ("Tabs");
  test_tabs (GTK_WIDGET (window), page);
  g_test_message ("History");
  test_history (GTK_WIDGET (window), page);
  g_test_message ("Keys");
  test_keys (GTK_WIDGET (window), page);

  /* The tabs' text and targets are kept for the next start, once typing
   * pauses.
   */
  adw_tab_view_set_selected_page (trib_ui_query_get_tab_view (page),
                                  adw_tab_view_get_nth_page (trib_ui_query_get_tab_view (page), 0));
  editor = trib_query_page_get_current_editor (page);
  trib_query_editor_set_text (editor, "SELECT a FROM luma_orders;\nSELECT a, b FROM luma_orders WHERE a > 1;");
  trib_ui_test_iterate_until (tabs_saved, settings, 10);
  tabs = g_settings_get_strv (settings, "query-tabs");
  tables = g_settings_get_strv (settings, "query-tab-tables");
  n_saved = g_strv_length (tabs);
  g_assert_cmpuint (n_saved, ==, (guint) trib_ui_query_n_tabs (page));
  g_assert_cmpuint (g_strv_length (tables), ==, n_saved);
  g_assert_cmpuint (g_settings_get_uint (settings, "query-tab"), ==, 0);
  g_assert_true (g_strv_contains ((const char * const *) tables, "luma_orders"));
  restored = g_object_ref_sink (g_object_new (TRIB_TYPE_QUERY_PAGE, NULL));
  trib_query_page_set_settings (restored, settings);
  text = trib_query_editor_dup_text (trib_query_page_get_current_editor (restored));
  g_assert_cmpstr (text, ==, "SELECT a FROM luma_orders;\nSELECT a, b FROM luma_orders WHERE a > 1;");
  restored_view = trib_ui_test_find_any (GTK_WIDGET (restored), ADW_TYPE_TAB_VIEW);
  g_assert_cmpint (adw_tab_view_get_n_pages (restored_view), ==, n_saved);
  for (guint i = 0; i < n_saved; i++)
    {
      AdwTabPage *tab_page = adw_tab_view_get_nth_page (restored_view, i);

      g_assert_cmpstr (trib_query_tab_get_table (TRIB_QUERY_TAB (adw_tab_page_get_child (tab_page))), ==, tables[i]);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/query-tabs", test_query_tabs);

  return g_test_run ();
}
