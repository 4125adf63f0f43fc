/* trib-flow-wizard.c
 *
 * The dataflow wizard's window: a page per step (source, target,
 * mapping, schedule, review, create), Back and Next in the header. Going
 * back never loses an answer: every page keeps its widgets, and the plan
 * is built again from them when the review is shown. Each page's checks
 * live in its own file (trib-flow-wizard-*.c).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-flow-wizard-private.h"
#include "trib-paged-list-view.h"

G_DEFINE_FINAL_TYPE (TribFlowWizard, trib_flow_wizard, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_STEP,
  PROP_BUSY,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const steps[] = { "source", "target", "mapping", "schedule", "review", "create", NULL };

static gboolean
step_skipped (TribFlowWizard *self,
              const char     *step)
{
  /* XDM files need no mapping. */
  if (g_str_equal (step, "mapping"))
    return _trib_flow_wizard_is_xdm (self);

  return FALSE;
}

static guint
step_index (const char *step)
{
  for (guint i = 0; steps[i] != NULL; i++)
    if (g_strcmp0 (steps[i], step) == 0)
      return i;

  return 0;
}

/* The step's number as the user counts them, skipped steps left out. */
static void
count_steps (TribFlowWizard *self,
             const char     *step,
             guint          *number,
             guint          *total)
{
  guint at = step_index (step);

  *number = 0;
  *total = 0;
  for (guint i = 0; steps[i] != NULL; i++)
    {
      if (step_skipped (self, steps[i]))
        continue;
      (*total)++;
      if (i <= at)
        (*number)++;
    }
}

static const char *
current_step (TribFlowWizard *self)
{
  return gtk_stack_get_visible_child_name (self->stack);
}

static const char *
check_step (TribFlowWizard *self,
            const char     *step,
            gboolean       *refused)
{
  const char *problem = NULL;

  *refused = FALSE;

  /* The page's own checks first (what is loading, what cannot be read),
   * then the flows library's, which the plan relies on.
   */
  if (g_str_equal (step, "source"))
    problem = _trib_flow_wizard_check_source (self, refused);
  else if (g_str_equal (step, "target"))
    problem = _trib_flow_wizard_check_target (self, refused);
  else if (g_str_equal (step, "schedule"))
    problem = _trib_flow_wizard_check_schedule (self, refused);
  else if (g_str_equal (step, "mapping") && trib_mapping_page_get_busy (self->mapping_page))
    problem = _("Asking Data Prep…");
  else if (g_str_equal (step, "mapping") && !trib_mapping_page_get_loaded (self->mapping_page))
    problem = _("Reading the target schema’s fields…");
  else if (g_str_equal (step, "mapping") && trib_mapping_page_get_loaded (self->mapping_page) &&
           trib_mapping_draft_get_n_problems (trib_mapping_page_get_draft (self->mapping_page)) > 0)
    {
      /* What Data Prep or the draft found is on its row, in the page. */
      *refused = TRUE;
      problem = _("Fix the mappings marked with a problem.");
    }
  if (problem != NULL)
    return problem;

  if (g_str_equal (step, "source"))
    problem = _trib_flow_wizard_check_answers (self, TRIB_FLOW_WIZARD_STEP_SOURCE);
  else if (g_str_equal (step, "target"))
    problem = _trib_flow_wizard_check_answers (self, TRIB_FLOW_WIZARD_STEP_TARGET);
  else if (g_str_equal (step, "mapping"))
    problem = _trib_flow_wizard_check_answers (self, TRIB_FLOW_WIZARD_STEP_MAPPING);
  else if (g_str_equal (step, "schedule"))
    problem = _trib_flow_wizard_check_answers (self, TRIB_FLOW_WIZARD_STEP_SCHEDULE);
  else if (g_str_equal (step, "review"))
    problem = _trib_flow_wizard_check_answers (self, TRIB_FLOW_WIZARD_STEP_REVIEW);

  /* What the user chose that the platform would refuse, said as such. */
  if (problem != NULL && (g_str_equal (step, "schedule") || g_str_equal (step, "target")))
    *refused = TRUE;

  return problem;
}

