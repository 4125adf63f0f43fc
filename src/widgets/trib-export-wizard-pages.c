/* trib-export-wizard-pages.c
 *
 * The Export Datasets wizard's later pages: the file options with the
 * folder template's preview, the schedule in local time with UTC and
 * the next ticks beside it, the review of every call (Copy as curl,
 * without secrets), and the creation through the flow runner and its
 * journal, with Resume and Roll Back when a step fails.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-export-wizard"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "trib-connect-dialog-private.h"
#include "trib-export-wizard-private.h"

static const char * const macros[] = { TRIB_EXPORT_FOLDER_MACROS };

static void
set_check (TribExportWizard *self,
           char             *text)
{
  g_free (self->check_text);
  self->check_text = text;
}

/* "2026-12-03 21:00" in local time, or %NULL. */
static GDateTime *
parse_local (const char *text)
{
  int year, month, day, hour, minute;
  char rest;

  if (text == NULL || sscanf (text, "%d-%d-%d %d:%d%c", &year, &month, &day, &hour, &minute, &rest) != 5)
    return NULL;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static TribExportFrequency
get_frequency (TribExportWizard *self)
{
  guint selected = adw_combo_row_get_selected (self->frequency_row);

  return selected < TRIB_EXPORT_N_FREQUENCIES ? selected : TRIB_EXPORT_EVERY_3_HOURS;
}

/* The only mode the platform allows at the frequency. */
static TribExportMode
get_mode (TribExportWizard *self)
{
  return trib_export_frequency_allows (get_frequency (self), TRIB_EXPORT_MODE_FULL) ? TRIB_EXPORT_MODE_FULL
                                                                                     : TRIB_EXPORT_MODE_INCREMENTAL;
}

void
_trib_export_wizard_fill_draft (TribExportWizard *self,
                                TribExportDraft  *draft,
                                GPtrArray        *ids,
                                GPtrArray        *names)
{
  const char *account_id = _trib_export_wizard_account_id (self);
  g_autoptr(GDateTime) start = parse_local (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  g_autoptr(GDateTime) end = parse_local (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  const char *template = gtk_editable_get_text (GTK_EDITABLE (self->template_row));
  TribSandbox *sandbox = trib_session_get_sandbox (self->session);

  for (guint i = 0; i < self->chosen_order->len; i++)
    {
      g_ptr_array_add (ids, g_ptr_array_index (self->chosen_order, i));
      g_ptr_array_add (names, g_hash_table_lookup (self->chosen, g_ptr_array_index (self->chosen_order, i)));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (names, NULL);

  *draft = (TribExportDraft) { 0 };
  draft->sandbox = sandbox != NULL ? trib_sandbox_get_name (sandbox)
                                   : trib_platform_client_get_sandbox (trib_session_get_client (self->session));
  draft->name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  draft->destination = _trib_export_wizard_destination (self);
  draft->base_connection_id = account_id;
  draft->new_account = account_id == NULL ? self->form : NULL;
  draft->new_account_name = gtk_editable_get_text (GTK_EDITABLE (self->account_name_row));
  draft->dataset_ids = (const char * const *) ids->pdata;
  draft->dataset_names = (const char * const *) names->pdata;
  draft->file_type = adw_combo_row_get_selected (self->file_type_row) == 1 ? "PARQUET" : "JSON";
  draft->compression = adw_combo_row_get_selected (self->compression_row) == 1 ? "NONE" : "GZIP";
  draft->bucket = gtk_editable_get_text (GTK_EDITABLE (self->bucket_row));
  draft->path = gtk_editable_get_text (GTK_EDITABLE (self->path_row));
  draft->folder_template = template != NULL && *template != '\0' ? template : NULL;
  trib_export_schedule_init_frequency (&draft->schedule, get_frequency (self), get_mode (self),
                                       start != NULL ? g_date_time_to_unix (start) : 0);
  draft->schedule.end = end != NULL ? g_date_time_to_unix (end) : 0;
}

const char *
_trib_export_wizard_check_page (TribExportWizard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->end_row));
  TribExportDraft draft;

  _trib_export_wizard_fill_draft (self, &draft, ids, names);

  switch (self->page)
    {
    case PAGE_DESTINATION:
      if (self->spec == NULL || self->account_ids == NULL)
        return _("Loading the destination…");
      if (draft.base_connection_id != NULL)
        return NULL;
      if (draft.new_account_name == NULL || *draft.new_account_name == '\0')
        {
          set_check (self, g_strdup (_("Name the new account.")));
          return self->check_text;
        }
      if (self->form != NULL && !trib_spec_form_validate (self->form, &error))
        {
          set_check (self, g_strdup (error->message));
          return self->check_text;
        }
      return NULL;

    case PAGE_DATASETS:
      return self->chosen_order->len == 0 ? _("Choose at least one dataset.") : NULL;

    case PAGE_FILES:
      if (draft.destination != NULL && draft.destination->bucket_param != NULL &&
          (draft.bucket == NULL || *draft.bucket == '\0'))
        return _("Name the bucket or container, without a slash.");
      if (draft.path == NULL || *draft.path == '\0')
        return _("Give the folder to write in, without “..”.");
      return NULL;

    case PAGE_SCHEDULE:
      if (draft.schedule.start == 0)
        return _("Give the start as YYYY-MM-DD HH:MM, in local time.");
      if (end_text != NULL && *end_text != '\0' && draft.schedule.end == 0)
        return _("Give the end as YYYY-MM-DD HH:MM, in local time, or leave it empty.");
      if (!trib_export_draft_check (&draft, &error))
        {
          set_check (self, g_strdup (error->message));
          return self->check_text;
        }
      return NULL;

    case PAGE_REVIEW:
      return self->plan == NULL ? _("The plan is not made yet.") : NULL;

    case PAGE_CREATE:
    case N_PAGES:
    default:
      return NULL;
    }
}

/* The folder preview, the schedule's UTC times and ticks. */
void
_trib_export_wizard_refresh_files (TribExportWizard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GArray) ticks = NULL;
  g_autoptr(GString) utc = g_string_new (NULL);
  g_autofree char *preview = NULL;
  TribProfile *profile = trib_session_get_profile (self->session);
  TribExportDraft draft;

  if (self->chosen == NULL)
    return;
  _trib_export_wizard_fill_draft (self, &draft, ids, names);

  first = draft.schedule.start > 0 ? g_date_time_new_from_unix_utc (draft.schedule.start)
                                   : g_date_time_new_now_utc ();
  preview = trib_export_folder_preview (draft.folder_template, &draft,
                                        profile != NULL ? trib_profile_get_org_id (profile) : NULL, first);
  adw_action_row_set_subtitle (self->preview_row, preview);

  adw_action_row_set_subtitle (self->mode_row, draft.schedule.mode == TRIB_EXPORT_MODE_FULL
                                                 ? _("Every row, once (a full export)")
                                                 : _("Every row first, then only the rows added since the last "
                                                     "export (incremental)"));

  _trib_export_wizard_check_collisions (self);
  if (draft.schedule.start <= 0)
    {
      adw_action_row_set_subtitle (self->utc_row, "");
      return;
    }
  ticks = trib_export_schedule_ticks (&draft.schedule, draft.schedule.start, G_MAXINT64);
  for (guint i = 0; i < MIN (ticks->len, 3); i++)
    {
      g_autoptr(GDateTime) tick = g_date_time_new_from_unix_utc (g_array_index (ticks, gint64, i));
      g_autofree char *text = g_date_time_format (tick, "%Y-%m-%d %H:%M UTC");

      if (utc->len > 0)
        g_string_append (utc, " · ");
      g_string_append (utc, text);
    }
  if (ticks->len > 3)
    g_string_append (utc, " …");
  adw_action_row_set_subtitle (self->utc_row, utc->str);
}

static void
files_changed_cb (TribExportWizard *self)
{
  _trib_export_wizard_refresh_files (self);
  _trib_export_wizard_update (self);
}

void
_trib_export_wizard_init_pages (TribExportWizard *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) hour = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                     g_date_time_get_day_of_month (now),
                                                     g_date_time_get_hour (now), 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_hours (hour, 1);
  g_autofree char *start = g_date_time_format (next, "%Y-%m-%d %H:%M");
  g_autofree char *joined = g_strjoinv ("  ", (char **) macros);
  /* A word joiner keeps `%DATETIME(…)%` whole when the line wraps. */
  g_auto(GStrv) parts = g_strsplit (joined, ")%", -1);
  g_autofree char *list = g_strjoinv (")\u2060%", parts);
  GtkWidget *rows[] = {
    GTK_WIDGET (self->bucket_row), GTK_WIDGET (self->path_row), GTK_WIDGET (self->template_row),
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->start_row), GTK_WIDGET (self->end_row),
  };

  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), _("Dataset export"));
  adw_combo_row_set_selected (self->frequency_row, TRIB_EXPORT_EVERY_3_HOURS);
  adw_action_row_set_subtitle (self->macros_row, list);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "changed", G_CALLBACK (files_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->file_type_row, "notify::selected", G_CALLBACK (files_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->compression_row, "notify::selected", G_CALLBACK (files_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->frequency_row, "notify::selected", G_CALLBACK (files_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Review */

gboolean
_trib_export_wizard_build_plan (TribExportWizard *self)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *summary = NULL;
  TribExportDraft draft;
  guint n;

  _trib_export_wizard_fill_draft (self, &draft, ids, names);
  g_clear_object (&self->plan);
  if (!(self->plan = trib_export_plan_new (&draft, &error)))
    {
      _trib_export_wizard_toast (self, error->message);
      return FALSE;
    }

  n = trib_flow_plan_get_n_steps (self->plan);
  for (guint i = 0; i < n; i++)
    {
      TribFlowStep *step = trib_flow_plan_get_step (self->plan, i);
      g_autofree char *body = trib_flow_step_dup_body_text (step);

      g_string_append_printf (text, "%u. %s\n%s %s\n%s\n\n", i + 1, trib_flow_step_get_title (step),
                              trib_flow_step_get_method (step), trib_flow_step_get_path (step),
                              body != NULL ? body : "");
    }
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->review_text), text->str, -1);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %u is a number of platform calls */
                                          "Creating the export makes %u call. A new account’s secrets are shown "
                                          "as placeholders.",
                                          "Creating the export makes %u calls, in this order. A new account’s "
                                          "secrets are shown as placeholders.", n), n);
  gtk_label_set_text (self->review_label, summary);

  return TRUE;
}

