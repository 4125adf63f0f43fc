/* trib-grid-slots.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRIB_TYPE_GRID_SLOTS (trib_grid_slots_get_type ())

G_DECLARE_FINAL_TYPE (TribGridSlots, trib_grid_slots, TRIB, GRID_SLOTS, GObject)

TribGridSlots     *trib_grid_slots_new           (GtkSelectionModel *rows);
TribGridSlots     *trib_grid_slots_new_for_items (GtkSelectionModel *items);
GtkSelectionModel *trib_grid_slots_get_rows      (TribGridSlots     *self);
guint              trib_grid_slots_get_offset    (TribGridSlots     *self);
void               trib_grid_slots_set_offset    (TribGridSlots     *self,
                                                  guint              offset);
guint              trib_grid_slots_get_n_slots   (TribGridSlots     *self);
void               trib_grid_slots_set_n_slots   (TribGridSlots     *self,
                                                  guint              n_slots);

G_END_DECLS
