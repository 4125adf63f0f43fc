/* trib-flow-detail-runs.c
 *
 * A flow's runs in its detail (trib-flow-detail.c): read whole, a page of
 * a hundred at a time, into the chart (trib-runs-chart.c), which draws
 * each page as it comes; listed newest first a few at a time; one run's
 * details in place of the flow's.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-detail-private.h"
#include "trib-flow-format.h"
#include "trib-flow-service-runs.h"
#include "trib-format.h"
#include "trib-toast.h"

static GtkWidget *
create_run_row (gpointer item,
                gpointer user_data)
{
  TribFlowRun *run = item;
  const char *css_class = NULL;
  const char *state = trib_flow_format_run_state (trib_flow_run_get_state (run), &css_class);
  g_autofree char *when = NULL;
  g_autofree char *in = trib_format_count (MAX (0, trib_flow_run_get_records_in (run)));
  g_autofree char *out = trib_format_count (MAX (0, trib_flow_run_get_records_out (run)));
  g_autofree char *failed = trib_format_count (MAX (0, trib_flow_run_get_records_failed (run)));
  g_autofree char *records = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (state);

  /* Dates, not "1 hour ago": runs a quarter of an hour apart read alike. */
  if (trib_flow_run_get_started_ms (run) > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (trib_flow_run_get_started_ms (run) / 1000);

      when = trib_format_date_time (utc);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when != NULL ? when : _("Not started"));
  /* Translators: a run's records: read, written, failed */
  records = g_strdup_printf (_("%s read, %s written, %s failed"), in, out, failed);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), records);
  gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/* How many runs are read, while they come: not a spinner, which would
 * have the window drawn at every frame of a long read; and a
 * GtkInscription, not a label, whose size does not follow its text: a
 * label whose text changes lays the whole window out again, where this
 * only draws itself again, so the count follows every page.
 */
static void
update_more (TribFlowDetail *self)
{
  guint n = self->runs != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->runs)) : 0;
  g_autofree char *count = trib_format_count (n);
  g_autofree char *status = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), n > gtk_slice_list_model_get_size (self->shown_runs));

  if (self->runs != NULL && !trib_paged_list_get_complete (self->runs) && trib_paged_list_get_error (self->runs) == NULL)
    /* Translators: %s is how many runs have been read so far */
    status = g_strdup_printf (_("Reading runs… %s so far"), count);
  else if (self->runs != NULL)
    status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s run", "%s runs", n), count);
  if (g_strcmp0 (gtk_inscription_get_text (self->runs_status), status) == 0)
    return;
  gtk_inscription_set_text (self->runs_status, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->runs_status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  status != NULL ? status : "", -1);
}

static void
runs_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TribFlowDetail) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!trib_paged_list_load_all_finish (TRIB_PAGED_LIST (object), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  update_more (self);
  if (error != NULL)
    {
      /* Translators: %s is why the runs could not be read */
      g_autofree char *message = g_strdup_printf (_("Could not read the runs: %s"), error->message);

      trib_toast_show_message (GTK_WIDGET (self), message);
    }
}

void
_trib_flow_detail_load_runs (TribFlowDetail *self)
{
  if (self->runs != NULL)
    {
      trib_paged_list_cancel (self->runs);
      g_signal_handlers_disconnect_by_func (self->runs, update_more, self);
    }
  g_clear_object (&self->runs);

  self->runs = trib_flow_service_list_runs (self->client, trib_flow_get_id (self->flow));
  g_signal_connect_object (self->runs, "items-changed", G_CALLBACK (update_more), self, G_CONNECT_SWAPPED);
  gtk_slice_list_model_set_model (self->shown_runs, G_LIST_MODEL (self->runs));
  gtk_slice_list_model_set_size (self->shown_runs, RUNS_SHOWN_STEP);
  trib_runs_chart_set_runs (self->chart, G_LIST_MODEL (self->runs));
  update_more (self);

  trib_paged_list_load_all_async (self->runs, self->cancellable, runs_loaded_cb, g_object_ref (self));
}

