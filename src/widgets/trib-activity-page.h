/* trib-activity-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-request-log.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ACTIVITY_PAGE (trib_activity_page_get_type ())

G_DECLARE_FINAL_TYPE (TribActivityPage, trib_activity_page, TRIB, ACTIVITY_PAGE, AdwBin)

TribRequestLog *trib_activity_page_get_log (TribActivityPage *self);
void            trib_activity_page_set_log (TribActivityPage *self,
                                            TribRequestLog   *log);

G_END_DECLS
