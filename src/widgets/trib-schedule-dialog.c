/* trib-schedule-dialog.c
 *
 * A statement of the query page made a scheduled query: its name, how
 * often it runs (every hour, day or week at a local time, or any cron
 * the platform reads, checked as it is typed and its next runs shown in
 * local time and UTC), from when to when, and the dataset each run
 * writes: a new one (CTAS) or an existing one (INSERT INTO), searched in
 * the Catalog. SQL that writes a table itself is refused here, with the
 * reason, as Query Service would refuse it. Opened on a schedule, it
 * changes its frequency, the one thing the platform lets change.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-schedule-dialog"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "trib-catalog.h"
#include "trib-cron.h"
#include "trib-format.h"
#include "trib-schedule-dialog-private.h"

G_DEFINE_FINAL_TYPE (TribScheduleDialog, trib_schedule_dialog, ADW_TYPE_WINDOW)

guint _trib_schedule_dialog_signals[N_SIGNALS];

#define N_PREVIEW_RUNS 3

/**
 * _trib_schedule_dialog_parse_time:
 * @text: a local time written as `2026-12-04 09:30`
 *
 * Returns: (transfer full) (nullable): the time, or %NULL if @text is
 *   not one
 */
GDateTime *
_trib_schedule_dialog_parse_time (const char *text)
{
  int year, month, day, hour, minute;
  int consumed = 0;
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (sscanf (stripped, "%4d-%2d-%2d %2d:%2d%n", &year, &month, &day, &hour, &minute, &consumed) != 5 ||
      stripped[consumed] != '\0')
    return NULL;

  /* g_date_time_new_local() takes 31 February for 3 March: refused. */
  if (month < 1 || month > 12 || day < 1 || day > g_date_get_days_in_month (month, year) ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59)
    return NULL;

  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static char *
format_local (GDateTime *time)
{
  g_autoptr(GDateTime) local = trib_format_to_local (time);

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

/* The preset's time of day is local; the cron the platform reads is in
 * UTC, worked out for the next such day (so a weekly run late in the
 * evening west of Greenwich lands on the right UTC weekday).
 */
static char *
preset_cron (TribScheduleDialog *self)
{
  SchedulePreset preset = adw_combo_row_get_selected (self->frequency_row);
  int hour = gtk_spin_button_get_value_as_int (self->hour_spin);
  int minute = gtk_spin_button_get_value_as_int (self->minute_spin);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) utc = NULL;

  local = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                 g_date_time_get_day_of_month (now), preset == PRESET_HOURLY ? 0 : hour, minute, 0);
  if (preset == PRESET_WEEKLY)
    {
      int wanted = (int)adw_combo_row_get_selected (self->weekday_row) + 1;  /* 1 Monday … 7 Sunday */
      int days = (wanted - g_date_time_get_day_of_week (local) + 7) % 7;
      GDateTime *moved = g_date_time_add_days (local, days);

      g_date_time_unref (local);
      local = moved;
    }
  utc = g_date_time_to_utc (local);

  switch (preset)
    {
    case PRESET_HOURLY:
      return g_strdup_printf ("%d * * * *", g_date_time_get_minute (utc));
    case PRESET_DAILY:
      return g_strdup_printf ("%d %d * * *", g_date_time_get_minute (utc), g_date_time_get_hour (utc));
    case PRESET_WEEKLY:
      return g_strdup_printf ("%d %d * * %d", g_date_time_get_minute (utc), g_date_time_get_hour (utc),
                              g_date_time_get_day_of_week (utc) % 7);
    case PRESET_CUSTOM:
    default:
      return NULL;
    }
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/* The UTC time of what is typed, or how to write it. */
static void
show_time_subtitle (AdwActionRow *row,
                    GDateTime    *time,
                    gboolean      empty_ok)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (time != NULL)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      g_autofree char *formatted = g_date_time_format (utc, "%Y-%m-%d %H:%M");
      /* Translators: %s is a date and time in UTC */
      g_autofree char *subtitle = g_strdup_printf (_("%s UTC"), formatted);

      adw_action_row_set_subtitle (row, subtitle);
    }
  else if (text[0] == '\0' && empty_ok)
    adw_action_row_set_subtitle (row, _("None: runs until it is disabled"));
  else
    adw_action_row_set_subtitle (row, _("Write the date and time as 2026-12-04 09:30"));

  set_row_error (GTK_WIDGET (row), time == NULL && !(text[0] == '\0' && empty_ok));
}

