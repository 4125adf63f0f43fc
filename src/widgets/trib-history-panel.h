/* trib-history-panel.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-query-history.h"

G_BEGIN_DECLS

#define TRIB_TYPE_HISTORY_PANEL (trib_history_panel_get_type ())

G_DECLARE_FINAL_TYPE (TribHistoryPanel, trib_history_panel, TRIB, HISTORY_PANEL, AdwBin)

void         trib_history_panel_set_history   (TribHistoryPanel *self,
                                               TribQueryHistory *history);
GtkListView *trib_history_panel_get_list_view (TribHistoryPanel *self);

G_END_DECLS
