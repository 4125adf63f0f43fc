/* trib-flow-wizard-review.c
 *
 * The wizard's answers as a TribFlowAnswers, checked page by page by
 * the flows library, and the review step: the plan those answers make,
 * every call in order with its payload, and the whole plan as curl
 * commands for the clipboard (secrets as placeholders). The widgets
 * only show the payloads the plan wrote.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <glib/gi18n.h>
#include <gtksourceview/gtksource.h>

#include "trib-dataset.h"
#include "trib-flows-enums.h"
#include "trib-platform-enums.h"
#include "trib-flow-wizard-private.h"
#include "trib-sandbox.h"
#include "trib-xdm-resource.h"

static const char * const file_types[] = { "delimited", "json", "parquet" };

/* The answers, read again from the pages: the pages are the truth, so
 * Back and Next never lose one.
 */
void
_trib_flow_wizard_sync_answers (TribFlowWizard *self)
{
  TribFlowAnswers *answers = self->answers;
  TribSandbox *sandbox = self->session != NULL ? trib_session_get_sandbox (self->session) : NULL;
  TribExploreFileOptions options;
  gpointer target = _trib_flow_wizard_get_target_item (self);
  const char *frequency = _trib_flow_wizard_get_frequency (self);
  gint64 start = _trib_flow_wizard_get_start_time (self);
  g_autofree char *flow_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->flow_name_row))));

  trib_flow_answers_set_sandbox (answers, sandbox != NULL ? trib_sandbox_get_name (sandbox) : NULL);
  trib_flow_answers_set_connection_spec_id (answers, self->connection_spec_id);
  trib_flow_answers_set_base_connection_id (answers, self->connection_id != NULL && *self->connection_id != '\0'
                                                     ? self->connection_id : NULL);
  trib_flow_answers_set_object (answers, self->item_type, self->path);
  _trib_flow_wizard_get_file_options (self, &options);
  if (self->item_type != TRIB_EXPLORE_ITEM_TABLE)
    {
      trib_flow_answers_set_file_type (answers, file_types[options.file_type]);
      trib_flow_answers_set_column_delimiter (answers, options.file_type == TRIB_EXPLORE_FILE_DELIMITED
                                                       ? options.column_delimiter : NULL);
      trib_flow_answers_set_compression (answers, options.compression_type);
    }
  else
    {
      trib_flow_answers_set_file_type (answers, NULL);
      trib_flow_answers_set_column_delimiter (answers, NULL);
      trib_flow_answers_set_compression (answers, NULL);
    }
  trib_flow_answers_set_xdm_source (answers, _trib_flow_wizard_is_xdm (self));
  trib_flow_answers_set_delta_column (answers, _trib_flow_wizard_get_delta_column (self));
  trib_flow_answers_set_flow_spec (answers, self->flow_spec);
  trib_flow_answers_set_flow_name (answers, flow_name);

  /* Only a schema made from a class may be made for Profile here. */
  trib_flow_answers_set_profile_enabled (answers, self->target_kind == TRIB_FLOW_WIZARD_TARGET_CLASS &&
                                                  gtk_switch_get_active (self->class_profile_switch));

  switch (self->target_kind)
    {
    case TRIB_FLOW_WIZARD_TARGET_DATASET:
      trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_EXISTING_DATASET);
      trib_flow_answers_set_dataset_id (answers, TRIB_IS_DATASET (target) ? trib_dataset_get_id (target) : NULL);
      trib_flow_answers_set_schema_id (answers, TRIB_IS_DATASET (target) ? trib_dataset_get_schema_id (target) : NULL);
      break;

    case TRIB_FLOW_WIZARD_TARGET_SCHEMA:
      trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_NEW_DATASET);
      trib_flow_answers_set_schema_id (answers, TRIB_IS_XDM_RESOURCE (target) ? trib_xdm_resource_get_id (target) : NULL);
      trib_flow_answers_set_dataset_name (answers, gtk_editable_get_text (GTK_EDITABLE (self->dataset_name_row)));
      break;

    case TRIB_FLOW_WIZARD_TARGET_CLASS:
      {
        g_auto(GStrv) ids = _trib_flow_wizard_dup_field_group_ids (self);

        trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_NEW_SCHEMA_FROM_CLASS);
        trib_flow_answers_set_class_id (answers, _trib_flow_wizard_get_class_id (self));
        trib_flow_answers_set_field_group_ids (answers, (const char * const *) ids);
        trib_flow_answers_set_schema_title (answers, gtk_editable_get_text (GTK_EDITABLE (self->class_schema_row)));
        trib_flow_answers_set_dataset_name (answers, gtk_editable_get_text (GTK_EDITABLE (self->class_dataset_row)));
      }
      break;

    case TRIB_FLOW_WIZARD_TARGET_ADHOC:
    default:
      {
        g_autoptr(GArray) types = NULL;
        g_auto(GStrv) names = _trib_flow_wizard_dup_adhoc_fields (self, &types);
        g_autoptr(GEnumClass) type_class = g_type_class_ref (TRIB_TYPE_XDM_FIELD_TYPE);
        g_autoptr(GStrvBuilder) type_names = g_strv_builder_new ();
        g_auto(GStrv) type_strv = NULL;

        for (guint i = 0; i < types->len; i++)
          g_strv_builder_add (type_names,
                              g_enum_get_value (type_class, g_array_index (types, TribXdmFieldType, i))->value_nick);
        type_strv = g_strv_builder_end (type_names);

        trib_flow_answers_set_target_kind (answers, TRIB_FLOW_TARGET_ADHOC_SCHEMA);
        trib_flow_answers_set_class_title (answers, gtk_editable_get_text (GTK_EDITABLE (self->class_title_row)));
        trib_flow_answers_set_schema_title (answers, gtk_editable_get_text (GTK_EDITABLE (self->schema_title_row)));
        trib_flow_answers_set_dataset_name (answers, gtk_editable_get_text (GTK_EDITABLE (self->adhoc_dataset_row)));
        trib_flow_answers_set_columns (answers, (const char * const *) names, (const char * const *) type_strv);
      }
      break;
    }

  if (!_trib_flow_wizard_is_xdm (self))
    {
      g_autoptr(GPtrArray) mappings = trib_mapping_draft_dup_mappings (trib_mapping_page_get_draft (self->mapping_page));

      trib_flow_answers_set_mappings (answers, mappings);
    }
  else
    trib_flow_answers_set_mappings (answers, NULL);

  if (frequency != NULL)
    {
      g_autoptr(GEnumClass) frequencies = g_type_class_ref (TRIB_TYPE_FLOW_FREQUENCY);
      GEnumValue *value = g_enum_get_value_by_nick (frequencies, frequency);

      if (value != NULL)
        trib_flow_answers_set_frequency (answers, value->value);
    }
  trib_flow_answers_set_interval (answers, gtk_spin_button_get_value_as_int (self->interval_spin));
  trib_flow_answers_set_backfill (answers, gtk_switch_get_active (self->backfill_switch));
  if (start >= 0)
    {
      g_autoptr(GDateTime) start_time = g_date_time_new_from_unix_utc (start);

      trib_flow_answers_set_start_time (answers, start_time);
    }
  else
    trib_flow_answers_set_start_time (answers, NULL);
}

