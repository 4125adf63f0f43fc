/* trib-schedules-page-detail.c
 *
 * One scheduled query: its state (a quarantine with the platform's
 * reason and the way out), cron, next run, period, output and SQL, and
 * its last runs, each opened on its tasks in words. Its changes, one
 * call each and none retried: enable, disable, run now, a new frequency
 * (the schedule dialog), delete (disabled first, as Query Service
 * deletes only disabled schedules, which the confirmation says). While a
 * run goes on or the schedule registers, the details are read again
 * every second.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedules-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-format.h"
#include "trib-schedule-dialog.h"
#include "trib-schedules-page-private.h"
#include "trib-toast.h"

#define N_DETAIL_RUNS 10
#define POLL_MS 1000
/* After Run Now, how long the new run may take to be listed. */
#define TRIGGER_POLLS 5

static void refresh_details (TribSchedulesPage *self);

static const char *
task_state_text (const char *state)
{
  if (g_strcmp0 (state, "QUEUED") == 0)
    return _("Waiting to start");
  if (g_strcmp0 (state, "IN_PROGRESS") == 0)
    return _("Running");
  if (g_strcmp0 (state, "SUCCESS") == 0)
    return _("Succeeded");
  if (g_strcmp0 (state, "FAILED") == 0)
    return _("Failed");
  if (g_strcmp0 (state, "QUEUED_FOR_RETRY") == 0)
    return _("Waiting to try again");
  return state != NULL ? state : _("Unknown state");
}

static void
update_actions (TribSchedulesPage *self)
{
  TribQueryScheduleState state = self->shown != NULL ? trib_query_schedule_get_state (self->shown)
                                                     : TRIB_QUERY_SCHEDULE_UNKNOWN;
  gboolean idle = self->shown != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedules.enable",
                                 idle && (state == TRIB_QUERY_SCHEDULE_DISABLED ||
                                          state == TRIB_QUERY_SCHEDULE_QUARANTINED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedules.disable",
                                 idle && (state == TRIB_QUERY_SCHEDULE_ENABLED ||
                                          state == TRIB_QUERY_SCHEDULE_QUARANTINED));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedules.run-now", idle && state == TRIB_QUERY_SCHEDULE_ENABLED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedules.edit", idle && state != TRIB_QUERY_SCHEDULE_REGISTERING);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "schedules.delete", idle && state != TRIB_QUERY_SCHEDULE_REGISTERING);

  /* One of the two, as the state allows; a quarantined one shows its
   * way out in the quarantine box.
   */
  gtk_widget_set_visible (self->enable_button, state == TRIB_QUERY_SCHEDULE_DISABLED);
  gtk_widget_set_visible (self->disable_button, state != TRIB_QUERY_SCHEDULE_DISABLED);
  gtk_spinner_set_spinning (self->detail_spinner, self->busy || (self->shown == NULL && self->show_id != NULL));
}

static void
set_busy (TribSchedulesPage *self,
          gboolean           busy)
{
  self->busy = busy;
  update_actions (self);
}

static void
stop_polling (TribSchedulesPage *self)
{
  g_clear_handle_id (&self->poll_source, g_source_remove);
}

void
_trib_schedules_page_clear_details (TribSchedulesPage *self)
{
  GtkWidget *child;

  g_cancellable_cancel (self->detail_cancellable);
  g_set_object (&self->detail_cancellable, g_cancellable_new ());
  stop_polling (self);
  g_clear_object (&self->shown);
  g_clear_pointer (&self->show_id, g_free);
  if (self->runs != NULL)
    g_ptr_array_set_size (self->runs, 0);
  self->busy = FALSE;
  self->runs_loading = FALSE;
  self->n_runs_shown = N_DETAIL_RUNS;
  self->n_runs_asked = 0;
  self->trigger_polls = 0;
  self->had_running = FALSE;

  /* Disposed already: no widgets left to clear. */
  if (self->runs_list == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->runs_list))) != NULL)
    gtk_list_box_remove (self->runs_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self->runs_list), FALSE);
  gtk_widget_set_visible (self->more_runs_button, FALSE);
  gtk_label_set_label (self->runs_status, NULL);
  _trib_schedules_page_clear_collisions (self);
  update_actions (self);
}

static char *
period_text (TribQuerySchedule *schedule)
{
  g_autofree char *start = _trib_schedules_format_when (trib_query_schedule_get_start (schedule));
  g_autofree char *end = NULL;

  if (trib_query_schedule_get_end (schedule) == NULL)
    /* Translators: %s is a local time and its UTC time */
    return g_strdup_printf (_("From %s, no end"), start);

  end = _trib_schedules_format_when (trib_query_schedule_get_end (schedule));
  /* Translators: both are a local time and its UTC time */
  return g_strdup_printf (_("From %s to %s"), start, end);
}

