/* trib-call.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

/* A new endpoint is a static TribEndpoint in its service's file, a
 * TribReplyParseFunc that turns the answer into a typed result, and a
 * typed _async/_finish pair around trib_platform_client_send_async()
 * and trib_platform_client_send_finish(); trib-catalog.c has examples.
 * A list endpoint has a TribPaging instead of the parse function, an
 * item parse function, and is read with trib_paged_list_new_for_call().
 */

G_BEGIN_DECLS

/**
 * TribCallFlags:
 * @TRIB_CALL_NONE: a call in a sandbox, answered with JSON
 * @TRIB_CALL_NO_SANDBOX: leave out `x-sandbox-name`, for calls about
 *   sandboxes themselves (so a mistyped default sandbox cannot stop the
 *   user from listing the real ones)
 * @TRIB_CALL_TEXT: the answer is its checked JSON text (a #GBytes), for
 *   a reader of its own (trib-json-reader.h), where a document would cost
 *   more than what is read from it
 * @TRIB_CALL_WORKER: the answer is parsed on the background thread
 *   (trib-background.h) whatever its size: for a list read whole while
 *   the window draws (a flow's ten thousand runs into its chart, the
 *   sandbox's tables for completion), where a page parsed on the main
 *   thread is a stall and the turn of the main loop the worker costs is
 *   not
 * @TRIB_CALL_THREAD: the answer is parsed on a thread of normal priority
 *   whatever its size: for the pages of a list read ahead of a view that
 *   scrolls towards them, which the background thread, yielding to
 *   everything else, would make it wait for
 */
typedef enum
{
  TRIB_CALL_NONE = 0,
  TRIB_CALL_NO_SANDBOX = 1 << 0,
  TRIB_CALL_TEXT = 1 << 1,
  TRIB_CALL_WORKER = 1 << 2,
  TRIB_CALL_THREAD = 1 << 3,
} TribCallFlags;

typedef struct _TribCall TribCall;
typedef struct _TribPaging TribPaging;

/**
 * TribReplyParseFunc:
 * @reply: the answer's JSON, within the reply limits (a null node for an
 *   empty body)
 * @call: the call it answers, for trib_call_get_data() and
 *   trib_call_get_sandbox()
 * @error: a location for a #GError
 *
 * Turns an answer into the call's typed result. Runs on a worker thread
 * when the answer is large, so it touches nothing but its arguments.
 *
 * Returns: (transfer full) (nullable): the result; %NULL without @error
 *   set means the answer lacks #TribEndpoint.what
 */
typedef gpointer (*TribReplyParseFunc) (JsonNode  *reply,
                                        TribCall  *call,
                                        GError   **error);

/**
 * TribEndpoint:
 * @service: the service's name as a sentence starts with it, marked for
 *   translation with NC_ in the context "platform service": "Catalog",
 *   "The Schema Registry"
 * @what: what a good answer holds, marked with N_ for translation, for
 *   the error when it does not: "the dataset"
 * @method: the HTTP method
 * @path: the path below the platform URL, with its fixed query; each
 *   `{}` is filled, escaped, with the next argument of trib_call_new()
 * @accept: (nullable): the Accept header, `application/json` if %NULL
 * @flags: #TribCallFlags
 * @idempotent: whether sending the call twice does no more than once:
 *   only then is it repeated after a 429, a 5xx or a broken connection
 * @parse: (nullable): makes the typed result; without it the result is
 *   the #JsonNode (or for %TRIB_CALL_TEXT the #GBytes)
 * @free_result: (nullable): frees what @parse returns
 * @error_prefix: (nullable): marked with N_, put before the platform's
 *   error where the user would not otherwise know which call failed
 * @paging: (nullable): for a list, how it is paged (trib-paging.h); its
 *   replies are then pages, and @parse and @free_result are not used
 *
 * One endpoint of the platform, described once: a service file holds a
 * table of these and a parse function for each.
 */
typedef struct
{
  const char *service;
  const char *what;
  const char *method;
  const char *path;
  const char *accept;
  TribCallFlags flags;
  gboolean idempotent;
  TribReplyParseFunc parse;
  GDestroyNotify free_result;
  const char *error_prefix;
  const TribPaging *paging;
} TribEndpoint;

TribCall   *trib_call_new               (const TribEndpoint *endpoint,
                                         ...) G_GNUC_NULL_TERMINATED;
void        trib_call_free              (TribCall           *call);
void        trib_call_add_query         (TribCall           *call,
                                         const char         *name,
                                         const char         *value);
void        trib_call_set_body          (TribCall           *call,
                                         JsonNode           *body);
void        trib_call_set_sandbox       (TribCall           *call,
                                         const char         *sandbox);
void        trib_call_set_if_match      (TribCall           *call,
                                         const char         *etag);
void        trib_call_set_data          (TribCall           *call,
                                         gpointer            data,
                                         GDestroyNotify      destroy);
void        trib_call_set_source_object (TribCall           *call,
                                         gpointer            source_object);
void        trib_call_set_page_size     (TribCall           *call,
                                         guint               page_size);
const char *trib_call_get_sandbox       (TribCall           *call);
gpointer    trib_call_get_data          (TribCall           *call);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribCall, trib_call_free)

G_END_DECLS
