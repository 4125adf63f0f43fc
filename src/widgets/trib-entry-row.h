/* trib-entry-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_ENTRY_ROW (trib_entry_row_get_type ())

G_DECLARE_FINAL_TYPE (TribEntryRow, trib_entry_row, TRIB, ENTRY_ROW, AdwActionRow)

GtkWidget *trib_entry_row_new       (void);
GtkWidget *trib_entry_row_get_entry (TribEntryRow *self);

G_END_DECLS
