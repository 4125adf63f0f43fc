/* trib-json-indent.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *trib_json_indent (const char *text,
                        gsize       max_bytes,
                        gboolean   *cut);

G_END_DECLS
