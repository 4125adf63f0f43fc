/* trib-datasets-page-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-catalog.h"
#include "trib-dataset-detail.h"
#include "trib-datasets-columns.h"
#include "trib-datasets-page.h"
#include "trib-grid-scroller.h"
#include "trib-paged-list-view.h"
#include "trib-xdm-titles.h"

G_BEGIN_DECLS

struct _TribDatasetsPage
{
  TribSessionPage parent_instance;

  GSignalGroup *list_signals;
  TribPagedList *list;
  TribPagedList *schemas;
  GtkSingleSelection *selection;
  TribGridSlots *slots;        /* the rows in sight, the column view's items */
  GHashTable *schema_titles;   /* $id → title, from the registry's list */
  TribXdmTitles *titles;       /* the titles of schemas made since the list was read */
  TribDataset *dataset;
  GCancellable *fetch_cancellable;   /* a dataset just created, fetched to be shown */
  gboolean deleting;
  GtkColumnViewColumn *columns[TRIB_DATASETS_N_COLUMNS];   /* owned by the column view */

  /* Sort and filters (trib-datasets-page-sort.c) */
  TribDatasetsColumn sort_column;
  gboolean descending;
  TribDatasetStatus status;
  char *schema_id;             /* NULL: any schema */
  gboolean syncing_headers;    /* the page, not a click, is moving the header's arrow */
  GMenu *schema_menu;          /* the schema filter's choices */
  guint schema_menu_idle;

  /* Template widgets */
  GtkStack *view_stack;
  GtkSearchEntry *search_entry;
  GtkWidget *more_label;
  GtkMenuButton *filter_button;
  TribPagedListView *list_view;
  TribGridScroller *scroller;
  GtkColumnView *column_view;
  GtkLabel *name_label;
  GtkButton *query_button;
  GtkSpinner *detail_spinner;
  TribDatasetDetail *detail;
};

/* trib-datasets-page.c */
void _trib_datasets_page_reload_list       (TribDatasetsPage *self);

/* trib-datasets-page-sort.c */
void _trib_datasets_page_class_init_sort   (GtkWidgetClass   *widget_class);
void _trib_datasets_page_init_sort         (TribDatasetsPage *self);
void _trib_datasets_page_dispose_sort      (TribDatasetsPage *self);
void _trib_datasets_page_fill_query        (TribDatasetsPage *self,
                                            TribDatasetQuery *query);
gboolean _trib_datasets_page_get_filtered  (TribDatasetsPage *self);
void _trib_datasets_page_schemas_changed   (TribDatasetsPage *self);

G_END_DECLS
