/* trib-a11y-status.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TRIB_TYPE_A11Y_STATUS (trib_a11y_status_get_type ())

G_DECLARE_FINAL_TYPE (TribA11yStatus, trib_a11y_status, TRIB, A11Y_STATUS, GObject)

TribA11yStatus *trib_a11y_status_get_default (void);
gboolean        trib_a11y_status_get_enabled (TribA11yStatus *self);

G_END_DECLS
