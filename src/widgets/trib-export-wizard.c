/* trib-export-wizard.c
 *
 * The Export Datasets wizard (issue 15, seed 001): a destination and
 * its account (an existing one, or a new one drawn from the
 * destination's authSpec as the Connect dialog draws it), the datasets,
 * the file options, the schedule, the review of every call with Copy as
 * curl, and the creation through the flow journal. The pages after the
 * datasets are in trib-export-wizard-pages.c; the plan itself is
 * flows/trib-export-plan.c: this window builds no JSON and no URL.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-export-wizard"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-connect-dialog-private.h"
#include "trib-connection.h"
#include "trib-dataset-export.h"
#include "trib-dataset.h"
#include "trib-export-wizard-private.h"
#include "trib-flow-service.h"

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STEP,
  PROP_BUSY,
  PROP_PROBLEM,
  PROP_FLOW_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const page_names[N_PAGES] = {
  "destination", "datasets", "files", "schedule", "review", "create",
};

G_DEFINE_FINAL_TYPE (TribExportWizard, trib_export_wizard, ADW_TYPE_WINDOW)

void
_trib_export_wizard_toast (TribExportWizard *self,
                           const char       *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

void
_trib_export_wizard_set_busy (TribExportWizard *self,
                              gboolean          busy)
{
  if (self->busy == !!busy)
    return;
  self->busy = !!busy;
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  _trib_export_wizard_update (self);
}

const TribExportDestination *
_trib_export_wizard_destination (TribExportWizard *self)
{
  guint n;
  const TribExportDestination *all = trib_export_destinations (&n);
  guint selected = adw_combo_row_get_selected (self->destination_row);

  return selected < n ? &all[selected] : NULL;
}

/* The chosen account's id, or %NULL for a new one. */
const char *
_trib_export_wizard_account_id (TribExportWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->account_row);

  if (self->account_ids == NULL || selected >= self->account_ids->len)
    return NULL;

  return g_ptr_array_index (self->account_ids, selected);
}

void
_trib_export_wizard_update (TribExportWizard *self)
{
  const char *problem = self->busy ? NULL : _trib_export_wizard_check_page (self);
  gboolean creating = self->page == PAGE_CREATE;

  gtk_stack_set_visible_child_name (self->stack, page_names[self->page]);
  adw_window_title_set_subtitle (self->window_title,
                                 gtk_stack_page_get_title (gtk_stack_get_page (self->stack,
                                                           gtk_stack_get_visible_child (self->stack))));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.back", self->page > 0 && !self->busy &&
                                 (!creating || (self->failed && self->runner == NULL)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.next",
                                 !self->busy && problem == NULL && (!creating || self->flow_id != NULL));
  gtk_button_set_label (self->next_button, creating ? _("_Close") : self->page == PAGE_REVIEW ? _("C_reate")
                                                                                             : _("_Next"));
  gtk_widget_set_visible (self->back_button, !creating || self->flow_id == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.resume", creating && self->failed && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.roll-back", creating && self->failed && !self->busy);
  gtk_widget_set_visible (self->resume_button, creating && self->failed);
  gtk_widget_set_visible (self->rollback_button, creating && self->failed);

  /* What keeps Next from going on, said where Next is. */
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL && self->page != PAGE_DESTINATION &&
                          self->page != PAGE_CREATE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), problem != NULL ? problem : _("Next (Ctrl+Enter)"));

  if (g_strcmp0 (self->problem, problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
}

static void
changed_cb (TribExportWizard *self)
{
  _trib_export_wizard_update (self);
}

/* Destination and account */

static void
field_changed_cb (gpointer       user_data,
                  TribSpecField *field)
{
  _trib_export_wizard_update (user_data);
}

static gboolean
has_secret_field (TribSpecForm *form)
{
  for (guint i = 0; form != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (form)); i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (form), i);

      if (trib_spec_field_get_secret (field))
        return TRUE;
    }
  return FALSE;
}