static void
run_read_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TribFlowDetail) self = user_data;
  g_autoptr(TribFlowRun) run = NULL;
  g_autoptr(GError) error = NULL;
  TribFlowRun *shown;

  run = trib_flow_service_get_run_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  _trib_flow_detail_busy (self, -1);
  if (run == NULL)
    {
      trib_toast_show_message (GTK_WIDGET (self), error->message);
      return;
    }

  /* Only if it is still the run shown. */
  shown = trib_flow_run_view_get_run (self->run_view);
  if (shown != NULL && g_strcmp0 (trib_flow_run_get_id (shown), trib_flow_run_get_id (run)) == 0 &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "run"))
    trib_flow_detail_show_run (self, run);
}

void
_trib_flow_detail_run_activated_cb (TribFlowDetail *self,
                                    GtkListBoxRow  *row)
{
  g_autoptr(TribFlowRun) run = g_list_model_get_item (G_LIST_MODEL (self->shown_runs),
                                                      gtk_list_box_row_get_index (row));

  if (run == NULL)
    return;

  trib_flow_detail_show_run (self, run);

  /* The list's copy may be older than the run: read it again. */
  _trib_flow_detail_busy (self, 1);
  trib_flow_service_get_run_async (self->client, trib_flow_run_get_id (run), self->cancellable, run_read_cb,
                                   g_object_ref (self));
}

void
_trib_flow_detail_more_runs_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *param)
{
  TribFlowDetail *self = TRIB_FLOW_DETAIL (widget);

  gtk_slice_list_model_set_size (self->shown_runs, gtk_slice_list_model_get_size (self->shown_runs) + RUNS_SHOWN_STEP);
  update_more (self);
}


void
_trib_flow_detail_init_runs (TribFlowDetail *self)
{
  self->shown_runs = gtk_slice_list_model_new (NULL, 0, RUNS_SHOWN_STEP);
  gtk_list_box_bind_model (self->runs_list, G_LIST_MODEL (self->shown_runs), create_run_row, self, NULL);
}

/* Stops reading the runs, and forgets them. */
void
_trib_flow_detail_clear_runs (TribFlowDetail *self)
{
  if (self->runs != NULL)
    {
      trib_paged_list_cancel (self->runs);
      g_signal_handlers_disconnect_by_func (self->runs, update_more, self);
    }
  if (self->shown_runs != NULL)
    gtk_slice_list_model_set_model (self->shown_runs, NULL);
  if (self->chart != NULL)
    trib_runs_chart_clear (self->chart);
  g_clear_object (&self->runs);
}

/**
 * trib_flow_detail_get_runs:
 *
 * Returns: (transfer none) (nullable): the flow's runs read so far, a
 *   #TribPagedList of #TribFlowRun, newest first
 */
GListModel *
trib_flow_detail_get_runs (TribFlowDetail *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DETAIL (self), NULL);

  return self->runs != NULL ? G_LIST_MODEL (self->runs) : NULL;
}

/**
 * trib_flow_detail_show_run:
 * @run: one of the flow's runs
 *
 * Shows @run's details in place of the flow's.
 */
void
trib_flow_detail_show_run (TribFlowDetail *self,
                           TribFlowRun    *run)
{
  const char *dataset_id;
  g_autofree char *title = NULL;
  g_autofree char *when = NULL;

  g_return_if_fail (TRIB_IS_FLOW_DETAIL (self));
  g_return_if_fail (TRIB_IS_FLOW_RUN (run));

  dataset_id = self->flow != NULL ? trib_flow_get_dataset_id (self->flow) : NULL;
  trib_flow_run_view_show (self->run_view, run, dataset_id,
                           self->names != NULL ? trib_flow_names_get_dataset (self->names, dataset_id) : NULL);
  if (trib_flow_run_get_started_ms (run) > 0)
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (trib_flow_run_get_started_ms (run) / 1000);

      when = trib_format_date_time (utc);
    }
  else
    when = g_strdup (_("Not started"));
  /* Translators: %s is the date and time a run started */
  title = g_strdup_printf (_("Run of %s"), when);
  gtk_label_set_label (self->title_label, title);
  gtk_stack_set_visible_child_name (self->stack, "run");
  _trib_flow_detail_update_retrigger (self, run);
}

/**
 * trib_flow_detail_get_run:
 *
 * Returns: (transfer none) (nullable): the run whose details are shown
 */
TribFlowRun *
trib_flow_detail_get_run (TribFlowDetail *self)
{
  g_return_val_if_fail (TRIB_IS_FLOW_DETAIL (self), NULL);

  return g_str_equal (gtk_stack_get_visible_child_name (self->stack), "run")
         ? trib_flow_run_view_get_run (self->run_view) : NULL;
}
