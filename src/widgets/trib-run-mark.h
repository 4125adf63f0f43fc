/* trib-run-mark.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_RUN_MARK (trib_run_mark_get_type ())

G_DECLARE_FINAL_TYPE (TribRunMark, trib_run_mark, TRIB, RUN_MARK, AdwBin)

guint       trib_run_mark_get_state (TribRunMark *self);
void        trib_run_mark_set_state (TribRunMark *self,
                                     guint        state);
const char *trib_run_mark_get_label (TribRunMark *self);

G_END_DECLS