static void
show_schedule (TribSchedulesPage *self)
{
  TribQuerySchedule *schedule = self->shown;
  TribQueryScheduleState state = trib_query_schedule_get_state (schedule);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) next = trib_query_schedule_dup_next_run (schedule, now);
  g_autofree char *next_text = _trib_schedules_format_when (next);
  g_autofree char *period = period_text (schedule);
  g_autofree char *output = NULL;
  const char *dataset = trib_query_schedule_get_output_dataset (schedule);
  const char *sql = trib_query_schedule_get_sql (schedule);

  gtk_label_set_label (self->name_label, trib_query_schedule_get_name (schedule) != NULL
                                         ? trib_query_schedule_get_name (schedule)
                                         : trib_query_schedule_get_id (schedule));
  adw_action_row_set_subtitle (self->state_row, _trib_schedules_state_text (state));

  gtk_widget_set_visible (self->quarantine_group, state == TRIB_QUERY_SCHEDULE_QUARANTINED);
  if (state == TRIB_QUERY_SCHEDULE_QUARANTINED)
    {
      const char *reason = trib_query_schedule_get_quarantine_reason (schedule);
      g_autofree char *text =
        /* Translators: %s is the platform's reason */
        g_strdup_printf (_("Query Service stopped running it: %s\nIt runs neither on its schedule nor on "
                           "demand until it is enabled again. Fix what made its runs fail first."),
                         reason != NULL ? reason : _("its runs kept failing."));

      gtk_label_set_label (self->quarantine_label, text);
    }

  adw_action_row_set_subtitle (self->cron_row, trib_query_schedule_get_cron (schedule));
  if (state == TRIB_QUERY_SCHEDULE_ENABLED || state == TRIB_QUERY_SCHEDULE_REGISTERING)
    adw_action_row_set_subtitle (self->next_row, next != NULL ? next_text : _("None: the period is over"));
  else
    adw_action_row_set_subtitle (self->next_row, _("None while it is not enabled"));
  adw_action_row_set_subtitle (self->period_row, period);

  if (dataset == NULL)
    output = g_strdup (_("None"));
  else if (trib_query_schedule_get_creates_dataset (schedule))
    /* Translators: %s is a dataset's name */
    output = g_strdup_printf (_("New dataset “%s” (CREATE TABLE AS)"), dataset);
  else
    /* Translators: %s is a dataset's name */
    output = g_strdup_printf (_("Existing dataset “%s” (INSERT INTO)"), dataset);
  adw_action_row_set_subtitle (self->output_row, output);
  adw_action_row_set_subtitle (self->database_row, trib_query_schedule_get_database (schedule) != NULL
                                                   ? trib_query_schedule_get_database (schedule) : "—");
  adw_action_row_set_subtitle (self->id_row, trib_query_schedule_get_id (schedule));
  gtk_label_set_label (self->sql_label, sql != NULL ? sql : _("The statement is in its query template."));
  gtk_widget_set_visible (GTK_WIDGET (self->sql_label), TRUE);

  update_actions (self);
}

static GtkWidget *
task_row (const TribScheduleTask *task)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *duration = _trib_schedules_format_duration (task->duration_ms);
  g_autofree char *start = task->start != NULL ? _trib_schedules_format_when (task->start) : NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), task_state_text (task->state));
  if (task->message != NULL)
    g_string_append (subtitle, task->message);
  if (start != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? "\n" : "", start);
  if (task->duration_ms >= 0)
    g_string_append_printf (subtitle, " · %s", duration);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (g_strcmp0 (task->state, "FAILED") == 0)
    gtk_widget_add_css_class (row, "error");

  return row;
}

static GtkWidget *
run_row (TribScheduleRun *run)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *when = _trib_schedules_format_when (trib_schedule_run_get_created (run));
  g_autofree char *duration = _trib_schedules_format_duration (trib_schedule_run_get_duration_ms (run));
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  TribScheduleRunState state = trib_schedule_run_get_state (run);

  /* Translators: a run's state, then when it was due */
  title = g_strdup_printf (_("%s · %s"), _trib_schedules_run_text (state), when);
  if (state == TRIB_SCHEDULE_RUN_IN_PROGRESS)
    subtitle = g_strdup (trib_schedule_run_get_external (run) ? _("Started by hand") : _("Started on schedule"));
  else if (trib_schedule_run_get_external (run))
    /* Translators: %s is a duration */
    subtitle = g_strdup_printf (_("Started by hand · took %s"), duration);
  else
    /* Translators: %s is a duration */
    subtitle = g_strdup_printf (_("Took %s"), duration);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_name (row, trib_schedule_run_get_id (run));
  if (state == TRIB_SCHEDULE_RUN_FAILED)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      gtk_widget_add_css_class (icon, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Failed"), -1);
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
    }

  for (guint i = 0; i < trib_schedule_run_get_n_tasks (run); i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), task_row (trib_schedule_run_get_task (run, i)));
  if (trib_schedule_run_get_n_tasks (run) == 0)
    {
      GtkWidget *none = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (none), _("No task reported"));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), none);
    }

  return row;
}