/**
 * _trib_flow_wizard_get_target_schema_id:
 *
 * Returns: (nullable): the schema the data will follow, once known
 */
const char *
_trib_flow_wizard_get_target_schema_id (TribFlowWizard *self)
{
  gpointer target = _trib_flow_wizard_get_target_item (self);

  switch (self->target_kind)
    {
    case TRIB_FLOW_WIZARD_TARGET_DATASET:
      return TRIB_IS_DATASET (target) ? trib_dataset_get_schema_id (target) : NULL;
    case TRIB_FLOW_WIZARD_TARGET_SCHEMA:
      return TRIB_IS_XDM_RESOURCE (target) ? trib_xdm_resource_get_id (target) : NULL;
    case TRIB_FLOW_WIZARD_TARGET_CLASS:
    case TRIB_FLOW_WIZARD_TARGET_ADHOC:
    default:
      /* Made by the plan, at Create. */
      return NULL;
    }
}

/* The draft of @key, kept for when the person comes back to that
 * target: Back and Next, or another target and back, lose no mapping.
 */
static void
use_draft (TribFlowWizard *self,
           const char     *key)
{
  TribMappingDraft *draft = g_hash_table_lookup (self->drafts, key);

  if (draft == NULL)
    {
      draft = trib_mapping_draft_new ();
      g_hash_table_insert (self->drafts, g_strdup (key), draft);
    }
  trib_mapping_page_set_draft (self->mapping_page, draft);
}

/* The mapping page keeps its draft through Back and Next; it starts
 * again only when the source's columns or the target changed. A target
 * the plan will create (an ad hoc class, a schema from a class and field
 * groups) is mapped onto as planned.
 */
void
_trib_flow_wizard_fill_mapping (TribFlowWizard *self)
{
  g_autoptr(GListModel) planned = NULL;
  g_autofree char *key = NULL;
  guint n_fields = 0;

  if (self->target_kind == TRIB_FLOW_WIZARD_TARGET_ADHOC)
    planned = _trib_flow_wizard_dup_planned_fields (self, &n_fields, &key);
  else if (self->target_kind == TRIB_FLOW_WIZARD_TARGET_CLASS)
    {
      GListModel *fields = _trib_flow_wizard_get_class_fields (self, &n_fields);

      /* Read on leaving the Target step (trib-flow-wizard-class.c). */
      if (fields == NULL)
        return;
      planned = g_object_ref (fields);
      key = _trib_flow_wizard_dup_class_key (self);
    }
  else
    key = g_strdup (_trib_flow_wizard_get_target_schema_id (self));

  if (self->mapping_source == self->preview && g_strcmp0 (self->mapping_key, key) == 0)
    return;

  g_set_object (&self->mapping_source, self->preview);
  g_free (self->mapping_key);
  self->mapping_key = g_strdup (key);
  if (key != NULL)
    use_draft (self, key);
  if (planned != NULL)
    trib_mapping_page_set_planned_target (self->mapping_page, self->session, self->preview, planned, n_fields);
  else
    trib_mapping_page_set_inputs (self->mapping_page, self->session, self->preview, key);
}

