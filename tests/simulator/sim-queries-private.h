/* sim-queries-private.h
 *
 * What Query Service's files share: each sandbox's queries (the demo
 * history and those posted), the query definitions that queries and
 * schedules take, and the templates.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sim-query-exec.h"
#include "sim-services.h"

G_BEGIN_DECLS

#define QUERY_PATH "/data/foundation/query"
#define QS_BAD_REQUEST_CODE "QSG-1400-400"
#define QS_BAD_REQUEST_TITLE "Bad request"
#define QS_NOT_FOUND_CODE "QSG-1404-404"

/* Ad hoc statements end after ten minutes, as Query Service's (53400). */
#define QS_ADHOC_TIMEOUT_SECONDS 600
/* Scheduled ones have longer [UNV]: the batch limit is not published. */
#define QS_BATCH_TIMEOUT_SECONDS 7200

typedef struct
{
  char *id;
  char *name;
  char *sql;
  char *db_name;
  const char *state;
  const char *client;
  gint64 created;           /* epoch ms, distinct within a sandbox */
  gint64 updated;
  gint64 elapsed;
  gint64 row_count;
  gboolean hidden;          /* issued by the PostgreSQL protocol itself */
  gboolean soft_deleted;
  gboolean is_ctas;
  gboolean is_insert_into;

  /* Posted over REST */
  char *effective_sql;
  char *template_id;
  char *error_code;
  char *error_message;
  char *dataset_id;         /* the CTAS's new dataset, once made */
  SimQueryJob *job;         /* while it runs */
} Query;

typedef struct
{
  GPtrArray *queries;       /* Query, by created */
} Store;

/* sim-queries.c */
Store  *queries_get_store   (const char   *org_id,
                             const char   *sandbox);
Query  *queries_find        (Store        *store,
                             const char   *id);
void    queries_add         (Store        *store,
                             Query        *query);
void    queries_add_json    (JsonBuilder  *builder,
                             SimRequest   *request,
                             Query        *query);
char   *queries_new_uuid    (void);
char   *queries_format_time (gint64        ms);

/**
 * QueryDef:
 *
 * A `query_def`, as POST /queries and POST /schedules take it, checked.
 */
typedef struct
{
  char *db_name;
  char *sql;                /* as sent, or the template's */
  char *effective_sql;      /* with its $parameters filled */
  char *name;
  char *description;
  char *template_id;
  JsonNode *parameters;     /* queryParameters as sent, or NULL */
  char *ctas_dataset;
  char *ctas_description;
  char *ctas_schema_title;
  char *insert_dataset;
} QueryDef;

/**
 * QueryOutput:
 *
 * Where a run of a definition writes, decided when the run starts.
 */
typedef struct
{
  char *statement;          /* what PostgreSQL runs */
  char *dataset_id;         /* NULL: a CTAS whose dataset is made on success */
  char *table;
  gboolean creates;
} QueryOutput;

/* sim-query-def.c */
QueryDef    *query_def_parse        (SimRequest   *request,
                                     JsonNode     *node,
                                     const char   *member);
void         query_def_free         (QueryDef     *def);
void         query_def_add_json     (JsonBuilder  *builder,
                                     QueryDef     *def);
QueryOutput *query_def_plan_output  (QueryDef     *def,
                                     const char   *org_id,
                                     const char   *sandbox);
void         query_output_free      (QueryOutput  *output);
char        *query_output_finish    (QueryOutput  *output,
                                     QueryDef     *def,
                                     const char   *org_id,
                                     const char   *sandbox,
                                     gint64        row_count);
void         add_href               (JsonBuilder  *builder,
                                     const char   *name,
                                     const char   *href,
                                     const char   *method);

/* sim-query-templates.c */
const char  *query_templates_lookup_sql (const char *org_id,
                                         const char *sandbox,
                                         const char *id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryDef, query_def_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QueryOutput, query_output_free)

G_END_DECLS
