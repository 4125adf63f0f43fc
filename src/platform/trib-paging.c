/* trib-paging.c
 *
 * The platform's list endpoints, read as TribPagedLists: a list's call
 * is sent once per page with the paging's query added, or to the next
 * link the previous reply gave, and each reply is read into a page by
 * the same function whatever the service, with the endpoint's item
 * parse function for each item.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-paging"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-call-private.h"
#include "trib-paged-list-private.h"
#include "trib-paging.h"
#include "trib-platform-client-private.h"
#include "trib-platform-error.h"
#include "trib-xdm-json.h"

/* A guard for lists read whole, against a server that never says the
 * last page is the last.
 */
#define MAX_PAGES_READ_WHOLE 1000

static gboolean
by_offset (TribPagingStyle style)
{
  return style == TRIB_PAGING_LIMIT_OFFSET || style == TRIB_PAGING_START_LIMIT || style == TRIB_PAGING_HAS_NEXT;
}

static guint
call_page_size (TribCall *call)
{
  return call->page_size > 0 ? call->page_size : call->endpoint.paging->page_size;
}

static JsonObject *
get_object (JsonObject *object,
            const char *first,
            const char *second)
{
  JsonObject *member = trib_xdm_json_get_object (object, first);

  return member != NULL && second != NULL ? trib_xdm_json_get_object (member, second) : member;
}

