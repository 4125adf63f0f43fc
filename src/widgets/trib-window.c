/* trib-window.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-window"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-activity-page.h"
#include "trib-datasets-page.h"
#include "trib-format.h"
#include "trib-keynav.h"
#include "trib-toast.h"
#include "trib-window-private.h"

G_DEFINE_FINAL_TYPE (TribWindow, trib_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_title (TribWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->pages_stack);
  GtkStackPage *page = child != NULL ? gtk_stack_get_page (self->pages_stack, child) : NULL;
  g_autofree char *subtitle = NULL;

  if (self->session != NULL && page != NULL && g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages"))
    {
      TribProfile *profile = trib_session_get_profile (self->session);
      TribSandbox *sandbox = trib_session_get_sandbox (self->session);

      adw_window_title_set_title (self->window_title, gtk_stack_page_get_title (page));
      if (sandbox != NULL)
        /* Translators: the window subtitle: a profile name, then a sandbox title */
        subtitle = g_strdup_printf (_("%s — %s"), trib_profile_get_name (profile), trib_sandbox_get_title (sandbox));
      else
        subtitle = g_strdup (trib_profile_get_name (profile));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Tributary"));
    }

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_label_set_label (self->profile_label,
                       self->session != NULL ? trib_profile_get_name (trib_session_get_profile (self->session))
                                             : _("Tributary"));
}

/* The application's objects the pages show: given once both exist. */
static void
give_pages_application (TribWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->query_page == NULL || !self->restored_state)
    return;

  trib_activity_page_set_log (self->activity_page,
                              trib_application_get_request_log (TRIB_APPLICATION (application)));
  trib_query_page_set_settings (self->query_page, trib_application_get_settings (TRIB_APPLICATION (application)));
  trib_query_page_set_history (self->query_page,
                               trib_application_get_query_history (TRIB_APPLICATION (application)));
}

static void folded_cb (TribWindow *self);

/* The first frame shows the welcome, signing-in or error screen, never a
 * page: the pages (their templates, the query editor's GtkSourceView and
 * languages, their measuring) are built when first needed, which is when
 * there is a session to show or a page is asked for. All at once, so that
 * a page not shown yet works for its session as it always did: each binds
 * its session to the window's (trib-window-pages.ui).
 */
static void
ensure_pages (TribWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  const struct {
    const char *name;
    const char *title;
  } pages[] = {
    /* Sidebar rows are named after the page they show. */
    { "sandboxes", N_("Sandboxes") },
    { "schemas", N_("Schemas") },
    { "datasets", N_("Datasets") },
    { "sources", N_("Sources") },
    { "accounts", N_("Accounts") },
    { "dataflows", N_("Dataflows") },
    { "schedules", N_("Schedules") },
    { "query", N_("Query") },
    { "activity", N_("Activity") },
  };

  if (self->sandboxes_page != NULL)
    return;

  g_type_ensure (TRIB_TYPE_SANDBOXES_PAGE);
  g_type_ensure (TRIB_TYPE_SCHEMAS_PAGE);
  g_type_ensure (TRIB_TYPE_DATASETS_PAGE);
  g_type_ensure (TRIB_TYPE_SOURCES_PAGE);
  g_type_ensure (TRIB_TYPE_ACCOUNTS_PAGE);
  g_type_ensure (TRIB_TYPE_FLOWS_PAGE);
  g_type_ensure (TRIB_TYPE_SCHEDULES_PAGE);
  g_type_ensure (TRIB_TYPE_QUERY_PAGE);
  g_type_ensure (TRIB_TYPE_ACTIVITY_PAGE);

  builder = gtk_builder_new ();
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  gtk_builder_add_from_resource (builder, APP_RESOURCE_PATH "/trib-window-pages.ui", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    gtk_stack_add_titled (self->pages_stack, GTK_WIDGET (gtk_builder_get_object (builder, pages[i].name)),
                          pages[i].name, _(pages[i].title));

  self->sandboxes_page = TRIB_SANDBOXES_PAGE (gtk_builder_get_object (builder, "sandboxes"));
  self->schemas_page = TRIB_SCHEMAS_PAGE (gtk_builder_get_object (builder, "schemas"));
  self->datasets_page = TRIB_DATASETS_PAGE (gtk_builder_get_object (builder, "datasets"));
  self->sources_page = TRIB_SOURCES_PAGE (gtk_builder_get_object (builder, "sources"));
  self->accounts_page = TRIB_ACCOUNTS_PAGE (gtk_builder_get_object (builder, "accounts"));
  self->flows_page = TRIB_FLOWS_PAGE (gtk_builder_get_object (builder, "dataflows"));
  self->schedules_page = TRIB_SCHEDULES_PAGE (gtk_builder_get_object (builder, "schedules"));
  self->query_page = TRIB_QUERY_PAGE (gtk_builder_get_object (builder, "query"));
  self->activity_page = TRIB_ACTIVITY_PAGE (gtk_builder_get_object (builder, "activity"));

  give_pages_application (self);
  folded_cb (self);
}

static void
sync_dropdown (TribWindow *self)
{
  TribSandbox *sandbox = self->session != NULL ? trib_session_get_sandbox (self->session) : NULL;
  GListModel *model = gtk_drop_down_get_model (self->sandbox_dropdown);
  guint position = GTK_INVALID_LIST_POSITION;
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; sandbox != NULL && i < n_items; i++)
    {
      g_autoptr(TribSandbox) item = g_list_model_get_item (model, i);

      if (item == sandbox)
        {
          position = i;
          break;
        }
    }

  self->updating_dropdown = TRUE;
  gtk_drop_down_set_selected (self->sandbox_dropdown, position);
  self->updating_dropdown = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->sandbox_dropdown), n_items > 0);
}

