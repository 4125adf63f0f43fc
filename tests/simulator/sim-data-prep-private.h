/* sim-data-prep-private.h
 *
 * What the Data Prep files share, and the lookup Flow Service's flow
 * checks use to find a mapping set.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-services.h"

G_BEGIN_DECLS

#define DATA_PREP_PATH "/data/foundation/conversion"

/* Expressions are user input: bounded so a hostile one cannot exhaust
 * the stack or the memory of the simulator.
 */
#define DATA_PREP_MAX_EXPRESSION 4096
#define DATA_PREP_MAX_DEPTH      32

gboolean  sim_data_prep_mapping_exists   (SimServer  *server,
                                          SimClient  *client,
                                          const char *sandbox,
                                          const char *id,
                                          guint       version);

const char *sim_data_prep_mapping_schema (SimServer  *server,
                                          SimClient  *client,
                                          const char *sandbox,
                                          const char *id,
                                          guint       version);

/* sim-data-prep.c */
JsonArray *data_prep_read_body           (JsonObject  *body,
                                          const char **schema_id,
                                          gboolean    *legacy,
                                          GError     **error);

/* sim-data-prep-world.c */
gboolean   data_prep_world_load          (const char  *world_dir,
                                          GError     **error);
GPtrArray *data_prep_world_sets          (const char  *org_id,
                                          const char  *sandbox);

/* sim-data-prep-check.c */
void      data_prep_validate_cb          (SimRequest *request);
void      data_prep_preview_cb           (SimRequest *request);

/* sim-data-prep-expr.c */
JsonNode *data_prep_expression_eval      (const char *expression,
                                          JsonObject *row,
                                          GError    **error);
gboolean  data_prep_expression_check     (const char *expression,
                                          GPtrArray  *columns,
                                          GError    **error);

/* sim-data-prep-schema.c: a resolved schema as path → type */
GHashTable *data_prep_schema_paths       (JsonObject *resolved);
gboolean    data_prep_types_compatible   (const char *source_type,
                                          const char *destination_type);
JsonNode   *data_prep_convert            (JsonNode   *value,
                                          const char *destination_type,
                                          GError    **error);
void        data_prep_set_path           (JsonObject *root,
                                          const char *path,
                                          JsonNode   *value);

G_END_DECLS
