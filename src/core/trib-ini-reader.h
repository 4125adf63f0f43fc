/* trib-ini-reader.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TribIniReader TribIniReader;

TribIniReader *trib_ini_reader_new          (const char     *data,
                                             gsize           length,
                                             GError        **error);
void           trib_ini_reader_free         (TribIniReader  *self);
gboolean       trib_ini_reader_has_section  (TribIniReader  *self,
                                             const char     *section);
gboolean       trib_ini_reader_get          (TribIniReader  *self,
                                             const char     *section,
                                             const char     *key,
                                             char          **value,
                                             guint          *line,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribIniReader, trib_ini_reader_free)

G_END_DECLS
