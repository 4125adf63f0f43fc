/* trib-explore-view-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-explore-node.h"
#include "trib-explore-view.h"
#include "trib-paged-list.h"

G_BEGIN_DECLS

struct _TribExploreView
{
  TribSessionPage parent_instance;

  char *connection_id;        /* NULL: none chosen; "": the Data Landing Zone */
  TribExploreNode *root;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  TribExploreItem *selected;
  TribExploreItem *previewed;
  char *preview_error;

  TribPagedList *accounts;
  GListStore *account_store;  /* TribConnection, the Data Landing Zone first */
  GCancellable *preview_cancellable;
  guint filling_accounts : 1;
  guint setting_options : 1;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkDropDown *account_dropdown;
  GtkStack *tree_stack;
  GtkListView *tree_view;
  GtkWidget *options_box;
  GtkDropDown *file_type_dropdown;
  GtkDropDown *delimiter_dropdown;
  GtkDropDown *compression_dropdown;
  GtkDropDown *encoding_dropdown;
  GtkLabel *preview_label;
  GtkStack *preview_stack;
  GtkPaned *paned;
  guint orientation_idle;
  GtkSpinner *preview_spinner;
  AdwStatusPage *preview_error_page;
  TribResultView *result_view;
};

/* trib-explore-view.c */
void  _trib_explore_view_notify_options              (TribExploreView              *self);
void  _trib_explore_view_run_preview                 (TribExploreView              *self,
                                                      TribExploreItem              *item);
void  _trib_explore_view_rebuild_tree                (TribExploreView              *self);

/* trib-explore-view-actions.c */
void  _trib_explore_view_class_add_actions           (GtkWidgetClass               *widget_class);

/* trib-explore-view-options.c */
char *_trib_explore_view_describe_file_type          (gpointer                      item,
                                                      TribExploreFileType           file_type);
void  _trib_explore_view_read_options                (TribExploreView              *self,
                                                      TribExploreFileOptions       *options);
void  _trib_explore_view_write_options               (TribExploreView              *self,
                                                      const TribExploreFileOptions *options);
void  _trib_explore_view_guess_options               (const char                   *name,
                                                      TribExploreFileOptions       *options);
void  _trib_explore_view_update_options_sensitivity  (TribExploreView              *self);

/* trib-explore-view-layout.c */
void  _trib_explore_view_measure                     (GtkWidget                    *widget,
                                                      GtkOrientation                orientation,
                                                      int                           for_size,
                                                      int                          *minimum,
                                                      int                          *natural,
                                                      int                          *minimum_baseline,
                                                      int                          *natural_baseline);
void  _trib_explore_view_size_allocate               (GtkWidget                    *widget,
                                                      int                           width,
                                                      int                           height,
                                                      int                           baseline);

/* trib-explore-view-accounts.c */
void  _trib_explore_view_setup_accounts              (TribExploreView              *self);
void  _trib_explore_view_update_title                (TribExploreView              *self);
void  _trib_explore_view_select_account_row          (TribExploreView              *self);
void  _trib_explore_view_account_selected_cb         (TribExploreView              *self);
void  _trib_explore_view_load_accounts               (TribExploreView              *self);

G_END_DECLS
