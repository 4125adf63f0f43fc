/* sim-flow-explore-private.h
 *
 * The remote storage that Flow Service explores: cloud storage accounts
 * of folders and files, databases of tables, and the Data Landing Zone,
 * from world/remote-storage.json. Rows are never stored: each value is
 * made from a hash of its row number, so every run reads the same data.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-server.h"

G_BEGIN_DECLS

/* What a preview reads of a file or a table, as the platform's does. */
#define SIM_EXPLORE_PREVIEW_ROWS 100

typedef enum
{
  SIM_ENTRY_FOLDER,
  SIM_ENTRY_FILE,
  SIM_ENTRY_TABLE,
} SimEntryType;

typedef struct
{
  char *name;
  char *type;               /* string, integer, long, double, boolean, date, timestamp */
  char *gen;                /* how its values are made (sim-flow-explore-data.c) */
} SimColumn;

typedef struct _SimEntry SimEntry;

struct _SimEntry
{
  SimEntryType type;
  char *name;

  /* Files and tables */
  char *format;             /* delimited, json, parquet; NULL for a table */
  char delimiter;
  char *compression;        /* NULL when not compressed */
  gboolean decimal_comma;
  GPtrArray *columns;       /* SimColumn, the dataset's */
  GStrv column_names;       /* NULL, or names that replace the dataset's */
  guint rows;
  guint64 offset;           /* the row numbers start there */

  /* Folders */
  GPtrArray *children;      /* SimEntry */
  SimEntry *generated;      /* NULL, or the model of `generate_count` files */
  guint generate_count;
  char *generate_prefix;
  char *generate_suffix;

  gboolean transient;       /* one of generated files, made for one request */
};

typedef struct
{
  char *name;
  char *spec_id;
  JsonObject *match;        /* auth params that identify the account */
  char *prefix;             /* before every path: "/" or "dlz-user-container/" */
  char *database;           /* tables' paths start with it, if set */
  SimEntry *root;           /* a folder, for file systems */
  GPtrArray *tables;        /* SimEntry, for databases */
} SimAccount;

typedef struct
{
  GHashTable *datasets;     /* name → GPtrArray of SimColumn */
  GPtrArray *accounts;      /* SimAccount */
  SimAccount *landing_zone;
  char *container_ttl;
  char *storage_account;
} SimExploreWorld;

/* sim-flow-explore-world.c */
SimExploreWorld *sim_explore_world_load         (const char       *dir,
                                                 GError          **error);
void             sim_explore_world_free         (SimExploreWorld  *world);
SimAccount      *sim_explore_world_find_account (SimExploreWorld  *world,
                                                 const char       *spec_id,
                                                 JsonObject       *params);
SimEntry        *sim_entry_lookup               (SimAccount       *account,
                                                 const char       *path,
                                                 char            **canonical);
void             sim_entry_release              (SimEntry         *entry);
char            *sim_entry_list_children        (SimAccount       *account,
                                                 SimEntry         *folder,
                                                 const char       *folder_path);
char            *sim_account_list_tables        (SimAccount       *account);
SimEntry        *sim_account_find_table         (SimAccount       *account,
                                                 const char       *path);

/* sim-flow-explore-data.c */
char            *sim_column_value_text          (SimColumn        *column,
                                                 guint64           row,
                                                 gboolean          decimal_comma);
JsonNode        *sim_column_value               (SimColumn        *column,
                                                 guint64           row);
void             sim_column_add_schema          (JsonBuilder      *builder,
                                                 const char       *name,
                                                 const char       *type);
char            *sim_entry_render_text          (SimEntry         *file,
                                                 guint             max_rows);
const char      *sim_preview_find_non_xdm_name  (JsonNode         *preview);
JsonNode        *sim_entry_typed_preview        (SimEntry         *entry,
                                                 gboolean          with_data);
JsonNode        *sim_text_delimited_preview     (const char       *text,
                                                 char              delimiter,
                                                 gboolean          with_data);
JsonNode        *sim_text_json_preview          (const char       *text,
                                                 gboolean          with_data,
                                                 GError          **error);

G_END_DECLS