static void
build_fields (TribExportWizard *self)
{
  GtkWidget *child;
  gboolean new_account = _trib_export_wizard_account_id (self) == NULL && self->account_ids != NULL;
  guint n_fields = self->form != NULL && new_account ? g_list_model_get_n_items (G_LIST_MODEL (self->form)) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_box))) != NULL)
    gtk_box_remove (self->fields_box, child);
  for (guint i = 0; i < n_fields; i++)
    {
      g_autoptr(TribSpecField) field = g_list_model_get_item (G_LIST_MODEL (self->form), i);

      gtk_box_append (self->fields_box, _trib_connect_field_new (self->form, field, field_changed_cb, self));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->fields_box), n_fields > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->new_account_group), new_account);
  /* Nothing to remember for a destination without secrets (the Data Landing Zone). */
  gtk_widget_set_visible (self->remember_group, new_account && has_secret_field (self->form));
  gtk_widget_set_visible (GTK_WIDGET (self->auth_row),
                          self->auth_choices != NULL && g_list_model_get_n_items (self->auth_choices) > 1);
}

static void
auth_selected_cb (TribExportWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->auth_row);

  g_clear_object (&self->form);
  if (self->auth_choices != NULL && selected < g_list_model_get_n_items (self->auth_choices))
    self->form = g_list_model_get_item (self->auth_choices, selected);
  build_fields (self);
  _trib_export_wizard_update (self);
}

static void
spec_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TribExportWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribConnectionSpec) spec = trib_flow_service_get_connection_spec_finish (result, &error);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  JsonNode *auth_spec;

  self->spec_loading--;
  if (spec == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _trib_export_wizard_toast (self, error->message);
      _trib_export_wizard_set_busy (self, self->spec_loading > 0);
      return;
    }
  /* A destination chosen since: its own answer follows. */
  if (g_strcmp0 (trib_connection_spec_get_id (spec), _trib_export_wizard_destination (self)->connection_spec_id) != 0)
    {
      _trib_export_wizard_set_busy (self, self->spec_loading > 0);
      return;
    }

  g_set_object (&self->spec, spec);
  auth_spec = json_object_get_member (trib_connection_spec_get_json (spec), "authSpec");
  g_clear_object (&self->auth_choices);
  self->auth_choices = trib_spec_form_new_auth_choices (trib_connection_spec_get_id (spec), auth_spec);
  for (guint i = 0; self->auth_choices != NULL && i < g_list_model_get_n_items (self->auth_choices); i++)
    {
      g_autoptr(TribSpecForm) form = g_list_model_get_item (self->auth_choices, i);

      gtk_string_list_append (labels, trib_spec_form_get_label (form));
    }
  adw_combo_row_set_model (self->auth_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->auth_row, 0);
  auth_selected_cb (self);
  _trib_export_wizard_set_busy (self, self->spec_loading > 0);
}

static void
fill_accounts (TribExportWizard *self)
{
  const TribExportDestination *destination = _trib_export_wizard_destination (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GListModel *model = G_LIST_MODEL (self->accounts);

  g_clear_pointer (&self->account_ids, g_ptr_array_unref);
  self->account_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribConnection) account = g_list_model_get_item (model, i);

      if (g_strcmp0 (trib_connection_get_spec_id (account), destination->connection_spec_id) != 0)
        continue;
      g_ptr_array_add (self->account_ids, g_strdup (trib_connection_get_id (account)));
      gtk_string_list_append (names, trib_connection_get_name (account));
    }
  g_ptr_array_add (self->account_ids, NULL);
  gtk_string_list_append (names, _("New account…"));
  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, 0);
  build_fields (self);
  _trib_export_wizard_update (self);
}

static void
accounts_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TribExportWizard) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      _trib_export_wizard_toast (self, error->message);
    }
  self->spec_loading--;
  fill_accounts (self);
  _trib_export_wizard_set_busy (self, self->spec_loading > 0);
}

static void
destination_selected_cb (TribExportWizard *self)
{
  const TribExportDestination *destination = _trib_export_wizard_destination (self);
  TribPlatformClient *client = trib_session_get_client (self->session);

  if (destination == NULL || client == NULL)
    return;

  g_clear_object (&self->form);
  g_clear_object (&self->auth_choices);
  adw_combo_row_set_model (self->auth_row, NULL);
  build_fields (self);
  if (self->accounts != NULL)
    fill_accounts (self);

  self->spec_loading++;
  _trib_export_wizard_set_busy (self, TRUE);
  trib_flow_service_get_connection_spec_async (client, destination->connection_spec_id, self->cancellable,
                                               spec_loaded_cb, g_object_ref (self));
  gtk_widget_set_visible (GTK_WIDGET (self->bucket_row), destination->bucket_param != NULL);
  _trib_export_wizard_refresh_files (self);
}

