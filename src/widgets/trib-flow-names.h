/* trib-flow-names.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_NAMES (trib_flow_names_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowNames, trib_flow_names, TRIB, FLOW_NAMES, GObject)

TribFlowNames *trib_flow_names_new             (TribPlatformClient *client);
const char    *trib_flow_names_get_connector   (TribFlowNames      *self,
                                                const char         *spec_id);
const char    *trib_flow_names_get_account     (TribFlowNames      *self,
                                                const char         *account_id);
const char    *trib_flow_names_get_dataset     (TribFlowNames      *self,
                                                const char         *dataset_id);
const char    *trib_flow_names_get_mapping_set (TribFlowNames      *self,
                                                const char         *mapping_set_id);
guint          trib_flow_names_get_n_pending   (TribFlowNames      *self);
void           trib_flow_names_cancel          (TribFlowNames      *self);

G_END_DECLS
