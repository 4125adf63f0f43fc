/* trib-mapping-page-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-field-tree.h"
#include "trib-mapping-page.h"
#include "trib-xdm-field.h"

G_BEGIN_DECLS

struct _TribMappingPage
{
  GtkWidget parent_instance;

  TribSession *session;
  TribExplorePreview *source;
  char *schema_id;
  TribColumnType *types;        /* one per source column */
  GListModel *roots;            /* the target schema's fields */
  GHashTable *leaves;           /* path → TribXdmField, borrowed from roots */
  GListStore *leaf_store;       /* of TribXdmField, for the pick popover */
  GtkStringList *columns;       /* the source column names */
  TribMappingDraft *draft;
  GCancellable *load_cancellable;
  GCancellable *call_cancellable;
  guint busy : 1;
  guint loaded : 1;
  guint complete : 1;
  char *target_prefix;          /* the namespace every target shares, or NULL */
  gint pick_position;           /* the row the popover chooses for, -1 for a column */
  char *pick_column;            /* the column it chooses for */

  /* Template widgets */
  GtkWidget *content;
  GtkLabel *status_label;
  GtkSpinner *busy_spinner;
  GtkSpinner *loading_spinner;
  GtkStack *state_stack;
  AdwStatusPage *error_page;
  AdwLeaflet *leaflet;
  GtkLabel *namespace_label;
  GtkListView *columns_view;
  GtkListView *mappings_view;
  TribFieldTree *field_tree;
  GtkStack *preview_stack;
  TribResultView *result_view;
  AdwStatusPage *preview_error_page;
  GtkPopover *pick_popover;
  GtkSearchEntry *pick_entry;
  GtkListView *pick_view;
  GtkFilter *pick_filter;       /* owned by the filter model */
};

/* trib-mapping-page.c */
void          _trib_mapping_page_update_status   (TribMappingPage *self);
void          _trib_mapping_page_set_busy        (TribMappingPage *self,
                                                  gboolean         busy);

/* trib-mapping-page-prep.c */
void          _trib_mapping_page_validate_action (GtkWidget       *widget,
                                                  const char      *action_name,
                                                  GVariant        *param);
void          _trib_mapping_page_preview_action  (GtkWidget       *widget,
                                                  const char      *action_name,
                                                  GVariant        *param);

/* trib-mapping-page-rows.c */
void          _trib_mapping_page_setup_rows      (TribMappingPage *self);
void          _trib_mapping_page_setup_drop      (TribMappingPage *self);
void          _trib_mapping_page_open_pick       (TribMappingPage *self,
                                                  GtkWidget       *anchor,
                                                  gint             position,
                                                  const char      *column);
void          _trib_mapping_page_pick_filter_changed (TribMappingPage *self);
void          _trib_mapping_page_pick_activated  (TribMappingPage *self,
                                                  guint            position);
TribXdmField *_trib_mapping_page_lookup_field    (TribMappingPage *self,
                                                  const char      *path);
const char   *_trib_mapping_page_short_path      (TribMappingPage *self,
                                                  const char      *path);
char         *_trib_mapping_page_common_namespace (GListModel     *leaves);
const char   *_trib_mapping_page_column_type     (TribMappingPage *self,
                                                  const char      *column);

G_END_DECLS
