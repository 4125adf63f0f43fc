/* trib-grid-scroller.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-grid-slots.h"

G_BEGIN_DECLS

#define TRIB_TYPE_GRID_SCROLLER (trib_grid_scroller_get_type ())

G_DECLARE_FINAL_TYPE (TribGridScroller, trib_grid_scroller, TRIB, GRID_SCROLLER, GtkWidget)

GtkWidget     *trib_grid_scroller_get_child      (TribGridScroller *self);
void           trib_grid_scroller_set_child      (TribGridScroller *self,
                                                  GtkWidget        *child);
void           trib_grid_scroller_set_slots      (TribGridScroller *self,
                                                  TribGridSlots    *slots);
GtkAdjustment *trib_grid_scroller_get_adjustment (TribGridScroller *self);
gboolean       trib_grid_scroller_focus_row      (TribGridScroller *self,
                                                  guint             row);

G_END_DECLS
