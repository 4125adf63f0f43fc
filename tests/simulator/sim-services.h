/* sim-services.h
 *
 * The simulated services. Each lives in its own file and adds its routes
 * to the server; a new service adds a line here and one in sim-main.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

void sim_ims_register                (SimServer *server);
void sim_sandbox_management_register (SimServer *server);
void sim_admin_register              (SimServer *server);
gboolean sim_query_service_register  (SimServer   *server,
                                      const char  *admin_conninfo,
                                      GError     **error);
void sim_query_service_shutdown      (void);
const char *sim_query_service_get_admin_conninfo (void);
char *sim_query_service_rewrite (const char  *database,
                                 const char  *sql,
                                 char       **sqlstate,
                                 char       **message);
gboolean sim_query_service_check_database (const char  *database,
                                           gboolean    *exists,
                                           GError     **error);
gboolean sim_query_service_ensure_role (const char  *org_id,
                                        GError     **error);
void sim_query_templates_register    (SimServer *server);
void sim_schedules_register          (SimServer *server);
/* sim-catalog.c, for Query Service's output datasets */
const char *sim_catalog_generated_source (const char *table,
                                          guint      *index);
gboolean sim_catalog_find_dataset_by_name (const char  *org_id,
                                           const char  *sandbox,
                                           const char  *name,
                                           char       **id,
                                           char       **table);
char    *sim_catalog_dup_table            (const char  *org_id,
                                           const char  *sandbox,
                                           const char  *id);
void     sim_dataset_export_runs_register (void);
char    *sim_catalog_new_table_name       (const char  *org_id,
                                           const char  *sandbox,
                                           const char  *name);
char    *sim_catalog_add_output_dataset   (const char  *org_id,
                                           const char  *sandbox,
                                           const char  *name,
                                           const char  *description,
                                           const char  *table);
void     sim_catalog_add_output_batch     (const char  *org_id,
                                           const char  *sandbox,
                                           const char  *dataset_id,
                                           gint64       records);
void sim_schema_registry_register    (SimServer *server);
void sim_catalog_register            (SimServer *server,
                                      guint      n_generated_datasets);
void sim_queries_register            (SimServer *server);
void sim_query_create_register       (SimServer *server);
void sim_dataset_export_register     (SimServer *server);
gboolean sim_flow_service_register    (SimServer   *server,
                                      const char  *world_dir,
                                      GError     **error);
gboolean sim_schema_registry_has_schema (SimServer  *server,
                                         SimClient  *client,
                                         const char *sandbox,
                                         const char *schema_id);
JsonObject *sim_schema_registry_dup_resolved (SimServer  *server,
                                              SimClient  *client,
                                              const char *sandbox,
                                              const char *schema_id);
gboolean sim_data_prep_register      (SimServer   *server,
                                      const char  *world_dir,
                                      GError     **error);
gboolean sim_flow_explore_register   (SimServer   *server,
                                      const char  *world_dir,
                                      GError     **error);

G_END_DECLS
