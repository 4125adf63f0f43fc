/* trib-export-wizard-collision.c
 *
 * The collision check in the Export Datasets wizard (seed 001's two
 * schedulers): when a chosen dataset is the output dataset of a query
 * schedule, the schedule step draws each such schedule against the
 * export as it is being chosen, on the 48-hour timeline the Schedules
 * page and the Schedule… dialog show (trib-collision-section.c), with
 * the same pure check (core/trib-collision.c). The export does not
 * exist yet, so "Use Suggested Time" changes the start typed here
 * rather than a flow on the platform.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-export-wizard"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-collision.h"
#include "trib-collision-section.h"
#include "trib-export-pairs.h"
#include "trib-export-wizard-private.h"
#include "trib-format.h"
#include "trib-schedules-page-private.h"

#define HOUR_MS ((gint64) 60 * 60 * 1000)

typedef struct
{
  TribExportWizard *self;
  char *schedule_id;
} RunsLoad;

static void
clear_box (TribExportWizard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->collision_box))) != NULL)
    gtk_box_remove (self->collision_box, child);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The chosen datasets, as one string: the schedules are looked up again
 * only when it changes. */
static char *
chosen_key (TribExportWizard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  /* Borrowed strings: a copy of chosen_order would free them. */
  for (guint i = 0; i < self->chosen_order->len; i++)
    g_ptr_array_add (ids, g_ptr_array_index (self->chosen_order, i));
  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv ("\n", (char **) ids->pdata);
}

/* Use Suggested Time: the export is not made yet, its start is moved
 * where it is typed, which checks it again. */
static void
use_suggested (GtkButton *button,
               TribFlow  *flow,
               gint64     start_ms,
               gpointer   user_data)
{
  TribExportWizard *self = user_data;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start_ms / 1000);
  g_autoptr(GDateTime) local = trib_format_to_local (utc);
  g_autofree char *text = g_date_time_format (local, "%Y-%m-%d %H:%M");

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
  _trib_export_wizard_toast (self, _("Export start moved"));
}

static void
draw_schedule (TribExportWizard          *self,
               TribQuerySchedule         *schedule,
               const TribCollisionExport *export,
               gint64                     now)
{
  GArray *durations = g_hash_table_lookup (self->collision_durations, trib_query_schedule_get_id (schedule));
  g_autoptr(GError) error = NULL;
  g_autofree char *writes = NULL;
  TribCollisionQuery query = { 0 };
  TribCollisionRuns *runs;
  TribCollisionReport *report;
  g_autoptr(GArray) ticks = NULL;
  const char *name = trib_query_schedule_get_name (schedule) != NULL ? trib_query_schedule_get_name (schedule)
                                                                     : trib_query_schedule_get_id (schedule);

  gtk_box_append (self->collision_box, trib_collision_section_new_label (name, "heading"));
  /* Translators: the first %s is the dataset a scheduled query writes, the second its cron schedule in UTC */
  writes = g_strdup_printf (_("Writes “%s” · %s (UTC)"), trib_query_schedule_get_output_dataset (schedule),
                            trib_query_schedule_get_cron (schedule));
  gtk_box_append (self->collision_box, trib_collision_section_new_label (writes, "dim-label"));

  query.cron = trib_query_schedule_get_cron (schedule);
  query.start_ms = trib_query_schedule_get_start (schedule) != NULL
    ? g_date_time_to_unix (trib_query_schedule_get_start (schedule)) * 1000 : now;
  query.end_ms = trib_query_schedule_get_end (schedule) != NULL
    ? g_date_time_to_unix (trib_query_schedule_get_end (schedule)) * 1000 : -1;
  query.durations_ms = durations != NULL ? (const gint64 *) (gpointer) durations->data : NULL;
  query.n_durations = durations != NULL ? durations->len : 0;

  runs = trib_collision_runs_new (&query, now, TRIB_COLLISION_DEFAULT_MARGIN_MS, &error);
  if (runs == NULL)
    {
      gtk_box_append (self->collision_box, trib_collision_section_new_label (error->message, "dim-label"));
      return;
    }
  ticks = trib_collision_ticks (export, now);
  report = trib_collision_check (runs, export, ticks, TRIB_COLLISION_DEFAULT_MARGIN_MS);

  trib_collision_section_append (self->collision_box, runs, report, NULL, use_suggested, self);
}

static void
draw (TribExportWizard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  TribCollisionExport export;
  TribExportDraft draft;
  gint64 now = g_get_real_time () / 1000;
  guint shown = 0;

  clear_box (self);
  _trib_export_wizard_fill_draft (self, &draft, ids, names);
  if (self->collision_schedules == NULL || self->collision_schedules->len == 0 || draft.schedule.start <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->collision_group), FALSE);
      return;
    }

  trib_export_schedule_to_collision (&draft.schedule, &export);
  /* An export that starts later is checked from an hour before its
   * first tick: the first 48 hours it runs are the ones that matter, and
   * a clear start a little earlier can still be suggested. */
  now = MAX (now, export.start_ms - HOUR_MS);
  for (guint i = 0; i < self->collision_schedules->len; i++)
    {
      TribQuerySchedule *schedule = g_ptr_array_index (self->collision_schedules, i);

      draw_schedule (self, schedule, &export, now);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->collision_group), shown > 0);
}