static void
session_sandbox_changed_cb (TribWindow  *self,
                            GParamSpec  *pspec,
                            TribSession *session)
{
  sync_dropdown (self);
  update_title (self);
  _trib_window_watch_session (self);
}

static void
session_state_changed_cb (TribWindow  *self,
                          GParamSpec  *pspec,
                          TribSession *session)
{
  const GError *error = trib_session_get_error (session);

  /* A session that never listed its sandboxes did not sign in: that is a
   * window-level failure. Later failures stay on the page that had them.
   */
  if (error != NULL && g_list_model_get_n_items (trib_session_get_sandboxes (session)) == 0)
    trib_window_show_error (self, _("Could not sign in"), error);
  else if (!trib_session_get_loading (session) || g_list_model_get_n_items (trib_session_get_sandboxes (session)) > 0)
    gtk_stack_set_visible_child_name (self->main_stack, "pages");

  /* Signed in: a setup an earlier run left unfinished is offered once. */
  if (!self->setups_offered && error == NULL && !trib_session_get_loading (session))
    {
      self->setups_offered = TRUE;
      trib_window_offer_unfinished_setups (self);
    }

  sync_dropdown (self);
  gtk_spinner_set_spinning (self->connecting_spinner,
                            g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "connecting"));
  update_title (self);
}

static void
dropdown_selected_cb (TribWindow  *self,
                      GParamSpec  *pspec,
                      GtkDropDown *dropdown)
{
  TribSandbox *sandbox = gtk_drop_down_get_selected_item (dropdown);

  /* While the session replaces its list, the drop-down selects on its own
   * (the first item, mid-way through the change); only the user's choice
   * may switch sandboxes, and the session's choice is shown once it ends.
   */
  if (self->updating_dropdown || self->session == NULL || sandbox == NULL ||
      trib_session_get_loading (self->session))
    return;

  trib_session_set_sandbox (self->session, sandbox);
}

