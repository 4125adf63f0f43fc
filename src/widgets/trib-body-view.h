/* trib-body-view.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_BODY_VIEW (trib_body_view_get_type ())

G_DECLARE_FINAL_TYPE (TribBodyView, trib_body_view, TRIB, BODY_VIEW, AdwBin)

void        trib_body_view_set_body (TribBodyView *self,
                                     const char   *text,
                                     const char   *note);
const char *trib_body_view_get_note (TribBodyView *self);
char       *trib_body_view_dup_text (TribBodyView *self);

G_END_DECLS
