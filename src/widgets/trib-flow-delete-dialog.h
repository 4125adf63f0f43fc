/* trib-flow-delete-dialog.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-flow.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_DELETE_DIALOG (trib_flow_delete_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowDeleteDialog, trib_flow_delete_dialog, TRIB, FLOW_DELETE_DIALOG, AdwMessageDialog)

TribFlowDeleteDialog *trib_flow_delete_dialog_new       (GtkWindow            *parent,
                                                         TribPlatformClient   *client,
                                                         TribFlow             *flow);
const GError         *trib_flow_delete_dialog_get_error (TribFlowDeleteDialog *self);

G_END_DECLS
