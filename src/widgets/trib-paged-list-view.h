/* trib-paged-list-view.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-paged-list.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PAGED_LIST_VIEW (trib_paged_list_view_get_type ())

G_DECLARE_FINAL_TYPE (TribPagedListView, trib_paged_list_view, TRIB, PAGED_LIST_VIEW, AdwBin)

TribPagedList *trib_paged_list_view_get_model (TribPagedListView *self);
void           trib_paged_list_view_set_model (TribPagedListView *self,
                                               TribPagedList     *model);
void           trib_paged_list_view_set_empty (TribPagedListView *self,
                                               const char        *title,
                                               const char        *description);
const char    *trib_paged_list_view_get_state (TribPagedListView *self);

G_END_DECLS
