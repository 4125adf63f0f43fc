/* trib-announcer.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRIB_TYPE_ANNOUNCER (trib_announcer_get_type ())

G_DECLARE_FINAL_TYPE (TribAnnouncer, trib_announcer, TRIB, ANNOUNCER, GtkWidget)

GtkWidget  *trib_announcer_new         (void);
void        trib_announcer_announce    (TribAnnouncer *self,
                                        const char    *message);
const char *trib_announcer_get_message (TribAnnouncer *self);

G_END_DECLS
