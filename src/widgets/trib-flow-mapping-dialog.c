/* trib-flow-mapping-dialog.c
 *
 * A dataflow's mapping moved to another version of its mapping set
 * (API-NOTES §A6, §A8, §F 1), chosen from the versions the set has, as
 * Data Prep reads them (each one's date and how many fields it maps,
 * the flow's own marked), then sent as a PATCH of
 * `/transformations/N/params/mappingVersion` (typed as the flow has it)
 * with the etag the flow was read with. A stale etag (`1404-412`) is
 * explained, with Reload to read the flow again and apply the version to
 * it as it is now; the platform's refusal (a version that does not
 * exist, `1419-400`; a `once` flow) is shown as it says it. Sent once
 * per click. "changed" gives the flow as the platform has it afterwards.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-mapping-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-data-prep.h"
#include "trib-flow-mapping-dialog.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-service-runs.h"
#include "trib-format.h"
#include "trib-platform-error.h"

struct _TribFlowMappingDialog
{
  AdwWindow parent_instance;

  TribPlatformClient *client;
  TribFlow *flow;
  GCancellable *cancellable;
  char *problem;
  GPtrArray *rows;            /* AdwActionRow, one per version, newest first */
  gint chosen;                /* the version checked, or -1 */
  gboolean busy;
  gboolean stale;
  gboolean reading;           /* the versions, not read yet */
  gboolean read_failed;

  /* Template widgets */
  GtkSpinner *spinner;
  AdwPreferencesPage *form;
  GtkBox *problem_box;
  GtkLabel *problem_label;
  GtkButton *reload_button;
  GtkButton *retry_button;
  GtkLabel *status_label;
  GtkListBox *versions_list;
};

/* The newest versions are the ones a flow moves to; older ones past
 * these are rare, and each costs a request.
 */
#define MAX_VERSIONS 50

G_DEFINE_FINAL_TYPE (TribFlowMappingDialog, trib_flow_mapping_dialog, ADW_TYPE_WINDOW)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_problem (TribFlowMappingDialog *self,
              const char            *problem,
              gboolean               stale)
{
  g_free (self->problem);
  self->problem = g_strdup (problem);
  self->stale = stale;
  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_box), problem != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->reload_button), stale);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), problem != NULL && self->read_failed);
}

static void
update (TribFlowMappingDialog *self)
{
  gint64 current = trib_flow_get_mapping_version (self->flow);
  gboolean once = g_strcmp0 (trib_flow_get_frequency (self->flow), "once") == 0;
  gboolean changed = self->chosen >= 0 && self->chosen != current;

  /* The flow read again after a stale etag may use another version. */
  for (guint i = 0; self->rows != NULL && i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *mark = g_object_get_data (G_OBJECT (row), "current-mark");

      gtk_widget_set_visible (mark, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "version")) == current);
    }
  if (once && !self->busy)
    show_problem (self, _("A dataflow that runs once cannot be given another mapping."), FALSE);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 !self->busy && !self->stale && !self->reading && !once && changed &&
                                 current >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.reload", !self->busy && self->stale);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.retry", !self->reading && self->read_failed);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !self->busy && !self->reading);
  gtk_spinner_set_spinning (self->spinner, self->busy || self->reading);
}

static void
version_toggled_cb (GtkCheckButton        *check,
                    TribFlowMappingDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);

  if (!gtk_check_button_get_active (check))
    return;
  self->chosen = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "version"));
  if (!self->stale)
    show_problem (self, NULL, FALSE);
  update (self);
}

/* One version: when it was saved and how much it maps, to tell them
 * apart; a radio button, the rows being one choice.
 */
static GtkWidget *
create_version_row (TribFlowMappingDialog *self,
                    TribMappingSet        *set,
                    GtkCheckButton        *group)
{
  guint version = trib_mapping_set_get_version (set);
  GPtrArray *mappings = trib_mapping_set_get_mappings (set);
  guint n = mappings != NULL ? mappings->len : 0;
  GDateTime *modified = trib_mapping_set_get_modified (set);
  g_autofree char *title = NULL;
  g_autofree char *count = NULL;
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *mark = gtk_label_new (_("In use"));

  /* Translators: %u is a mapping set's version number */
  title = g_strdup_printf (_("Version %u"), version);
  /* Translators: %u is how many fields a mapping set's version maps */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u mapping", "%u mappings", n), n);
  if (modified != NULL)
    {
      when = trib_format_date_time (modified);
      /* Translators: how many mappings a version has, then when it was saved */
      subtitle = g_strdup_printf (_("%s, saved %s"), count, when);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle != NULL ? subtitle : count);
  g_object_set_data (G_OBJECT (row), "version", GINT_TO_POINTER (version));
  g_object_set_data (G_OBJECT (row), "current-mark", mark);

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_RELATION_LABELLED_BY, row, NULL, -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_add_css_class (mark, "accent");
  gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), mark);
  g_signal_connect (check, "toggled", G_CALLBACK (version_toggled_cb), self);

  return row;
}

