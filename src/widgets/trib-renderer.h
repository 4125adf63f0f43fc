/* trib-renderer.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    trib_renderer_is_software      (const char *gl_renderer);
const char *trib_renderer_choose          (const char *user_renderer,
                                           const char *gl_renderer);
gboolean    trib_renderer_has_gpu_device  (const char *dev_dir);
void        trib_renderer_prepare         (void);
void        trib_renderer_restore_environment (void);
const char *trib_renderer_apply           (GdkDisplay *display);

G_END_DECLS