/* The next runs, in local time and UTC, within the period. */
static gboolean
update_preview (TribScheduleDialog *self,
                GDateTime          *start,
                GDateTime          *end)
{
  g_autofree char *text = trib_schedule_dialog_dup_cron (self);
  g_autoptr(TribCron) cron = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) preview = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 after;

  cron = trib_cron_parse (text, &error);
  set_row_error (GTK_WIDGET (self->cron_row), cron == NULL);
  if (cron == NULL)
    {
      gtk_label_set_label (self->next_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->next_label), "error");
      return FALSE;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->next_label), "error");

  if (trib_cron_is_once (cron))
    {
      gtk_label_set_label (self->next_label, _("Runs once, at its start."));
      return TRUE;
    }

  preview = g_string_new (_("Next runs:"));
  after = g_date_time_to_unix (now) * 1000;
  if (start != NULL)
    after = MAX (after, (g_date_time_to_unix (start) - 1) * 1000);
  for (guint i = 0; i < N_PREVIEW_RUNS; i++)
    {
      g_autoptr(GDateTime) utc = NULL;
      g_autoptr(GDateTime) local = NULL;
      g_autofree char *local_text = NULL;
      g_autofree char *utc_text = NULL;

      after = trib_cron_next (cron, after);
      if (after < 0)
        break;
      utc = g_date_time_new_from_unix_utc (after / 1000);
      if (end != NULL && g_date_time_compare (utc, end) > 0)
        break;
      local = trib_format_to_local (utc);
      local_text = g_date_time_format (local, "%a %Y-%m-%d %H:%M");
      utc_text = g_date_time_format (utc, "%H:%M");
      g_string_append_c (preview, '\n');
      /* Translators: a run's local time, then its time in UTC */
      g_string_append_printf (preview, _("%s (%s UTC)"), local_text, utc_text);
      if (i == 0 && g_date_time_get_day_of_year (local) != g_date_time_get_day_of_year (utc))
        g_string_append_printf (preview, " %s", _("— another day in UTC"));
    }
  if (after < 0 || preview->len == strlen (_("Next runs:")))
    g_string_append_printf (preview, "\n%s", _("None within the period."));

  gtk_label_set_label (self->next_label, preview->str);
  return TRUE;
}

TribQueryOutput
_trib_schedule_dialog_get_output (TribScheduleDialog *self)
{
  return adw_combo_row_get_selected (self->output_row) == 0 ? TRIB_QUERY_OUTPUT_NEW_DATASET
                                                             : TRIB_QUERY_OUTPUT_EXISTING_DATASET;
}

/**
 * _trib_schedule_dialog_get_dataset:
 *
 * Returns: (nullable): the name of the dataset the runs write
 */
const char *
_trib_schedule_dialog_get_dataset (TribScheduleDialog *self)
{
  GtkListBoxRow *row;
  const char *name;

  if (_trib_schedule_dialog_get_output (self) == TRIB_QUERY_OUTPUT_NEW_DATASET)
    {
      name = gtk_editable_get_text (GTK_EDITABLE (self->dataset_name_row));
      return name[0] != '\0' ? name : NULL;
    }

  row = gtk_list_box_get_selected_row (self->dataset_list);
  return row != NULL ? adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)) : NULL;
}

/**
 * _trib_schedule_dialog_validate:
 *
 * Brings the form's marks and its Save up to date.
 *
 * Returns: whether it may be sent
 */
