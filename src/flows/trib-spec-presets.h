/* trib-spec-presets.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribSpecPreset:
 * @label: (nullable): a translated label for a field whose spec has no `title`
 * @secret: the value is a credential even where the spec has no
 *   `format: password`
 * @multiline: the value is usually pasted over several lines (a key)
 *
 * What Tributary knows about a field of a seed connector that the
 * connector's own spec does not say.
 */
typedef struct
{
  const char *label;
  gboolean secret;
  gboolean multiline;
} TribSpecPreset;

gboolean     trib_spec_presets_lookup_field  (const char     *connection_spec_id,
                                              const char     *name,
                                              TribSpecPreset *preset);
const char  *trib_spec_presets_pattern_hint  (const char     *pattern);
const char  *trib_spec_presets_auth_label    (const char     *auth_name);
int          trib_spec_presets_rank          (const char     *connection_spec_id,
                                              const char     *auth_name,
                                              const char     *name);
char        *trib_spec_presets_humanize      (const char     *name);

G_END_DECLS
