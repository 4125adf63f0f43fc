/* trib-format.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *trib_format_date         (GDateTime   *date);
char       *trib_format_count        (gint64       count);
const char *trib_format_batch_status (const char  *status,
                                      const char **css_class);

char       *trib_format_error_text   (const char  *text);
char       *trib_format_error_line   (const char  *text);
char       *trib_format_long_text    (const char  *text);

G_END_DECLS
