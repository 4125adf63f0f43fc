/* sim-query-create.c
 *
 * Query Service's queries over REST: POST /queries (202 SUBMITTED, then
 * IN_PROGRESS while PostgreSQL runs it, then SUCCESS, FAILED, KILLED or
 * TIMEOUT), GET /queries/{id}, and PATCH /queries/{id} with
 * {"op": "cancel"} (409 once it has finished) or {"op": "soft_delete"}.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-query-create"

#include "config.h"

#include "sim-clock.h"
#include "sim-queries-private.h"

typedef struct
{
  char *org_id;
  char *sandbox;
  char *query_id;
  QueryDef *def;
  QueryOutput *output;
} Run;

static void
run_free (Run *run)
{
  g_free (run->org_id);
  g_free (run->sandbox);
  g_free (run->query_id);
  g_clear_pointer (&run->def, query_def_free);
  g_clear_pointer (&run->output, query_output_free);
  g_free (run);
}

static gboolean
is_finished (const Query *query)
{
  return !g_str_equal (query->state, "SUBMITTED") && !g_str_equal (query->state, "IN_PROGRESS");
}

static void
reply_query (SimRequest *request,
             guint       status,
             Query      *query)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  queries_add_json (builder, request, query);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, status, node);
}

static void
run_done (const SimQueryResult *result,
          gpointer              user_data)
{
  Run *run = user_data;
  Query *query = queries_find (queries_get_store (run->org_id, run->sandbox), run->query_id);

  g_assert (query != NULL);
  query->state = sim_query_outcome_to_state (result->outcome);
  query->elapsed = result->duration_ms;
  query->updated = query->created + MAX (result->duration_ms, 1);
  query->row_count = result->row_count;
  if (result->outcome == SIM_QUERY_OUTCOME_SUCCESS)
    query->dataset_id = query_output_finish (run->output, run->def, run->org_id, run->sandbox, result->row_count);
  else
    {
      query->error_code = g_strdup (result->outcome == SIM_QUERY_OUTCOME_TIMEOUT ? "53400" : result->sqlstate);
      query->error_message = g_strdup (result->message);
    }
  g_clear_pointer (&query->job, sim_query_job_unref);

  run_free (run);
}

static void
create_query_cb (SimRequest *request)
{
  g_autoptr(QueryDef) def = NULL;
  g_autoptr(GError) error = NULL;
  Store *store;
  Query *query;
  Run *run;

  if (sim_query_service_get_admin_conninfo () == NULL)
    {
      sim_request_reply_problem (request, 503, "QSG-1503-503", "Query Service unavailable",
                                 "The simulator was started without PostgreSQL.");
      return;
    }
  if (!sim_request_parse_body (request) || !(def = query_def_parse (request, request->body, NULL)))
    return;
  if (!sim_query_service_ensure_role (request->client->org->id, &error))
    {
      sim_request_reply_problem (request, 500, "QSG-1500-500", "Internal error", "%s", error->message);
      return;
    }

  store = queries_get_store (request->client->org->id, request->sandbox);
  query = g_new0 (Query, 1);
  query->id = queries_new_uuid ();
  query->name = g_strdup (def->name);
  query->sql = g_strdup (def->sql);
  query->effective_sql = g_strdup (def->effective_sql);
  query->db_name = g_strdup (def->db_name);
  query->template_id = g_strdup (def->template_id);
  query->state = "SUBMITTED";
  query->client = "API";
  query->created = sim_clock_now_ms ();
  query->is_ctas = def->ctas_dataset != NULL;
  query->is_insert_into = def->insert_dataset != NULL;
  queries_add (store, query);

  reply_query (request, 202, query);

  run = g_new0 (Run, 1);
  run->org_id = g_strdup (request->client->org->id);
  run->sandbox = g_strdup (request->sandbox);
  run->query_id = g_strdup (query->id);
  run->output = query_def_plan_output (def, run->org_id, run->sandbox);
  run->def = g_steal_pointer (&def);
  query->state = "IN_PROGRESS";
  query->job = sim_query_job_start (run->org_id, query->db_name, run->output->statement, QS_ADHOC_TIMEOUT_SECONDS,
                                    run_done, run);
}

static Query *
find_query (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  Query *query = queries_find (queries_get_store (request->client->org->id, request->sandbox), id);

  if (query == NULL)
    sim_request_reply_problem (request, 404, QS_NOT_FOUND_CODE, "Query not found",
                               "Query '%s' does not exist in sandbox '%s'.", id, request->sandbox);

  return query;
}

static void
get_query_cb (SimRequest *request)
{
  Query *query = find_query (request);

  if (query != NULL)
    reply_query (request, 200, query);
}

static void
reply_accepted (SimRequest *request,
                const char *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "statusCode");
  json_builder_add_int_value (builder, 202);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 202, node);
}

static void
patch_query_cb (SimRequest *request)
{
  Query *query;
  const char *op;

  if (!sim_request_parse_body (request) || !(query = find_query (request)))
    return;

  /* An object, not a JSON Patch array (API-NOTES §B1). */
  op = JSON_NODE_HOLDS_OBJECT (request->body) ? sim_json_get_string (json_node_get_object (request->body), "op")
                                               : NULL;
  if (op == NULL || !(g_str_equal (op, "cancel") || g_str_equal (op, "soft_delete")))
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "The body must be {\"op\": \"cancel\"} or {\"op\": \"soft_delete\"}.");
      return;
    }

  if (g_str_equal (op, "soft_delete"))
    {
      query->soft_deleted = TRUE;
      reply_accepted (request, "Query soft delete request received");
      return;
    }

  if (is_finished (query) || query->job == NULL)
    {
      sim_request_reply_problem (request, 409, "QSG-1409-409", "Conflict",
                                 "Query termination request failed because the job might already have "
                                 "terminated (state %s).", query->state);
      return;
    }

  sim_query_job_cancel (query->job);
  reply_accepted (request, "Query cancel request received");
}

void
sim_query_create_register (SimServer *server)
{
  sim_server_add_route (server, "POST", QUERY_PATH "/queries", SIM_ROUTE_SANDBOX_DEFAULT_PROD, create_query_cb);
  sim_server_add_route (server, "GET", QUERY_PATH "/queries/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD, get_query_cb);
  sim_server_add_route (server, "PATCH", QUERY_PATH "/queries/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        patch_query_cb);
}