static void
sidebar_row_activated_cb (TribWindow    *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list)
{
  trib_window_show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* The reload button says what it reloads, and is gone where nothing is. */
static void
update_refresh_button (TribWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->pages_stack);
  const char *label = NULL;

  if (self->session == NULL)
    label = NULL;
  else if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages") ||
           g_strcmp0 (page, "sandboxes") == 0)
    label = _("Reload Sandboxes");
  else if (g_strcmp0 (page, "schemas") == 0)
    label = _("Reload Schemas");
  else if (g_strcmp0 (page, "datasets") == 0)
    label = _("Reload Datasets");
  else if (g_strcmp0 (page, "sources") == 0)
    label = _("Reload Sources");
  else if (g_strcmp0 (page, "accounts") == 0)
    label = _("Reload Accounts");
  else if (g_strcmp0 (page, "dataflows") == 0)
    label = _("Reload Dataflows");
  else if (g_strcmp0 (page, "schedules") == 0)
    label = _("Reload Scheduled Queries");

  gtk_widget_set_visible (GTK_WIDGET (self->refresh_button), label != NULL);
  if (label == NULL)
    return;

  gtk_widget_set_tooltip_text (GTK_WIDGET (self->refresh_button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->refresh_button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
sidebar_row_selected_cb (TribWindow    *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  /* Moving through the sidebar with the keyboard selects its rows: the
   * page follows the highlight. Folded, the sidebar stays in view until
   * a row is activated.
   */
  if (row != NULL && !self->syncing_sidebar)
    {
      ensure_pages (self);
      gtk_stack_set_visible_child_name (self->pages_stack, gtk_widget_get_name (GTK_WIDGET (row)));
    }
}

/* However the page was chosen (a click, Alt+digit, an action of another
 * page), the sidebar highlights the one shown.
 */
static void
visible_page_changed_cb (TribWindow *self)
{
  const char *page_name = gtk_stack_get_visible_child_name (self->pages_stack);

  /* Before the pages are built, the one that will show first. */
  if (page_name == NULL)
    page_name = "sandboxes";

  /* Sidebar rows are named after the page they show. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (GTK_IS_LIST_BOX_ROW (row) && g_strcmp0 (gtk_widget_get_name (row), page_name) == 0)
      {
        self->syncing_sidebar = TRUE;
        gtk_list_box_select_row (self->sidebar_list, GTK_LIST_BOX_ROW (row));
        self->syncing_sidebar = FALSE;
      }

  /* Folded, the start screen, the spinner or an error is what there is
   * to see, not the sidebar of pages not open yet.
   */
  if (!g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "pages"))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);

  update_title (self);
  update_refresh_button (self);
}

/* Folded, the window is phone-narrow: the pages leave out what does not
 * fit.
 */
static void
folded_cb (TribWindow *self)
{
  if (self->datasets_page != NULL)
    trib_datasets_page_set_compact (self->datasets_page, adw_leaflet_get_folded (self->leaflet));
}

static void
back_clicked_cb (TribWindow *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
query_page_closed_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TribWindow) self = user_data;

  if (trib_query_page_close_finish (TRIB_QUERY_PAGE (object), result, NULL))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static gboolean
trib_window_close_request (GtkWindow *window)
{
  TribWindow *self = TRIB_WINDOW (window);
  GSettings *settings = trib_application_get_settings (TRIB_APPLICATION (gtk_window_get_application (window)));
  int width, height;

  /* .sql files with changes: saved or discarded first, as the user says. */
  if (self->query_page != NULL && !self->close_confirmed && trib_query_page_get_n_modified (self->query_page) > 0)
    {
      trib_query_page_close_async (self->query_page, query_page_closed_cb, g_object_ref (self));
      return GDK_EVENT_STOP;
    }

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
  if (self->query_page != NULL)
    trib_query_page_save_tabs (self->query_page);

  return GTK_WINDOW_CLASS (trib_window_parent_class)->close_request (window);
}

/* The shortcuts window is built when first asked for: GtkApplication
 * would build it with each window, before the window's first frame.
 */
static void
show_help_overlay_cb (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  GtkApplicationWindow *self = GTK_APPLICATION_WINDOW (user_data);
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (self);

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (APP_RESOURCE_PATH "/shortcuts-window.ui");

      overlay = GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder, "help_overlay"));
      gtk_application_window_set_help_overlay (self, overlay);
      trib_a11y_name_shortcuts_window (GTK_WINDOW (overlay));
    }

  gtk_window_present (GTK_WINDOW (overlay));
}

/* The application arrives as an ordinary property, after constructed(),
 * so the window restores its size and finds the request log only then.
 */