/* Datasets */

static void
update_chosen_label (TribExportWizard *self)
{
  g_autofree char *text = NULL;
  guint n = self->chosen_order->len;

  /* Translators: how many datasets the export takes */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u dataset chosen", "%u datasets chosen", n), n);
  gtk_label_set_text (self->datasets_chosen_label, text);
}

static void
dataset_toggled_cb (GtkCheckButton   *check,
                    TribExportWizard *self)
{
  TribDataset *dataset = g_object_get_data (G_OBJECT (check), "dataset");
  const char *id = trib_dataset_get_id (dataset);

  if (gtk_check_button_get_active (check) && !g_hash_table_contains (self->chosen, id))
    {
      g_hash_table_insert (self->chosen, g_strdup (id), g_strdup (trib_dataset_get_name (dataset)));
      g_ptr_array_add (self->chosen_order, g_strdup (id));
    }
  else if (!gtk_check_button_get_active (check) && g_hash_table_remove (self->chosen, id))
    {
      for (guint i = 0; i < self->chosen_order->len; i++)
        if (g_str_equal (g_ptr_array_index (self->chosen_order, i), id))
          {
            g_ptr_array_remove_index (self->chosen_order, i);
            break;
          }
    }
  update_chosen_label (self);
  _trib_export_wizard_refresh_files (self);
  _trib_export_wizard_update (self);
}

static GtkWidget *
create_dataset_row (gpointer item,
                    gpointer user_data)
{
  TribExportWizard *self = user_data;
  TribDataset *dataset = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_dataset_get_name (dataset));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), trib_dataset_get_id (dataset));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (check), "dataset", g_object_ref (dataset), g_object_unref);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen,
                                                                              trib_dataset_get_id (dataset)));
  g_signal_connect_object (check, "toggled", G_CALLBACK (dataset_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  trib_dataset_get_name (dataset), -1);

  return row;
}

/* The search matches a dataset's name or id, case aside. */
static gboolean
dataset_matches (gpointer item,
                 gpointer user_data)
{
  TribExportWizard *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->dataset_search));
  g_autofree char *needle = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  if (search == NULL || *search == '\0')
    return TRUE;
  needle = g_utf8_casefold (search, -1);
  name = g_utf8_casefold (trib_dataset_get_name (item) != NULL ? trib_dataset_get_name (item) : "", -1);
  id = g_utf8_casefold (trib_dataset_get_id (item), -1);

  return strstr (name, needle) != NULL || strstr (id, needle) != NULL;
}

