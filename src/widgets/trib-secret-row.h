/* trib-secret-row.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TRIB_TYPE_SECRET_ROW (trib_secret_row_get_type ())

G_DECLARE_FINAL_TYPE (TribSecretRow, trib_secret_row, TRIB, SECRET_ROW, AdwActionRow)

GtkWidget  *trib_secret_row_new        (void);
const char *trib_secret_row_get_secret (TribSecretRow *self);
void        trib_secret_row_set_secret (TribSecretRow *self,
                                        const char    *secret);
GtkWidget  *trib_secret_row_get_entry  (TribSecretRow *self);

G_END_DECLS
