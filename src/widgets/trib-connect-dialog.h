/* trib-connect-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-connection-spec.h"
#include "trib-session.h"

G_BEGIN_DECLS

#define TRIB_TYPE_CONNECT_DIALOG (trib_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribConnectDialog, trib_connect_dialog, TRIB, CONNECT_DIALOG, AdwWindow)

TribConnectDialog *trib_connect_dialog_new              (GtkWindow          *parent,
                                                         TribSession        *session,
                                                         TribConnectionSpec *spec,
                                                         GListModel         *accounts);
const char        *trib_connect_dialog_get_connection_id (TribConnectDialog *self);
gboolean           trib_connect_dialog_get_busy         (TribConnectDialog  *self);
gboolean           trib_connect_dialog_get_tested       (TribConnectDialog  *self);
gboolean           trib_connect_dialog_can_explore      (GtkWindow          *window);

G_END_DECLS
