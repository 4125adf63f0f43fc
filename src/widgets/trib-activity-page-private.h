/* trib-activity-page-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-activity-page.h"
#include "trib-body-view.h"

G_BEGIN_DECLS

/* The calls made to the platform, so a data engineer can see what the
 * app did, with what bodies, and replay any of it with curl. The list
 * can be searched and filtered by status, service and method; what it
 * shows is the request log's, redacted when it was recorded.
 */
struct _TribActivityPage
{
  AdwBin parent_instance;

  TribRequestLog *log;
  GtkFilterListModel *filtered;
  GtkCustomFilter *filter;
  GtkSingleSelection *selection;
  TribRequestRecord *newest_shown;  /* the newest call when it was selected */
  gboolean following;               /* scrolled to the newest call, on top */
  char **search_words;              /* casefolded; NULL for no search */
  TribRequestOutcome outcome;
  TribRequestService service;
  char *method;                     /* NULL for any */
  guint refilter_source;

  /* Template widgets */
  GtkStack *stack;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkDropDown *outcome_dropdown;
  GtkDropDown *service_dropdown;
  GtkDropDown *method_dropdown;
  GtkStack *list_stack;
  GtkScrolledWindow *list_scroller;
  GtkListView *list_view;
  GtkStack *details_stack;
  GtkLabel *detail_title;
  GtkStack *detail_stack;
  GtkTextView *detail_view;
  TribBodyView *request_view;
  TribBodyView *response_view;
};

char *_trib_activity_page_outcome_name        (gpointer          unused,
                                              int               value);
char *_trib_activity_page_service_name        (gpointer          unused,
                                              int               value);
void  _trib_activity_page_ellipsize_dropdown  (GtkDropDown      *dropdown);
gboolean _trib_activity_page_filtering        (TribActivityPage *self);
void  _trib_activity_page_filters_changed     (TribActivityPage *self);
void  _trib_activity_page_stop_search         (TribActivityPage *self);
void  _trib_activity_page_log_items_changed   (TribActivityPage *self,
                                              guint             position,
                                              guint             removed,
                                              guint             added);
void  _trib_activity_page_update_state        (TribActivityPage *self);

G_END_DECLS