static void
set_problem (TribFlowWizard *self,
             const char     *problem,
             gboolean        refused)
{
  if (g_strcmp0 (problem, self->problem) == 0 && refused == self->problem_refused)
    return;

  g_free (self->problem);
  self->problem = g_strdup (problem);
  self->problem_refused = refused;

  gtk_label_set_label (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  if (refused)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "dim-label");
      trib_a11y_announce (GTK_WIDGET (self), problem);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->problem_label), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->problem_label), "dim-label");
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/* Everything shown that depends on the answers and the step. */
void
_trib_flow_wizard_update (TribFlowWizard *self)
{
  const char *step = current_step (self);
  const char *problem;
  gboolean refused;
  guint number;
  guint total;
  g_autofree char *subtitle = NULL;
  gboolean running_page = g_strcmp0 (step, "create") == 0;

  if (step == NULL)
    return;

  problem = check_step (self, step, &refused);
  set_problem (self, problem, refused);

  count_steps (self, step, &number, &total);
  /* Translators: the wizard's subtitle; %u are numbers, the last %s the step's name ("Target") */
  subtitle = g_strdup_printf (_("Step %u of %u: %s"), number, total,
                              gtk_stack_page_get_title (gtk_stack_get_page (self->stack,
                                                                            gtk_stack_get_visible_child (self->stack))));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.back",
                                 !self->busy && !running_page && step_index (step) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "wizard.next",
                                 !self->busy && !running_page && problem == NULL);
  gtk_widget_set_visible (self->next_button, !running_page);
  gtk_widget_set_visible (self->back_button, !running_page);
  gtk_button_set_label (GTK_BUTTON (self->next_button),
                        g_str_equal (step, "review") ? _("C_reate") : _("_Next"));
  gtk_widget_set_tooltip_text (self->next_button, problem != NULL ? problem : _("Next (Ctrl+Enter)"));
}

void
_trib_flow_wizard_set_busy (TribFlowWizard *self,
                            gboolean        busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  _trib_flow_wizard_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_trib_flow_wizard_toast (TribFlowWizard *self,
                         const char     *message)
{
  trib_a11y_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
answers_changed_cb (TribFlowWizard *self)
{
  if (self->filling)
    return;

  _trib_flow_wizard_update (self);
}

static void
show_step (TribFlowWizard *self,
           const char     *step)
{
  gtk_stack_set_visible_child_name (self->stack, step);
  _trib_flow_wizard_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);

  /* The keyboard starts on the page, not on the button just pressed. */
  gtk_widget_child_focus (gtk_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
}

static void
entering_step (TribFlowWizard *self,
               const char     *step)
{
  if (g_str_equal (step, "target"))
    {
      _trib_flow_wizard_target_kind_cb (self);
      _trib_flow_wizard_fill_fields (self);
      _trib_flow_wizard_fill_class (self);
    }
  else if (g_str_equal (step, "mapping"))
    _trib_flow_wizard_fill_mapping (self);
  else if (g_str_equal (step, "schedule"))
    _trib_flow_wizard_fill_schedule (self);
}

static void next_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param);

static void
class_fields_read_cb (TribFlowWizard *self)
{
  next_action (GTK_WIDGET (self), NULL, NULL);
}

/* Leaving a page may need work before the next can show. Nothing is
 * made on the platform before Create: a new class, schema or dataset is
 * a step of the plan, mapped onto as planned.
 */
static gboolean
leaving_step (TribFlowWizard *self,
              const char     *next)
{
  guint n_fields;

  /* The Mapping step maps onto the fields the class and the field
   * groups will give the schema: they are read first.
   */
  if (g_str_equal (next, "mapping") && self->target_kind == TRIB_FLOW_WIZARD_TARGET_CLASS &&
      _trib_flow_wizard_get_class_fields (self, &n_fields) == NULL)
    {
      _trib_flow_wizard_load_class_fields (self, G_CALLBACK (class_fields_read_cb));
      return FALSE;
    }

  if (g_str_equal (next, "review"))
    return _trib_flow_wizard_build_plan (self);

  return TRUE;
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (widget);
  guint at = step_index (current_step (self));

  while (at > 0)
    {
      at--;
      if (!step_skipped (self, steps[at]))
        {
          show_step (self, steps[at]);
          return;
        }
    }
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (widget);
  const char *step = current_step (self);
  gboolean refused;
  guint at = step_index (step);

  if (self->busy || check_step (self, step, &refused) != NULL)
    return;

  for (at++; steps[at] != NULL; at++)
    if (!step_skipped (self, steps[at]))
      {
        if (!leaving_step (self, steps[at]))
          return;
        entering_step (self, steps[at]);
        show_step (self, steps[at]);
        if (g_str_equal (steps[at], "create"))
          _trib_flow_wizard_run_plan (self);
        return;
      }
}

/* Escape goes back a step; on the first, nothing is made yet: it closes. */
static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (widget);
  const char *step = current_step (self);

  if (g_strcmp0 (step, "source") == 0)
    gtk_window_close (GTK_WINDOW (self));
  else if (!self->busy && g_strcmp0 (step, "create") != 0)
    back_action (widget, NULL, NULL);
}

