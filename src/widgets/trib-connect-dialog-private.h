/* trib-connect-dialog-private.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-platform-client.h"
#include "trib-session.h"
#include "trib-spec-form.h"

G_BEGIN_DECLS

/* Called when an answer of the form changed, after the form holds it. */
typedef void (*TribConnectFieldChanged) (gpointer       user_data,
                                         TribSpecField *field);

GtkWidget *_trib_connect_field_new          (TribSpecForm            *form,
                                             TribSpecField           *field,
                                             TribConnectFieldChanged  changed,
                                             gpointer                 user_data);
void       _trib_connect_field_show_check   (GtkWidget               *field_widget,
                                             TribSpecForm            *form,
                                             gboolean                 always);
GtkWidget *_trib_connect_field_get_input    (GtkWidget               *field_widget);
GStrv      _trib_connect_answered_keys      (TribSpecForm            *form);
GPtrArray *_trib_connect_cleared_paths      (TribSpecForm            *form,
                                             const char * const      *synced_keys);

void       _trib_connect_delete             (TribPlatformClient      *client,
                                             GtkWindow               *parent,
                                             const char              *connection_id);
void       _trib_connect_remember           (GtkWindow               *parent,
                                             TribSession             *session,
                                             TribSpecForm            *form,
                                             const char              *connection_id,
                                             const char              *name);

G_END_DECLS