static GtkCheckButton *
row_check (GtkWidget *row)
{
  return GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (row)));
}

static void
show_versions (TribFlowMappingDialog *self,
               GPtrArray             *versions)
{
  gint64 current = trib_flow_get_mapping_version (self->flow);
  GtkCheckButton *group = NULL;
  GtkWidget *proposed = NULL;

  for (guint i = 0; i < versions->len; i++)
    {
      GtkWidget *row = create_version_row (self, g_ptr_array_index (versions, i), group);

      if (group == NULL)
        group = row_check (row);
      g_ptr_array_add (self->rows, row);
      gtk_list_box_append (self->versions_list, row);
      /* The newest is proposed, unless the flow has it already. */
      if (proposed == NULL)
        proposed = row;
      if (i == 0 && trib_mapping_set_get_version (g_ptr_array_index (versions, i)) == current)
        proposed = NULL;
    }
  if (proposed != NULL)
    gtk_check_button_set_active (row_check (proposed), TRUE);

  if (versions->len == 1)
    gtk_label_set_label (self->status_label, _("This mapping set has no other version yet."));
  else
    gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

static void
versions_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TribFlowMappingDialog) self = user_data;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = trib_data_prep_read_versions_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->reading = FALSE;
  if (versions == NULL)
    {
      g_autofree char *text = trib_format_error_text (error->message);

      self->read_failed = TRUE;
      gtk_label_set_label (self->status_label, _("The mapping set’s versions could not be read."));
      show_problem (self, text, FALSE);
    }
  else
    show_versions (self, versions);
  update (self);

  /* The list was insensitive while read: the keyboard starts on the
   * version checked.
   */
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (gtk_check_button_get_active (row_check (row)) || i + 1 == self->rows->len)
        {
          gtk_widget_grab_focus (row);
          break;
        }
    }
}

static void
read_versions (TribFlowMappingDialog *self)
{
  const char *mapping_id = trib_flow_get_mapping_id (self->flow);

  /* Nothing to choose from: update() says why. */
  if (g_strcmp0 (trib_flow_get_frequency (self->flow), "once") == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
      return;
    }
  if (mapping_id == NULL)
    {
      gtk_label_set_label (self->status_label, _("This dataflow has no mapping."));
      return;
    }

  self->reading = TRUE;
  self->read_failed = FALSE;
  show_problem (self, NULL, FALSE);
  gtk_label_set_label (self->status_label, _("Reading the mapping set’s versions…"));
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  trib_data_prep_read_versions_async (self->client, mapping_id, MAX_VERSIONS, self->cancellable,
                                      versions_read_cb, g_object_ref (self));
}

static void
show_error (TribFlowMappingDialog *self,
            const GError          *error)
{
  g_autofree char *text = trib_format_error_text (error->message);

  self->busy = FALSE;
  show_problem (self, text, FALSE);
  update (self);
}

static void send (TribFlowMappingDialog *self);

/* Reload, after a stale etag: the flow as it is now, and the same version
 * sent to it again.
 */
static void
reread_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribFlowMappingDialog) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_get_flow_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (flow == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->flow, flow);
  self->stale = FALSE;
  show_problem (self, NULL, FALSE);
  send (self);
}

static void
patch_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribFlowMappingDialog) self = user_data;
  g_autoptr(TribFlow) flow = NULL;
  g_autoptr(GError) error = NULL;

  flow = trib_flow_service_change_flow_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (g_error_matches (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_STALE))
    {
      self->busy = FALSE;
      show_problem (self,
                    _("Someone changed this dataflow after it was shown here, so the new mapping version was "
                      "not saved. Reload the dataflow to see it as it is now and apply the version to it again."),
                    TRUE);
      update (self);
      return;
    }
  if (flow == NULL)
    {
      show_error (self, error);
      return;
    }

  g_set_object (&self->flow, flow);
  self->busy = FALSE;
  g_signal_emit (self, signals[CHANGED], 0, self->flow);
  gtk_window_close (GTK_WINDOW (self));
}

