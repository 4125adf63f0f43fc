/* trib-export-wizard-private.h
 *
 * What the Export Datasets wizard's files share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-connection-spec.h"
#include "trib-export-plan.h"
#include "trib-export-schedule.h"
#include "trib-export-wizard.h"
#include "trib-flow-runner.h"
#include "trib-paged-list.h"

G_BEGIN_DECLS

typedef enum
{
  PAGE_DESTINATION,
  PAGE_DATASETS,
  PAGE_FILES,
  PAGE_SCHEDULE,
  PAGE_REVIEW,
  PAGE_CREATE,
  N_PAGES,
} TribExportWizardPage;

struct _TribExportWizard
{
  AdwWindow parent_instance;

  TribSession *session;
  GCancellable *cancellable;
  TribExportWizardPage page;

  /* Destination and account */
  TribConnectionSpec *spec;
  GListModel *auth_choices;
  TribSpecForm *form;
  TribPagedList *accounts;
  GPtrArray *account_ids;         /* char *, NULL first: a new account */
  guint spec_loading;

  /* Datasets: the chosen ones by id, in the order chosen */
  TribPagedList *datasets;
  GtkFilter *dataset_filter;
  GHashTable *chosen;             /* id → name */
  GPtrArray *chosen_order;
  GStrv preselected;

  /* The plan and its run */
  TribFlowPlan *plan;
  TribFlowRunner *runner;
  GCancellable *run_cancellable;
  char *problem;
  char *check_text;
  char *flow_id;
  gboolean busy;
  gboolean failed;
  char *remembered_id;            /* the new account whose secrets went to the keyring */

  /* The collision check (trib-export-wizard-collision.c) */
  char *collision_key;            /* the chosen datasets the schedules were found for */
  GPtrArray *collision_schedules; /* TribQuerySchedule writing them; NULL while looked up */
  GHashTable *collision_durations; /* schedule id → GArray of gint64 ms, oldest first */
  GCancellable *collision_cancellable;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkButton *next_button;
  GtkSpinner *busy_spinner;
  GtkLabel *problem_label;
  GtkStack *stack;

  AdwComboRow *destination_row;
  AdwComboRow *account_row;
  AdwPreferencesGroup *new_account_group;
  AdwEntryRow *account_name_row;
  AdwComboRow *auth_row;
  GtkBox *fields_box;
  GtkWidget *remember_group;
  GtkSwitch *remember_switch;

  GtkSearchEntry *dataset_search;
  GtkSpinner *datasets_spinner;
  GtkLabel *datasets_chosen_label;
  GtkListBox *dataset_list;

  AdwComboRow *file_type_row;
  AdwComboRow *compression_row;
  AdwEntryRow *bucket_row;
  AdwEntryRow *path_row;
  AdwEntryRow *template_row;
  AdwActionRow *preview_row;
  AdwActionRow *macros_row;

  AdwEntryRow *name_row;
  AdwComboRow *frequency_row;
  AdwActionRow *mode_row;
  AdwEntryRow *start_row;
  AdwEntryRow *end_row;
  AdwActionRow *utc_row;
  AdwPreferencesGroup *collision_group;
  GtkBox *collision_box;

  GtkLabel *review_label;
  GtkTextView *review_text;

  GtkLabel *create_status;
  GtkListBox *progress_list;
  GtkWidget *rollback_button;
  GtkWidget *resume_button;
};

/* trib-export-wizard.c */
void                         _trib_export_wizard_update        (TribExportWizard *self);
void                         _trib_export_wizard_set_busy      (TribExportWizard *self,
                                                                gboolean          busy);
void                         _trib_export_wizard_toast         (TribExportWizard *self,
                                                                const char       *message);
const TribExportDestination *_trib_export_wizard_destination   (TribExportWizard *self);
const char                  *_trib_export_wizard_account_id    (TribExportWizard *self);
void                         _trib_export_wizard_set_flow_id   (TribExportWizard *self,
                                                                const char       *flow_id);

/* trib-export-wizard-pages.c: files, schedule, review, create */
void                         _trib_export_wizard_init_pages    (TribExportWizard *self);
void                         _trib_export_wizard_fill_draft    (TribExportWizard *self,
                                                                TribExportDraft  *draft,
                                                                GPtrArray        *ids,
                                                                GPtrArray        *names);
const char                  *_trib_export_wizard_check_page    (TribExportWizard *self);
void                         _trib_export_wizard_refresh_files (TribExportWizard *self);
gboolean                     _trib_export_wizard_build_plan    (TribExportWizard *self);
void                         _trib_export_wizard_run_plan      (TribExportWizard *self);
void                         _trib_export_wizard_class_add_actions (GtkWidgetClass *widget_class);

/* trib-export-wizard-collision.c */
void                         _trib_export_wizard_check_collisions (TribExportWizard *self);
void                         _trib_export_wizard_clear_collisions (TribExportWizard *self);

G_END_DECLS
