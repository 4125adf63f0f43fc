/* trib-explore-view.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-explore-item.h"
#include "trib-flow-explore.h"
#include "trib-result-view.h"
#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_EXPLORE_VIEW (trib_explore_view_get_type ())

G_DECLARE_FINAL_TYPE (TribExploreView, trib_explore_view, TRIB, EXPLORE_VIEW, TribSessionPage)

TribExploreView     *trib_explore_view_new                   (void);
void                 trib_explore_view_reload                (TribExploreView *self);
const char          *trib_explore_view_get_connection_id     (TribExploreView *self);
void                 trib_explore_view_set_connection_id     (TribExploreView *self,
                                                              const char      *connection_id);
const char          *trib_explore_view_get_selected_path     (TribExploreView *self);
TribExploreItemType  trib_explore_view_get_selected_type     (TribExploreView *self);
void                 trib_explore_view_get_file_options      (TribExploreView        *self,
                                                              TribExploreFileOptions *options);
void                 trib_explore_view_set_file_options      (TribExploreView              *self,
                                                              const TribExploreFileOptions *options);
const char          *trib_explore_view_get_preview_state     (TribExploreView *self);
const char          *trib_explore_view_get_preview_error     (TribExploreView *self);
GtkListView         *trib_explore_view_get_tree_view         (TribExploreView *self);
TribResultView      *trib_explore_view_get_result_view       (TribExploreView *self);

G_END_DECLS
