/* trib-call.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-call"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "trib-call-private.h"
#include "trib-retry-policy.h"
#include "trib-util.h"

/* A call is a value: what to send, in which sandbox, and how to read the
 * answer. TribPlatformClient sends it as it is; in particular the
 * sandbox is fixed here, before the call waits for a token or a retry,
 * so a switch of sandbox meanwhile cannot redirect it.
 */

static char *
escape (const char *text)
{
  return g_uri_escape_string (text, NULL, FALSE);
}

/**
 * trib_call_new:
 * @endpoint: the endpoint, which must outlive the call (a static table)
 * @...: a string for each `{}` of the endpoint's path, then %NULL
 *
 * Returns: (transfer full): a call of @endpoint
 */
TribCall *
trib_call_new (const TribEndpoint *endpoint,
               ...)
{
  TribCall *call;
  const char *p;
  gboolean short_of_arguments = FALSE;
  va_list args;

  g_return_val_if_fail (endpoint != NULL, NULL);
  g_return_val_if_fail (endpoint->method != NULL, NULL);
  g_return_val_if_fail (endpoint->path != NULL && endpoint->path[0] == '/', NULL);

  call = g_new0 (TribCall, 1);
  call->endpoint = *endpoint;
  call->path = g_string_new (NULL);

  va_start (args, endpoint);
  for (p = endpoint->path; *p != '\0'; p++)
    {
      if (p[0] == '{' && p[1] == '}')
        {
          const char *value = short_of_arguments ? NULL : va_arg (args, const char *);
          g_autofree char *escaped = NULL;

          if (value == NULL)
            {
              if (!short_of_arguments)
                g_critical ("%s: fewer arguments than {} in %s", G_STRFUNC, endpoint->path);
              short_of_arguments = TRUE;
              value = "";
            }
          escaped = escape (value);
          g_string_append (call->path, escaped);
          p++;
          continue;
        }

      g_string_append_c (call->path, *p);
    }
  va_end (args);

  call->has_query = strchr (call->path->str, '?') != NULL;

  return call;
}

/* A call without a table entry: the tests' own, and the benchmarks'. */
TribCall *
_trib_call_new_raw (const char    *method,
                    const char    *path,
                    const char    *accept,
                    TribCallFlags  flags)
{
  TribCall *call = g_new0 (TribCall, 1);

  call->method = g_strdup (method);
  call->accept = g_strdup (accept);
  call->endpoint.method = call->method;
  call->endpoint.accept = call->accept;
  call->endpoint.flags = flags;
  call->endpoint.idempotent = trib_retry_policy_is_idempotent (method);
  call->path = g_string_new (path);
  call->endpoint.path = call->path->str;
  call->has_query = strchr (path, '?') != NULL;

  return call;
}

/* One page of a list: the list's call, sent to @path (which carries
 * the paging's query). The list's data is shared, so it must be a plain
 * value (trib_paged_list_new_for_call() checks).
 */
TribCall *
_trib_call_new_page (TribCall   *list_call,
                     const char *path,
                     guint64     page_start)
{
  TribCall *call = g_new0 (TribCall, 1);

  call->endpoint = list_call->endpoint;
  call->method = g_strdup (list_call->method);
  call->accept = g_strdup (list_call->accept);
  if (call->method != NULL)
    call->endpoint.method = call->method;
  if (call->accept != NULL)
    call->endpoint.accept = call->accept;
  call->path = g_string_new (path);
  call->has_query = strchr (path, '?') != NULL;
  call->body = list_call->body != NULL ? g_bytes_ref (list_call->body) : NULL;
  call->sandbox = g_strdup (list_call->sandbox);
  call->sandbox_chosen = list_call->sandbox_chosen;
  call->data = list_call->data;
  call->page_size = list_call->page_size;
  call->page_start = page_start;

  return call;
}

void
trib_call_free (TribCall *call)
{
  if (call == NULL)
    return;

  if (call->data_destroy != NULL)
    call->data_destroy (call->data);
  g_clear_object (&call->source_object);
  g_clear_pointer (&call->body, g_bytes_unref);
  g_free (call->sandbox);
  g_free (call->if_match);
  g_string_free (call->path, TRUE);
  g_free (call->method);
  g_free (call->accept);
  g_free (call);
}

