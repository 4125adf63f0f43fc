/* trib-config-ini.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-profile.h"

G_BEGIN_DECLS

TribProfile *trib_config_ini_parse        (const char           *data,
                                           gssize                length,
                                           char                **client_secret,
                                           GError              **error);
TribProfile *trib_config_ini_parse_aepp_json (const char        *data,
                                              gssize             length,
                                              char             **client_secret,
                                              GError           **error);
TribProfile *trib_config_ini_parse_any    (const char           *data,
                                           gssize                length,
                                           char                **client_secret,
                                           GError              **error);
void         trib_config_ini_read_async   (GFile                *file,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
TribProfile *trib_config_ini_read_finish  (GAsyncResult         *result,
                                           char                **client_secret,
                                           GError              **error);

G_END_DECLS
