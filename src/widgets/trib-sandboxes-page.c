/* trib-sandboxes-page.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sandboxes-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-format.h"
#include "trib-keynav.h"
#include "trib-list-cell.h"
#include "trib-sandboxes-page.h"
#include "trib-session-page.h"

struct _TribSandboxesPage
{
  TribSessionPage parent_instance;

  GtkSingleSelection *selection;

  /* Template widgets */
  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  GtkWidget *details;
  GtkListView *list_view;
  AdwPreferencesGroup *details_group;
  GtkButton *use_button;
  GtkLabel *name_label;
  GtkLabel *type_label;
  GtkLabel *state_label;
  GtkLabel *region_label;
  GtkLabel *default_label;
  GtkLabel *created_label;
  GtkLabel *modified_label;
};

G_DEFINE_FINAL_TYPE (TribSandboxesPage, trib_sandboxes_page, TRIB_TYPE_SESSION_PAGE)

static TribSandbox *
get_current (TribSandboxesPage *self)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));

  return session != NULL ? trib_session_get_sandbox (session) : NULL;
}

static const char *
describe_type (TribSandbox *sandbox)
{
  const char *type = trib_sandbox_get_sandbox_type (sandbox);

  if (g_strcmp0 (type, "production") == 0)
    return C_("sandbox type", "Production");
  if (g_strcmp0 (type, "development") == 0)
    return C_("sandbox type", "Development");

  return type;
}

static const char *
describe_state (TribSandbox *sandbox)
{
  const char *state = trib_sandbox_get_state (sandbox);

  if (g_strcmp0 (state, "active") == 0)
    return C_("sandbox state", "Active");
  if (g_strcmp0 (state, "creating") == 0)
    return C_("sandbox state", "Being created");
  if (g_strcmp0 (state, "resetting") == 0)
    return C_("sandbox state", "Being reset");
  if (g_strcmp0 (state, "deleted") == 0)
    return C_("sandbox state", "Deleted");
  if (g_strcmp0 (state, "failed") == 0)
    return C_("sandbox state", "Failed");

  return state;
}

/* The rows of the list. Built here rather than in the template, for
 * bind to name each row after what it shows.
 */
/* The tag on the row's side (trib-sandbox-row.ui), in the user's words. */
static char *
sandbox_type_label (GtkListItem *item,
                    TribSandbox *sandbox)
{
  return sandbox != NULL ? g_strdup (describe_type (sandbox)) : NULL;
}

/* The row's accessible name (trib-sandbox-row.ui). */
static char *
sandbox_row_name (GtkListItem *item,
                  TribSandbox *sandbox)
{
  const char *type_text;

  if (sandbox == NULL)
    return NULL;

  type_text = describe_type (sandbox);

  return trib_a11y_join_parts (trib_sandbox_get_title (sandbox), trib_sandbox_get_name (sandbox),
                               type_text != NULL ? type_text : "", NULL);
}

static void
set_date_label (GtkLabel   *label,
                GDateTime  *date,
                const char *who)
{
  g_autofree char *formatted = NULL;
  g_autofree char *text = NULL;

  if (date == NULL)
    {
      gtk_label_set_label (label, C_("date", "Unknown"));
      return;
    }

  formatted = trib_format_date_time (date);
  if (who != NULL)
    /* Translators: a date, then who did it */
    text = g_strdup_printf (_("%s by %s"), formatted, who);

  gtk_label_set_label (label, text != NULL ? text : formatted);
}

static void
update_details (TribSandboxesPage *self)
{
  TribSandbox *sandbox = gtk_single_selection_get_selected_item (self->selection);
  TribSandbox *current = get_current (self);

  gtk_widget_set_visible (self->details, sandbox != NULL);
  if (sandbox == NULL)
    return;

  adw_preferences_group_set_title (self->details_group, trib_sandbox_get_title (sandbox));
  adw_preferences_group_set_description (self->details_group,
                                         sandbox == current ? _("Tributary works in this sandbox now.") : NULL);
  gtk_label_set_label (self->name_label, trib_sandbox_get_name (sandbox));
  gtk_label_set_label (self->type_label, describe_type (sandbox));
  gtk_label_set_label (self->state_label, describe_state (sandbox));
  gtk_label_set_label (self->region_label, trib_sandbox_get_region (sandbox));
  gtk_label_set_label (self->default_label, trib_sandbox_get_is_default (sandbox) ? _("Yes") : _("No"));
  set_date_label (self->created_label, trib_sandbox_get_created (sandbox), trib_sandbox_get_created_by (sandbox));
  set_date_label (self->modified_label, trib_sandbox_get_modified (sandbox), trib_sandbox_get_modified_by (sandbox));

  gtk_widget_set_visible (GTK_WIDGET (self->use_button), sandbox != current);
  gtk_widget_set_sensitive (GTK_WIDGET (self->use_button), trib_sandbox_get_is_active (sandbox));
}

