/* trib-sandbox-management.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-sandbox-management"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-platform-error.h"
#include "trib-sandbox-management.h"

/* Sandbox Management's "available sandboxes" endpoint: the sandboxes the
 * credentials may use, which needs no admin permission (unlike
 * /sandboxes). An organization has tens of them at most, so every page
 * is read before the list is shown.
 */

/* A guard against an endpoint that keeps answering full pages. */
#define MAX_PAGES 1000

/* One page of sandboxes, and whether the server says there is another. */
typedef struct
{
  GPtrArray *sandboxes;
  gboolean has_next_link;
} SandboxPage;

static void
sandbox_page_free (SandboxPage *page)
{
  g_ptr_array_unref (page->sandboxes);
  g_free (page);
}

static gpointer
parse_page (JsonNode  *reply,
            TribCall  *call,
            GError   **error)
{
  g_autoptr(GPtrArray) sandboxes = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object;
  JsonArray *array;
  JsonNode *links;
  SandboxPage *page;

  if (!JSON_NODE_HOLDS_OBJECT (reply) ||
      !(object = json_node_get_object (reply)) ||
      !json_object_has_member (object, "sandboxes") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "sandboxes")))
    return NULL;

  array = json_object_get_array_member (object, "sandboxes");
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      TribSandbox *sandbox;

      if (!JSON_NODE_HOLDS_OBJECT (element) ||
          !(sandbox = trib_sandbox_new_from_json (json_node_get_object (element), error)))
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE,
                                 _("Sandbox Management listed something that is not a sandbox."));
          return NULL;
        }

      g_ptr_array_add (sandboxes, sandbox);
    }

  /* A page without a "next" link is the last when the server gives links at all. */
  links = json_object_get_member (object, "_links");
  page = g_new0 (SandboxPage, 1);
  page->sandboxes = g_steal_pointer (&sandboxes);
  page->has_next_link = links == NULL || !JSON_NODE_HOLDS_OBJECT (links) ||
                        json_object_has_member (json_node_get_object (links), "next");

  return page;
}

static const TribEndpoint list_endpoint = {
  .service = NC_("platform service", "Sandbox Management"),
  .what = N_("a list of sandboxes"),
  .method = "GET",
  .path = "/data/foundation/sandbox-management/?limit={}&offset={}",
  .flags = TRIB_CALL_NO_SANDBOX,
  .idempotent = TRUE,
  .parse = parse_page,
  .free_result = (GDestroyNotify) sandbox_page_free,
};

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
  g_autoptr(GError) error = NULL;
  ListState *state = g_task_get_task_data (task);
  SandboxPage *page;
  guint n_items;

  if (!(page = trib_platform_client_send_finish (result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  n_items = page->sandboxes->len;
  g_list_store_splice (state->sandboxes, g_list_model_get_n_items (G_LIST_MODEL (state->sandboxes)), 0,
                       page->sandboxes->pdata, n_items);
  state->offset += n_items;
  state->pages++;

  /* A short page is the last, as is one the server gives no "next" link. */
  if (n_items < state->page_size || n_items == 0 || state->pages >= MAX_PAGES || !page->has_next_link)
    g_task_return_pointer (task, g_object_ref (state->sandboxes), g_object_unref);
  else
    fetch_page (g_object_ref (task));

  sandbox_page_free (page);
}

/* Takes over the caller's reference on @task. */
static void
fetch_page (GTask *task)
{
  ListState *state = g_task_get_task_data (task);
  g_autofree char *limit = g_strdup_printf ("%u", state->page_size);
  g_autofree char *offset = g_strdup_printf ("%u", state->offset);

  trib_platform_client_send_async (state->client, trib_call_new (&list_endpoint, limit, offset, NULL),
                                   g_task_get_cancellable (task), page_cb, task);
}

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
  g_autoptr(GTask) task = NULL;
  ListState *state;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (page_size > 0);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_sandbox_management_list_async);

  state = g_new0 (ListState, 1);
  state->client = g_object_ref (client);
  state->sandboxes = g_list_store_new (TRIB_TYPE_SANDBOX);
  state->page_size = page_size;
  g_task_set_task_data (task, state, (GDestroyNotify) list_state_free);

  fetch_page (g_steal_pointer (&task));
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
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
