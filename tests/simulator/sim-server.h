/* sim-server.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "sim-faults.h"
#include "sim-ims.h"
#include "sim-request-log.h"
#include "sim-world.h"

G_BEGIN_DECLS

typedef struct _SimServer  SimServer;
typedef struct _SimRequest SimRequest;

/* Routes whose pattern starts with /data/ pass the gateway's checks
 * first; these flags loosen them where the platform does.
 */
typedef enum
{
  SIM_ROUTE_DEFAULT              = 0,
  SIM_ROUTE_SANDBOX_OPTIONAL     = 1 << 0,  /* x-sandbox-name may be absent */
  SIM_ROUTE_SANDBOX_DEFAULT_PROD = 1 << 1,  /* without x-sandbox-name: the default sandbox */
} SimRouteFlags;

/* A handler answers before returning, or takes a reference on the
 * request and pauses its message to answer later.
 */
typedef void (*SimHandler) (SimRequest *request);

struct _SimRequest
{
  SimServer *server;
  SoupServerMessage *message;
  const char *method;
  char *path;               /* as sent, percent-encoded */
  char *request_id;         /* also in the x-request-id response header */
  GHashTable *query;        /* decoded; never NULL */
  GHashTable *params;       /* decoded {name} segments of the route */
  JsonNode *body;           /* parsed JSON body, or NULL without one */
  SimClient *client;        /* the token's client, on gateway routes */
  char *sandbox;            /* x-sandbox-name, checked on gateway routes */

  /*< private >*/
  SimLogEntry *log_entry;
};

SimServer     *sim_server_new              (SimWorld       *world,
                                            guint           token_lifetime);
void           sim_server_free             (SimServer      *self);
gboolean       sim_server_listen           (SimServer      *self,
                                            const char     *host,
                                            guint           port,
                                            GError        **error);
const char    *sim_server_get_base_url     (SimServer      *self);
char          *sim_server_dup_ready_line   (SimServer      *self);
SimWorld      *sim_server_get_world        (SimServer      *self);
SimTokenTable *sim_server_get_tokens       (SimServer      *self);
SimFaults     *sim_server_get_faults       (SimServer      *self);
SimRequestLog *sim_server_get_request_log  (SimServer      *self);
void           sim_server_add_route        (SimServer      *self,
                                            const char     *method,
                                            const char     *pattern,
                                            SimRouteFlags   flags,
                                            SimHandler      handler);

SimRequest    *sim_request_ref             (SimRequest     *request);
void           sim_request_unref           (SimRequest     *request);
const char    *sim_request_get_query       (SimRequest     *request,
                                            const char     *name);
GStrv          sim_request_dup_query_all   (SimRequest     *request,
                                            const char     *name);
const char    *sim_request_get_param       (SimRequest     *request,
                                            const char     *name);
const char    *sim_request_get_header      (SimRequest     *request,
                                            const char     *name);
gboolean       sim_request_parse_body      (SimRequest     *request);
gboolean       sim_request_get_query_int   (SimRequest     *request,
                                            const char     *name,
                                            gint64          fallback,
                                            gint64          min,
                                            gint64          max,
                                            const char     *problem_code,
                                            const char     *problem_title,
                                            gint64         *value);
void           sim_request_reply_json      (SimRequest     *request,
                                            guint           status,
                                            JsonNode       *node);
void           sim_request_reply_strings   (SimRequest     *request,
                                            guint           status,
                                            const char     *first_key,
                                            ...) G_GNUC_NULL_TERMINATED;
void           sim_request_reply_gateway_error (SimRequest *request,
                                                guint       status,
                                                const char *code,
                                                const char *message);
void           sim_request_reply_problem   (SimRequest     *request,
                                            guint           status,
                                            const char     *code,
                                            const char     *title,
                                            const char     *detail_format,
                                            ...) G_GNUC_PRINTF (5, 6);

const char    *sim_status_phrase           (guint           status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimServer, sim_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimRequest, sim_request_unref)

G_END_DECLS
