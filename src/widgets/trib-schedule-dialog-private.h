/* trib-schedule-dialog-private.h
 *
 * What the schedule dialog's form (trib-schedule-dialog.c) and its calls
 * to Query Service (trib-schedule-dialog-save.c) share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-entry-row.h"
#include "trib-paged-list.h"
#include "trib-query-service.h"
#include "trib-schedule-dialog.h"

G_BEGIN_DECLS

typedef enum
{
  PRESET_HOURLY,
  PRESET_DAILY,
  PRESET_WEEKLY,
  PRESET_CUSTOM,
} SchedulePreset;

struct _TribScheduleDialog
{
  AdwWindow parent_instance;

  TribPlatformClient *client;
  GCancellable *cancellable;
  char *database;
  char *sql;
  /* Editing: the schedule changed; creating: NULL. */
  TribQuerySchedule *schedule;
  /* The template made by an earlier try whose schedule failed: a second
   * try schedules it rather than making another.
   */
  char *template_id;
  char *template_name;
  /* The output as it was when Schedule was pressed: the dataset list may
   * be read again meanwhile.
   */
  char *dataset;
  TribPagedList *datasets;
  gboolean busy;
  gboolean setting_cron;
  gboolean disposing;

  /* Template widgets */
  GtkWidget *save_button;
  GtkSpinner *spinner;
  AdwPreferencesPage *form;
  GtkLabel *error_label;
  GtkLabel *edit_label;
  TribEntryRow *name_row;
  AdwActionRow *database_row;
  GtkLabel *sql_label;
  GtkLabel *refused_label;
  AdwPreferencesGroup *period_group;
  AdwPreferencesGroup *output_group;
  AdwComboRow *frequency_row;
  AdwComboRow *weekday_row;
  AdwActionRow *time_row;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  TribEntryRow *cron_row;
  GtkLabel *next_label;
  TribEntryRow *start_row;
  TribEntryRow *end_row;
  AdwComboRow *output_row;
  TribEntryRow *dataset_name_row;
  GtkSearchEntry *dataset_search;
  GtkListBox *dataset_list;
  /* For the collision check (branch collision): its warnings for the
   * cron and dataset of the form (trib_schedule_dialog_dup_cron(),
   * _trib_schedule_dialog_get_dataset()), shown by making the group
   * visible. _trib_schedule_dialog_validate() runs at every change.
   */
  AdwPreferencesGroup *collision_group;
  GtkBox *collision_box;
};

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

extern guint _trib_schedule_dialog_signals[N_SIGNALS];

GDateTime      *_trib_schedule_dialog_parse_time   (const char         *text);
gboolean        _trib_schedule_dialog_validate     (TribScheduleDialog *self);
void            _trib_schedule_dialog_set_busy     (TribScheduleDialog *self,
                                                    gboolean            busy);
void            _trib_schedule_dialog_show_error   (TribScheduleDialog *self,
                                                    const char         *message);
TribQueryOutput _trib_schedule_dialog_get_output   (TribScheduleDialog *self);
const char     *_trib_schedule_dialog_get_dataset  (TribScheduleDialog *self);

/* trib-schedule-dialog-save.c */
void            _trib_schedule_dialog_save         (TribScheduleDialog *self);

/* trib-schedule-dialog-collision.c */
void            _trib_schedule_dialog_check_collisions (TribScheduleDialog *self);

G_END_DECLS