static void
runs_load_free (gpointer data)
{
  RunsLoad *load = data;

  g_object_unref (load->self);
  g_free (load->schedule_id);
  g_free (load);
}

static void
runs_cb (GPtrArray    *runs,
         const GError *error,
         gpointer      user_data)
{
  RunsLoad *load = user_data;
  TribExportWizard *self = load->self;
  GArray *durations;

  if (self->collision_box == NULL)
    return;

  durations = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Newest first in the list, oldest first for the check. */
  for (guint i = runs != NULL ? runs->len : 0; i > 0; i--)
    {
      TribScheduleRun *run = g_ptr_array_index (runs, i - 1);
      gint64 duration = trib_schedule_run_get_duration_ms (run);

      if (trib_schedule_run_get_state (run) == TRIB_SCHEDULE_RUN_SUCCESS && duration >= 0)
        g_array_append_val (durations, duration);
    }
  g_hash_table_replace (self->collision_durations, g_strdup (load->schedule_id), durations);
  draw (self);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribExportWizard) self = user_data;
  g_autoptr(GPtrArray) schedules = NULL;
  g_autoptr(GError) error = NULL;

  schedules = trib_export_pairs_find_schedules_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->collision_box == NULL)
    return;

  if (schedules == NULL)
    {
      /* The check is extra: say it could not run, and let the export be made. */
      g_autofree char *text = trib_format_error_text (error->message);
      /* Translators: %s is the platform's message */
      g_autofree char *message = g_strdup_printf (_("Could not read the query schedules: %s"), text);

      clear_box (self);
      gtk_box_append (self->collision_box, trib_collision_section_new_label (message, "dim-label"));
      gtk_widget_set_visible (GTK_WIDGET (self->collision_group), TRUE);
      return;
    }

  /* Only schedules that still run can meet an export tick. */
  for (guint i = schedules->len; i > 0; i--)
    {
      TribQueryScheduleState state = trib_query_schedule_get_state (g_ptr_array_index (schedules, i - 1));

      if (state == TRIB_QUERY_SCHEDULE_DISABLED || state == TRIB_QUERY_SCHEDULE_QUARANTINED)
        g_ptr_array_remove_index (schedules, i - 1);
    }

  g_clear_pointer (&self->collision_schedules, g_ptr_array_unref);
  self->collision_schedules = g_steal_pointer (&schedules);
  draw (self);

  /* Their recent runs give the bars their length. */
  for (guint i = 0; i < self->collision_schedules->len; i++)
    {
      TribQuerySchedule *schedule = g_ptr_array_index (self->collision_schedules, i);
      RunsLoad *load = g_new0 (RunsLoad, 1);

      load->self = g_object_ref (self);
      load->schedule_id = g_strdup (trib_query_schedule_get_id (schedule));
      _trib_schedules_load_runs (trib_session_get_client (self->session), load->schedule_id,
                                 TRIB_COLLISION_RECENT_RUNS, self->collision_cancellable, runs_cb, load,
                                 runs_load_free);
    }
}

static void
look_up (TribExportWizard *self,
         char             *key)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  g_free (self->collision_key);
  self->collision_key = key;
  g_clear_pointer (&self->collision_schedules, g_ptr_array_unref);
  g_hash_table_remove_all (self->collision_durations);
  if (self->collision_cancellable != NULL)
    g_cancellable_cancel (self->collision_cancellable);
  g_set_object (&self->collision_cancellable, g_cancellable_new ());
  clear_box (self);
  gtk_widget_set_visible (GTK_WIDGET (self->collision_group), FALSE);

  for (guint i = 0; i < self->chosen_order->len; i++)
    {
      g_ptr_array_add (ids, g_ptr_array_index (self->chosen_order, i));
      g_ptr_array_add (names, g_hash_table_lookup (self->chosen, g_ptr_array_index (self->chosen_order, i)));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, NULL);
  trib_export_pairs_find_schedules_async (trib_session_get_client (self->session), (const char * const *) ids->pdata,
                                          (const char * const *) names->pdata, self->collision_cancellable,
                                          found_cb, g_object_ref (self));
}

/**
 * _trib_export_wizard_check_collisions:
 *
 * Checks the export as written against the query schedules that write
 * its datasets: the schedules are listed again when the datasets
 * change, the check itself is redone on every change of the schedule.
 */
void
_trib_export_wizard_check_collisions (TribExportWizard *self)
{
  g_autofree char *key = NULL;

  if (self->collision_box == NULL || self->chosen_order == NULL || trib_session_get_client (self->session) == NULL)
    return;
  /* Nothing is listed before the schedule is asked for. */
  if (self->page < PAGE_SCHEDULE || self->chosen_order->len == 0)
    return;

  key = chosen_key (self);
  if (g_strcmp0 (key, self->collision_key) != 0)
    {
      look_up (self, g_steal_pointer (&key));
      return;
    }
  if (self->collision_schedules != NULL)
    draw (self);
}

void
_trib_export_wizard_clear_collisions (TribExportWizard *self)
{
  if (self->collision_cancellable != NULL)
    g_cancellable_cancel (self->collision_cancellable);
  g_clear_object (&self->collision_cancellable);
  g_clear_pointer (&self->collision_key, g_free);
  g_clear_pointer (&self->collision_schedules, g_ptr_array_unref);
  g_clear_pointer (&self->collision_durations, g_hash_table_unref);
}