gboolean
_trib_schedule_dialog_validate (TribScheduleDialog *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  const char *end_text;
  gboolean editing = self->schedule != NULL;
  gboolean ok = TRUE;

  if (self->disposing)
    return FALSE;

  start = _trib_schedule_dialog_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)));
  end = _trib_schedule_dialog_parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)));
  end_text = gtk_editable_get_text (GTK_EDITABLE (self->end_row));

  ok &= update_preview (self, start, end);
  if (!editing)
    {
      gboolean refused = trib_schedule_dialog_get_refused (self);

      gtk_widget_set_visible (GTK_WIDGET (self->refused_label), refused);
      ok &= !refused;
      ok &= gtk_editable_get_text (GTK_EDITABLE (self->name_row))[0] != '\0';
      show_time_subtitle (ADW_ACTION_ROW (self->start_row), start, FALSE);
      show_time_subtitle (ADW_ACTION_ROW (self->end_row), end, TRUE);
      ok &= start != NULL && (end != NULL || end_text[0] == '\0');
      if (start != NULL && end != NULL && g_date_time_compare (end, start) <= 0)
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->end_row), _("The end must come after the start"));
          set_row_error (GTK_WIDGET (self->end_row), TRUE);
          ok = FALSE;
        }
      ok &= _trib_schedule_dialog_get_dataset (self) != NULL;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", ok && !self->busy);
  _trib_schedule_dialog_check_collisions (self);
  return ok;
}

void
_trib_schedule_dialog_set_busy (TribScheduleDialog *self,
                                gboolean            busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->form), !busy);
  _trib_schedule_dialog_validate (self);
}

void
_trib_schedule_dialog_show_error (TribScheduleDialog *self,
                                  const char         *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* 09:05, not 9:5. */
static gboolean
spin_output_cb (GtkSpinButton *spin)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);

  return TRUE;
}

static void
form_changed_cb (TribScheduleDialog *self)
{
  _trib_schedule_dialog_validate (self);
}

static void
preset_changed_cb (TribScheduleDialog *self)
{
  SchedulePreset preset;
  g_autofree char *cron = NULL;

  if (self->disposing)
    return;

  preset = adw_combo_row_get_selected (self->frequency_row);
  cron = preset_cron (self);

  gtk_widget_set_visible (GTK_WIDGET (self->weekday_row), preset == PRESET_WEEKLY);
  gtk_widget_set_visible (GTK_WIDGET (self->time_row), preset != PRESET_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->hour_spin), preset != PRESET_HOURLY);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->time_row),
                                 preset == PRESET_HOURLY ? _("At minute (local time)") : _("At (local time)"));

  if (cron != NULL)
    {
      self->setting_cron = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->cron_row), cron);
      self->setting_cron = FALSE;
    }
  _trib_schedule_dialog_validate (self);
}

/* A cron typed is a custom frequency: the presets no longer say it. */
static void
cron_changed_cb (TribScheduleDialog *self)
{
  if (self->disposing)
    return;
  if (!self->setting_cron && adw_combo_row_get_selected (self->frequency_row) != PRESET_CUSTOM)
    adw_combo_row_set_selected (self->frequency_row, PRESET_CUSTOM);
  _trib_schedule_dialog_validate (self);
}

static GtkWidget *
create_dataset_row (gpointer item,
                    gpointer user_data)
{
  TribDataset *dataset = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), trib_dataset_get_name (dataset));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (trib_dataset_get_table_name (dataset) != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), trib_dataset_get_table_name (dataset));

  return row;
}

static void
load_datasets (TribScheduleDialog *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->dataset_search));

  if (self->datasets != NULL)
    trib_paged_list_cancel (self->datasets);
  g_clear_object (&self->datasets);
  self->datasets = trib_catalog_list_datasets (self->client, search[0] != '\0' ? search : NULL);
  gtk_list_box_bind_model (self->dataset_list, G_LIST_MODEL (self->datasets), create_dataset_row, NULL, NULL);
  _trib_schedule_dialog_validate (self);
}

