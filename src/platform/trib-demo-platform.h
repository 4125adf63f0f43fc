/* trib-demo-platform.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-profile.h"

G_BEGIN_DECLS

#define TRIB_TYPE_DEMO_PLATFORM (trib_demo_platform_get_type ())

G_DECLARE_FINAL_TYPE (TribDemoPlatform, trib_demo_platform, TRIB, DEMO_PLATFORM, GObject)

void              trib_demo_platform_start_async        (GCancellable         *cancellable,
                                                         GAsyncReadyCallback   callback,
                                                         gpointer              user_data);
TribDemoPlatform *trib_demo_platform_start_finish       (GAsyncResult         *result,
                                                         GError              **error);
TribProfile      *trib_demo_platform_get_profile        (TribDemoPlatform     *self);
const char       *trib_demo_platform_get_client_secret  (TribDemoPlatform     *self);
void              trib_demo_platform_stop               (TribDemoPlatform     *self);

G_END_DECLS
