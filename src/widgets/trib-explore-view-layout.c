/* trib-explore-view-layout.c
 *
 * The explore view's layout: the tree beside the preview, or above it
 * when the window is narrow.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-view"

#include "config.h"

#include "trib-explore-view-private.h"

/* Below this width the tree goes above the preview. */
#define NARROW_WIDTH 760

static gboolean
set_orientation_cb (gpointer user_data)
{
  TribExploreView *self = user_data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  self->orientation_idle = 0;
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->paned),
                                  width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL);
  gtk_paned_set_position (self->paned, width < NARROW_WIDTH ? gtk_widget_get_height (GTK_WIDGET (self)) / 3 : 300);

  return G_SOURCE_REMOVE;
}

void
_trib_explore_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  gtk_widget_measure (adw_bin_get_child (ADW_BIN (widget)), orientation, for_size,
                      minimum, natural, minimum_baseline, natural_baseline);
}

/* Narrow, the tree goes above the preview rather than beside it, so
 * that neither cuts long file names down to a few letters. Changed
 * after the allocation, not during it.
 */
void
_trib_explore_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TribExploreView *self = TRIB_EXPLORE_VIEW (widget);
  GtkOrientation wanted = width < NARROW_WIDTH ? GTK_ORIENTATION_VERTICAL : GTK_ORIENTATION_HORIZONTAL;

  gtk_widget_allocate (adw_bin_get_child (ADW_BIN (self)), width, height, baseline, NULL);

  if (wanted != gtk_orientable_get_orientation (GTK_ORIENTABLE (self->paned)) && self->orientation_idle == 0)
    self->orientation_idle = g_idle_add (set_orientation_cb, self);
}
