/* trib-schemas-page-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-field-tree.h"
#include "trib-paged-list-view.h"
#include "trib-schemas-page.h"
#include "trib-xdm-titles.h"

G_BEGIN_DECLS

struct _TribSchemasPage
{
  TribSessionPage parent_instance;

  GSignalGroup *list_signals;
  TribPagedList *list;
  GtkSingleSelection *list_selection;
  GCancellable *detail_cancellable;
  TribXdmResource *resource;
  TribXdmTitles *titles;
  char *pending_id;       /* a resource to select once the list holds it */
  char *list_search;      /* what the list was searched for */
  gboolean freeze_reload;

  /* Template widgets */
  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkDropDown *kind_dropdown;
  GtkDropDown *container_dropdown;
  GtkMenuButton *new_button;
  TribPagedListView *paged_view;
  GtkListView *list_view;
  GtkStack *detail_stack;
  GtkSpinner *detail_spinner;
  AdwStatusPage *detail_error_page;
  GtkLabel *title_label;
  GtkLabel *id_label;
  GtkLabel *facts_label;
  GtkLabel *field_groups_label;
  TribFieldTree *field_tree;
};

const char       *_trib_schemas_page_describe_behavior  (TribXdmBehavior   behavior);
const char       *_trib_schemas_page_title_for_id       (TribSchemasPage  *self,
                                                         TribXdmKind       kind,
                                                         const char       *id);
TribXdmContainer  _trib_schemas_page_selected_container (TribSchemasPage  *self);
char             *_trib_schemas_page_describe_kind      (gpointer          item,
                                                         TribXdmKind       kind);
char             *_trib_schemas_page_describe_container (gpointer          item,
                                                         TribXdmContainer  container);
void              _trib_schemas_page_init_list          (TribSchemasPage  *self);
void              _trib_schemas_page_reload_list        (TribSchemasPage  *self);
void              _trib_schemas_page_reveal_in_list     (TribSchemasPage  *self,
                                                         TribXdmKind       kind,
                                                         TribXdmContainer  container,
                                                         const char       *id);
void              _trib_schemas_page_search_changed_cb  (TribSchemasPage  *self);
void              _trib_schemas_page_list_options_changed_cb (TribSchemasPage *self);

G_END_DECLS
