/* trib-flow-run-view.c
 *
 * One run of a dataflow: how it went, when and for how long, its records
 * and files; its errors in plain words (trib-flow-format.c) with the
 * platform's message beneath; the sample of refused rows where the
 * platform gives one; and the batches it wrote, each a link to its
 * dataset's batches on the Datasets page (`win.show-dataset`).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-run-view"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-format.h"
#include "trib-flow-run-view.h"
#include "trib-format.h"

struct _TribFlowRunView
{
  GtkWidget parent_instance;

  TribFlowRun *run;
  GPtrArray *added_rows;        /* rows of the groups below, removed on the next run */

  /* Template widgets */
  GtkScrolledWindow *scrolled;
  AdwActionRow *state_row;
  GtkLabel *state_label;
  AdwActionRow *time_row;
  AdwActionRow *records_row;
  AdwActionRow *files_row;
  AdwPreferencesGroup *errors_group;
  AdwPreferencesGroup *sample_group;
  AdwPreferencesGroup *batches_group;
};

G_DEFINE_FINAL_TYPE (TribFlowRunView, trib_flow_run_view, GTK_TYPE_WIDGET)

static void
clear_rows (TribFlowRunView *self)
{
  for (guint i = 0; i < self->added_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->added_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->added_rows, 0);
}

static AdwActionRow *
add_row (TribFlowRunView     *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->added_rows, row);

  return ADW_ACTION_ROW (row);
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, text != NULL ? text : "");
}

static void
show_summary (TribFlowRunView *self)
{
  TribFlowRun *run = self->run;
  const char *css_class = NULL;
  const char *state = trib_flow_format_run_state (trib_flow_run_get_state (run), &css_class);
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *started = NULL;
  g_autofree char *time = NULL;
  g_autofree char *in = trib_format_count (MAX (0, trib_flow_run_get_records_in (run)));
  g_autofree char *out = trib_format_count (MAX (0, trib_flow_run_get_records_out (run)));
  g_autofree char *failed = trib_format_count (MAX (0, trib_flow_run_get_records_failed (run)));
  g_autofree char *records = NULL;
  g_autofree char *in_size = g_format_size (MAX (0, trib_flow_run_get_input_bytes (run)));
  g_autofree char *out_size = g_format_size (MAX (0, trib_flow_run_get_output_bytes (run)));
  g_autofree char *files = NULL;
  g_autofree char *files_in = trib_format_count (MAX (0, trib_flow_run_get_files_in (run)));
  g_autofree char *files_out = trib_format_count (MAX (0, trib_flow_run_get_files_out (run)));
  gint64 duration = trib_flow_run_get_duration_ms (run);

  gtk_label_set_label (self->state_label, state);
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), css_class);

  if (trib_flow_run_get_started_ms (run) > 0)
    {
      utc = g_date_time_new_from_unix_utc (trib_flow_run_get_started_ms (run) / 1000);
      started = trib_format_date_time (utc);
    }
  if (started != NULL && duration >= 0)
    {
      /* Translators: a run's duration, in seconds or minutes */
      g_autofree char *took = duration < 60000 ? g_strdup_printf (_("%d s"), (int) (duration / 1000))
                                               : g_strdup_printf (_("%d min"), (int) (duration / 60000));

      /* Translators: when a run started, then how long it took */
      time = g_strdup_printf (_("%s, took %s"), started, took);
    }
  set_subtitle (self->time_row, time != NULL ? time : started != NULL ? started : _("Not started"));

  /* Translators: records of a run: read, written, failed */
  records = g_strdup_printf (_("%s read, %s written, %s failed"), in, out, failed);
  set_subtitle (self->records_row, records);

  /* Translators: files read and written, each with their size */
  files = g_strdup_printf (_("Read: %s (%s). Written: %s (%s)."), files_in, in_size, files_out, out_size);
  set_subtitle (self->files_row, files);
}