static void
copy_curl_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (widget);
  g_autofree char *curl = NULL;

  if (self->plan == NULL || trib_session_get_profile (self->session) == NULL)
    return;
  curl = trib_flow_plan_to_curl (self->plan, trib_session_get_profile (self->session));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), curl);
  _trib_export_wizard_toast (self, _("Copied as curl commands, without secrets"));
}

/* Create */

static const char *
state_text (TribFlowStepState state)
{
  switch (state)
    {
    case TRIB_FLOW_STEP_PENDING:
      return _("Waiting");
    case TRIB_FLOW_STEP_RUNNING:
      return _("Sending…");
    case TRIB_FLOW_STEP_DONE:
      return _("Done");
    case TRIB_FLOW_STEP_FAILED:
      return _("Failed");
    case TRIB_FLOW_STEP_SKIPPED:
    default:
      return _("Skipped");
    }
}

static void
show_progress (TribExportWizard *self)
{
  GtkWidget *child;
  TribFlowPlan *plan = self->runner != NULL ? trib_flow_runner_get_plan (self->runner) : self->plan;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->progress_list))) != NULL)
    gtk_list_box_remove (self->progress_list, child);
  for (guint i = 0; plan != NULL && i < trib_flow_plan_get_n_steps (plan); i++)
    {
      TribFlowStep *step = trib_flow_plan_get_step (plan, i);
      const GError *error = trib_flow_step_get_error (step);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_flow_step_get_title (step));
      subtitle = error != NULL ? g_strdup_printf ("%s — %s", state_text (trib_flow_step_get_state (step)),
                                                  error->message)
                               : g_strdup (state_text (trib_flow_step_get_state (step)));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->progress_list, row);
    }
}

