/* trib-flow-wizard-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-class-picker.h"

#include "trib-explore-preview.h"
#include "trib-flow-answers.h"
#include "trib-flow-plan.h"
#include "trib-flow-runner.h"
#include "trib-flow-schedule.h"
#include "trib-flow-spec.h"
#include "trib-flow-wizard.h"
#include "trib-mapping-page.h"
#include "trib-paged-list-view.h"

G_BEGIN_DECLS

typedef enum
{
  TRIB_FLOW_WIZARD_TARGET_DATASET,
  TRIB_FLOW_WIZARD_TARGET_SCHEMA,
  TRIB_FLOW_WIZARD_TARGET_ADHOC,
  TRIB_FLOW_WIZARD_TARGET_CLASS,
} TribFlowWizardTarget;

struct _TribFlowWizard
{
  AdwWindow parent_instance;

  TribSession *session;
  GCancellable *cancellable;

  /* The source, as chosen in Explore */
  char *connection_id;
  char *connection_name;
  char *connection_spec_id;
  char *path;
  TribExploreItemType item_type;
  TribExplorePreview *preview;
  GError *source_error;
  GCancellable *preview_cancellable;
  guint source_loading;

  /* The flow spec that takes this source, with its schedule's rules */
  TribFlowSpec *flow_spec;
  TribFlowSchedule *schedule;
  char *schedule_spec_id;

  /* Target */
  TribFlowWizardTarget target_kind;
  TribPagedList *target_model;
  GtkSingleSelection *target_selection;
  gboolean filling;

  /* Target: a new schema from a class and field groups */
  GListModel *class_fields;      /* the planned schema's, for the mapping */
  guint n_class_fields;
  char *class_fields_key;
  GCancellable *class_fields_cancellable;

  /* The answers as the flows library checks them, and their plan */
  TribFlowAnswers *answers;
  char *answers_problem;
  TribFlowPlan *plan;
  TribFlowRunner *runner;
  GCancellable *run_cancellable;
  int run_state;

  /* Where we are */
  char *problem;
  gboolean problem_refused;
  gboolean busy;
  char *flow_id;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkWidget *back_button;
  GtkWidget *next_button;
  GtkSpinner *busy_spinner;
  GtkLabel *problem_label;
  GtkStack *stack;

  AdwActionRow *account_row;
  AdwActionRow *object_row;
  AdwActionRow *columns_row;
  GtkSpinner *columns_spinner;
  AdwEntryRow *flow_name_row;
  AdwPreferencesGroup *format_group;
  AdwComboRow *file_type_row;
  AdwComboRow *delimiter_row;
  AdwComboRow *compression_row;
  AdwActionRow *xdm_row;
  GtkSwitch *xdm_switch;
  AdwPreferencesGroup *delta_group;
  AdwComboRow *delta_row;
  GtkStringList *delta_columns;

  GtkCheckButton *existing_check;
  GtkCheckButton *schema_check;
  GtkCheckButton *class_check;
  GtkCheckButton *adhoc_check;
  GtkStack *target_stack;
  AdwPreferencesGroup *new_dataset_group;
  AdwEntryRow *dataset_name_row;
  GtkSearchEntry *target_search;
  TribPagedListView *target_list_view;
  GtkListView *target_list;
  AdwEntryRow *class_title_row;
  AdwEntryRow *schema_title_row;
  AdwEntryRow *adhoc_dataset_row;
  GtkListBox *field_list;
  AdwEntryRow *class_schema_row;
  AdwEntryRow *class_dataset_row;
  GtkSwitch *class_profile_switch;
  TribClassPicker *class_picker;

  AdwBin *mapping_bin;
  TribMappingPage *mapping_page;
  char *mapping_key;             /* the target the page maps onto */
  GHashTable *drafts;            /* target key → TribMappingDraft */
  TribExplorePreview *mapping_source;

  AdwComboRow *frequency_row;
  GtkStringList *frequencies;
  AdwActionRow *interval_row;
  GtkSpinButton *interval_spin;
  AdwEntryRow *start_row;
  AdwActionRow *start_utc_row;
  AdwActionRow *backfill_row;
  GtkSwitch *backfill_switch;

  GtkLabel *review_label;
  GtkBox *review_box;

  GtkLabel *create_status;
  GtkListBox *progress_list;
  GtkWidget *cancel_button;
  GtkWidget *rollback_button;
  GtkWidget *retry_button;
  GtkWidget *copy_id_button;
  GtkWidget *open_flow_button;
};

