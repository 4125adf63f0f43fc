/* trib-flow-wizard-schedule.c
 *
 * The wizard's schedule step: how often the dataflow runs, from when,
 * and whether its first run takes what is already there. The choices
 * and limits are the flow spec's `scheduleSpec` (API-NOTES §A7); times
 * are typed in local time and shown in UTC beside, as the platform
 * keeps them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-wizard"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "trib-flow-format.h"
#include "trib-flow-schedule.h"
#include "trib-flow-wizard-private.h"

/**
 * _trib_flow_wizard_get_frequency:
 *
 * Returns: (nullable): the frequency chosen, as the spec names it
 */
const char *
_trib_flow_wizard_get_frequency (TribFlowWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->frequency_row);
  const char * const *choices = self->schedule != NULL ? trib_flow_schedule_get_frequencies (self->schedule) : NULL;

  if (choices == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) choices))
    return NULL;

  return choices[selected];
}

/* The start typed in local time, in epoch seconds; -1 if unreadable. */
gint64
_trib_flow_wizard_get_start_time (TribFlowWizard *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->start_row));
  g_autoptr(GDateTime) start = NULL;
  int year, month, day, hour, minute;
  char end;

  if (sscanf (text, "%4d-%2d-%2d %2d:%2d%c", &year, &month, &day, &hour, &minute, &end) != 5)
    return -1;

  start = g_date_time_new_local (year, month, day, hour, minute, 0);
  return start != NULL ? g_date_time_to_unix (start) : -1;
}

static void
show_utc (TribFlowWizard *self)
{
  gint64 start = _trib_flow_wizard_get_start_time (self);
  g_autoptr(GDateTime) utc = start >= 0 ? g_date_time_new_from_unix_utc (start) : NULL;
  g_autofree char *text = utc != NULL ? g_date_time_format (utc, "%Y-%m-%d %H:%M UTC") : NULL;

  adw_action_row_set_subtitle (self->start_utc_row, text != NULL ? text : "—");
}

static void
show_frequency (TribFlowWizard *self)
{
  const char *frequency = _trib_flow_wizard_get_frequency (self);
  gboolean periodic = frequency != NULL && !g_str_equal (frequency, "once");

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), periodic);
  gtk_widget_set_visible (GTK_WIDGET (self->backfill_row), periodic);
  adw_action_row_set_subtitle (self->interval_row, frequency != NULL ? trib_flow_format_frequency_unit (frequency) : "");
}

/* Kept through Back and Next: filled only the first time, or when the
 * flow spec (so the choices) changed.
 */
void
_trib_flow_wizard_fill_schedule (TribFlowWizard *self)
{
  g_autoptr(TribFlowSchedule) schedule = NULL;
  const char * const *choices;
  guint preferred = 0;

  if (self->flow_spec == NULL)
    return;

  if (self->schedule != NULL && g_strcmp0 (self->schedule_spec_id, trib_flow_spec_get_id (self->flow_spec)) == 0)
    {
      show_utc (self);
      return;
    }

  schedule = trib_flow_schedule_new (trib_flow_spec_get_schedule_schema (self->flow_spec));
  g_set_object (&self->schedule, schedule);
  g_free (self->schedule_spec_id);
  self->schedule_spec_id = g_strdup (trib_flow_spec_get_id (self->flow_spec));

  self->filling = TRUE;
  choices = trib_flow_schedule_get_frequencies (schedule);
  gtk_string_list_splice (self->frequencies, 0, g_list_model_get_n_items (G_LIST_MODEL (self->frequencies)), NULL);
  for (guint i = 0; choices[i] != NULL; i++)
    {
      gtk_string_list_append (self->frequencies, trib_flow_format_frequency (choices[i]));
      /* Seed 004's flow runs every 15 minutes; hourly is the next best. */
      if (g_str_equal (choices[i], "hour") && preferred == 0)
        preferred = i;
    }
  adw_combo_row_set_selected (self->frequency_row, preferred);
  gtk_spin_button_set_value (self->interval_spin, 1);

  if (gtk_editable_get_text (GTK_EDITABLE (self->start_row))[0] == '\0')
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      /* The next whole quarter hour, so the first run is not in the past. */
      g_autoptr(GDateTime) later = g_date_time_add_minutes (now, 15 - g_date_time_get_minute (now) % 15);
      g_autofree char *text = g_date_time_format (later, "%Y-%m-%d %H:%M");

      gtk_editable_set_text (GTK_EDITABLE (self->start_row), text);
    }
  self->filling = FALSE;

  show_frequency (self);
  show_utc (self);
}

const char *
_trib_flow_wizard_check_schedule (TribFlowWizard *self,
                                  gboolean       *refused)
{
  const char *frequency = _trib_flow_wizard_get_frequency (self);
  gint64 start = _trib_flow_wizard_get_start_time (self);

  show_frequency (self);
  show_utc (self);

  if (self->schedule == NULL || frequency == NULL)
    return _("Choose how often the dataflow runs.");

  if (start < 0)
    {
      *refused = TRUE;
      return _("Type the first run as year-month-day hours:minutes, such as 2026-12-03 14:30.");
    }

  return NULL;
}
