/* trib-list-cell.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_LIST_CELL (trib_list_cell_get_type ())

G_DECLARE_FINAL_TYPE (TribListCell, trib_list_cell, TRIB, LIST_CELL, AdwBin)

const char *trib_list_cell_get_row_name (TribListCell *self);
void        trib_list_cell_set_row_name (TribListCell *self,
                                         const char   *row_name);

G_END_DECLS