static void
dataset_search_cb (TribScheduleDialog *self)
{
  if (!self->disposing)
    load_datasets (self);
}

static void
output_changed_cb (TribScheduleDialog *self)
{
  gboolean existing;

  if (self->disposing)
    return;

  existing = _trib_schedule_dialog_get_output (self) == TRIB_QUERY_OUTPUT_EXISTING_DATASET;

  gtk_widget_set_visible (GTK_WIDGET (self->dataset_name_row), !existing);
  gtk_widget_set_visible (GTK_WIDGET (self->dataset_search), existing);
  gtk_widget_set_visible (GTK_WIDGET (self->dataset_list), existing);
  if (existing && self->datasets == NULL && self->client != NULL && self->schedule == NULL)
    load_datasets (self);
  _trib_schedule_dialog_validate (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  TribScheduleDialog *self = TRIB_SCHEDULE_DIALOG (widget);

  if (!self->busy && _trib_schedule_dialog_validate (self))
    _trib_schedule_dialog_save (self);
}

/**
 * trib_schedule_dialog_get_refused:
 *
 * Returns: whether the statement writes a table itself, which Query
 *   Service refuses with an output dataset
 */
gboolean
trib_schedule_dialog_get_refused (TribScheduleDialog *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_DIALOG (self), FALSE);

  return self->sql != NULL && trib_query_service_sql_writes_table (self->sql);
}

/**
 * trib_schedule_dialog_dup_cron:
 *
 * Returns: (transfer full): the cron as it will be sent
 */
char *
trib_schedule_dialog_dup_cron (TribScheduleDialog *self)
{
  g_return_val_if_fail (TRIB_IS_SCHEDULE_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cron_row))));
}

static void
trib_schedule_dialog_dispose (GObject *object)
{
  TribScheduleDialog *self = (TribScheduleDialog *)object;

  /* Rows removed and the search entry's delayed search-changed call
   * back while the widgets go: nothing is checked from now on.
   */
  self->disposing = TRUE;
  g_cancellable_cancel (self->cancellable);
  if (self->datasets != NULL)
    trib_paged_list_cancel (self->datasets);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_SCHEDULE_DIALOG);

  g_clear_object (&self->datasets);
  g_clear_object (&self->schedule);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (trib_schedule_dialog_parent_class)->dispose (object);
}

static void
trib_schedule_dialog_finalize (GObject *object)
{
  TribScheduleDialog *self = (TribScheduleDialog *)object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->database, g_free);
  g_clear_pointer (&self->sql, g_free);
  g_clear_pointer (&self->template_id, g_free);
  g_clear_pointer (&self->template_name, g_free);
  g_clear_pointer (&self->dataset, g_free);

  G_OBJECT_CLASS (trib_schedule_dialog_parent_class)->finalize (object);
}

static void
trib_schedule_dialog_class_init (TribScheduleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = trib_schedule_dialog_dispose;
  object_class->finalize = trib_schedule_dialog_finalize;

  /**
   * TribScheduleDialog::saved:
   * @schedule_id: the schedule created or changed
   *
   * The schedule is on the platform; the dialog closes.
   */
  _trib_schedule_dialog_signals[SIGNAL_SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-schedule-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, form);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, edit_label);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, database_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, sql_label);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, refused_label);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, period_group);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, output_group);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, cron_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, next_label);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, dataset_name_row);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, dataset_search);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, dataset_list);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, collision_group);
  gtk_widget_class_bind_template_child (widget_class, TribScheduleDialog, collision_box);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cron_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, output_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, dataset_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, spin_output_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