/**
 * _trib_flow_wizard_check_answers:
 *
 * Returns: (nullable): what the flows library says is missing or wrong
 *   on the page, kept until the next check
 */
const char *
_trib_flow_wizard_check_answers (TribFlowWizard     *self,
                                 TribFlowWizardStep  step)
{
  g_autoptr(GError) error = NULL;

  _trib_flow_wizard_sync_answers (self);
  g_clear_pointer (&self->answers_problem, g_free);
  if (!trib_flow_answers_check_step (self->answers, step, &error))
    self->answers_problem = g_strdup (error->message);

  return self->answers_problem;
}

static GtkWidget *
payload_view (const char *text)
{
  GtkSourceLanguage *json = gtk_source_language_manager_get_language (gtk_source_language_manager_get_default (),
                                                                      "json");
  g_autoptr(GtkSourceBuffer) buffer = json != NULL ? gtk_source_buffer_new_with_language (json)
                                                   : gtk_source_buffer_new (NULL);
  GtkWidget *view = gtk_source_view_new_with_buffer (buffer);
  AdwStyleManager *style = adw_style_manager_get_default ();
  GtkSourceStyleScheme *scheme =
    gtk_source_style_scheme_manager_get_scheme (gtk_source_style_scheme_manager_get_default (),
                                                adw_style_manager_get_dark (style) ? "Adwaita-dark" : "Adwaita");

  if (scheme != NULL)
    gtk_source_buffer_set_style_scheme (buffer, scheme);
  gtk_text_buffer_set_text (GTK_TEXT_BUFFER (buffer), text, -1);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_add_css_class (view, "card");

  return view;
}

static void
show_plan (TribFlowWizard *self)
{
  GtkWidget *child;
  guint n_steps = trib_flow_plan_get_n_steps (self->plan);
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->review_box))) != NULL)
    gtk_box_remove (self->review_box, child);

  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Creating the dataflow takes %u call, in this order.",
                                          "Creating the dataflow takes %u calls, in this order.", n_steps),
                             n_steps);
  gtk_label_set_label (self->review_label, summary);

  for (guint i = 0; i < n_steps; i++)
    {
      TribFlowStep *step = trib_flow_plan_get_step (self->plan, i);
      g_autofree char *body = trib_flow_step_dup_body_text (step);
      /* Translators: a call of the plan: its number, title, then method and path ("POST /…") */
      g_autofree char *heading = g_strdup_printf (_("%u. %s"), i + 1, trib_flow_step_get_title (step));
      g_autofree char *request = g_strdup_printf ("%s %s", trib_flow_step_get_method (step),
                                                  trib_flow_step_get_path (step));
      GtkWidget *title = gtk_label_new (heading);
      GtkWidget *line = gtk_label_new (request);

      gtk_label_set_xalign (GTK_LABEL (title), 0);
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_set_margin_top (title, 6);
      gtk_label_set_xalign (GTK_LABEL (line), 0);
      gtk_label_set_wrap (GTK_LABEL (line), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_CHAR);
      gtk_label_set_selectable (GTK_LABEL (line), TRUE);
      gtk_widget_add_css_class (line, "monospace");
      gtk_widget_add_css_class (line, "dim-label");
      gtk_box_append (self->review_box, title);
      gtk_box_append (self->review_box, line);
      if (body != NULL)
        {
          GtkWidget *view = payload_view (body);

          /* Translators: accessible name of a call's payload; %s is the call's title */
          g_autofree char *label = g_strdup_printf (_("Payload of “%s”"), trib_flow_step_get_title (step));

          gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          gtk_box_append (self->review_box, view);
        }
    }
}

/* A new plan each time the review is shown: the answers may have
 * changed behind it. Nothing has been sent yet, so nothing is lost.
 */
gboolean
_trib_flow_wizard_build_plan (TribFlowWizard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TribFlowPlan) plan = NULL;

  _trib_flow_wizard_sync_answers (self);
  plan = trib_flow_plan_new (self->answers, self->flow_spec, &error);
  if (plan == NULL)
    {
      g_debug ("No plan: %s", error->message);
      _trib_flow_wizard_toast (self, error->message);
      return FALSE;
    }

  g_set_object (&self->plan, plan);
  show_plan (self);

  return TRUE;
}

void
_trib_flow_wizard_copy_curl_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (widget);
  g_autofree char *curl = NULL;

  if (self->plan == NULL || self->session == NULL)
    return;

  curl = trib_flow_plan_to_curl (self->plan, trib_session_get_profile (self->session));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), curl);
  _trib_flow_wizard_toast (self, _("Every call copied as curl commands"));
}