/* A new account's secrets go to the keyring when asked, as the Connect
 * dialog keeps them: once the platform has made the account (its id
 * names them there), whether or not the rest of the setup went through.
 * The plan and its journal only ever hold `{{secret:KEY}}`.
 */
static void
remember_secrets (TribExportWizard *self)
{
  TribFlowPlan *plan = self->runner != NULL ? trib_flow_runner_get_plan (self->runner) : NULL;
  TribFlowStep *step = plan != NULL ? trib_flow_plan_find_step (plan, TRIB_FLOW_STEP_CREATE_CONNECTION) : NULL;
  const char *id = step != NULL ? trib_flow_step_get_created_id (step) : NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (id == NULL || self->form == NULL || !gtk_switch_get_active (self->remember_switch) ||
      g_strcmp0 (id, self->remembered_id) == 0)
    return;

  g_free (self->remembered_id);
  self->remembered_id = g_strdup (id);
  _trib_connect_remember (parent != NULL ? parent : GTK_WINDOW (self), self->session, self->form, id,
                          gtk_editable_get_text (GTK_EDITABLE (self->account_name_row)));
}

static void
finished (TribExportWizard *self,
          char             *flow_id,
          GError           *error)
{
  g_autoptr(GError) owned_error = error;

  self->failed = flow_id == NULL;
  remember_secrets (self);
  if (flow_id != NULL)
    {
      g_autofree char *text = NULL;

      _trib_export_wizard_set_flow_id (self, flow_id);
      /* Translators: %s is the export dataflow's id */
      text = g_strdup_printf (_("The export dataflow exists (%s). Its runs appear on the Dataflows page."), flow_id);
      gtk_label_set_text (self->create_status, text);
      _trib_export_wizard_toast (self, _("Export created"));
    }
  else if (owned_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The export setup stopped: %s Resume to go on, or roll back to "
                                                 "delete what it made."), owned_error->message);

      gtk_label_set_text (self->create_status, text);
    }
  show_progress (self);
  _trib_export_wizard_set_busy (self, FALSE);
  _trib_export_wizard_update (self);
  /* Close or Resume takes the focus, not the selectable status text. */
  gtk_widget_grab_focus (flow_id != NULL ? GTK_WIDGET (self->next_button) : self->resume_button);
  g_free (flow_id);
}