/* What the reply says of the page after @call's; %NULL on the last. */
static char *
next_cursor (const TribPaging *paging,
             JsonObject       *reply,
             TribCall         *call,
             guint             n_items)
{
  gboolean full = n_items >= call_page_size (call);
  JsonObject *member;
  const char *text;

  switch (paging->style)
    {
    case TRIB_PAGING_LIMIT_OFFSET:
      /* A server that gives links says where there is no next page. */
      member = trib_xdm_json_get_object (reply, "_links");
      if (!full || (member != NULL && trib_xdm_json_get_object (member, "next") == NULL))
        return NULL;
      return g_strdup_printf ("%" G_GUINT64_FORMAT, call->page_start + n_items);

    case TRIB_PAGING_START_LIMIT:
      /* No total and no link: a full page may have a next one. */
      return full ? g_strdup_printf ("%" G_GUINT64_FORMAT, call->page_start + n_items) : NULL;

    case TRIB_PAGING_HAS_NEXT:
      /* Without pageInfo nothing says there is more. */
      if ((member = trib_xdm_json_get_object (reply, "pageInfo")) == NULL ||
          !trib_xdm_json_get_boolean (member, "hasNext") || n_items == 0)
        return NULL;
      return g_strdup_printf ("%" G_GUINT64_FORMAT, call->page_start + n_items);

    case TRIB_PAGING_START_CURSOR:
      member = trib_xdm_json_get_object (reply, "_page");
      text = member != NULL ? trib_xdm_json_get_string (member, "next") : NULL;
      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;

    case TRIB_PAGING_NEXT_LINK:
    case TRIB_PAGING_CONTINUATION:
      member = get_object (reply, "_links", "next");
      text = member != NULL ? trib_xdm_json_get_string (member, "href") : NULL;
      return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;

    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
add_item (GPtrArray         *items,
          const TribPaging  *paging,
          JsonNode          *node,
          const char        *key,
          TribCall          *call,
          GError           **error)
{
  gpointer item;

  if (JSON_NODE_HOLDS_OBJECT (node) &&
      (item = paging->parse_item (json_node_get_object (node), key, call, error)))
    {
      g_ptr_array_add (items, item);
      return TRUE;
    }

  if (error != NULL && *error == NULL)
    g_propagate_error (error, trib_platform_error_new_invalid_response (call->endpoint.service,
                                                                        call->endpoint.what));
  return FALSE;
}

/* Every list endpoint's TribReplyParseFunc: the reply as a TribPage. */
static gpointer
parse_page (JsonNode  *reply,
            TribCall  *call,
            GError   **error)
{
  const TribPaging *paging = call->endpoint.paging;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonObject *object;
  char *next;

  if (!JSON_NODE_HOLDS_OBJECT (reply))
    return NULL;
  object = json_node_get_object (reply);

  if (paging->items == NULL)
    {
      g_autoptr(GList) keys = json_object_get_members (object);

      /* Filed under their ids, among members of another kind. */
      for (const GList *l = keys; l != NULL; l = l->next)
        {
          JsonNode *node = json_object_get_member (object, l->data);

          if (JSON_NODE_HOLDS_OBJECT (node) && !add_item (items, paging, node, l->data, call, error))
            return NULL;
        }
    }
  else
    {
      JsonArray *array = trib_xdm_json_get_array (object, paging->items);

      if (array == NULL)
        return NULL;
      for (guint i = 0; i < json_array_get_length (array); i++)
        if (!add_item (items, paging, json_array_get_element (array, i), NULL, call, error))
          return NULL;
    }

  next = next_cursor (paging, object, call, items->len);

  return trib_page_new (g_steal_pointer (&items), next);
}

/* One list, as its pages are asked for. */
typedef struct
{
  TribPlatformClient *client;
  TribCall *call;
} ListSource;

static void
list_source_free (ListSource *source)
{
  g_clear_object (&source->client);
  g_clear_pointer (&source->call, trib_call_free);
  g_free (source);
}

static gboolean
same_port (GUri *a,
           GUri *b)
{
  int port_a = g_uri_get_port (a);
  int port_b = g_uri_get_port (b);

  if (port_a == -1)
    port_a = g_ascii_strcasecmp (g_uri_get_scheme (a), "https") == 0 ? 443 : 80;
  if (port_b == -1)
    port_b = g_ascii_strcasecmp (g_uri_get_scheme (b), "https") == 0 ? 443 : 80;

  return port_a == port_b;
}

/* The path below the platform URL of an absolute next link, or %NULL if
 * it leaves the platform's server: the call would carry the token there.
 */
static char *
link_path (TribPlatformClient *client,
           const char         *href)
{
  g_autoptr(GUri) base = g_uri_parse (trib_platform_client_get_base_url (client), G_URI_FLAGS_ENCODED, NULL);
  g_autoptr(GUri) link = g_uri_parse (href, G_URI_FLAGS_ENCODED, NULL);
  const char *base_path;

  if (base == NULL || link == NULL ||
      g_ascii_strcasecmp (g_uri_get_scheme (base), g_uri_get_scheme (link)) != 0 ||
      g_uri_get_host (link) == NULL || g_ascii_strcasecmp (g_uri_get_host (base), g_uri_get_host (link)) != 0 ||
      g_uri_get_userinfo (link) != NULL || !same_port (base, link))
    return NULL;

  base_path = g_uri_get_path (base);
  if (!g_str_has_prefix (g_uri_get_path (link), base_path) || g_uri_get_path (link)[strlen (base_path)] != '/')
    return NULL;

  return g_strconcat (g_uri_get_path (link) + strlen (base_path),
                      g_uri_get_query (link) != NULL ? "?" : "", g_uri_get_query (link), NULL);
}

/* The path of the page at @cursor: the list's path with the paging's
 * query first, or where the previous reply's next link points.
 */
static char *
page_path (ListSource  *source,
           const char  *cursor,
           guint64     *start,
           GError     **error)
{
  const TribPaging *paging = source->call->endpoint.paging;
  const char *path = source->call->path->str;
  const char *query = strchr (path, '?');
  guint page_size = call_page_size (source->call);
  g_autofree char *escaped = NULL;
  g_autoptr(GString) paged = NULL;

  *start = 0;
  if (cursor != NULL && by_offset (paging->style))
    g_ascii_string_to_unsigned (cursor, 10, 0, G_MAXUINT, start, NULL);

  if (cursor != NULL && (paging->style == TRIB_PAGING_NEXT_LINK || paging->style == TRIB_PAGING_CONTINUATION))
    {
      char *resolved;

      /* Flow Service's links are below the service's path, others' below
       * the platform's.
       */
      if (cursor[0] == '/' && cursor[1] != '/')
        return paging->style == TRIB_PAGING_CONTINUATION && !g_str_has_prefix (cursor, paging->link_base)
               ? g_strconcat (paging->link_base, cursor, NULL)
               : g_strdup (cursor);

      if (!(resolved = link_path (source->client, cursor)))
        g_set_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REDIRECT_OTHER_HOST,
                     /* Translators: a service's name, then a web address */
                     _("%s gave its next page’s address on another server (%s); it was not followed."),
                     g_dpgettext2 (GETTEXT_PACKAGE, "platform service", source->call->endpoint.service), cursor);
      return resolved;
    }

  paged = g_string_new_len (path, query != NULL ? query - path : (gssize) strlen (path));
  switch (paging->style)
    {
    case TRIB_PAGING_LIMIT_OFFSET:
      g_string_append_printf (paged, "?limit=%u&offset=%" G_GUINT64_FORMAT, page_size, *start);
      break;

    case TRIB_PAGING_START_LIMIT:
      g_string_append_printf (paged, "?limit=%u&start=%" G_GUINT64_FORMAT, page_size, *start);
      break;

    case TRIB_PAGING_HAS_NEXT:
      g_string_append_printf (paged, "?start=%" G_GUINT64_FORMAT "&limit=%u", *start, page_size);
      break;

    case TRIB_PAGING_START_CURSOR:
      g_string_append_printf (paged, "?limit=%u", page_size);
      if (cursor != NULL)
        {
          escaped = g_uri_escape_string (cursor, NULL, FALSE);
          g_string_append_printf (paged, "&start=%s", escaped);
        }
      break;

    case TRIB_PAGING_NEXT_LINK:
    case TRIB_PAGING_CONTINUATION:
      g_string_append_printf (paged, "?limit=%u", page_size);
      break;

    default:
      g_return_val_if_reached (NULL);
    }
  if (query != NULL && query[1] != '\0')
    g_string_append_printf (paged, "&%s", query + 1);

  return g_string_free (g_steal_pointer (&paged), FALSE);
}

static void
fetch_page (gpointer             fetch_data,
            const char          *cursor,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  ListSource *source = fetch_data;
  g_autofree char *path = NULL;
  GError *error = NULL;
  guint64 start;
  TribCall *call;

  if (!(path = page_path (source, cursor, &start, &error)))
    {
      g_task_report_error (source->client, callback, user_data, fetch_page, error);
      return;
    }

  call = _trib_call_new_page (source->call, path, start);
  call->endpoint.parse = parse_page;
  call->endpoint.free_result = (GDestroyNotify) trib_page_free;
  /* The first page is waited for and short; the next ones come while the
   * view draws, and their items, made on a thread, are not allocated
   * among the window's frames.
   */
  if (cursor != NULL && !(call->endpoint.flags & TRIB_CALL_WORKER))
    call->endpoint.flags |= TRIB_CALL_THREAD;
  trib_platform_client_send_async (source->client, call, cancellable, callback, user_data);
}

/**
 * trib_paged_list_new_for_call:
 * @client: a #TribPlatformClient
 * @call: (transfer full): a call of a list endpoint (one with a
 *   #TribEndpoint.paging), with its arguments and query but no paging
 *
 * Reads a list endpoint a page at a time, as a view scrolls, each page
 * in the sandbox @call works in: its own, or the client's when the list
 * is made, whatever happens to the client's meanwhile.
 *
 * Returns: (transfer full): a list that is already fetching its first page
 */
TribPagedList *
trib_paged_list_new_for_call (TribPlatformClient *client,
                              TribCall           *call)
{
  const TribPaging *paging;
  ListSource *source;
  guint page_size;

  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);
  g_return_val_if_fail (call != NULL, NULL);
  g_return_val_if_fail (call->endpoint.paging != NULL, NULL);
  g_return_val_if_fail (call->data_destroy == NULL, NULL);

  paging = call->endpoint.paging;
  page_size = call_page_size (call);
  g_return_val_if_fail (page_size > 0 && page_size <= paging->max_page_size, NULL);
  g_return_val_if_fail (paging->style != TRIB_PAGING_CONTINUATION || paging->link_base != NULL, NULL);

  if (!call->sandbox_chosen)
    trib_call_set_sandbox (call, trib_platform_client_get_sandbox (client));

  source = g_new0 (ListSource, 1);
  source->client = g_object_ref (client);
  source->call = call;

  if (by_offset (paging->style))
    return trib_paged_list_new_by_offset (paging->item_type (), page_size, fetch_page, source,
                                          (GDestroyNotify) list_source_free);

  return trib_paged_list_new_by_cursor (paging->item_type (), fetch_page, source, (GDestroyNotify) list_source_free);
}

