/* trib-schedules-page-collision.c
 *
 * The collision check on a scheduled query's details: the dataset
 * exports that read its output dataset are found
 * (trib_export_pairs_find_async()), and each is drawn against the
 * query's runs on a 48-hour timeline with the warnings in words and, when
 * an export tick meets a run, a button that moves the export to the
 * nearest clear start. It runs whenever the details are read: on
 * opening a schedule, after it is created or edited, and as its runs
 * come in.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedules-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-collision.h"
#include "trib-collision-section.h"
#include "trib-export-pairs.h"
#include "trib-format.h"
#include "trib-schedules-page-private.h"
#include "trib-toast.h"

/* What the page keeps of the check between two reads of the runs, so
 * that polling the runs does not list the flows again each time. */
typedef struct
{
  char *schedule_id;            /* whose exports these are */
  GPtrArray *flows;             /* TribFlow, or NULL while looked up */
  gboolean looking;
} Exports;

#define EXPORTS_KEY "trib-schedules-page-exports"

typedef struct
{
  TribSchedulesPage *self;
  TribFlow *flow;
  gint64 start_ms;
} Move;

static void
exports_free (Exports *exports)
{
  g_free (exports->schedule_id);
  g_clear_pointer (&exports->flows, g_ptr_array_unref);
  g_free (exports);
}

static Exports *
get_exports (TribSchedulesPage *self)
{
  Exports *exports = g_object_get_data (G_OBJECT (self), EXPORTS_KEY);

  if (exports == NULL)
    {
      exports = g_new0 (Exports, 1);
      g_object_set_data_full (G_OBJECT (self), EXPORTS_KEY, exports, (GDestroyNotify) exports_free);
    }
  return exports;
}

static void
clear_box (TribSchedulesPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->collision_box))) != NULL)
    gtk_box_remove (self->collision_box, child);
}

void
_trib_schedules_page_clear_collisions (TribSchedulesPage *self)
{
  Exports *exports = get_exports (self);

  g_clear_pointer (&exports->schedule_id, g_free);
  g_clear_pointer (&exports->flows, g_ptr_array_unref);
  exports->looking = FALSE;
  if (self->collision_box == NULL)
    return;
  clear_box (self);
  gtk_widget_set_visible (GTK_WIDGET (self->collision_group), FALSE);
}

static void draw (TribSchedulesPage *self);
static void look_up (TribSchedulesPage *self);

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Move *move = user_data;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  etag = trib_export_pairs_set_start_finish (result, &error);
  if (move->self->collision_box != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (etag == NULL)
        {
          g_autofree char *text = trib_format_error_text (error->message);

          trib_toast_show_message (GTK_WIDGET (move->self), text);
        }
      else
        {
          trib_toast_show_message (GTK_WIDGET (move->self), _("Export start moved"));
        }
      /* Read the flows again: their etags and schedules changed. */
      look_up (move->self);
    }

  g_object_unref (move->self);
  g_object_unref (move->flow);
  g_free (move);
}

/* Use Suggested Time: the page outlives its buttons. */
static void
use_suggested (GtkButton *button,
               TribFlow  *flow,
               gint64     start_ms,
               gpointer   user_data)
{
  Move *move = g_new0 (Move, 1);

  move->self = g_object_ref (user_data);
  move->flow = g_object_ref (flow);
  move->start_ms = start_ms;
  trib_export_pairs_set_start_async (trib_session_page_get_client (TRIB_SESSION_PAGE (move->self)), move->flow,
                                     move->start_ms, move->self->detail_cancellable, moved_cb, move);
}

/* The runs' durations, oldest first: the page lists them newest first. */
static GArray *
get_durations (TribSchedulesPage *self)
{
  GArray *durations = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = self->runs->len; i > 0; i--)
    {
      TribScheduleRun *run = g_ptr_array_index (self->runs, i - 1);
      gint64 duration = trib_schedule_run_get_duration_ms (run);

      if (trib_schedule_run_get_state (run) == TRIB_SCHEDULE_RUN_SUCCESS && duration >= 0)
        g_array_append_val (durations, duration);
    }
  return durations;
}