static void
run_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(TribExportWizard) self = user_data;
  GError *error = NULL;
  char *flow_id = trib_flow_runner_run_finish (TRIB_FLOW_RUNNER (object), result, &error);

  finished (self, flow_id, error);
}

static void
resume_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(TribExportWizard) self = user_data;
  GError *error = NULL;
  char *flow_id = trib_flow_runner_resume_finish (TRIB_FLOW_RUNNER (object), result, &error);

  finished (self, flow_id, error);
}

static void
roll_back_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TribExportWizard) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) not_deleted = NULL;

  if (!trib_flow_runner_roll_back_finish (TRIB_FLOW_RUNNER (object), result, &not_deleted, &error))
    {
      finished (self, NULL, g_steal_pointer (&error));
      return;
    }
  gtk_label_set_text (self->create_status, _("Rolled back: nothing of this export is left on the platform."));
  show_progress (self);
  g_clear_object (&self->runner);
  self->failed = TRUE;
  _trib_export_wizard_set_busy (self, FALSE);
}

static void
step_changed_cb (TribExportWizard *self)
{
  show_progress (self);
}

void
_trib_export_wizard_run_plan (TribExportWizard *self)
{
  g_clear_object (&self->runner);
  g_set_object (&self->run_cancellable, g_cancellable_new ());
  self->runner = trib_flow_runner_new (trib_session_get_client (self->session), self->plan, NULL);
  g_signal_connect_object (self->runner, "notify::current-step", G_CALLBACK (step_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_label_set_text (self->create_status, _("Creating the export…"));
  self->failed = FALSE;
  _trib_export_wizard_set_busy (self, TRUE);
  show_progress (self);
  trib_flow_runner_run_async (self->runner, self->run_cancellable, run_cb, g_object_ref (self));
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (widget);

  if (self->runner == NULL || self->busy)
    return;
  gtk_label_set_text (self->create_status, _("Resuming: what may have been made is looked for first…"));
  _trib_export_wizard_set_busy (self, TRUE);
  trib_flow_runner_resume_async (self->runner, self->run_cancellable, resume_cb, g_object_ref (self));
}

static void
roll_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  TribExportWizard *self = TRIB_EXPORT_WIZARD (widget);

  if (self->runner == NULL || self->busy)
    return;
  gtk_label_set_text (self->create_status, _("Rolling back…"));
  _trib_export_wizard_set_busy (self, TRUE);
  trib_flow_runner_roll_back_async (self->runner, self->run_cancellable, roll_back_cb, g_object_ref (self));
}

void
_trib_export_wizard_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "export.copy-curl", NULL, copy_curl_action);
  gtk_widget_class_install_action (widget_class, "export.resume", NULL, resume_action);
  gtk_widget_class_install_action (widget_class, "export.roll-back", NULL, roll_back_action);
}
