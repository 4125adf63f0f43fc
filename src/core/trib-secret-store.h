/* trib-secret-store.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a secret is for; the keyring item is keyed on profile id and kind. */
#define TRIB_SECRET_KIND_CLIENT_SECRET "client-secret"

#define TRIB_TYPE_SECRET_STORE (trib_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (TribSecretStore, trib_secret_store, TRIB, SECRET_STORE, GObject)

TribSecretStore *trib_secret_store_new               (void);
gboolean         trib_secret_store_get_session_only  (TribSecretStore      *self);
void             trib_secret_store_set_session_only  (TribSecretStore      *self,
                                                      gboolean              session_only);
void             trib_secret_store_store_async       (TribSecretStore      *self,
                                                      const char           *profile_id,
                                                      const char           *kind,
                                                      const char           *label,
                                                      const char           *secret,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         trib_secret_store_store_finish      (TribSecretStore      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void             trib_secret_store_lookup_async      (TribSecretStore      *self,
                                                      const char           *profile_id,
                                                      const char           *kind,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
char            *trib_secret_store_lookup_finish     (TribSecretStore      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
void             trib_secret_store_clear_async       (TribSecretStore      *self,
                                                      const char           *profile_id,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean         trib_secret_store_clear_finish      (TribSecretStore      *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

G_END_DECLS
