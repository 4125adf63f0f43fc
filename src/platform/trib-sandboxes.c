/* trib-sandboxes.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sandboxes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-platform-error.h"
#include "trib-sandboxes.h"

/* Sandbox Management's "available sandboxes" endpoint: the sandboxes the
 * credentials may use, which needs no admin permission (unlike
 * /sandboxes). An organization has tens of them at most, so every page
 * is read before the list is shown.
 */
#define SANDBOXES_PATH "/data/foundation/sandbox-management/"

/* A guard against an endpoint that keeps answering full pages. */
#define MAX_PAGES 1000

typedef struct
{
  TribPlatformClient *client;
  GListStore *sandboxes;
  guint page_size;
  guint offset;
  guint pages;
} ListState;

static void
list_state_free (ListState *state)
{
  g_clear_object (&state->client);
  g_clear_object (&state->sandboxes);
  g_free (state);
}

static void fetch_page (GTask *task);

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  ListState *state = g_task_get_task_data (task);
  JsonObject *object_root;
  JsonArray *array;
  guint n_items;

  if (!(root = trib_platform_client_call_finish (TRIB_PLATFORM_CLIENT (object), result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!JSON_NODE_HOLDS_OBJECT (root) ||
      !(object_root = json_node_get_object (root)) ||
      !json_object_has_member (object_root, "sandboxes") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object_root, "sandboxes")))
    {
      g_task_return_new_error (task, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                               _("Sandbox Management answered without a list of sandboxes."));
      return;
    }

  array = json_object_get_array_member (object_root, "sandboxes");
  n_items = json_array_get_length (array);

  for (guint i = 0; i < n_items; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(TribSandbox) sandbox = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !(sandbox = trib_sandbox_new_from_json (json_node_get_object (element), &error)))
        {
          if (error == NULL)
            g_set_error_literal (&error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                                 _("Sandbox Management listed something that is not a sandbox."));
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      g_list_store_append (state->sandboxes, sandbox);
    }

  state->offset += n_items;
  state->pages++;

  /* A short page is the last; so is one without a "next" link when the
   * server gives links at all.
   */
  if (n_items < state->page_size || n_items == 0 || state->pages >= MAX_PAGES ||
      (json_object_has_member (object_root, "_links") &&
       JSON_NODE_HOLDS_OBJECT (json_object_get_member (object_root, "_links")) &&
       !json_object_has_member (json_object_get_object_member (object_root, "_links"), "next")))
    {
      g_task_return_pointer (task, g_object_ref (state->sandboxes), g_object_unref);
      return;
    }

  fetch_page (g_steal_pointer (&task));
}

static void
fetch_page (GTask *task)
{
  ListState *state = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  path = g_strdup_printf (SANDBOXES_PATH "?limit=%u&offset=%u", state->page_size, state->offset);
  trib_platform_client_call_async (state->client, "GET", path, NULL, NULL, TRIB_CALL_NO_SANDBOX,
                                   g_task_get_cancellable (task), page_cb, task);
}

/**
 * trib_sandboxes_list_async:
 * @client: a #TribPlatformClient
 * @page_size: sandboxes per request, such as %TRIB_SANDBOXES_PAGE_SIZE
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with every available sandbox
 * @user_data: data for @callback
 *
 * Lists the sandboxes the client's credentials may use, page by page.
 */
void
trib_sandboxes_list_async (TribPlatformClient  *client,
                           guint                page_size,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ListState *state;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (page_size > 0);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_sandboxes_list_async);

  state = g_new0 (ListState, 1);
  state->client = g_object_ref (client);
  state->sandboxes = g_list_store_new (TRIB_TYPE_SANDBOX);
  state->page_size = page_size;
  g_task_set_task_data (task, state, (GDestroyNotify) list_state_free);

  fetch_page (g_steal_pointer (&task));
}

/**
 * trib_sandboxes_list_finish:
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: (transfer full): a #GListModel of #TribSandbox
 */
GListModel *
trib_sandboxes_list_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