/* Reading a list whole. */
typedef struct
{
  gboolean done;
  gulong complete_id;
  gulong error_id;
  gulong cancelled_id;
} LoadAll;

static void
load_all_done (GTask *task)
{
  TribPagedList *list = g_task_get_source_object (task);
  LoadAll *load = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  const GError *error = trib_paged_list_get_error (list);

  if (load->done)
    return;
  load->done = TRUE;

  g_clear_signal_handler (&load->complete_id, list);
  g_clear_signal_handler (&load->error_id, list);
  if (cancellable != NULL && load->cancelled_id != 0)
    g_cancellable_disconnect (cancellable, load->cancelled_id);
  load->cancelled_id = 0;

  if (g_task_return_error_if_cancelled (task))
    trib_paged_list_cancel (list);
  else if (error != NULL)
    g_task_return_error (task, g_error_copy (error));
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
}

static void
load_all_changed_cb (TribPagedList *list,
                     GParamSpec    *pspec,
                     GTask         *task)
{
  /* Past the guard, what came is the list. */
  if (!trib_paged_list_get_complete (list) && trib_paged_list_get_error (list) == NULL &&
      trib_paged_list_get_n_requests (list) < MAX_PAGES_READ_WHOLE)
    return;

  if (!trib_paged_list_get_complete (list) && trib_paged_list_get_error (list) == NULL)
    trib_paged_list_cancel (list);
  load_all_done (task);
}

