/* trib-toast.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void trib_toast_show         (GtkWidget  *from,
                              AdwToast   *toast);
void trib_toast_show_message (GtkWidget  *from,
                              const char *message);

G_END_DECLS
