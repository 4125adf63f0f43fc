/* trib-mapping-row-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-mapping-row.h"

G_BEGIN_DECLS

/* What a row holds, copied whole into the draft's undo history. */
typedef struct
{
  gboolean calculated;
  char *source;
  char *source_type;
  char *target;
  char *target_type;
  gboolean identity;
  char *namespace;
  char *platform_problem;   /* from the last validation of this row */
} TribMappingRowState;

void                 _trib_mapping_row_state_clear (TribMappingRowState *state);
void                 _trib_mapping_row_state_copy  (const TribMappingRowState *from,
                                                    TribMappingRowState       *to);

TribMappingRow      *_trib_mapping_row_new         (const TribMappingRowState *state);
const TribMappingRowState *_trib_mapping_row_peek  (TribMappingRow *self);
void                 _trib_mapping_row_update      (TribMappingRow            *self,
                                                    const TribMappingRowState *state);
void                 _trib_mapping_row_set_local_problem (TribMappingRow *self,
                                                          const char     *problem);

G_END_DECLS
