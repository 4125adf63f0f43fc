/* trib-mapping-draft.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-column-types.h"
#include "trib-explore-preview.h"
#include "trib-mapping-preview-row.h"
#include "trib-mapping-row.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_MAPPING_DRAFT (trib_mapping_draft_get_type ())

G_DECLARE_FINAL_TYPE (TribMappingDraft, trib_mapping_draft, TRIB, MAPPING_DRAFT, GObject)

TribMappingDraft *trib_mapping_draft_new                (void);
guint             trib_mapping_draft_add_column         (TribMappingDraft     *self,
                                                         const char           *column,
                                                         const char           *source_type,
                                                         const char           *target,
                                                         const char           *target_type);
guint             trib_mapping_draft_add_expression     (TribMappingDraft     *self,
                                                         const char           *expression,
                                                         const char           *target,
                                                         const char           *target_type);
void              trib_mapping_draft_remove             (TribMappingDraft     *self,
                                                         guint                 position);
void              trib_mapping_draft_set_target         (TribMappingDraft     *self,
                                                         guint                 position,
                                                         const char           *target,
                                                         const char           *target_type);
void              trib_mapping_draft_set_expression     (TribMappingDraft     *self,
                                                         guint                 position,
                                                         const char           *expression);
void              trib_mapping_draft_set_identity       (TribMappingDraft     *self,
                                                         guint                 position,
                                                         gboolean              identity,
                                                         const char           *namespace);
void              trib_mapping_draft_clear              (TribMappingDraft     *self);
guint             trib_mapping_draft_automap            (TribMappingDraft     *self,
                                                         GListModel           *roots,
                                                         guint                 n_columns,
                                                         const char * const   *names,
                                                         const TribColumnType *types);
gint              trib_mapping_draft_find_target        (TribMappingDraft     *self,
                                                         const char           *target);
gint              trib_mapping_draft_find_column        (TribMappingDraft     *self,
                                                         const char           *column);

gboolean          trib_mapping_draft_get_can_undo       (TribMappingDraft     *self);
gboolean          trib_mapping_draft_get_can_redo       (TribMappingDraft     *self);
gboolean          trib_mapping_draft_undo               (TribMappingDraft     *self);
gboolean          trib_mapping_draft_redo               (TribMappingDraft     *self);

guint             trib_mapping_draft_get_n_problems     (TribMappingDraft     *self);
gboolean          trib_mapping_draft_get_complete       (TribMappingDraft     *self);
GPtrArray        *trib_mapping_draft_dup_mappings       (TribMappingDraft     *self);
GStrv             trib_mapping_draft_dup_targets        (TribMappingDraft     *self);
void              trib_mapping_draft_apply_checks       (TribMappingDraft     *self,
                                                         GPtrArray            *checks);

void              trib_mapping_draft_validate_async     (TribMappingDraft     *self,
                                                         TribPlatformClient   *client,
                                                         const char           *schema_id,
                                                         guint                 n_columns,
                                                         const char * const   *names,
                                                         const TribColumnType *types,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
gboolean          trib_mapping_draft_validate_finish    (TribMappingDraft     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
void              trib_mapping_draft_preview_async      (TribMappingDraft     *self,
                                                         TribPlatformClient   *client,
                                                         const char           *schema_id,
                                                         TribExplorePreview   *sample,
                                                         const TribColumnType *types,
                                                         GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
GPtrArray        *trib_mapping_draft_preview_finish     (TribMappingDraft     *self,
                                                         GAsyncResult         *result,
                                                         GError              **error);
GPtrArray        *trib_mapping_preview_row_dup_texts    (TribMappingPreviewRow *row,
                                                         const char * const   *paths);

G_END_DECLS