trib_schedule_dialog_init (TribScheduleDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *start_text = NULL;

  g_type_ensure (TRIB_TYPE_ENTRY_ROW);
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* From the next whole minute; daily at the next whole hour. */
  start = g_date_time_add_seconds (now, 60 - g_date_time_get_seconds (now));
  start_text = format_local (start);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start_text);
  gtk_spin_button_set_value (self->hour_spin, (g_date_time_get_hour (now) + 1) % 24);
  adw_combo_row_set_selected (self->weekday_row, g_date_time_get_day_of_week (now) - 1);
  adw_combo_row_set_selected (self->frequency_row, PRESET_DAILY);
  preset_changed_cb (self);
  output_changed_cb (self);

  /* The name first, not the header's Cancel button. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

/**
 * trib_schedule_dialog_new:
 * @database: where the statement runs, such as `prod:all`
 * @sql: the statement
 *
 * Returns: (transfer full): a dialog that makes @sql a query template
 *   and schedules it
 */
TribScheduleDialog *
trib_schedule_dialog_new (TribPlatformClient *client,
                          const char         *database,
                          const char         *sql)
{
  TribScheduleDialog *self;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (database != NULL, NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  self = g_object_new (TRIB_TYPE_SCHEDULE_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->database = g_strdup (database);
  /* A statement's closing semicolon is the editor's, not the query's. */
  stripped = g_strstrip (g_strdup (sql));
  if (g_str_has_suffix (stripped, ";"))
    stripped[strlen (stripped) - 1] = '\0';
  self->sql = g_strdup (g_strstrip (stripped));

  adw_action_row_set_subtitle (self->database_row, database);
  gtk_label_set_label (self->sql_label, self->sql);
  _trib_schedule_dialog_validate (self);

  return self;
}

/**
 * trib_schedule_dialog_new_for_schedule:
 * @schedule: a schedule as listed
 *
 * Returns: (transfer full): a dialog that changes @schedule's frequency
 */
TribScheduleDialog *
trib_schedule_dialog_new_for_schedule (TribPlatformClient *client,
                                       TribQuerySchedule  *schedule)
{
  TribScheduleDialog *self;
  const char *sql;
  const char *dataset;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (TRIB_IS_QUERY_SCHEDULE (schedule), NULL);

  self = g_object_new (TRIB_TYPE_SCHEDULE_DIALOG, NULL);
  self->client = g_object_ref (client);
  self->schedule = g_object_ref (schedule);

  gtk_window_set_title (GTK_WINDOW (self), _("Edit Schedule"));
  gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
  gtk_widget_set_visible (GTK_WIDGET (self->edit_label), TRUE);

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), trib_query_schedule_get_name (schedule) != NULL
                                                      ? trib_query_schedule_get_name (schedule) : "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
  if (trib_query_schedule_get_database (schedule) != NULL)
    adw_action_row_set_subtitle (self->database_row, trib_query_schedule_get_database (schedule));
  sql = trib_query_schedule_get_sql (schedule);
  gtk_label_set_label (self->sql_label, sql != NULL ? sql : trib_query_schedule_get_template_id (schedule));

  if (trib_query_schedule_get_start (schedule) != NULL)
    {
      g_autofree char *start = format_local (trib_query_schedule_get_start (schedule));

      gtk_editable_set_text (GTK_EDITABLE (self->start_row), start);
    }
  if (trib_query_schedule_get_end (schedule) != NULL)
    {
      g_autofree char *end = format_local (trib_query_schedule_get_end (schedule));

      gtk_editable_set_text (GTK_EDITABLE (self->end_row), end);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->period_group), FALSE);

  dataset = trib_query_schedule_get_output_dataset (schedule);
  adw_combo_row_set_selected (self->output_row, trib_query_schedule_get_creates_dataset (schedule) ? 0 : 1);
  gtk_widget_set_visible (GTK_WIDGET (self->dataset_search), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->dataset_list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->dataset_name_row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->dataset_name_row), dataset != NULL ? dataset : "");
  gtk_widget_set_visible (GTK_WIDGET (self->output_group), dataset != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->output_group), FALSE);

  adw_combo_row_set_selected (self->frequency_row, PRESET_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (self->cron_row), trib_query_schedule_get_cron (schedule));
  _trib_schedule_dialog_validate (self);

  return self;
}