static void
application_changed_cb (TribWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;

  if (!TRIB_IS_APPLICATION (application) || self->restored_state)
    return;

  self->restored_state = TRUE;
  settings = trib_application_get_settings (TRIB_APPLICATION (application));

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  give_pages_application (self);
  /* The sidebar's header shows the profile in use, and switches it. */
  g_menu_prepend_section (self->profile_menu, NULL,
                          trib_application_get_profiles_menu (TRIB_APPLICATION (application)));
}

static void
trib_window_dispose (GObject *object)
{
  TribWindow *self = (TribWindow *)object;

  if (self->session_signals != NULL)
    g_signal_group_set_target (self->session_signals, NULL);
  g_clear_object (&self->session_signals);
  _trib_window_watch_dispose (self);
  g_clear_object (&self->session);

  /* Their stack owns the pages, and goes with the template. */
  self->sandboxes_page = NULL;
  self->schemas_page = NULL;
  self->datasets_page = NULL;
  self->accounts_page = NULL;
  self->flows_page = NULL;
  self->schedules_page = NULL;
  self->query_page = NULL;
  self->activity_page = NULL;
  self->sources_page = NULL;

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_WINDOW);

  G_OBJECT_CLASS (trib_window_parent_class)->dispose (object);
}

static void
trib_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TribWindow *self = TRIB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TribWindow *self = TRIB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      trib_window_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Benchmark hook (tests/bench/bench-start.c): with
 * TRIBUTARY_BENCH_FIRST_FRAME set, the window prints
 * "first-frame <g_get_monotonic_time ()>" on stdout when its first frame
 * has been painted, stays idle two seconds so its memory can be read,
 * and quits. Nothing else changes.
 */
static gboolean
bench_quit_cb (gpointer user_data)
{
  g_application_quit (g_application_get_default ());

  return G_SOURCE_REMOVE;
}

static void
bench_after_paint_cb (GdkFrameClock *clock,
                      gpointer       user_data)
{
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, bench_after_paint_cb, user_data);
  g_timeout_add_seconds (2, bench_quit_cb, NULL);
}

static void
bench_realize_cb (GtkWidget *widget)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (bench_after_paint_cb), NULL);
}

static void
trib_window_class_init (TribWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = trib_window_dispose;
  object_class->get_property = trib_window_get_property;
  object_class->set_property = trib_window_set_property;

  window_class->close_request = trib_window_close_request;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRIB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRIB_TYPE_SANDBOX);
  g_type_ensure (TRIB_TYPE_ANNOUNCER);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TribWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, content);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, sandbox_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, pages_stack);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, connecting_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, connecting_label);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, profile_button);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, announcer);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, profile_label);
  gtk_widget_class_bind_template_child (widget_class, TribWindow, profile_menu);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  _trib_window_class_add_actions (widget_class);
  _trib_window_watch_class_init (widget_class);
}

