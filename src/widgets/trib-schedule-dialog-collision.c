/* trib-schedule-dialog-collision.c
 *
 * The collision check while a schedule is written or edited: when its
 * runs go into an existing dataset that dataset exports read, the
 * schedule as typed is drawn against each export on the 48-hour
 * timeline, with the warnings, as the form changes. An edited schedule
 * brings its recent runs' durations; a new one has none, so only the
 * margin counts. "Use Suggested Time" moves the export on the platform.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedule-dialog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-collision.h"
#include "trib-collision-section.h"
#include "trib-export-pairs.h"
#include "trib-format.h"
#include "trib-schedule-dialog-private.h"
#include "trib-schedules-page-private.h"
#include "trib-toast.h"

#define STATE_KEY "trib-schedule-dialog-collision"
/* As many runs as the check reads durations from. */
#define N_RUNS TRIB_COLLISION_RECENT_RUNS

typedef struct
{
  AdwPreferencesGroup *group;
  GtkBox *box;
  char *dataset;                /* whose exports these are */
  GPtrArray *flows;             /* TribFlow, NULL while looked up */
  GArray *durations;            /* the edited schedule's, oldest first */
  gboolean runs_read;
} State;

typedef struct
{
  TribScheduleDialog *self;
  TribFlow *flow;
  gint64 start_ms;
} Move;

static void check (TribScheduleDialog *self);
static void look_up (TribScheduleDialog *self,
                     State              *state);

static void
state_free (State *state)
{
  g_free (state->dataset);
  g_clear_pointer (&state->flows, g_ptr_array_unref);
  g_clear_pointer (&state->durations, g_array_unref);
  g_free (state);
}

static State *
get_state (TribScheduleDialog *self)
{
  State *state = g_object_get_data (G_OBJECT (self), STATE_KEY);

  if (state == NULL)
    {
      state = g_new0 (State, 1);
      state->durations = g_array_new (FALSE, FALSE, sizeof (gint64));
      state->group = self->collision_group;
      state->box = self->collision_box;
      adw_preferences_group_set_description (state->group,
                                             _("Exports of this dataset against the schedule as written, in the "
                                               "next 48 hours."));
      g_object_set_data_full (G_OBJECT (self), STATE_KEY, state, (GDestroyNotify) state_free);
    }
  return state;
}

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Move *move = user_data;
  g_autofree char *etag = NULL;
  g_autoptr(GError) error = NULL;

  etag = trib_export_pairs_set_start_finish (result, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !move->self->disposing &&
      move->self->collision_box != NULL)
    {
      if (etag == NULL)
        {
          g_autofree char *text = trib_format_error_text (error->message);

          _trib_schedule_dialog_show_error (move->self, text);
        }
      look_up (move->self, get_state (move->self));
    }

  g_object_unref (move->self);
  g_object_unref (move->flow);
  g_free (move);
}

/* Use Suggested Time: the dialog outlives its buttons. */
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
  trib_export_pairs_set_start_async (move->self->client, move->flow, move->start_ms, move->self->cancellable,
                                     moved_cb, move);
}

static void
draw_flow (TribScheduleDialog       *self,
           State                    *state,
           TribFlow                 *flow,
           const TribCollisionQuery *query,
           gint64                    now)
{
  g_autoptr(GError) error = NULL;
  TribCollisionExport export;
  TribCollisionRuns *runs;
  TribCollisionReport *report;
  g_autoptr(GArray) ticks = NULL;
  const char *name = trib_flow_get_name (flow) != NULL ? trib_flow_get_name (flow) : trib_flow_get_id (flow);

  gtk_box_append (state->box, trib_collision_section_new_label (name, "heading"));
  if (trib_flow_get_schedule_params (flow) == NULL ||
      !trib_collision_export_from_params (trib_flow_get_schedule_params (flow), &export, &error))
    {
      gtk_box_append (state->box,
                      trib_collision_section_new_label (error != NULL ? error->message : _("This export has no schedule."),
                                                        "dim-label"));
      return;
    }

  runs = trib_collision_runs_new (query, now, TRIB_COLLISION_DEFAULT_MARGIN_MS, NULL);
  if (runs == NULL)
    return;
  ticks = trib_collision_ticks (&export, now);
  report = trib_collision_check (runs, &export, ticks, TRIB_COLLISION_DEFAULT_MARGIN_MS);

  trib_collision_section_append (state->box, runs, report, flow, use_suggested, self);
}