static void
draw_flow (TribSchedulesPage *self,
           TribFlow          *flow,
           GArray            *durations)
{
  g_autoptr(GError) error = NULL;
  TribCollisionQuery query = { 0 };
  TribCollisionExport export;
  TribCollisionRuns *runs;
  TribCollisionReport *report;
  g_autoptr(GArray) ticks = NULL;
  gint64 now = g_get_real_time () / 1000;
  const char *name = trib_flow_get_name (flow) != NULL ? trib_flow_get_name (flow) : trib_flow_get_id (flow);

  gtk_box_append (self->collision_box, trib_collision_section_new_label (name, "heading"));

  if (trib_flow_get_schedule_params (flow) == NULL ||
      !trib_collision_export_from_params (trib_flow_get_schedule_params (flow), &export, &error))
    {
      gtk_box_append (self->collision_box,
                      trib_collision_section_new_label (error != NULL ? error->message : _("This export has no schedule."),
                                                        "dim-label"));
      return;
    }

  query.cron = trib_query_schedule_get_cron (self->shown);
  query.start_ms = trib_query_schedule_get_start (self->shown) != NULL
    ? g_date_time_to_unix (trib_query_schedule_get_start (self->shown)) * 1000 : now;
  query.end_ms = trib_query_schedule_get_end (self->shown) != NULL
    ? g_date_time_to_unix (trib_query_schedule_get_end (self->shown)) * 1000 : -1;
  query.durations_ms = (const gint64 *) (gpointer) durations->data;
  query.n_durations = durations->len;

  runs = trib_collision_runs_new (&query, now, TRIB_COLLISION_DEFAULT_MARGIN_MS, &error);
  if (runs == NULL)
    {
      gtk_box_append (self->collision_box, trib_collision_section_new_label (error->message, "dim-label"));
      return;
    }
  ticks = trib_collision_ticks (&export, now);
  report = trib_collision_check (runs, &export, ticks, TRIB_COLLISION_DEFAULT_MARGIN_MS);

  trib_collision_section_append (self->collision_box, runs, report, flow, use_suggested, self);
}

static void
draw (TribSchedulesPage *self)
{
  Exports *exports = get_exports (self);
  g_autoptr(GArray) durations = NULL;

  clear_box (self);
  gtk_widget_set_visible (GTK_WIDGET (self->collision_group), exports->flows != NULL && exports->flows->len > 0);
  if (exports->flows == NULL || exports->flows->len == 0 || self->shown == NULL)
    return;

  durations = get_durations (self);
  for (guint i = 0; i < exports->flows->len; i++)
    draw_flow (self, g_ptr_array_index (exports->flows, i), durations);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribSchedulesPage) self = user_data;
  g_autoptr(GPtrArray) flows = NULL;
  g_autoptr(GError) error = NULL;
  Exports *exports;

  flows = trib_export_pairs_find_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->collision_box == NULL)
    return;

  exports = get_exports (self);
  exports->looking = FALSE;
  if (self->shown == NULL || g_strcmp0 (exports->schedule_id, trib_query_schedule_get_id (self->shown)) != 0)
    return;

  if (flows == NULL)
    {
      /* The check is extra: say it could not run, keep the details. */
      g_autofree char *text = trib_format_error_text (error->message);
      /* Translators: %s is the platform's message */
      g_autofree char *message = g_strdup_printf (_("Could not read the dataset’s exports: %s"), text);

      clear_box (self);
      gtk_box_append (self->collision_box, trib_collision_section_new_label (message, "dim-label"));
      gtk_widget_set_visible (GTK_WIDGET (self->collision_group), TRUE);
      return;
    }

  g_clear_pointer (&exports->flows, g_ptr_array_unref);
  exports->flows = g_steal_pointer (&flows);
  draw (self);
}

static void
look_up (TribSchedulesPage *self)
{
  Exports *exports = get_exports (self);

  if (self->shown == NULL || trib_query_schedule_get_output_dataset (self->shown) == NULL)
    return;

  g_free (exports->schedule_id);
  exports->schedule_id = g_strdup (trib_query_schedule_get_id (self->shown));
  exports->looking = TRUE;
  trib_export_pairs_find_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                trib_query_schedule_get_output_dataset (self->shown), self->detail_cancellable,
                                found_cb, g_object_ref (self));
}

/**
 * _trib_schedules_page_check_collisions:
 *
 * Checks the shown schedule against the exports of its output dataset,
 * with the runs just read: the exports are listed once per schedule,
 * the check itself is redone each time (the runs move it).
 */
void
_trib_schedules_page_check_collisions (TribSchedulesPage *self)
{
  Exports *exports = get_exports (self);

  if (self->collision_box == NULL)
    return;
  if (self->shown == NULL || trib_query_schedule_get_output_dataset (self->shown) == NULL)
    {
      _trib_schedules_page_clear_collisions (self);
      return;
    }

  if (g_strcmp0 (exports->schedule_id, trib_query_schedule_get_id (self->shown)) == 0)
    {
      if (!exports->looking)
        draw (self);
      return;
    }
  look_up (self);
}
