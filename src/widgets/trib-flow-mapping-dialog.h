/* trib-flow-mapping-dialog.h
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

#define TRIB_TYPE_FLOW_MAPPING_DIALOG (trib_flow_mapping_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowMappingDialog, trib_flow_mapping_dialog, TRIB, FLOW_MAPPING_DIALOG, AdwWindow)

TribFlowMappingDialog *trib_flow_mapping_dialog_new         (TribPlatformClient    *client,
                                                             TribFlow              *flow);
TribFlow              *trib_flow_mapping_dialog_get_flow    (TribFlowMappingDialog *self);
gboolean               trib_flow_mapping_dialog_set_version (TribFlowMappingDialog *self,
                                                             guint                  version);
GPtrArray             *trib_flow_mapping_dialog_get_versions (TribFlowMappingDialog *self);
gboolean               trib_flow_mapping_dialog_get_reading (TribFlowMappingDialog *self);
const char            *trib_flow_mapping_dialog_get_problem (TribFlowMappingDialog *self);

G_END_DECLS