static void
show_errors (TribFlowRunView *self)
{
  GPtrArray *errors = trib_flow_run_get_errors (self->run);
  guint n_sample = 0;

  for (guint i = 0; errors != NULL && i < errors->len; i++)
    {
      const TribFlowRunError *error = g_ptr_array_index (errors, i);
      g_autofree char *words = trib_flow_format_error (error);
      AdwActionRow *row = add_row (self, self->errors_group, words, error->message);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (row, icon);

      for (guint j = 0; error->failed_rows != NULL && j < error->failed_rows->len; j++)
        {
          const TribFlowRunFailedRow *failed = g_ptr_array_index (error->failed_rows, j);
          g_autofree char *where = NULL;
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, failed->row);

          if (failed->row >= 0 && failed->column != NULL)
            /* Translators: a refused row's number and column */
            where = g_strdup_printf (_("Row %s, column “%s”"), number, failed->column);
          else if (failed->row >= 0)
            where = g_strdup_printf (_("Row %s"), number);
          else
            where = g_strdup (failed->column != NULL ? failed->column : _("A row"));
          add_row (self, self->sample_group, where, failed->message);
          n_sample++;
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->errors_group), errors != NULL && errors->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->sample_group), n_sample > 0);
}

static void
show_batches (TribFlowRunView *self,
              const char      *dataset_id,
              const char      *dataset_name)
{
  const char * const *batch_ids = trib_flow_run_get_batch_ids (self->run);
  guint n = batch_ids != NULL ? g_strv_length ((char **) batch_ids) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *subtitle = NULL;
      AdwActionRow *row;

      if (dataset_name != NULL)
        /* Translators: %s is a dataset's name */
        subtitle = g_strdup_printf (_("On “%s”: open its batches"), dataset_name);
      row = add_row (self, self->batches_group, batch_ids[i], subtitle);
      if (dataset_id != NULL)
        {
          /* The target first: an action name without it is a warning. */
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", dataset_id);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-dataset");
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          adw_action_row_add_suffix (row, gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
    }

  if (n == 0)
    add_row (self, self->batches_group, _("No batch"), _("This run wrote nothing to the dataset."));
}

static void
trib_flow_run_view_dispose (GObject *object)
{
  TribFlowRunView *self = (TribFlowRunView *) object;
  GtkWidget *child;

  g_clear_object (&self->run);
  g_clear_pointer (&self->added_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_FLOW_RUN_VIEW);
  /* The template's root box has no id: the template does not unparent it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (trib_flow_run_view_parent_class)->dispose (object);
}

static void
trib_flow_run_view_class_init (TribFlowRunViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_flow_run_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/tributary/Tributary/trib-flow-run-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, scrolled);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, state_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, state_label);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, time_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, records_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, files_row);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, errors_group);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, sample_group);
  gtk_widget_class_bind_template_child (widget_class, TribFlowRunView, batches_group);
}

static void
trib_flow_run_view_init (TribFlowRunView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->added_rows = g_ptr_array_new ();
}

/**
 * trib_flow_run_view_show:
 * @run: a run, as read by itself (GET /runs/{id}) or from the list
 * @dataset_id: (nullable): the dataset its flow writes to
 * @dataset_name: (nullable): its name, if known
 */
void
trib_flow_run_view_show (TribFlowRunView *self,
                         TribFlowRun     *run,
                         const char      *dataset_id,
                         const char      *dataset_name)
{
  g_return_if_fail (TRIB_IS_FLOW_RUN_VIEW (self));
  g_return_if_fail (TRIB_IS_FLOW_RUN (run));

  g_set_object (&self->run, run);
  clear_rows (self);
  show_summary (self);
  show_errors (self);
  show_batches (self, dataset_id, dataset_name);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled), 0);
}

/**
 * trib_flow_run_view_get_run:
 *
 * Returns: (transfer none) (nullable): the run shown
 */
TribFlowRun *
trib_flow_run_view_get_run (TribFlowRunView *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_RUN_VIEW (self), NULL);

  return self->run;
}
