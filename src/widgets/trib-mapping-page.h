/* trib-mapping-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-explore-preview.h"
#include "trib-mapping-draft.h"
#include "trib-result-view.h"
#include "trib-session.h"

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_PAGE (trib_mapping_page_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingPage, trib_mapping_page, TRIB, MAPPING_PAGE, GtkWidget)

GtkWidget        *trib_mapping_page_new            (void);
void              trib_mapping_page_set_inputs     (TribMappingPage    *self,
                                                    TribSession        *session,
                                                    TribExplorePreview *source,
                                                    const char         *schema_id);
void              trib_mapping_page_set_planned_target (TribMappingPage    *self,
                                                    TribSession        *session,
                                                    TribExplorePreview *source,
                                                    GListModel         *fields,
                                                    guint               n_fields);
TribMappingDraft *trib_mapping_page_get_draft      (TribMappingPage    *self);
void              trib_mapping_page_set_draft      (TribMappingPage    *self,
                                                    TribMappingDraft   *draft);
gboolean          trib_mapping_page_get_complete   (TribMappingPage    *self);
gboolean          trib_mapping_page_get_busy       (TribMappingPage    *self);
gboolean          trib_mapping_page_get_loaded     (TribMappingPage    *self);
void              trib_mapping_page_set_filter     (TribMappingPage    *self,
                                                    const char         *text);
void              trib_mapping_page_pick_target    (TribMappingPage    *self,
                                                    guint               position,
                                                    const char         *path);
void              trib_mapping_page_map_column     (TribMappingPage    *self,
                                                    const char         *column,
                                                    const char         *path);
GtkListView      *trib_mapping_page_get_mappings_view (TribMappingPage *self);
TribResultView   *trib_mapping_page_get_result_view   (TribMappingPage *self);

G_END_DECLS
