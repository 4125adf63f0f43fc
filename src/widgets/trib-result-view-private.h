/* trib-result-view-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-grid-scroller.h"
#include "trib-grid-slots.h"
#include "trib-result-view.h"
#include "trib-row-feed.h"

G_BEGIN_DECLS

/* How many characters of each value a row's accessible name reads. */
#define ROW_NAME_CHARS 40

/* The rows of one result: a column per field, NULL shown as such, long
 * and nested values shortened to one line with the whole value in the
 * row details beside the grid. Sorting works on the rows loaded so far:
 * a click on a column's header sorts by it (again: the other way), and
 * its menu has the original order too.
 */
struct _TribResultView
{
  AdwBin parent_instance;

  TribResultModel *model;
  GtkMultiSelection *selection; /* of all the rows shown */
  TribGridSlots *slots;         /* of those there is room for */
  GCancellable *sort_cancellable;
  guint details_position;
  int probed_column;            /* see sort_state() */
  guint loading : 1;
  guint syncing_sorter : 1;

  /* Template widgets */
  TribGridScroller *scroller;
  GtkColumnView *column_view;
  GtkWidget *empty_box;
  GtkWidget *empty_spinner;
  GtkLabel *empty_label;
  GtkWidget *sorting_box;
  GtkWidget *details;
  GtkLabel *details_title;
  GtkListBox *details_list;

  GtkWidget *grid_menu;         /* a GtkPopoverMenu, ours to unparent */
  TribRowFeed *feed;

  /* Filtering the loaded rows (trib-result-view-filter.c) */
  GtkFilterListModel *filter_model;
  GtkCustomFilter *filter;
  char *filter_text;            /* lower case; NULL: no filter */
  GtkSearchBar *search_bar;
  GtkSearchEntry *filter_entry;
  GtkLabel *filter_label;
};

void _trib_result_view_update_empty      (TribResultView     *self);

/* trib-result-view-cells.c */
void _trib_result_view_connect_cells    (TribResultView     *self,
                                         GtkListItemFactory *factory);
void _trib_result_view_show_rows_again  (TribResultView     *self);

/* trib-result-view-filter.c */
void        _trib_result_view_class_init_filter (GtkWidgetClass  *widget_class);
GListModel *_trib_result_view_init_filter       (TribResultView  *self);
void        _trib_result_view_dispose_filter    (TribResultView  *self);
void        _trib_result_view_filter_set_model  (TribResultView  *self,
                                                 TribResultModel *model);
void        _trib_result_view_refilter          (TribResultView  *self);
guint       _trib_result_view_get_row_position  (TribResultView  *self,
                                                 guint            position);

G_END_DECLS
