/* trib-redact.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribRedactSpan:
 * @start: the offset of a placeholder's `$` in a redacted text
 * @end: the offset just past its name
 *
 * Where a redacted text holds a placeholder, such as `$ACCESS_TOKEN`,
 * rather than text that was sent.
 */
typedef struct
{
  gsize start;
  gsize end;
} TribRedactSpan;

gboolean  trib_redact_is_secret_name (const char *name);
char     *trib_redact_url            (const char *url,
                                      GArray     *spans);
char     *trib_redact_header_value   (const char *name,
                                      const char *value,
                                      GArray     *spans);
char     *trib_redact_body           (const char *content_type,
                                      const char *body,
                                      gsize       length,
                                      GArray     *spans);
char     *trib_redact_body_prefix    (const char *content_type,
                                      const char *body,
                                      gsize       length,
                                      gsize       max_bytes,
                                      gboolean   *cut);

G_END_DECLS
