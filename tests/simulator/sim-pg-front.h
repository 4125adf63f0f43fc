/* sim-pg-front.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SimPgFront SimPgFront;

SimPgFront *sim_pg_front_start    (const char  *admin_conninfo,
                                   guint        server_port,
                                   const char  *certificate_file,
                                   const char  *key_file,
                                   GError     **error);
guint       sim_pg_front_get_port (SimPgFront  *front);
char       *sim_pg_front_rewrite  (SimPgFront  *front,
                                   const char  *database,
                                   const char  *sql,
                                   char       **sqlstate,
                                   char       **message);
void        sim_pg_front_stop     (SimPgFront  *front);

/* sim-pg-front-tables.c: the generated datasets' tables and what the
 * rewriter needs to know of a database, asked as the superuser.
 */
typedef struct _SimPgAdmin SimPgAdmin;

SimPgAdmin *sim_pg_admin_new          (const char  *admin_conninfo);
void        sim_pg_admin_free         (SimPgAdmin  *admin);
char       *sim_pg_admin_route        (SimPgAdmin  *admin,
                                       const char  *database);
gboolean    sim_pg_admin_ensure_table (SimPgAdmin  *admin,
                                       const char  *database,
                                       const char  *table,
                                       GError     **error);
GHashTable *sim_pg_admin_json_columns (SimPgAdmin  *admin,
                                       const char  *database);
GHashTable *sim_pg_admin_tables       (SimPgAdmin  *admin,
                                       const char  *database);
void        sim_pg_admin_resolve_keys (SimPgAdmin  *admin,
                                       const char  *database,
                                       const char  *column,
                                       GPtrArray   *keys);
char       *sim_pg_path_array         (GPtrArray   *keys,
                                       guint        n);
char       *sim_pg_admin_json_type    (SimPgAdmin  *admin,
                                       const char  *database,
                                       const char  *column,
                                       const char  *path);

G_END_DECLS
