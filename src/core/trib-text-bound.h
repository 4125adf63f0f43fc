/* trib-text-bound.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What an error message made from a server's words may hold: enough for
 * any real explanation (the platform's longest are a few hundred
 * characters), little enough that a label lays it out at once.
 */
#define TRIB_TEXT_BOUND_MESSAGE_CHARS 1000
#define TRIB_TEXT_BOUND_MESSAGE_LINES 12

char *trib_text_bound (const char *text,
                       gssize      length,
                       gsize       max_chars,
                       guint       max_lines);

G_END_DECLS