static void
trib_flow_wizard_dispose (GObject *object)
{
  TribFlowWizard *self = (TribFlowWizard *) object;

  g_cancellable_cancel (self->cancellable);
  g_cancellable_cancel (self->preview_cancellable);
  /* A run stopped here is in the journal, for the next start. */
  g_cancellable_cancel (self->run_cancellable);
  g_clear_object (&self->runner);
  if (self->target_model != NULL)
    trib_paged_list_cancel (self->target_model);
  if (self->target_selection != NULL)
    gtk_single_selection_set_model (self->target_selection, NULL);
  _trib_flow_wizard_dispose_class (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_WIZARD);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->session);
  g_clear_object (&self->preview);
  g_clear_object (&self->flow_spec);
  g_clear_object (&self->schedule);
  g_clear_object (&self->answers);
  g_clear_object (&self->plan);
  g_clear_object (&self->mapping_source);
  g_clear_pointer (&self->drafts, g_hash_table_unref);
  g_clear_object (&self->target_model);
  g_clear_object (&self->target_selection);

  G_OBJECT_CLASS (trib_flow_wizard_parent_class)->dispose (object);
}

static void
trib_flow_wizard_finalize (GObject *object)
{
  TribFlowWizard *self = (TribFlowWizard *) object;

  g_clear_pointer (&self->connection_id, g_free);
  g_clear_pointer (&self->connection_name, g_free);
  g_clear_pointer (&self->connection_spec_id, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->problem, g_free);
  g_clear_pointer (&self->flow_id, g_free);
  g_clear_pointer (&self->schedule_spec_id, g_free);
  g_clear_pointer (&self->answers_problem, g_free);
  g_clear_pointer (&self->mapping_key, g_free);
  g_clear_error (&self->source_error);

  G_OBJECT_CLASS (trib_flow_wizard_parent_class)->finalize (object);
}

