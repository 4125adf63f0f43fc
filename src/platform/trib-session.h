/* trib-session.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-platform-client.h"
#include "trib-sandbox.h"
#include "trib-sql-names.h"
#include "trib-xdm-titles.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SESSION (trib_session_get_type ())

G_DECLARE_FINAL_TYPE (TribSession, trib_session, TRIB, SESSION, GObject)

TribSession        *trib_session_new                (TribPlatformClient   *client);
TribPlatformClient *trib_session_get_client         (TribSession          *self);
TribProfile        *trib_session_get_profile        (TribSession          *self);
GListModel         *trib_session_get_sandboxes      (TribSession          *self);
TribSandbox        *trib_session_get_sandbox        (TribSession          *self);
void                trib_session_set_sandbox        (TribSession          *self,
                                                     TribSandbox          *sandbox);
TribXdmTitles      *trib_session_get_xdm_titles     (TribSession          *self);
TribSqlNames       *trib_session_get_sql_names      (TribSession          *self);
gboolean            trib_session_get_loading        (TribSession          *self);
const GError       *trib_session_get_error          (TribSession          *self);
void                trib_session_refresh_async      (TribSession          *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gboolean            trib_session_refresh_finish     (TribSession          *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);

G_END_DECLS