static gboolean
poll_cb (gpointer user_data)
{
  TribSchedulesPage *self = user_data;

  self->poll_source = 0;
  if (self->trigger_polls > 0)
    self->trigger_polls--;
  refresh_details (self);

  return G_SOURCE_REMOVE;
}

/* Read again while something is bound to change soon. */
static void
maybe_poll (TribSchedulesPage *self)
{
  gboolean running = self->shown != NULL &&
                     trib_query_schedule_get_state (self->shown) == TRIB_QUERY_SCHEDULE_REGISTERING;

  for (guint i = 0; i < self->runs->len; i++)
    running |= trib_schedule_run_get_state (g_ptr_array_index (self->runs, i)) == TRIB_SCHEDULE_RUN_IN_PROGRESS;

  /* Once more after the last run ended: the schedule is read before its
   * runs, and that run may have quarantined it meanwhile.
   */
  stop_polling (self);
  if (self->shown != NULL && (running || self->had_running || self->trigger_polls > 0))
    self->poll_source = g_timeout_add (POLL_MS, poll_cb, self);
  self->had_running = running;
}

static void runs_cb (GPtrArray    *runs,
                     const GError *error,
                     gpointer      user_data);

/* The newest runs shown, and one more to know whether older ones exist. */
static void
load_runs (TribSchedulesPage *self)
{
  self->runs_loading = TRUE;
  self->n_runs_asked = self->n_runs_shown + 1;
  _trib_schedules_load_runs (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                             trib_query_schedule_get_id (self->shown), self->n_runs_asked, self->detail_cancellable,
                             runs_cb, g_object_ref (self), g_object_unref);
}

static void
runs_cb (GPtrArray    *runs,
         const GError *error,
         gpointer      user_data)
{
  TribSchedulesPage *self = user_data;
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkWidget *child;

  if (self->runs_list == NULL)
    return;

  self->runs_loading = FALSE;
  /* Read again while a run goes on: the runs opened stay open. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->runs_list))) != NULL)
    {
      if (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (child)))
        g_hash_table_add (expanded, g_strdup (gtk_widget_get_name (child)));
      gtk_list_box_remove (self->runs_list, child);
    }

  g_ptr_array_set_size (self->runs, 0);
  /* One more than shown is asked for: it says whether there are older ones. */
  for (guint i = 0; i < MIN (runs->len, self->n_runs_shown); i++)
    {
      TribScheduleRun *run = g_ptr_array_index (runs, i);

      GtkWidget *row = run_row (run);

      g_ptr_array_add (self->runs, g_object_ref (run));
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                     g_hash_table_contains (expanded, trib_schedule_run_get_id (run)));
      gtk_list_box_append (self->runs_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->runs_list), runs->len > 0);
  gtk_widget_set_visible (self->more_runs_button, runs->len > self->n_runs_shown);
  gtk_widget_set_sensitive (self->more_runs_button, TRUE);

  if (error != NULL)
    {
      g_autofree char *text = trib_format_error_text (error->message);
      /* Translators: %s is the platform's message */
      g_autofree char *message = g_strdup_printf (_("Could not read the runs: %s"), text);

      gtk_label_set_label (self->runs_status, message);
    }
  else
    gtk_label_set_label (self->runs_status, runs->len == 0 ? _("No runs yet.") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->runs_status), error != NULL || runs->len == 0);

  _trib_schedules_page_check_collisions (self);
  maybe_poll (self);
  /* Older runs were asked for while this load was on its way. */
  if (self->n_runs_asked < self->n_runs_shown + 1 && self->shown != NULL)
    load_runs (self);
}

