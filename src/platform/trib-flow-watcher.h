/* trib-flow-watcher.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-flow.h"
#include "trib-flow-run.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* How often the failing flows are read while the window is in view. */
#define TRIB_FLOW_WATCHER_DEFAULT_INTERVAL_MS (60 * 1000)

/* After errors in a row, the wait doubles up to this many intervals. */
#define TRIB_FLOW_WATCHER_MAX_BACKOFF 16

#define TRIB_TYPE_FLOW_WATCHER (trib_flow_watcher_get_type ())

G_DECLARE_FINAL_TYPE (TribFlowWatcher, trib_flow_watcher, TRIB, FLOW_WATCHER, GObject)

TribFlowWatcher *trib_flow_watcher_new              (TribPlatformClient *client);
TribPlatformClient *trib_flow_watcher_get_client    (TribFlowWatcher    *self);
gboolean         trib_flow_watcher_get_active       (TribFlowWatcher    *self);
void             trib_flow_watcher_set_active       (TribFlowWatcher    *self,
                                                     gboolean            active);
guint            trib_flow_watcher_get_interval     (TribFlowWatcher    *self);
void             trib_flow_watcher_set_interval     (TribFlowWatcher    *self,
                                                     guint               interval_ms);
guint            trib_flow_watcher_get_delay        (TribFlowWatcher    *self);
guint            trib_flow_watcher_get_n_failing    (TribFlowWatcher    *self);
GListModel      *trib_flow_watcher_get_failing      (TribFlowWatcher    *self);
gboolean         trib_flow_watcher_is_failing       (TribFlowWatcher    *self,
                                                     const char         *flow_id);
guint            trib_flow_watcher_get_n_polls      (TribFlowWatcher    *self);
const GError    *trib_flow_watcher_get_error        (TribFlowWatcher    *self);
void             trib_flow_watcher_restart          (TribFlowWatcher    *self);
void             trib_flow_watcher_poll_now         (TribFlowWatcher    *self);

G_END_DECLS
