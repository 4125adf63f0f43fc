/* trib-explore-preview.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define TRIB_TYPE_EXPLORE_PREVIEW (trib_explore_preview_get_type ())

G_DECLARE_FINAL_TYPE (TribExplorePreview, trib_explore_preview, TRIB, EXPLORE_PREVIEW, GObject)

TribExplorePreview  *trib_explore_preview_new_from_json            (JsonObject         *object);
guint                trib_explore_preview_get_n_columns            (TribExplorePreview *self);
const char * const  *trib_explore_preview_get_column_names         (TribExplorePreview *self);
const char * const  *trib_explore_preview_get_column_types         (TribExplorePreview *self);
const char * const  *trib_explore_preview_get_column_xdm_types     (TribExplorePreview *self);
guint                trib_explore_preview_get_n_rows               (TribExplorePreview *self);
const char * const  *trib_explore_preview_get_row                  (TribExplorePreview *self,
                                                                    guint               row);
const char          *trib_explore_preview_get_file_type            (TribExplorePreview *self);
const char          *trib_explore_preview_get_compression_type     (TribExplorePreview *self);
const char          *trib_explore_preview_get_column_delimiter     (TribExplorePreview *self);

G_END_DECLS