static void
trib_window_init (TribWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _trib_window_watch_init (self);

  trib_keynav_single_tab_stop (GTK_WIDGET (self->sidebar_list));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  /* The application's own icon welcomes; its name is the application
   * id, which a development build suffixes.
   */
  adw_status_page_set_icon_name (self->welcome_page, APP_ID);

  trib_a11y_set_announcer (GTK_WINDOW (self), self->announcer);
  trib_a11y_name_menu_button (self->profile_button, _("Switch Profile"));
  trib_a11y_name_menu_button (self->primary_menu_button, _("Main Menu"));
  trib_a11y_name_dropdown (self->sandbox_dropdown, _("Sandbox"));

  self->session_signals = g_signal_group_new (TRIB_TYPE_SESSION);
  g_signal_group_connect_object (self->session_signals, "notify::sandbox",
                                 G_CALLBACK (session_sandbox_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::loading",
                                 G_CALLBACK (session_state_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->session_signals, "notify::error",
                                 G_CALLBACK (session_state_changed_cb), self, G_CONNECT_SWAPPED);

  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   (const GActionEntry[]) { { "show-help-overlay", show_help_overlay_cb } }, 1,
                                   self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  g_signal_connect_object (self->sandbox_dropdown, "notify::selected",
                           G_CALLBACK (dropdown_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pages_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);

  visible_page_changed_cb (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", FALSE);

  if (g_getenv ("TRIBUTARY_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (self, "realize", G_CALLBACK (bench_realize_cb), NULL);
}

TribWindow *
trib_window_new (TribApplication *application)
{
  return g_object_new (TRIB_TYPE_WINDOW, "application", application, NULL);
}

/**
 * trib_window_get_session:
 * @self: a #TribWindow
 *
 * Returns: (transfer none) (nullable): the session the window shows
 */
TribSession *
trib_window_get_session (TribWindow *self)
{
  g_return_val_if_fail (TRIB_IS_WINDOW (self), NULL);

  return self->session;
}

/**
 * trib_window_set_session:
 * @self: a #TribWindow
 * @session: (nullable): the session to show
 */
void
trib_window_set_session (TribWindow  *self,
                         TribSession *session)
{
  g_return_if_fail (TRIB_IS_WINDOW (self));
  g_return_if_fail (!session || TRIB_IS_SESSION (session));

  if (!g_set_object (&self->session, session))
    return;

  self->setups_offered = FALSE;

  g_signal_group_set_target (self->session_signals, session);
  _trib_window_watch_session (self);
  gtk_drop_down_set_model (self->sandbox_dropdown,
                           session != NULL ? trib_session_get_sandboxes (session) : NULL);
  if (session != NULL)
    ensure_pages (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", session != NULL);

  if (session == NULL)
    gtk_stack_set_visible_child_name (self->main_stack, "welcome");
  else if (trib_session_get_loading (session) && g_list_model_get_n_items (trib_session_get_sandboxes (session)) == 0)
    trib_window_show_signing_in (self, trib_session_get_profile (session));
  else
    session_state_changed_cb (self, NULL, session);

  sync_dropdown (self);
  update_title (self);
  update_refresh_button (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/**
 * trib_window_show_connecting:
 * @self: a #TribWindow
 * @message: what is being done, a whole sentence
 *
 * Replaces the pages by a spinner and @message, until the session is
 * ready or fails.
 */
void
trib_window_show_connecting (TribWindow *self,
                             const char *message)
{
  g_return_if_fail (TRIB_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  gtk_label_set_label (self->connecting_label, message);
  gtk_stack_set_visible_child_name (self->main_stack, "connecting");
  gtk_spinner_set_spinning (self->connecting_spinner, TRUE);
}

/**
 * trib_window_show_signing_in:
 * @self: a #TribWindow
 * @profile: the profile signing in
 */
void
trib_window_show_signing_in (TribWindow  *self,
                             TribProfile *profile)
{
  g_autofree char *message = NULL;

  g_return_if_fail (TRIB_IS_WINDOW (self));
  g_return_if_fail (TRIB_IS_PROFILE (profile));

  /* Translators: %s is a profile name */
  message = g_strdup_printf (_("Signing in to “%s”…"), trib_profile_get_name (profile));
  trib_window_show_connecting (self, message);
}

/**
 * trib_window_show_error:
 * @self: a #TribWindow
 * @title: what failed
 * @error: why
 *
 * Replaces the pages by a status page explaining a failure to sign in.
 */
void
trib_window_show_error (TribWindow   *self,
                        const char   *title,
                        const GError *error)
{
  g_autofree char *description = NULL;

  g_return_if_fail (TRIB_IS_WINDOW (self));

  adw_status_page_set_title (self->error_page, title);
  description = trib_format_error_text (error != NULL ? error->message : NULL);
  adw_status_page_set_description (self->error_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "error");
  gtk_spinner_set_spinning (self->connecting_spinner, FALSE);
}

/**
 * trib_window_show_page:
 * @self: a #TribWindow
 * @page_name: `sandboxes`, `query` or `activity`
 */
void
trib_window_show_page (TribWindow *self,
                       const char *page_name)
{
  GtkWidget *page;

  g_return_if_fail (TRIB_IS_WINDOW (self));

  ensure_pages (self);
  if (!(page = gtk_stack_get_child_by_name (self->pages_stack, page_name)))
    return;

  gtk_stack_set_visible_child (self->pages_stack, page);
  /* Folded, the page replaces the sidebar. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

void
trib_window_add_toast (TribWindow *self,
                       const char *message)
{
  g_return_if_fail (TRIB_IS_WINDOW (self));

  trib_toast_show_message (GTK_WIDGET (self->toast_overlay), message);
}
