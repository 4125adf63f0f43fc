/* trib-secret-buffer.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TRIB_TYPE_SECRET_BUFFER (trib_secret_buffer_get_type ())

G_DECLARE_FINAL_TYPE (TribSecretBuffer, trib_secret_buffer, TRIB, SECRET_BUFFER, GtkEntryBuffer)

TribSecretBuffer *trib_secret_buffer_new        (void);
const char       *trib_secret_buffer_get_secret (TribSecretBuffer *self);
void              trib_secret_buffer_set_secret (TribSecretBuffer *self,
                                                 const char       *secret);

G_END_DECLS
