/* sim-world.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _SimWorld  SimWorld;
typedef struct _SimOrg    SimOrg;
typedef struct _SimClient SimClient;

struct _SimClient
{
  char *client_id;
  char *client_secret;
  char *technical_account_id;
  GStrv scopes;
  GPtrArray *sandboxes;   /* names this client may use; NULL: all of its org's */
  SimOrg *org;
};

struct _SimOrg
{
  char *id;
  char *name;
  char *region;
  GPtrArray *clients;     /* SimClient */
};

SimWorld   *sim_world_load                (const char   *dir,
                                           GError      **error);
void        sim_world_free                (SimWorld     *self);
GPtrArray  *sim_world_get_orgs            (SimWorld     *self);
SimOrg     *sim_world_find_org            (SimWorld     *self,
                                           const char   *org_id);
SimClient  *sim_world_find_client         (SimWorld     *self,
                                           const char   *client_id);
JsonObject *sim_world_find_sandbox        (SimWorld     *self,
                                           const char   *org_id,
                                           const char   *name);
JsonObject *sim_world_lookup_sandbox      (SimWorld     *self,
                                           SimClient    *client,
                                           const char   *name);
GPtrArray  *sim_world_list_sandboxes      (SimWorld     *self,
                                           SimClient    *client);
void        sim_world_add_sandbox         (SimWorld     *self,
                                           SimClient    *creator,
                                           JsonObject   *sandbox);
const char *sim_world_get_default_sandbox (SimWorld     *self,
                                           SimOrg       *org);

gboolean    sim_client_has_scope          (SimClient    *client,
                                           const char   *scope);
JsonNode   *sim_sandbox_to_json           (JsonObject   *sandbox);
char       *sim_format_date_now           (void);
const char *sim_json_get_string           (JsonObject   *object,
                                           const char   *member);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SimWorld, sim_world_free)

G_END_DECLS
