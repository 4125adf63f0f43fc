/* trib-format.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char       *trib_format_date         (GDateTime   *date);
char       *trib_format_time         (GDateTime   *date);
char       *trib_format_date_time    (GDateTime   *date);
GDateTime  *trib_format_to_local     (GDateTime   *date);
char       *trib_format_full_date_time (GDateTime *date);
char       *trib_format_count        (gint64       count);
const char *trib_format_batch_status (const char  *status,
                                      const char **css_class);
void        trib_format_without_hyphens (GtkWidget *widget);

char       *trib_format_error_text   (const char  *text);
char       *trib_format_error_line   (const char  *text);
char       *trib_format_long_text    (const char  *text);

G_END_DECLS
