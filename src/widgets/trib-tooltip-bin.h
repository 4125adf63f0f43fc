/* trib-tooltip-bin.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_TOOLTIP_BIN (trib_tooltip_bin_get_type ())

G_DECLARE_FINAL_TYPE (TribTooltipBin, trib_tooltip_bin, TRIB, TOOLTIP_BIN, AdwBin)

const char *trib_tooltip_bin_get_text (TribTooltipBin *self);
void        trib_tooltip_bin_set_text (TribTooltipBin *self,
                                       const char     *text);

G_END_DECLS