static void
trib_flow_wizard_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_STEP:
      g_value_set_string (value, trib_flow_wizard_get_step (self));
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_wizard_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TribFlowWizard *self = TRIB_FLOW_WIZARD (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_set_object (&self->session, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_flow_wizard_class_init (TribFlowWizardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_flow_wizard_dispose;
  object_class->finalize = trib_flow_wizard_finalize;
  object_class->get_property = trib_flow_wizard_get_property;
  object_class->set_property = trib_flow_wizard_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRIB_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRIB_TYPE_CLASS_PICKER);
  g_type_ensure (TRIB_TYPE_PAGED_LIST_VIEW);
  g_type_ensure (TRIB_TYPE_MAPPING_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-flow-wizard.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, back_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, next_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, busy_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, stack);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, account_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, object_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, columns_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, columns_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, flow_name_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, format_group);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, file_type_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, compression_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, xdm_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, xdm_switch);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, delta_group);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, delta_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, delta_columns);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, existing_check);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, schema_check);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, class_check);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, adhoc_check);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, target_stack);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, new_dataset_group);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, dataset_name_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, target_search);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, target_list_view);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, target_list);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, class_title_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, schema_title_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, adhoc_dataset_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, field_list);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, class_schema_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, class_dataset_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, class_profile_switch);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, class_picker);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, mapping_bin);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, frequencies);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, interval_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, start_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, start_utc_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, backfill_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, backfill_switch);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, review_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, review_box);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, create_status);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, progress_list);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, rollback_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, retry_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, copy_id_button);
  gtk_widget_class_bind_template_child (widget_class, TribFlowWizard, open_flow_button);
  gtk_widget_class_bind_template_callback (widget_class, answers_changed_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "format_changed_cb",
                                                G_CALLBACK (_trib_flow_wizard_format_changed_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "target_kind_cb",
                                                G_CALLBACK (_trib_flow_wizard_target_kind_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "target_search_cb",
                                                G_CALLBACK (_trib_flow_wizard_target_search_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "class_picker_changed_cb",
                                                G_CALLBACK (_trib_flow_wizard_class_picker_changed_cb));

  gtk_widget_class_install_action (widget_class, "wizard.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "wizard.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "wizard.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "wizard.copy-curl", NULL, _trib_flow_wizard_copy_curl_action);
  _trib_flow_wizard_class_add_run_actions (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "wizard.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "wizard.back", NULL);
  /* The keypad's key first: a menu shows the action's last one. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "wizard.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "wizard.next", NULL);
}

static void
trib_flow_wizard_init (TribFlowWizard *self)
{
  self->cancellable = g_cancellable_new ();
  self->answers = trib_flow_answers_new ();
  self->drafts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Enter in a field goes on, as Next would, when the page is complete. */
  gtk_window_set_default_widget (GTK_WINDOW (self), self->next_button);
  adw_entry_row_set_activates_default (self->flow_name_row, TRUE);
  adw_entry_row_set_activates_default (self->dataset_name_row, TRUE);
  adw_entry_row_set_activates_default (self->adhoc_dataset_row, TRUE);
  adw_entry_row_set_activates_default (self->class_schema_row, TRUE);
  adw_entry_row_set_activates_default (self->class_dataset_row, TRUE);
  adw_entry_row_set_activates_default (self->start_row, TRUE);

  _trib_flow_wizard_init_target (self);
  _trib_flow_wizard_init_class (self);

  self->mapping_page = TRIB_MAPPING_PAGE (trib_mapping_page_new ());
  adw_bin_set_child (self->mapping_bin, GTK_WIDGET (self->mapping_page));
  g_signal_connect_object (self->mapping_page, "notify::complete", G_CALLBACK (answers_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mapping_page, "notify::busy", G_CALLBACK (answers_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mapping_page, "notify::loaded", G_CALLBACK (answers_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mapping_page, "notify::draft", G_CALLBACK (answers_changed_cb), self,
                           G_CONNECT_SWAPPED);

  _trib_flow_wizard_update (self);
}

TribFlowWizard *
trib_flow_wizard_new (TribSession *session)
{
  g_return_val_if_fail (TRIB_IS_SESSION (session), NULL);

  return g_object_new (TRIB_TYPE_FLOW_WIZARD, "session", session, NULL);
}

/**
 * trib_flow_wizard_new_for_journal:
 * @journal: a setup left unfinished
 * @roll_back: delete what it made rather than finish it
 *
 * Returns: (transfer none) (nullable): the wizard on its Create page,
 *   already resuming or rolling back; %NULL if the journal cannot be read
 */
TribFlowWizard *
trib_flow_wizard_new_for_journal (TribSession      *session,
                                  TribFlowJournal  *journal,
                                  gboolean          roll_back,
                                  GError          **error)
{
  TribFlowWizard *self;

  g_return_val_if_fail (TRIB_IS_SESSION (session), NULL);
  g_return_val_if_fail (TRIB_IS_FLOW_JOURNAL (journal), NULL);

  self = trib_flow_wizard_new (session);
  gtk_stack_set_visible_child_name (self->stack, "create");
  if (!_trib_flow_wizard_resume_journal (self, journal, roll_back, error))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return NULL;
    }
  _trib_flow_wizard_update (self);

  return self;
}

TribSession *
trib_flow_wizard_get_session (TribFlowWizard *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WIZARD (self), NULL);

  return self->session;
}

/**
 * trib_flow_wizard_set_source:
 * @connection_id: the base connection explored; "" for the Data Landing Zone
 * @path: the file, folder or table
 * @options: (nullable): how the file was read in Explore
 *
 * What the dataflow reads; the wizard then looks up the account and the
 * object's columns.
 */
void
trib_flow_wizard_set_source (TribFlowWizard               *self,
                             const char                   *connection_id,
                             const char                   *path,
                             TribExploreItemType           item_type,
                             const TribExploreFileOptions *options)
{
  g_return_if_fail (TRIB_IS_FLOW_WIZARD (self));
  g_return_if_fail (connection_id != NULL);
  g_return_if_fail (path != NULL);

  g_free (self->connection_id);
  self->connection_id = g_strdup (connection_id);
  g_free (self->path);
  self->path = g_strdup (path);
  self->item_type = item_type;
  self->filling = TRUE;
  if (options != NULL)
    _trib_flow_wizard_write_file_options (self, options);
  _trib_flow_wizard_format_changed_cb (self);
  self->filling = FALSE;

  _trib_flow_wizard_load_source (self);
  _trib_flow_wizard_update (self);
}

const char *
trib_flow_wizard_get_step (TribFlowWizard *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WIZARD (self), NULL);

  return current_step (self);
}

gboolean
trib_flow_wizard_get_busy (TribFlowWizard *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WIZARD (self), FALSE);

  return self->busy;
}

/**
 * trib_flow_wizard_get_problem:
 *
 * Returns: (nullable): why the step cannot go on, as shown
 */
const char *
trib_flow_wizard_get_problem (TribFlowWizard *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WIZARD (self), NULL);

  return self->problem;
}

/**
 * trib_flow_wizard_get_flow_id:
 *
 * Returns: (nullable): the dataflow made, once it is
 */
const char *
trib_flow_wizard_get_flow_id (TribFlowWizard *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_WIZARD (self), NULL);

  return self->flow_id;
}
