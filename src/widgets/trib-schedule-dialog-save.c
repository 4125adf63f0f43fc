/* trib-schedule-dialog-save.c
 *
 * The schedule dialog's calls, one after the other, none retried on its
 * own (Query Service has no way to say a create already happened): the
 * statement made a query template, then the schedule made of it. When
 * the template was made but the schedule was not, the dialog says so and
 * a second try schedules the same template. Editing sends the new cron.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedule-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-query-schedules.h"
#include "trib-query-templates.h"
#include "trib-schedule-dialog-private.h"

static void
done (TribScheduleDialog *self,
      const char         *schedule_id)
{
  _trib_schedule_dialog_set_busy (self, FALSE);
  g_signal_emit (self, _trib_schedule_dialog_signals[SIGNAL_SAVED], 0, schedule_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
fail (TribScheduleDialog *self,
      const char         *message)
{
  _trib_schedule_dialog_set_busy (self, FALSE);
  _trib_schedule_dialog_show_error (self, message);
}

static void
schedule_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TribScheduleDialog) self = user_data;
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  schedule = trib_query_schedules_create_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (schedule == NULL)
    {
      /* Translators: the first %s is the template's name, the second the platform's message */
      message = g_strdup_printf (_("The query template “%s” was saved, but the schedule was not: %s\n"
                                   "Schedule again to use the same template."),
                                 self->template_name, error->message);
      fail (self, message);
      return;
    }

  done (self, trib_query_schedule_get_id (schedule));
}

static void
create_schedule (TribScheduleDialog *self)
{
  g_autoptr(GDateTime) start = _trib_schedule_dialog_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  g_autoptr(GDateTime) end = _trib_schedule_dialog_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  g_autofree char *cron = trib_schedule_dialog_dup_cron (self);
  TribQueryScheduleDraft draft = { 0 };

  draft.name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  draft.database = self->database;
  draft.template_id = self->template_id;
  draft.output = _trib_schedule_dialog_get_output (self);
  draft.dataset_name = self->dataset;
  draft.cron = cron;
  draft.start = start;
  draft.end = end;

  trib_query_schedules_create_async (self->client, &draft, self->cancellable, schedule_created_cb,
                                     g_object_ref (self));
}

static void
template_created_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TribScheduleDialog) self = user_data;
  g_autoptr(TribQueryTemplate) template = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  template = trib_query_templates_create_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (template == NULL)
    {
      /* Translators: %s is the platform's message */
      message = g_strdup_printf (_("Could not save the statement as a query template: %s"), error->message);
      fail (self, message);
      return;
    }

  self->template_id = g_strdup (trib_query_template_get_id (template));
  self->template_name = g_strdup (trib_query_template_get_name (template));
  create_schedule (self);
}

static void
cron_set_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TribScheduleDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!trib_query_schedules_set_cron_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is the platform's message */
      message = g_strdup_printf (_("Could not change the frequency: %s"), error->message);
      fail (self, message);
      return;
    }

  done (self, trib_query_schedule_get_id (self->schedule));
}

void
_trib_schedule_dialog_save (TribScheduleDialog *self)
{
  g_free (self->dataset);
  self->dataset = g_strdup (_trib_schedule_dialog_get_dataset (self));
  _trib_schedule_dialog_show_error (self, NULL);
  _trib_schedule_dialog_set_busy (self, TRUE);

  if (self->schedule != NULL)
    {
      g_autofree char *cron = trib_schedule_dialog_dup_cron (self);

      /* Unchanged: nothing to send. */
      if (g_strcmp0 (cron, trib_query_schedule_get_cron (self->schedule)) == 0)
        done (self, trib_query_schedule_get_id (self->schedule));
      else
        trib_query_schedules_set_cron_async (self->client, trib_query_schedule_get_id (self->schedule), cron,
                                             self->cancellable, cron_set_cb, g_object_ref (self));
    }
  else if (self->template_id != NULL)
    create_schedule (self);
  else
    trib_query_templates_create_async (self->client, gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
                                       self->sql, self->cancellable, template_created_cb, g_object_ref (self));
}
