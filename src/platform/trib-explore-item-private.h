/* trib-explore-item-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-explore-item.h"

G_BEGIN_DECLS

TribExploreItem *_trib_explore_item_new_take (TribExploreItemType  item_type,
                                              char                *name,
                                              char                *path,
                                              int                  can_preview,
                                              int                  can_fetch_schema);

G_END_DECLS
