/* trib-redact.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *trib_redact_header_value (const char *name,
                                const char *value);
char *trib_redact_body         (const char *content_type,
                                const char *body,
                                gsize       length);

G_END_DECLS
