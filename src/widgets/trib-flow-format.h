/* trib-flow-format.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-flow.h"
#include "trib-flow-run.h"

G_BEGIN_DECLS

char       *trib_flow_format_schedule   (TribFlow          *flow);
const char *trib_flow_format_run_state  (TribFlowRunState   state,
                                         const char       **css_class);
char       *trib_flow_format_when       (gint64             ms,
                                         gint64             now_ms);
char       *trib_flow_format_next_run   (TribFlow          *flow,
                                         gint64             now_ms);
char       *trib_flow_format_error      (const TribFlowRunError *error);
const char *trib_flow_format_frequency  (const char        *frequency);
const char *trib_flow_format_frequency_unit (const char    *frequency);

G_END_DECLS