static void
select_current (TribSandboxesPage *self)
{
  TribSandbox *current = get_current (self);
  GListModel *model = gtk_single_selection_get_model (self->selection);
  guint n_items = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; current != NULL && i < n_items; i++)
    {
      g_autoptr(TribSandbox) item = g_list_model_get_item (model, i);

      if (item == current)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }

  update_details (self);
}

static void
update_state (TribSandboxesPage *self)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  const GError *error = NULL;
  gboolean loading = FALSE;
  guint n_items = 0;
  const char *page;

  if (session != NULL)
    {
      error = trib_session_get_error (session);
      loading = trib_session_get_loading (session);
      n_items = g_list_model_get_n_items (trib_session_get_sandboxes (session));
    }

  if (n_items > 0)
    page = "list";
  else if (loading || session == NULL)
    page = "loading";
  else if (error != NULL)
    page = "error";
  else
    page = "empty";

  if (error != NULL)
    {
      g_autofree char *description = trib_format_error_text (error->message);

      adw_status_page_set_description (self->error_page, description);
    }

  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
}

static void
list_activate_cb (TribSandboxesPage *self,
                  guint              position,
                  GtkListView       *list_view)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
details_back_cb (TribSandboxesPage *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
use_clicked_cb (TribSandboxesPage *self)
{
  TribSession *session = trib_session_page_get_session (TRIB_SESSION_PAGE (self));
  TribSandbox *sandbox = gtk_single_selection_get_selected_item (self->selection);

  if (session != NULL && sandbox != NULL)
    trib_session_set_sandbox (session, sandbox);
}

static void
trib_sandboxes_page_dispose (GObject *object)
{
  TribSandboxesPage *self = (TribSandboxesPage *)object;

  g_clear_object (&self->selection);

  /* AdwBin unparents its child itself; the template must not do it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SANDBOXES_PAGE);

  G_OBJECT_CLASS (trib_sandboxes_page_parent_class)->dispose (object);
}

static void
trib_sandboxes_page_session_changed (TribSessionPage *page)
{
  TribSandboxesPage *self = TRIB_SANDBOXES_PAGE (page);
  TribSession *session = trib_session_page_get_session (page);

  gtk_single_selection_set_model (self->selection,
                                  session != NULL ? trib_session_get_sandboxes (session) : NULL);
  update_state (self);
  select_current (self);
}

static void
trib_sandboxes_page_sandbox_changed (TribSessionPage *page)
{
  select_current (TRIB_SANDBOXES_PAGE (page));
}

static void
trib_sandboxes_page_class_init (TribSandboxesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_sandboxes_page_dispose;
  page_class->session_changed = trib_sandboxes_page_session_changed;
  page_class->sandbox_changed = trib_sandboxes_page_sandbox_changed;

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-sandboxes-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, details);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, details_group);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, use_button);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, type_label);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, region_label);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, default_label);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, created_label);
  gtk_widget_class_bind_template_child (widget_class, TribSandboxesPage, modified_label);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, details_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, use_clicked_cb);

  gtk_widget_class_set_css_name (widget_class, "sandboxespage");
}

static void
trib_sandboxes_page_init (TribSandboxesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  GSignalGroup *session_signals;

  g_type_ensure (TRIB_TYPE_SANDBOX);
  g_type_ensure (TRIB_TYPE_LIST_CELL);

  gtk_widget_init_template (GTK_WIDGET (self));

  trib_keynav_single_tab_stop (GTK_WIDGET (self->list_view));
  trib_keynav_single_tab_stop (GTK_WIDGET (self->details_group));

  /* They end with a technical account ID. */
  trib_format_without_hyphens (GTK_WIDGET (self->created_label));
  trib_format_without_hyphens (GTK_WIDGET (self->modified_label));

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "sandbox_row_name",
                                          G_CALLBACK (sandbox_row_name));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "sandbox_type_label",
                                          G_CALLBACK (sandbox_type_label));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-sandbox-row.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (update_details), self, G_CONNECT_SWAPPED);

  session_signals = trib_session_page_get_session_signals (TRIB_SESSION_PAGE (self));
  g_signal_group_connect_object (session_signals, "notify::loading",
                                 G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);
  g_signal_group_connect_object (session_signals, "notify::error",
                                 G_CALLBACK (update_state), self, G_CONNECT_SWAPPED);

  update_state (self);
}
