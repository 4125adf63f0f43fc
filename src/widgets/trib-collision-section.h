/* trib-collision-section.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-collision.h"
#include "trib-flow.h"

G_BEGIN_DECLS

/**
 * TribCollisionMoveFunc:
 * @button: the button clicked, made insensitive while the move goes
 * @flow: (nullable): the export to move, %NULL for one not made yet
 * @start_ms: its new first tick, in milliseconds since the epoch
 * @user_data: data given to trib_collision_section_append()
 */
typedef void (*TribCollisionMoveFunc) (GtkButton *button,
                                       TribFlow  *flow,
                                       gint64     start_ms,
                                       gpointer   user_data);

GtkWidget *trib_collision_section_new_label (const char            *text,
                                             const char            *css_class);
void       trib_collision_section_append    (GtkBox                *box,
                                             TribCollisionRuns     *runs,
                                             TribCollisionReport   *report,
                                             TribFlow              *flow,
                                             TribCollisionMoveFunc  move,
                                             gpointer               user_data);

G_END_DECLS
