/* trib-paged-list.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-call.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

#define TRIB_TYPE_PAGED_LIST (trib_paged_list_get_type ())

G_DECLARE_FINAL_TYPE (TribPagedList, trib_paged_list, TRIB, PAGED_LIST, GObject)

TribPagedList *trib_paged_list_new_for_call   (TribPlatformClient *client,
                                               TribCall           *call);
gboolean       trib_paged_list_get_loading    (TribPagedList     *self);
gboolean       trib_paged_list_get_complete   (TribPagedList     *self);
const GError  *trib_paged_list_get_error      (TribPagedList     *self);
guint          trib_paged_list_get_n_requests (TribPagedList     *self);
void           trib_paged_list_load_more      (TribPagedList     *self);
void           trib_paged_list_cancel         (TribPagedList     *self);
void           trib_paged_list_load_all_async (TribPagedList       *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       trib_paged_list_load_all_finish (TribPagedList      *self,
                                                GAsyncResult       *result,
                                                GError            **error);

G_END_DECLS
