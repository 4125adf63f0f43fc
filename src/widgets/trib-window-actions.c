/* trib-window-actions.c
 *
 * The window's actions (win.*): reloading what the page shown lists,
 * and going to a page, a schema or a query from anywhere in the window.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-window"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-explore-view.h"
#include "trib-query-service.h"
#include "trib-window-private.h"

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  TribSession *session = TRIB_SESSION (object);

  /* The session keeps the error and the pages show it, but a list that
   * is still there hides it: a Reload that failed must not look like one
   * that found nothing new.
   */
  if (!trib_session_refresh_finish (session, result, &error) &&
      self->session == session &&
      g_list_model_get_n_items (trib_session_get_sandboxes (session)) > 0)
    {
      g_autofree char *message = g_strdup_printf (_("Could not reload the sandboxes: %s"), error->message);

      trib_window_add_toast (self, message);
    }
}

/* Reloads what the page shown lists: the sandboxes (which is signing in
 * again when that failed), or what the page shown lists.
 */
static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->pages_stack);

  if (self->session == NULL)
    return;

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") &&
      g_strcmp0 (page, "schemas") == 0)
    trib_schemas_page_reload (self->schemas_page);
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") &&
           g_strcmp0 (page, "datasets") == 0)
    trib_datasets_page_reload (self->datasets_page);
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") &&
           g_strcmp0 (page, "sources") == 0)
    trib_sources_page_reload (self->sources_page);
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") &&
           g_strcmp0 (page, "accounts") == 0)
    trib_accounts_page_reload (self->accounts_page);
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") &&
           g_strcmp0 (page, "dataflows") == 0)
    trib_flows_page_reload (self->flows_page);
  else if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") &&
           g_strcmp0 (page, "schedules") == 0)
    trib_schedules_page_reload (self->schedules_page);
  else if (!trib_session_get_loading (self->session))
    trib_session_refresh_async (self->session, NULL, refresh_cb, g_object_ref (self));
}

/* Not gtk_widget_get_mapped(): a page built on first use is not mapped
 * yet when it takes the focus, though nothing hides it.
 */
static gboolean
shown_within (GtkWidget *widget,
              GtkWidget *ancestor)
{
  for (; widget != NULL && widget != ancestor; widget = gtk_widget_get_parent (widget))
    {
      if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget))
        return FALSE;
    }

  return widget == ancestor;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);
  GtkWidget *page;
  GtkWidget *focus;

  trib_window_show_page (self, g_variant_get_string (param, NULL));

  /* Alt+digit goes to the page to work in it; focus left in the sidebar
   * (or on the page just hidden) would swallow what is typed next.
   */
  page = gtk_stack_get_visible_child (self->pages_stack);
  gtk_widget_grab_focus (page);

  /* A page's default grab gives the focus to its first child that takes
   * it, in sight or not: with a detail shown over a list, nothing (or the
   * list's hidden search). Then the first widget in sight takes it.
   */
  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus == NULL || !shown_within (focus, page))
    {
      gtk_root_set_focus (GTK_ROOT (self), NULL);
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
}

/* Ctrl+F with the focus outside the page shown (in the sidebar, say):
 * the page's own search, as its binding would have done with the focus
 * inside it. The query page searches its current editor.
 */
static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);
  const char *page_name = gtk_stack_get_visible_child_name (self->pages_stack);
  GtkWidget *page = gtk_stack_get_visible_child (self->pages_stack);
  g_autofree char *page_find = NULL;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") || page == NULL)
    return;

  if (g_strcmp0 (page_name, "query") == 0)
    {
      GtkWidget *editor = GTK_WIDGET (trib_query_page_get_current_editor (self->query_page));

      if (editor != NULL)
        gtk_widget_activate_action (editor, "editor.find", NULL);
      return;
    }

  page_find = g_strconcat (page_name, ".find", NULL);
  gtk_widget_activate_action (page, page_find, NULL);
}

static void
show_schema_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, "schemas");
  trib_schemas_page_show_schema (self->schemas_page, g_variant_get_string (param, NULL));
}

/* win.show-dataset: a dataset's id; its details list its batches. */
static void
show_dataset_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, "datasets");
  trib_datasets_page_show_dataset (self->datasets_page, g_variant_get_string (param, NULL));
}

/* win.show-account: an account's (base connection's) id. */
static void
show_account_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, "accounts");
  trib_accounts_page_show_account (self->accounts_page, g_variant_get_string (param, NULL));
}

static void
query_dataset_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);
  const char *table = g_variant_get_string (param, NULL);
  g_autofree char *sql = trib_query_service_dup_preview_sql (table);

  trib_window_show_page (self, "query");
  trib_query_page_open_query (self->query_page, sql, table);
}

/* win.show-schedule: a scheduled query's id, such as one just made. */
static void
show_schedule_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, "schedules");
  trib_schedules_page_show_schedule (self->schedules_page, g_variant_get_string (param, NULL));
}

static void
insert_into_query_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  TribWindow *self = TRIB_WINDOW (widget);

  trib_window_show_page (self, "query");
  trib_query_page_insert_text (self->query_page, g_variant_get_string (param, NULL));
}

/* Each source explored gets a window of its own, so two can be compared
 * side by side; it follows the window's session (a sign-out closes
 * nothing, the view shows no account).
 */
static void
open_explore_window (TribWindow *self,
                     const char *connection_id)
{
  AdwWindow *window = ADW_WINDOW (adw_window_new ());
  TribExploreView *view = trib_explore_view_new ();

  g_object_bind_property (self, "session", view, "session", G_BINDING_SYNC_CREATE);
  trib_explore_view_set_connection_id (view, connection_id);
  adw_window_set_content (window, GTK_WIDGET (view));
  gtk_window_set_title (GTK_WINDOW (window), _("Explore"));
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (window));
}

/* win.explore-source: a base connection's id, or "" for the Data
 * Landing Zone.
 */
static void
explore_source_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  open_explore_window (TRIB_WINDOW (widget), g_variant_get_string (param, NULL));
}

/* win.explore: the user picks the account in the view. */
static void
explore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  open_explore_window (TRIB_WINDOW (widget), NULL);
}

void
_trib_window_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-schema", "s", show_schema_action);
  gtk_widget_class_install_action (widget_class, "win.show-dataset", "s", show_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.show-account", "s", show_account_action);
  gtk_widget_class_install_action (widget_class, "win.query-dataset", "s", query_dataset_action);
  gtk_widget_class_install_action (widget_class, "win.insert-into-query", "s", insert_into_query_action);
  gtk_widget_class_install_action (widget_class, "win.show-schedule", "s", show_schedule_action);
  gtk_widget_class_install_action (widget_class, "win.explore-source", "s", explore_source_action);
  gtk_widget_class_install_action (widget_class, "win.explore", NULL, explore_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "sandboxes");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "schemas");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "datasets");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_ALT_MASK, "win.show-page", "s", "query");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_ALT_MASK, "win.show-page", "s", "activity");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_6, GDK_ALT_MASK, "win.show-page", "s", "sources");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_7, GDK_ALT_MASK, "win.show-page", "s", "accounts");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_8, GDK_ALT_MASK, "win.show-page", "s", "dataflows");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_ALT_MASK, "win.show-page", "s", "schedules");
}