static gboolean
load_all_cancelled_idle (gpointer user_data)
{
  GTask *task = user_data;
  LoadAll *load = g_task_get_task_data (task);

  if (!load->done)
    load_all_done (task);

  return G_SOURCE_REMOVE;
}

static void
load_all_cancelled_cb (GCancellable *cancellable,
                       GTask        *task)
{
  /* Not from the handler: disconnecting it there would deadlock. */
  g_idle_add_full (G_PRIORITY_DEFAULT, load_all_cancelled_idle, g_object_ref (task), g_object_unref);
}

/**
 * trib_paged_list_load_all_async:
 * @self: a #TribPagedList, just made
 * @cancellable: (nullable): a #GCancellable
 * @callback: called once every page is in, or one failed
 * @user_data: data for @callback
 *
 * Reads every page, one after the other, for the short lists a view
 * needs whole (sandboxes, connection specs).
 */
void
trib_paged_list_load_all_async (TribPagedList       *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;
  LoadAll *load;

  g_return_if_fail (TRIB_IS_PAGED_LIST (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_paged_list_load_all_async);
  load = g_new0 (LoadAll, 1);
  g_task_set_task_data (task, load, g_free);

  _trib_paged_list_read_all (self);
  if (trib_paged_list_get_complete (self) || trib_paged_list_get_error (self) != NULL)
    {
      load_all_done (task);
      return;
    }

  load->complete_id = g_signal_connect (self, "notify::complete", G_CALLBACK (load_all_changed_cb), task);
  load->error_id = g_signal_connect (self, "notify::error", G_CALLBACK (load_all_changed_cb), task);
  if (cancellable != NULL)
    load->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (load_all_cancelled_cb), task, NULL);
}

/**
 * trib_paged_list_load_all_finish:
 * @self: a #TribPagedList
 * @result: the #GAsyncResult
 * @error: a location for a #GError
 *
 * Returns: whether every page came; else @error is the list's error
 */
gboolean
trib_paged_list_load_all_finish (TribPagedList  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
