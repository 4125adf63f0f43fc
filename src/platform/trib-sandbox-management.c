/* trib-sandbox-management.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sandbox-management"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-paged-list.h"
#include "trib-paging.h"
#include "trib-sandbox-management.h"

/* Sandbox Management's "available sandboxes" endpoint: the sandboxes the
 * credentials may use, which needs no admin permission (unlike
 * /sandboxes). An organization has tens of them at most, so every page
 * is read before the list is shown.
 */

static gpointer
parse_sandbox (JsonObject  *item,
               const char  *key,
               TribCall    *call,
               GError     **error)
{
  return trib_sandbox_new_from_json (item, error);
}

static const TribPaging list_paging = {
  .style = TRIB_PAGING_LIMIT_OFFSET,
  .item_type = trib_sandbox_get_type,
  .items = "sandboxes",
  .parse_item = parse_sandbox,
  .page_size = TRIB_SANDBOX_MANAGEMENT_PAGE_SIZE,
  .max_page_size = 100,
};

static const TribEndpoint list_endpoint = {
  .service = NC_("platform service", "Sandbox Management"),
  .what = N_("a list of sandboxes"),
  .method = "GET",
  .path = "/data/foundation/sandbox-management/",
  .flags = TRIB_CALL_NO_SANDBOX,
  .idempotent = TRUE,
  .paging = &list_paging,
};

/**
 * trib_sandbox_management_list_async:
 * @client: a #TribPlatformClient
 * @page_size: sandboxes per request, such as %TRIB_SANDBOX_MANAGEMENT_PAGE_SIZE
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with every available sandbox
 * @user_data: data for @callback
 *
 * Lists the sandboxes the client's credentials may use, page by page.
 */
void
trib_sandbox_management_list_async (TribPlatformClient  *client,
                                    guint                page_size,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(TribPagedList) list = NULL;
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (page_size > 0);

  call = trib_call_new (&list_endpoint, NULL);
  trib_call_set_page_size (call, page_size);
  list = trib_paged_list_new_for_call (client, call);
  trib_paged_list_load_all_async (list, cancellable, callback, user_data);
}

/**
 * trib_sandbox_management_list_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #TribSandbox
 */
GListModel *
trib_sandbox_management_list_finish (GAsyncResult  *result,
                                     GError       **error)
{
  g_autoptr(GObject) list = g_async_result_get_source_object (result);

  g_return_val_if_fail (TRIB_IS_PAGED_LIST (list), NULL);

  if (!trib_paged_list_load_all_finish (TRIB_PAGED_LIST (list), result, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}
