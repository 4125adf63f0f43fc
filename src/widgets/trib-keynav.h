/* trib-keynav.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void trib_keynav_single_tab_stop (GtkWidget        *list);
void trib_keynav_leave           (GtkWidget        *widget,
                                  GtkDirectionType  direction);

G_END_DECLS
