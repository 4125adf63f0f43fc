/* trib-ui-query-test.c
 *
 * What the query page's UI tests share: running statements by typing
 * them, waiting for their runs, and finding the page's parts.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-schedule-dialog.h"
#include "trib-ui-query-test.h"

typedef struct
{
  TribQueryPage *page;
  guint n_runs;
} RunsWanted;

static gboolean
runs_finished (gpointer data)
{
  RunsWanted *wanted = data;
  GPtrArray *runs = trib_query_page_get_runs (wanted->page);
  TribResultModel *model;

  if (runs == NULL || runs->len != wanted->n_runs)
    return FALSE;
  for (guint i = 0; i < runs->len; i++)
    if (!trib_distiller_run_get_finished (g_ptr_array_index (runs, i)))
      return FALSE;

  /* And the rows shown: the grid lists them a frame after they come. */
  model = trib_result_view_get_model (trib_query_page_get_result_view (wanted->page));

  return model == NULL || trib_result_model_get_n_pending (model) == 0;
}

void
trib_ui_query_wait_for_runs (TribQueryPage *page,
               guint          n_runs)
{
  RunsWanted wanted = { page, n_runs };

  trib_ui_test_iterate_until (runs_finished, &wanted, 60);
}

TribDistillerRun *
trib_ui_query_run_at (TribQueryPage *page,
        guint          index)
{
  GPtrArray *runs = trib_query_page_get_runs (page);

  g_assert_nonnull (runs);
  g_assert_cmpuint (index, <, runs->len);

  return g_ptr_array_index (runs, index);
}

TribDistillerRunState
trib_ui_query_state_at (TribQueryPage *page,
          guint          index)
{
  return trib_distiller_run_get_state (trib_ui_query_run_at (page, index));
}

gboolean
trib_ui_query_first_run_running (gpointer data)
{
  GPtrArray *runs = trib_query_page_get_runs (data);

  return runs != NULL && runs->len > 0 &&
         trib_distiller_run_get_state (g_ptr_array_index (runs, 0)) == TRIB_DISTILLER_RUN_RUNNING;
}

GtkWidget *
trib_ui_query_get_view (TribQueryEditor *editor)
{
  GtkWidget *view = trib_ui_test_find_widget (GTK_WIDGET (editor), GTK_SOURCE_TYPE_VIEW, NULL);

  g_assert_nonnull (view);

  return view;
}

void
trib_ui_query_type_and_run (GtkWidget       *window,
              TribQueryEditor *editor,
              const char      *text,
              const char      *keys)
{
  GtkTextBuffer *buffer = trib_query_editor_get_buffer (editor);
  GtkWidget *view = trib_ui_query_get_view (editor);
  GtkTextIter start;

  trib_query_editor_set_text (editor, text);
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  gtk_widget_grab_focus (view);
  trib_ui_test_press_keys (window, keys);
}

void
trib_ui_query_run_and_wait (GtkWidget     *window,
              TribQueryPage *page,
              const char    *text,
              const char    *keys,
              guint          n_runs)
{
  trib_ui_query_type_and_run (window, trib_query_page_get_current_editor (page), text, keys);
  trib_ui_query_wait_for_runs (page, n_runs);
}

AdwTabView *
trib_ui_query_get_tab_view (TribQueryPage *page)
{
  AdwTabView *tab_view = trib_ui_test_find_any (GTK_WIDGET (page), ADW_TYPE_TAB_VIEW);

  g_assert_nonnull (tab_view);

  return tab_view;
}

int
trib_ui_query_n_tabs (TribQueryPage *page)
{
  return adw_tab_view_get_n_pages (trib_ui_query_get_tab_view (page));
}

int
trib_ui_query_selected_tab (TribQueryPage *page)
{
  AdwTabView *tab_view = trib_ui_query_get_tab_view (page);

  return adw_tab_view_get_page_position (tab_view, adw_tab_view_get_selected_page (tab_view));
}

GtkEntry *
trib_ui_query_get_table_entry (TribQueryPage *page)
{
  GtkWidget *entry = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_ENTRY, NULL);

  g_assert_nonnull (entry);

  return GTK_ENTRY (entry);
}

TribRunResults *
trib_ui_query_current_results (TribQueryPage *page)
{
  return trib_query_tab_get_results (trib_query_page_get_current_tab (page));
}

const char *
trib_ui_query_first_value (TribQueryPage *page,
             guint          index)
{
  TribResultModel *model = trib_distiller_run_get_model (trib_ui_query_run_at (page, index));

  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);

  return trib_result_model_get_value (model, 0, 0, NULL);
}

/* The page wide and light, narrow and dark; with @all, in the two other
 * combinations too.
 */
