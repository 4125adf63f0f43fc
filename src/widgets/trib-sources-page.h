/* trib-sources-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_SOURCES_PAGE (trib_sources_page_get_type ())

G_DECLARE_FINAL_TYPE (TribSourcesPage, trib_sources_page, TRIB, SOURCES_PAGE, TribSessionPage)

void        trib_sources_page_reload     (TribSourcesPage *self);
GListModel *trib_sources_page_get_items  (TribSourcesPage *self);
const char *trib_sources_page_get_state  (TribSourcesPage *self);
gboolean    trib_sources_page_get_counted (TribSourcesPage *self);

G_END_DECLS