static void
dataset_search_cb (TribExportWizard *self)
{
  if (self->dataset_filter != NULL)
    gtk_filter_changed (self->dataset_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
datasets_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(TribExportWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFilterListModel) filtered = NULL;
  GListModel *model = G_LIST_MODEL (object);

  gtk_spinner_set_spinning (self->datasets_spinner, FALSE);
  if (!trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _trib_export_wizard_toast (self, error->message);
      return;
    }

  /* The datasets the page was opened with, chosen if they can be exported. */
  for (guint i = 0; self->preselected != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (model, i);
      const char *id = trib_dataset_get_id (dataset);

      if (g_strv_contains ((const char * const *) self->preselected, id) && !g_hash_table_contains (self->chosen, id))
        {
          g_hash_table_insert (self->chosen, g_strdup (id), g_strdup (trib_dataset_get_name (dataset)));
          g_ptr_array_add (self->chosen_order, g_strdup (id));
        }
    }
  self->dataset_filter = GTK_FILTER (gtk_custom_filter_new (dataset_matches, self, NULL));
  filtered = gtk_filter_list_model_new (g_object_ref (model), g_object_ref (self->dataset_filter));
  gtk_list_box_bind_model (self->dataset_list, G_LIST_MODEL (filtered), create_dataset_row, self, NULL);
  update_chosen_label (self);
  _trib_export_wizard_refresh_files (self);
  _trib_export_wizard_update (self);
}

static void
load (TribExportWizard *self)
{
  TribPlatformClient *client = trib_session_get_client (self->session);

  self->accounts = trib_flow_service_list_connections (client, NULL);
  self->spec_loading++;
  trib_paged_list_load_all_async (self->accounts, self->cancellable, accounts_loaded_cb, g_object_ref (self));

  self->datasets = trib_dataset_export_list_datasets (client);
  gtk_spinner_set_spinning (self->datasets_spinner, TRUE);
  trib_paged_list_load_all_async (self->datasets, self->cancellable, datasets_loaded_cb, g_object_ref (self));

  destination_selected_cb (self);
}

/* Navigation */

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (widget);

  if (self->busy || _trib_export_wizard_check_page (self) != NULL)
    return;

  switch (self->page)
    {
    case PAGE_SCHEDULE:
      if (!_trib_export_wizard_build_plan (self))
        return;
      break;
    case PAGE_REVIEW:
      self->page = PAGE_CREATE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
      _trib_export_wizard_run_plan (self);
      return;
    case PAGE_CREATE:
      gtk_window_close (GTK_WINDOW (self));
      return;
    case PAGE_DESTINATION:
    case PAGE_DATASETS:
    case PAGE_FILES:
    case N_PAGES:
    default:
      break;
    }

  self->page++;
  _trib_export_wizard_refresh_files (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  _trib_export_wizard_update (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (widget);

  if (self->page == 0 || self->busy)
    return;
  /* From Create, back to the schedule: Next makes a new plan there. */
  self->page = self->page == PAGE_CREATE ? PAGE_SCHEDULE : self->page - 1;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
  _trib_export_wizard_update (self);
}

/* GObject */

static void
trib_export_wizard_dispose (GObject *object)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (object);

  g_cancellable_cancel (self->cancellable);
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  if (self->collision_cancellable != NULL)
    g_cancellable_cancel (self->collision_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_EXPORT_WIZARD);

  G_OBJECT_CLASS (trib_export_wizard_parent_class)->dispose (object);
}

static void
trib_export_wizard_finalize (GObject *object)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (object);

  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->spec);
  g_clear_object (&self->auth_choices);
  if (self->form != NULL)
    trib_spec_form_clear_answers (self->form);
  g_clear_object (&self->form);
  g_clear_object (&self->accounts);
  g_clear_pointer (&self->account_ids, g_ptr_array_unref);
  g_clear_object (&self->datasets);
  g_clear_object (&self->dataset_filter);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_pointer (&self->chosen_order, g_ptr_array_unref);
  g_clear_pointer (&self->preselected, g_strfreev);
  g_clear_object (&self->plan);
  g_clear_object (&self->runner);
  g_free (self->problem);
  g_free (self->check_text);
  g_free (self->flow_id);
  g_free (self->remembered_id);
  _trib_export_wizard_clear_collisions (self);

  G_OBJECT_CLASS (trib_export_wizard_parent_class)->finalize (object);
}

