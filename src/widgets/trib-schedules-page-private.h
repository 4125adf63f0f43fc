/* trib-schedules-page-private.h
 *
 * What the scheduled queries' list (trib-schedules-page.c) and a
 * schedule's details, runs and changes (trib-schedules-page-detail.c)
 * share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-paged-list.h"
#include "trib-paged-list-view.h"
#include "trib-query-schedules.h"
#include "trib-schedules-page.h"

G_BEGIN_DECLS

struct _TribSchedulesPage
{
  TribSessionPage parent_instance;

  TribPagedList *list;
  gint64 listed_at;               /* when the list was asked for, monotonic */
  GCancellable *cancellable;      /* the session's or sandbox's calls */
  GCancellable *detail_cancellable;
  TribQuerySchedule *shown;       /* the schedule of the details */
  char *show_id;                  /* to show once read */
  GPtrArray *runs;                /* TribScheduleRun of the details, with their tasks */
  guint poll_source;              /* reads the details again while a run goes on */
  guint trigger_polls;            /* reads left for a run just started to be listed */
  gboolean had_running;           /* a run went on at the last read */
  gboolean runs_loading;
  guint n_runs_shown;             /* the details show the newest this many, ten more at a time */
  guint n_runs_asked;             /* what the load on its way was asked for */
  gboolean busy;

  /* Template widgets */
  GtkStack *view_stack;
  TribPagedListView *paged_view;
  GtkListBox *list_box;
  GtkLabel *name_label;
  GtkSpinner *detail_spinner;
  GtkWidget *enable_button;
  GtkWidget *disable_button;
  AdwPreferencesPage *detail_page;
  GtkWidget *quarantine_group;
  GtkLabel *quarantine_label;
  AdwActionRow *state_row;
  AdwActionRow *cron_row;
  AdwActionRow *next_row;
  AdwActionRow *period_row;
  AdwActionRow *output_row;
  AdwActionRow *database_row;
  AdwActionRow *id_row;
  GtkLabel *sql_label;
  /* For the collision check (branch collision): the warnings and the
   * 48-hour timeline of the schedule shown against the exports of its
   * output dataset go in collision_box; make collision_group visible
   * when there is something. The schedule is self->shown, its last runs
   * (with durations) self->runs, both up to date when runs_cb() in
   * trib-schedules-page-detail.c has run; clear both in
   * _trib_schedules_page_clear_details().
   */
  AdwPreferencesGroup *collision_group;
  GtkBox *collision_box;
  GtkLabel *runs_status;
  GtkListBox *runs_list;
  GtkWidget *more_runs_button;
};

typedef void (*TribSchedulesRunsFunc) (GPtrArray    *runs,
                                       const GError *error,
                                       gpointer      user_data);

const char *_trib_schedules_state_text    (TribQueryScheduleState  state);
const char *_trib_schedules_run_text      (TribScheduleRunState    state);
char       *_trib_schedules_format_duration (gint64                duration_ms);
char       *_trib_schedules_format_when   (GDateTime              *time);
void        _trib_schedules_load_runs     (TribPlatformClient     *client,
                                           const char             *schedule_id,
                                           guint                   n_runs,
                                           GCancellable           *cancellable,
                                           TribSchedulesRunsFunc   func,
                                           gpointer                user_data,
                                           GDestroyNotify          destroy);
void        _trib_schedules_page_changed  (TribSchedulesPage      *self,
                                           const char             *schedule_id);

/* trib-schedules-page-detail.c */
void        _trib_schedules_page_show_details  (TribSchedulesPage *self,
                                                const char        *schedule_id);
void        _trib_schedules_page_clear_details (TribSchedulesPage *self);
void        _trib_schedules_page_set_enabled   (TribSchedulesPage *self,
                                                gboolean           enabled);
void        _trib_schedules_page_run_now       (TribSchedulesPage *self);
void        _trib_schedules_page_more_runs     (TribSchedulesPage *self);
void        _trib_schedules_page_edit          (TribSchedulesPage *self);
void        _trib_schedules_page_delete        (TribSchedulesPage *self);

/* trib-schedules-page-collision.c */
void        _trib_schedules_page_check_collisions (TribSchedulesPage *self);
void        _trib_schedules_page_clear_collisions (TribSchedulesPage *self);

G_END_DECLS
