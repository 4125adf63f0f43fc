/* trib-grid-scroller-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-grid-scroller.h"

G_BEGIN_DECLS

struct _TribGridScroller
{
  GtkWidget parent_instance;

  GtkWidget *child;             /* a GtkScrolledWindow */
  GtkWidget *scrollbar;
  GtkAdjustment *adjustment;    /* in rows */
  TribGridSlots *slots;

  int row_height;
  guint n_in_sight;             /* rows wholly in sight */
  double scroll_rest;           /* of smooth scrolls, in rows */
  guint room_source;
  guint indicator_source;
  guint pointer_on_bar : 1;
  guint bar_fits : 1;           /* beside the rows, below the header */

  guint kinetic_tick;
  gint64 kinetic_time;
  double kinetic_speed[2];      /* pixels a second, across and along */

  guint syncing : 1;
};

/* trib-grid-scroller.c */
GtkWidget *_trib_grid_scroller_get_row_list (TribGridScroller *self);
guint      _trib_grid_scroller_get_n_rows   (TribGridScroller *self);

/* trib-grid-scroller-keys.c */
void       _trib_grid_scroller_init_keys    (TribGridScroller *self);

G_END_DECLS