static void
trib_export_wizard_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_STEP:
      g_value_set_string (value, trib_export_wizard_get_step (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;
    case PROP_FLOW_ID:
      g_value_set_string (value, self->flow_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_export_wizard_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_export_wizard_class_init (TribExportWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->dispose = trib_export_wizard_dispose;
  object_class->finalize = trib_export_wizard_finalize;
  object_class->get_property = trib_export_wizard_get_property;
  object_class->set_property = trib_export_wizard_set_property;

  properties[PROP_SESSION] = g_param_spec_object ("session", NULL, NULL, TRIB_TYPE_SESSION,
                                                  G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                  G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] = g_param_spec_string ("step", NULL, NULL, NULL, ro);
  properties[PROP_BUSY] = g_param_spec_boolean ("busy", NULL, NULL, FALSE, ro);
  properties[PROP_PROBLEM] = g_param_spec_string ("problem", NULL, NULL, NULL, ro);
  properties[PROP_FLOW_ID] = g_param_spec_string ("flow-id", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-export-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, destination_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, account_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, new_account_group);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, account_name_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, auth_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, fields_box);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, remember_group);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, remember_switch);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, dataset_search);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, datasets_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, datasets_chosen_label);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, dataset_list);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, file_type_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, compression_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, bucket_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, path_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, template_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, preview_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, macros_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, name_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, mode_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, start_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, end_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, utc_row);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, collision_group);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, collision_box);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, review_label);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, review_text);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, create_status);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, progress_list);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, rollback_button);
  gtk_widget_class_bind_template_child (widget_class, TribExportWizard, resume_button);
  gtk_widget_class_bind_template_callback (widget_class, dataset_search_cb);

  gtk_widget_class_install_action (widget_class, "export.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "export.back", NULL, back_action);
  _trib_export_wizard_class_add_actions (widget_class);
  /* The keypad's key first: a menu shows the action's last one. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "export.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "export.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "export.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trib_export_wizard_init (TribExportWizard *self)
{
  g_autoptr(GtkStringList) destinations = gtk_string_list_new (NULL);
  const TribExportDestination *all;
  guint n;

  self->cancellable = g_cancellable_new ();
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->chosen_order = g_ptr_array_new_with_free_func (g_free);
  self->collision_durations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) g_array_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  all = trib_export_destinations (&n);
  for (guint i = 0; i < n; i++)
    gtk_string_list_append (destinations, all[i].name);
  adw_combo_row_set_model (self->destination_row, G_LIST_MODEL (destinations));

  g_signal_connect_object (self->destination_row, "notify::selected", G_CALLBACK (destination_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_row, "notify::selected", G_CALLBACK (build_fields), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_row, "notify::selected", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->auth_row, "notify::selected", G_CALLBACK (auth_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->account_name_row, "changed", G_CALLBACK (changed_cb), self, G_CONNECT_SWAPPED);

  _trib_export_wizard_init_pages (self);
}

/**
 * trib_export_wizard_new:
 * @session: the session whose sandbox the export is made in
 * @dataset_ids: (nullable) (array zero-terminated=1): datasets to choose
 *   at first, such as the Datasets page's selection
 *
 * Returns: (transfer full): a new wizard, not shown yet
 */
TribExportWizard *
trib_export_wizard_new (TribSession        *session,
                        const char * const *dataset_ids)
{
  TribExportWizard *self;

  g_return_val_if_fail (TRIB_IS_SESSION (session), NULL);

  self = g_object_new (TRIB_TYPE_EXPORT_WIZARD, "session", session, NULL);
  self->preselected = g_strdupv ((char **) dataset_ids);
  load (self);
  _trib_export_wizard_update (self);

  return self;
}

/**
 * trib_export_wizard_get_step:
 * @self: a #TribExportWizard
 *
 * Returns: the page shown: `destination`, `datasets`, `files`,
 *   `schedule`, `review` or `create`
 */
const char *
trib_export_wizard_get_step (TribExportWizard *self)
{
  g_return_val_if_fail (TRIB_IS_EXPORT_WIZARD (self), NULL);

  return page_names[self->page];
}

gboolean
trib_export_wizard_get_busy (TribExportWizard *self)
{
  g_return_val_if_fail (TRIB_IS_EXPORT_WIZARD (self), FALSE);

  return self->busy;
}

/**
 * trib_export_wizard_get_problem:
 * @self: a #TribExportWizard
 *
 * Returns: (nullable): what keeps the page from going on
 */
const char *
trib_export_wizard_get_problem (TribExportWizard *self)
{
  g_return_val_if_fail (TRIB_IS_EXPORT_WIZARD (self), NULL);

  return self->problem;
}

/**
 * trib_export_wizard_get_flow_id:
 * @self: a #TribExportWizard
 *
 * Returns: (nullable): the export dataflow's id once it exists
 */
const char *
trib_export_wizard_get_flow_id (TribExportWizard *self)
{
  g_return_val_if_fail (TRIB_IS_EXPORT_WIZARD (self), NULL);

  return self->flow_id;
}

void
_trib_export_wizard_set_flow_id (TribExportWizard *self,
                                 const char       *flow_id)
{
  g_free (self->flow_id);
  self->flow_id = g_strdup (flow_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOW_ID]);
}
