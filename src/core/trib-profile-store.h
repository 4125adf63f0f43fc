/* trib-profile-store.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-profile.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PROFILE_STORE (trib_profile_store_get_type ())

G_DECLARE_FINAL_TYPE (TribProfileStore, trib_profile_store, TRIB, PROFILE_STORE, GObject)

TribProfileStore *trib_profile_store_new          (GFile                *file);
TribProfileStore *trib_profile_store_new_default  (void);
GFile            *trib_profile_store_get_file     (TribProfileStore     *self);
TribProfile      *trib_profile_store_lookup       (TribProfileStore     *self,
                                                   const char           *id);
void              trib_profile_store_add          (TribProfileStore     *self,
                                                   TribProfile          *profile);
void              trib_profile_store_remove       (TribProfileStore     *self,
                                                   TribProfile          *profile);
void              trib_profile_store_load_async   (TribProfileStore     *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          trib_profile_store_load_finish  (TribProfileStore     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);
void              trib_profile_store_save_async   (TribProfileStore     *self,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean          trib_profile_store_save_finish  (TribProfileStore     *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

G_END_DECLS