void
trib_ui_query_save_screenshots (GtkWidget  *window,
                  const char *name,
                  gboolean    all)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const struct { const char *size; int width; gboolean dark; gboolean always; } shots[] = {
    { "wide", 1280, FALSE, TRUE },
    { "wide", 1280, TRUE, FALSE },
    { "narrow", 600, TRUE, TRUE },
    { "narrow", 600, FALSE, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    {
      g_autofree char *file = NULL;

      if (!shots[i].always && !all)
        continue;

      file = g_strdup_printf ("query-%s-%s-%s.png", name, shots[i].size, shots[i].dark ? "dark" : "light");
      if (gtk_widget_get_width (window) != shots[i].width)
        trib_ui_test_resize (window, shots[i].width, 800);
      adw_style_manager_set_color_scheme (style, shots[i].dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      trib_ui_test_save_screenshot (window, file);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_resize (window, 1280, 800);
}

static gboolean
page_is_query (gpointer data)
{
  return trib_ui_test_find_widget (data, TRIB_TYPE_QUERY_PAGE, NULL) != NULL;
}

/* Alt+4 goes to the query page. */
TribQueryPage *
trib_ui_query_show_page (GtkWidget *window)
{
  GtkWidget *page;

  trib_ui_test_press_keys (window, "alt+4");
  trib_ui_test_iterate_until (page_is_query, window, 10);
  page = trib_ui_test_find_widget (window, TRIB_TYPE_QUERY_PAGE, NULL);
  g_assert_nonnull (page);

  return TRIB_QUERY_PAGE (page);
}

static GtkWindow *
find_dialog (const char *heading_part)
{
  GtkWindow *found = NULL;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        strstr (adw_message_dialog_get_heading (l->data), heading_part) != NULL)
      found = l->data;

  return found;
}

static gboolean
dialog_open (gpointer data)
{
  return find_dialog (data) != NULL;
}

/* Returns: (transfer none) (nullable): the message dialog shown whose
 * heading holds @heading_part
 */
AdwMessageDialog *
trib_ui_query_find_dialog (const char *heading_part)
{
  return (AdwMessageDialog *) find_dialog (heading_part);
}

AdwMessageDialog *
trib_ui_query_wait_for_dialog (const char *heading_part)
{
  trib_ui_test_iterate_until (dialog_open, (gpointer) heading_part, 20);
  trib_ui_test_settle ();

  return ADW_MESSAGE_DIALOG (find_dialog (heading_part));
}

static gboolean
dialog_gone (gpointer data)
{
  GtkWidget **dialog = data;

  return *dialog == NULL || !gtk_widget_get_visible (*dialog);
}

/* Answers @dialog as a click on the response's button does, and waits
 * until it is gone.
 */
void
trib_ui_query_respond (AdwMessageDialog *dialog,
                       const char       *response)
{
  GtkWidget *weak = GTK_WIDGET (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &weak);
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  trib_ui_test_iterate_until (dialog_gone, &weak, 20);
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), (gpointer *) &weak);
}

/* Presses each of @keys (xdotool key names, between spaces) in turn. */
void
trib_ui_query_type_keys (GtkWidget  *window,
                         const char *keys)
{
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);

  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0')
      trib_ui_test_press_keys (window, names[i]);
}

/* A message dialog, light and dark. */
void
trib_ui_query_save_dialog_screenshots (AdwMessageDialog *dialog,
                                       const char       *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *file = g_strdup_printf ("query-%s-dialog-%s.png", name, dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      trib_ui_test_save_screenshot (GTK_WIDGET (dialog), file);
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

/* The window at 600 and 1400 pixels wide, light and dark. */
void
trib_ui_query_save_sized_screenshots (GtkWidget  *window,
                                      const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const int widths[] = { 600, 1400 };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autofree char *file = g_strdup_printf ("query-%s-%d-%s.png", name, widths[i], dark ? "dark" : "light");

        trib_ui_test_resize (window, widths[i], 800);
        adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        trib_ui_test_save_screenshot (window, file);
      }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  trib_ui_test_resize (window, 1280, 800);
}

/* Conditions for trib_ui_test_iterate_until(): the query page's
 * Schedule Query dialog (Ctrl+Alt+S) open, or gone.
 */
gboolean
trib_ui_query_schedule_dialog_open (gpointer unused)
{
  return trib_ui_test_find_toplevel (TRIB_TYPE_SCHEDULE_DIALOG, NULL) != NULL;
}

gboolean
trib_ui_query_schedule_dialog_closed (gpointer unused)
{
  return !trib_ui_query_schedule_dialog_open (NULL);
}

/**
 * trib_ui_query_dup_row_name:
 *
 * Returns: (nullable): the accessible name of the grid's row that shows
 *   @label
 */
char *
trib_ui_query_dup_row_name (GtkWidget *label)
{
  for (GtkWidget *widget = label; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_ROW)
      /* What it is when it is not that. */
      return gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, "");

  return NULL;
}

/* The header of @column_view's column named @title. */
GtkWidget *
trib_ui_query_find_column_title (GtkColumnView *column_view,
                                 const char    *title)
{
  GType title_type = g_type_from_name ("GtkColumnViewTitle");
  /* A header reads the column's name, its type below. */
  g_autofree char *name_line = g_strconcat (title, "\n", NULL);
  GtkWidget *label = trib_ui_test_find_label (GTK_WIDGET (column_view), name_line, TRUE);

  g_assert_nonnull (label);
  g_assert_nonnull (gtk_widget_get_ancestor (label, title_type));

  return gtk_widget_get_ancestor (label, title_type);
}

/* The demo's window, 1280×800, on its query page; its simulator starts a
 * PostgreSQL of its own with the demo's data.
 */
TribQueryPage *
trib_ui_query_open_demo_page (TribApplication  *app,
                              TribWindow      **window)
{
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  *window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (*window), 1280, 800);

  return trib_ui_query_show_page (GTK_WIDGET (*window));
}