static void
schedule_read_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TribSchedulesPage) self = user_data;
  g_autoptr(TribQuerySchedule) schedule = NULL;
  g_autoptr(GError) error = NULL;

  schedule = trib_query_schedules_get_finish (result, &error);
  /* Gone, or showing another one, meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->runs_list == NULL ||
      (self->shown != NULL && schedule != NULL &&
       g_strcmp0 (trib_query_schedule_get_id (self->shown), trib_query_schedule_get_id (schedule)) != 0) ||
      (self->shown == NULL && self->show_id == NULL))
    return;

  if (schedule == NULL)
    {
      g_autofree char *text = trib_format_error_text (error->message);
      /* Translators: %s is the platform's message */
      g_autofree char *message = g_strdup_printf (_("Could not read the scheduled query: %s"), text);

      gtk_label_set_label (self->name_label, _("Scheduled Query"));
      gtk_label_set_label (self->runs_status, message);
      gtk_widget_set_visible (GTK_WIDGET (self->runs_status), TRUE);
      update_actions (self);
      return;
    }

  g_set_object (&self->shown, schedule);
  show_schedule (self);

  if (!self->runs_loading)
    {
      if (self->runs->len == 0)
        {
          gtk_label_set_label (self->runs_status, _("Reading the runs…"));
          gtk_widget_set_visible (GTK_WIDGET (self->runs_status), TRUE);
        }
      load_runs (self);
    }
}

/**
 * _trib_schedules_page_more_runs:
 *
 * Shows ten older runs of the schedule shown, read from the platform's
 * next page of `/schedules/{id}/runs` when the pages read so far do not
 * hold them.
 */
void
_trib_schedules_page_more_runs (TribSchedulesPage *self)
{
  if (self->shown == NULL)
    return;
  self->n_runs_shown += N_DETAIL_RUNS;
  gtk_widget_set_sensitive (self->more_runs_button, FALSE);
  if (!self->runs_loading)
    load_runs (self);
}

static void
refresh_details (TribSchedulesPage *self)
{
  const char *id = self->shown != NULL ? trib_query_schedule_get_id (self->shown) : self->show_id;

  if (id == NULL || !trib_session_page_has_sandbox (TRIB_SESSION_PAGE (self)))
    return;

  trib_query_schedules_get_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), id,
                                  self->detail_cancellable, schedule_read_cb, g_object_ref (self));
}

void
_trib_schedules_page_show_details (TribSchedulesPage *self,
                                   const char        *schedule_id)
{
  g_autofree char *id = g_strdup (schedule_id);
  gboolean same = self->shown != NULL && g_strcmp0 (trib_query_schedule_get_id (self->shown), id) == 0;

  if (!same)
    {
      _trib_schedules_page_clear_details (self);
      self->show_id = g_steal_pointer (&id);
      gtk_label_set_label (self->name_label, NULL);
      gtk_widget_set_visible (self->quarantine_group, FALSE);
    }

  gtk_stack_set_visible_child_name (self->view_stack, "detail");
  update_actions (self);
  refresh_details (self);
}

/* Changes */

typedef struct
{
  TribSchedulesPage *self;
  char *id;
  char *name;
  gboolean enabled;
  gboolean delete_after;
} Change;

static Change *
change_new (TribSchedulesPage *self)
{
  Change *change = g_new0 (Change, 1);

  change->self = g_object_ref (self);
  change->id = g_strdup (trib_query_schedule_get_id (self->shown));
  change->name = g_strdup (trib_query_schedule_get_name (self->shown) != NULL
                           ? trib_query_schedule_get_name (self->shown) : change->id);

  return change;
}

static void
change_free (Change *change)
{
  g_object_unref (change->self);
  g_free (change->id);
  g_free (change->name);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static void
show_failure (TribSchedulesPage *self,
              const char        *heading,
              const GError      *error)
{
  g_autofree char *body = trib_format_error_text (error->message);
  AdwMessageDialog *dialog;

  set_busy (self, FALSE);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                       heading, body));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
deleted_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Change) change = user_data;
  TribSchedulesPage *self = change->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!trib_query_schedules_delete_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is a scheduled query's name */
      message = g_strdup_printf (change->delete_after ? _("“%s” Was Disabled but Not Deleted")
                                                      : _("Could Not Delete “%s”"), change->name);
      show_failure (self, message, error);
      _trib_schedules_page_changed (self, change->id);
      return;
    }

  set_busy (self, FALSE);
  /* Translators: %s is a scheduled query's name */
  message = g_strdup_printf (_("“%s” deleted"), change->name);
  trib_toast_show_message (GTK_WIDGET (self), message);
  gtk_stack_set_visible_child_name (self->view_stack, "list");
  _trib_schedules_page_clear_details (self);
  _trib_schedules_page_changed (self, NULL);
}