/**
 * trib_call_add_query:
 * @call: a #TribCall
 * @name: a query parameter's name
 * @value: its value, which is escaped
 */
void
trib_call_add_query (TribCall   *call,
                     const char *name,
                     const char *value)
{
  g_autofree char *escaped = NULL;

  g_return_if_fail (call != NULL);
  g_return_if_fail (name != NULL && value != NULL);

  escaped = escape (value);
  g_string_append_printf (call->path, "%c%s=%s", call->has_query ? '&' : '?', name, escaped);
  call->has_query = TRUE;
}

/**
 * trib_call_set_body:
 * @call: a #TribCall
 * @body: the JSON body, sent as `application/json`
 *
 * A body may carry credentials (a connection's auth params): it is
 * overwritten when the last reference to it, the call's or the HTTP
 * layer's, goes.
 */
void
trib_call_set_body (TribCall *call,
                    JsonNode *body)
{
  char *data;

  g_return_if_fail (call != NULL);
  g_return_if_fail (body != NULL);

  data = json_to_string (body, FALSE);
  g_clear_pointer (&call->body, g_bytes_unref);
  call->body = g_bytes_new_with_free_func (data, strlen (data), (GDestroyNotify) trib_secret_free, data);
}

/**
 * trib_call_set_sandbox:
 * @call: a #TribCall
 * @sandbox: (nullable): the sandbox the call works in
 *
 * Without this the call works in the client's sandbox at the moment it
 * is sent, and stays there.
 */
void
trib_call_set_sandbox (TribCall   *call,
                       const char *sandbox)
{
  g_return_if_fail (call != NULL);

  g_free (call->sandbox);
  call->sandbox = g_strdup (sandbox);
  call->sandbox_chosen = TRUE;
}

/**
 * trib_call_set_if_match:
 * @call: a #TribCall
 * @etag: the etag the change is based on, with its quotes, as the
 *   platform gave it
 *
 * Sends `If-Match`, so the platform refuses the change (412) if someone
 * else changed the resource since @etag.
 */
void
trib_call_set_if_match (TribCall   *call,
                        const char *etag)
{
  g_return_if_fail (call != NULL);
  g_return_if_fail (etag != NULL);

  g_free (call->if_match);
  call->if_match = g_strdup (etag);
}

/**
 * trib_call_set_data:
 * @call: a #TribCall
 * @data: what the endpoint's parse function needs besides the answer
 * @destroy: (nullable): frees @data with the call
 */
void
trib_call_set_data (TribCall       *call,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  g_return_if_fail (call != NULL);

  if (call->data_destroy != NULL)
    call->data_destroy (call->data);
  call->data = data;
  call->data_destroy = destroy;
}

/**
 * trib_call_set_source_object:
 * @call: a #TribCall
 * @source_object: (type GObject): the object the caller's callback is
 *   told the result comes from, where an interface wants its own
 *
 * By default that is the #TribPlatformClient.
 */
void
trib_call_set_source_object (TribCall *call,
                             gpointer  source_object)
{
  g_return_if_fail (call != NULL);
  g_return_if_fail (G_IS_OBJECT (source_object));

  g_set_object (&call->source_object, source_object);
}

/**
 * trib_call_set_page_size:
 * @call: a call of a list endpoint
 * @page_size: items per page, at most the paging's largest
 *
 * For a list read whole, where fewer or more items a page are better
 * than the paging's usual.
 */
void
trib_call_set_page_size (TribCall *call,
                         guint     page_size)
{
  g_return_if_fail (call != NULL);
  g_return_if_fail (call->endpoint.paging != NULL);
  g_return_if_fail (page_size > 0);

  call->page_size = page_size;
}

/**
 * trib_call_get_sandbox:
 * @call: a #TribCall
 *
 * Returns: (nullable): the sandbox the call works in, once sent
 */
const char *
trib_call_get_sandbox (TribCall *call)
{
  g_return_val_if_fail (call != NULL, NULL);

  return call->sandbox;
}

gpointer
trib_call_get_data (TribCall *call)
{
  g_return_val_if_fail (call != NULL, NULL);

  return call->data;
}