/* trib-flow-wizard.c */
void        _trib_flow_wizard_update            (TribFlowWizard *self);
void        _trib_flow_wizard_set_busy          (TribFlowWizard *self,
                                                 gboolean        busy);
void        _trib_flow_wizard_toast             (TribFlowWizard *self,
                                                 const char     *message);

/* trib-flow-wizard-source.c */
void        _trib_flow_wizard_load_source       (TribFlowWizard *self);
void        _trib_flow_wizard_format_changed_cb (TribFlowWizard *self);
const char *_trib_flow_wizard_check_source      (TribFlowWizard *self,
                                                 gboolean       *refused);
gboolean    _trib_flow_wizard_is_xdm            (TribFlowWizard *self);
const char *_trib_flow_wizard_get_delta_column  (TribFlowWizard *self);
void        _trib_flow_wizard_get_file_options  (TribFlowWizard         *self,
                                                 TribExploreFileOptions *options);
void        _trib_flow_wizard_write_file_options (TribFlowWizard               *self,
                                                  const TribExploreFileOptions *options);

/* trib-flow-wizard-target.c */
void        _trib_flow_wizard_init_target       (TribFlowWizard *self);
void        _trib_flow_wizard_fill_fields       (TribFlowWizard *self);
void        _trib_flow_wizard_reload_targets    (TribFlowWizard *self);
const char *_trib_flow_wizard_check_target      (TribFlowWizard *self,
                                                 gboolean       *refused);
gpointer    _trib_flow_wizard_get_target_item   (TribFlowWizard *self);
void        _trib_flow_wizard_target_kind_cb    (TribFlowWizard *self);
void        _trib_flow_wizard_target_search_cb  (TribFlowWizard *self);
char      **_trib_flow_wizard_dup_adhoc_fields  (TribFlowWizard *self,
                                                 GArray        **types);
GListModel *_trib_flow_wizard_dup_planned_fields (TribFlowWizard  *self,
                                                  guint           *n_fields,
                                                  char           **key);

GtkListItemFactory *_trib_flow_wizard_new_target_factory (void);

/* trib-flow-wizard-class.c */
void        _trib_flow_wizard_init_class        (TribFlowWizard *self);
void        _trib_flow_wizard_dispose_class     (TribFlowWizard *self);
void        _trib_flow_wizard_fill_class        (TribFlowWizard *self);
void        _trib_flow_wizard_reload_classes    (TribFlowWizard *self);
void        _trib_flow_wizard_class_picker_changed_cb (TribFlowWizard *self);
const char *_trib_flow_wizard_get_class_id      (TribFlowWizard *self);
const char *_trib_flow_wizard_check_class       (TribFlowWizard *self);
char      **_trib_flow_wizard_dup_field_group_ids (TribFlowWizard *self);
char       *_trib_flow_wizard_dup_class_key     (TribFlowWizard *self);
GListModel *_trib_flow_wizard_get_class_fields  (TribFlowWizard *self,
                                                 guint          *n_fields);
void        _trib_flow_wizard_load_class_fields (TribFlowWizard *self,
                                                 GCallback       done);

/* trib-flow-wizard-review.c: the mapping step */
void        _trib_flow_wizard_fill_mapping      (TribFlowWizard *self);
const char *_trib_flow_wizard_get_target_schema_id (TribFlowWizard *self);

/* trib-flow-wizard-schedule.c */
void        _trib_flow_wizard_fill_schedule     (TribFlowWizard *self);
const char *_trib_flow_wizard_check_schedule    (TribFlowWizard *self,
                                                 gboolean       *refused);
gint64      _trib_flow_wizard_get_start_time    (TribFlowWizard *self);
const char *_trib_flow_wizard_get_frequency     (TribFlowWizard *self);

/* trib-flow-wizard-review.c */
void        _trib_flow_wizard_sync_answers      (TribFlowWizard     *self);
const char *_trib_flow_wizard_check_answers     (TribFlowWizard     *self,
                                                 TribFlowWizardStep  step);
gboolean    _trib_flow_wizard_build_plan        (TribFlowWizard     *self);
void        _trib_flow_wizard_copy_curl_action  (GtkWidget          *widget,
                                                 const char         *action_name,
                                                 GVariant           *param);

/* trib-flow-wizard-create.c */
void        _trib_flow_wizard_run_plan          (TribFlowWizard     *self);
gboolean    _trib_flow_wizard_resume_journal    (TribFlowWizard     *self,
                                                 TribFlowJournal    *journal,
                                                 gboolean            roll_back,
                                                 GError            **error);
void        _trib_flow_wizard_class_add_run_actions (GtkWidgetClass *widget_class);

G_END_DECLS
