/* sim-server.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _SimServer SimServer;

typedef struct
{
  char *token;
  char *client_id;
  char *org_id;
  gint64 expires;   /* monotonic µs */
} SimToken;

typedef struct
{
  SimServer *server;
  SoupServerMessage *message;
  const char *path;
  GHashTable *query;
  GHashTable *params;       /* {name} segments of the route */
  JsonNode *body;           /* parsed JSON body, or NULL */
  SimToken *token;          /* set for gateway routes */
  const char *sandbox;      /* x-sandbox-name, may be NULL */
} SimRequest;

typedef void (*SimHandler) (SimRequest *request);

typedef enum
{
  SIM_ROUTE_PLATFORM = 0,      /* every gateway check */
  SIM_ROUTE_NO_SANDBOX = 1 << 0,
  SIM_ROUTE_OPEN = 1 << 1,     /* no gateway: IMS, /__sim */
} SimRouteFlags;

SimServer  *sim_server_new             (const char    *world_dir,
                                        guint          token_lifetime,
                                        GError       **error);
gboolean    sim_server_listen          (SimServer     *self,
                                        const char    *host,
                                        guint          port,
                                        GError       **error);
char       *sim_server_dup_ready_line  (SimServer     *self);
void        sim_server_add_route       (SimServer     *self,
                                        const char    *method,
                                        const char    *pattern,
                                        SimRouteFlags  flags,
                                        SimHandler     handler);
const char *sim_server_get_base_url    (SimServer     *self);
JsonArray  *sim_server_get_orgs        (SimServer     *self);
JsonArray  *sim_server_get_sandboxes   (SimServer     *self);
GHashTable *sim_server_get_tokens      (SimServer     *self);
guint       sim_server_get_token_lifetime (SimServer  *self);
void        sim_server_set_token_lifetime (SimServer  *self,
                                           guint       seconds);
void        sim_server_clear_requests  (SimServer     *self);
JsonNode   *sim_server_dup_requests    (SimServer     *self);
void        sim_server_add_fault       (SimServer     *self,
                                        JsonObject    *fault);
void        sim_server_clear_faults    (SimServer     *self);
JsonObject *sim_server_find_sandbox    (SimServer     *self,
                                        const char    *org_id,
                                        const char    *name);

void        sim_reply_json             (SimRequest    *request,
                                        guint          status,
                                        JsonNode      *node);
void        sim_reply_gateway_error    (SimRequest    *request,
                                        guint          status,
                                        const char    *code,
                                        const char    *message);
void        sim_reply_problem          (SimRequest    *request,
                                        guint          status,
                                        const char    *code,
                                        const char    *title,
                                        const char    *detail);

void        sim_ims_register           (SimServer     *self);
void        sim_sandbox_management_register (SimServer *self);
void        sim_admin_register         (SimServer     *self);

G_END_DECLS