static void
send (TribFlowMappingDialog *self)
{
  self->busy = TRUE;
  update (self);
  trib_flow_service_change_flow_async (self->client, self->flow, NULL, NULL, 0, self->chosen, self->cancellable,
                                       patch_cb, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  send (TRIB_FLOW_MAPPING_DIALOG (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribFlowMappingDialog *self = TRIB_FLOW_MAPPING_DIALOG (widget);

  self->busy = TRUE;
  update (self);
  trib_flow_service_get_flow_async (self->client, trib_flow_get_id (self->flow), self->cancellable, reread_cb,
                                    g_object_ref (self));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  TribFlowMappingDialog *self = TRIB_FLOW_MAPPING_DIALOG (widget);

  read_versions (self);
  update (self);
}

static void
trib_flow_mapping_dialog_dispose (GObject *object)
{
  TribFlowMappingDialog *self = (TribFlowMappingDialog *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_MAPPING_DIALOG);

  G_OBJECT_CLASS (trib_flow_mapping_dialog_parent_class)->dispose (object);
}

static void
trib_flow_mapping_dialog_finalize (GObject *object)
{
  TribFlowMappingDialog *self = (TribFlowMappingDialog *) object;

  g_clear_object (&self->client);
  g_clear_object (&self->flow);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self->problem);

  G_OBJECT_CLASS (trib_flow_mapping_dialog_parent_class)->finalize (object);
}

static void
trib_flow_mapping_dialog_class_init (TribFlowMappingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_flow_mapping_dialog_dispose;
  object_class->finalize = trib_flow_mapping_dialog_finalize;

  /**
   * TribFlowMappingDialog::changed:
   * @flow: the flow as the platform has it now
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, TRIB_TYPE_FLOW);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-flow-mapping-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, problem_box);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, reload_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowMappingDialog, versions_list);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "dialog.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "dialog.retry", NULL, retry_action);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, (GtkShortcutFunc) gtk_window_close, NULL);
}

static void
trib_flow_mapping_dialog_init (TribFlowMappingDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->rows = g_ptr_array_new ();
  self->chosen = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * trib_flow_mapping_dialog_new:
 * @client: the session's client
 * @flow: the flow as last read: its etag goes with the change
 *
 * Returns: (transfer floating): the dialog, reading the mapping set's
 *   versions; the newest is proposed
 */
TribFlowMappingDialog *
trib_flow_mapping_dialog_new (TribPlatformClient *client,
                              TribFlow           *flow)
{
  TribFlowMappingDialog *self;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (TRIB_IS_FLOW (flow), NULL);

  self = g_object_new (TRIB_TYPE_FLOW_MAPPING_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->flow = g_object_ref (flow);
  read_versions (self);
  update (self);

  return self;
}

/**
 * trib_flow_mapping_dialog_get_flow:
 *
 * Returns: (transfer none): the flow, as last read
 */
TribFlow *
trib_flow_mapping_dialog_get_flow (TribFlowMappingDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self), NULL);

  return self->flow;
}

/**
 * trib_flow_mapping_dialog_set_version:
 *
 * Chooses a version, as the user would: activates its row.
 *
 * Returns: %FALSE if no row has that version
 */
gboolean
trib_flow_mapping_dialog_set_version (TribFlowMappingDialog *self,
                                      guint                  version)
{
  g_return_val_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self), FALSE);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "version")) == version)
        return gtk_widget_activate (row);
    }

  return FALSE;
}

/**
 * trib_flow_mapping_dialog_get_versions:
 *
 * Returns: (transfer none): the rows of the versions, newest first;
 *   empty while they are read
 */
GPtrArray *
trib_flow_mapping_dialog_get_versions (TribFlowMappingDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self), NULL);

  return self->rows;
}

/**
 * trib_flow_mapping_dialog_get_reading:
 *
 * Returns: whether the versions are still being read
 */
gboolean
trib_flow_mapping_dialog_get_reading (TribFlowMappingDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self), FALSE);

  return self->reading;
}

/**
 * trib_flow_mapping_dialog_get_problem:
 *
 * Returns: (nullable): what is shown as wrong
 */
const char *
trib_flow_mapping_dialog_get_problem (TribFlowMappingDialog *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_MAPPING_DIALOG (self), NULL);

  return self->problem;
}
