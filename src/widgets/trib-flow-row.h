/* trib-flow-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-flow.h"
#include "trib-flow-names.h"

G_BEGIN_DECLS

#define TRIB_TYPE_FLOW_ROW (trib_flow_row_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowRow, trib_flow_row, TRIB, FLOW_ROW, GtkWidget)

GtkWidget *trib_flow_row_new        (void);
void       trib_flow_row_bind       (TribFlowRow   *self,
                                     TribFlow      *flow,
                                     TribFlowNames *names);
void       trib_flow_row_unbind     (TribFlowRow   *self);
char      *trib_flow_row_dup_text   (TribFlowRow   *self);

G_END_DECLS