static void
enabled_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(Change) change = user_data;
  TribSchedulesPage *self = change->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!trib_query_schedules_set_enabled_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (change->delete_after)
        /* Translators: %s is a scheduled query's name */
        message = g_strdup_printf (_("Could Not Disable “%s”, So It Was Not Deleted"), change->name);
      else
        /* Translators: %s is a scheduled query's name */
        message = g_strdup_printf (change->enabled ? _("Could Not Enable “%s”") : _("Could Not Disable “%s”"),
                                   change->name);
      show_failure (self, message, error);
      return;
    }

  if (change->delete_after)
    {
      /* Disabled: now it may go. The id is read before the change is
       * handed on (argument order is the compiler's).
       */
      const char *id = change->id;

      trib_query_schedules_delete_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), id,
                                         self->detail_cancellable, deleted_cb, g_steal_pointer (&change));
      return;
    }

  set_busy (self, FALSE);
  /* Translators: %s is a scheduled query's name */
  message = g_strdup_printf (change->enabled ? _("“%s” enabled") : _("“%s” disabled"), change->name);
  trib_toast_show_message (GTK_WIDGET (self), message);
  _trib_schedules_page_changed (self, change->id);
}

void
_trib_schedules_page_set_enabled (TribSchedulesPage *self,
                                  gboolean           enabled)
{
  Change *change;

  if (self->shown == NULL || self->busy)
    return;

  change = change_new (self);
  change->enabled = enabled;
  set_busy (self, TRUE);
  trib_query_schedules_set_enabled_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)), change->id,
                                          enabled, self->detail_cancellable, enabled_cb, change);
}

static void
triggered_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Change) change = user_data;
  TribSchedulesPage *self = change->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!trib_query_schedules_trigger_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      /* Translators: %s is a scheduled query's name */
      message = g_strdup_printf (_("Could Not Run “%s”"), change->name);
      show_failure (self, message, error);
      return;
    }

  set_busy (self, FALSE);
  /* Translators: %s is a scheduled query's name */
  message = g_strdup_printf (_("“%s” started"), change->name);
  trib_toast_show_message (GTK_WIDGET (self), message);
  self->trigger_polls = TRIGGER_POLLS;
  refresh_details (self);
}

void
_trib_schedules_page_run_now (TribSchedulesPage *self)
{
  if (self->shown == NULL || self->busy)
    return;

  set_busy (self, TRUE);
  trib_query_schedules_trigger_async (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                      trib_query_schedule_get_id (self->shown), self->detail_cancellable,
                                      triggered_cb, change_new (self));
}

static void
edit_saved_cb (TribSchedulesPage *self,
               const char        *schedule_id)
{
  trib_toast_show_message (GTK_WIDGET (self), _("Frequency changed"));
  _trib_schedules_page_changed (self, schedule_id);
}

void
_trib_schedules_page_edit (TribSchedulesPage *self)
{
  TribScheduleDialog *dialog;

  if (self->shown == NULL || self->busy)
    return;

  dialog = trib_schedule_dialog_new_for_schedule (trib_session_page_get_client (TRIB_SESSION_PAGE (self)),
                                                  self->shown);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (edit_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  Change *change = user_data;
  TribSchedulesPage *self = change->self;
  TribPlatformClient *client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));

  if (g_strcmp0 (response, "delete") != 0 || self->shown == NULL ||
      g_strcmp0 (trib_query_schedule_get_id (self->shown), change->id) != 0)
    {
      change_free (change);
      return;
    }

  set_busy (self, TRUE);
  if (change->delete_after)
    trib_query_schedules_set_enabled_async (client, change->id, FALSE, self->detail_cancellable, enabled_cb, change);
  else
    trib_query_schedules_delete_async (client, change->id, self->detail_cancellable, deleted_cb, change);
}

void
_trib_schedules_page_delete (TribSchedulesPage *self)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Change *change;

  if (self->shown == NULL || self->busy ||
      trib_query_schedule_get_state (self->shown) == TRIB_QUERY_SCHEDULE_REGISTERING)
    return;

  change = change_new (self);
  change->delete_after = trib_query_schedule_get_state (self->shown) != TRIB_QUERY_SCHEDULE_DISABLED;

  /* Translators: %s is a scheduled query's name */
  heading = g_strdup_printf (_("Delete “%s”?"), change->name);
  if (change->delete_after)
    body = g_strdup (_("Query Service deletes only disabled schedules: it will be disabled first, then "
                       "deleted. Its query template and the dataset it writes stay."));
  else
    body = g_strdup (_("Its query template and the dataset it writes stay."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "delete", change->delete_after ? _("_Disable and Delete") : _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (delete_response_cb), change);
  gtk_window_present (GTK_WINDOW (dialog));
}