static void
draw (TribScheduleDialog *self,
      State              *state)
{
  g_autofree char *cron = trib_schedule_dialog_dup_cron (self);
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  TribCollisionQuery query = { 0 };
  gint64 now = g_get_real_time () / 1000;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (state->box))) != NULL)
    gtk_box_remove (state->box, child);
  gtk_widget_set_visible (GTK_WIDGET (state->group), state->flows != NULL && state->flows->len > 0);
  if (state->flows == NULL || state->flows->len == 0)
    return;

  if (self->schedule != NULL)
    {
      start = trib_query_schedule_get_start (self->schedule) != NULL
        ? g_date_time_ref (trib_query_schedule_get_start (self->schedule)) : NULL;
      end = trib_query_schedule_get_end (self->schedule) != NULL
        ? g_date_time_ref (trib_query_schedule_get_end (self->schedule)) : NULL;
    }
  else
    {
      start = _trib_schedule_dialog_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
      end = _trib_schedule_dialog_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
    }

  query.cron = cron;
  query.start_ms = start != NULL ? g_date_time_to_unix (start) * 1000 : now;
  query.end_ms = end != NULL ? g_date_time_to_unix (end) * 1000 : -1;
  query.durations_ms = (const gint64 *) (gpointer) state->durations->data;
  query.n_durations = state->durations->len;

  for (guint i = 0; i < state->flows->len; i++)
    draw_flow (self, state, g_ptr_array_index (state->flows, i), &query, now);
}

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TribScheduleDialog) self = user_data;
  g_autoptr(GPtrArray) flows = NULL;
  g_autoptr(GError) error = NULL;
  State *state;

  flows = trib_export_pairs_find_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->disposing || self->collision_box == NULL)
    return;

  state = get_state (self);
  /* No exports to show is no reason to stop a schedule being saved. */
  if (flows == NULL)
    g_debug ("Could not list the dataset's exports: %s", error->message);
  g_clear_pointer (&state->flows, g_ptr_array_unref);
  state->flows = flows != NULL ? g_steal_pointer (&flows) : g_ptr_array_new ();
  draw (self, state);
}

static void
look_up (TribScheduleDialog *self,
         State              *state)
{
  g_clear_pointer (&state->flows, g_ptr_array_unref);
  trib_export_pairs_find_async (self->client, state->dataset, self->cancellable, found_cb, g_object_ref (self));
}

static void
runs_cb (GPtrArray    *runs,
         const GError *error,
         gpointer      user_data)
{
  TribScheduleDialog *self = user_data;
  State *state;

  if (self->disposing || self->collision_box == NULL)
    return;
  state = get_state (self);
  g_array_set_size (state->durations, 0);
  /* Newest first in the list, oldest first for the check. */
  for (guint i = runs != NULL ? runs->len : 0; i > 0; i--)
    {
      TribScheduleRun *run = g_ptr_array_index (runs, i - 1);
      gint64 duration = trib_schedule_run_get_duration_ms (run);

      if (trib_schedule_run_get_state (run) == TRIB_SCHEDULE_RUN_SUCCESS && duration >= 0)
        g_array_append_val (state->durations, duration);
    }
  if (state->flows != NULL)
    draw (self, state);
}

static void
check (TribScheduleDialog *self)
{
  State *state = get_state (self);
  const char *dataset = self->schedule != NULL ? trib_query_schedule_get_output_dataset (self->schedule)
                      : _trib_schedule_dialog_get_output (self) == TRIB_QUERY_OUTPUT_EXISTING_DATASET
                      ? _trib_schedule_dialog_get_dataset (self) : NULL;

  /* A dataset yet to be made has no exports. */
  if (dataset == NULL)
    {
      g_clear_pointer (&state->dataset, g_free);
      g_clear_pointer (&state->flows, g_ptr_array_unref);
      gtk_widget_set_visible (GTK_WIDGET (state->group), FALSE);
      return;
    }

  if (self->schedule != NULL && !state->runs_read)
    {
      state->runs_read = TRUE;
      _trib_schedules_load_runs (self->client, trib_query_schedule_get_id (self->schedule), N_RUNS,
                                 self->cancellable, runs_cb, g_object_ref (self), g_object_unref);
    }

  if (g_strcmp0 (state->dataset, dataset) != 0)
    {
      g_free (state->dataset);
      state->dataset = g_strdup (dataset);
      look_up (self, state);
      return;
    }
  if (state->flows != NULL)
    draw (self, state);
}

/**
 * _trib_schedule_dialog_check_collisions:
 *
 * Checks the schedule as written against the exports of the dataset it
 * writes; called each time the form changes.
 */
void
_trib_schedule_dialog_check_collisions (TribScheduleDialog *self)
{
  if (self->disposing || self->collision_box == NULL || self->client == NULL)
    return;
  check (self);
}
