/* trib-result-sort.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-result-model.h"

G_BEGIN_DECLS

guint32 *trib_result_sort_order (TribResultSnapshot *snapshot,
                                 guint               column,
                                 gboolean            descending);

G_END_DECLS
