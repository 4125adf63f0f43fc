/* trib-mapping-draft-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-mapping-draft.h"

G_BEGIN_DECLS

GPtrArray *_trib_mapping_draft_dup_sent_rows (TribMappingDraft *self);
void       _trib_mapping_draft_check_rows    (TribMappingDraft *self);

G_END_DECLS
