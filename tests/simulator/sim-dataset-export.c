/* sim-dataset-export.c
 *
 * The export side of Flow Service, for datasets (API-NOTES §C): the
 * datasets a sandbox can export, which are its Catalog datasets, as
 * `GET /connectionSpecs/{Data Lake spec}/configs` lists them, paged by
 * `start` and `limit` with `pageInfo.hasNext`. The rest of the export
 * wizard's calls come here too.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-dataset-export"

#include "config.h"

#include "sim-catalog-private.h"
#include "sim-flow-service-private.h"

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"

/* The export source is always the Data Lake spec. */
#define DATA_LAKE_SPEC "23598e46-f560-407b-88d5-ea6207e49db0"

/* Flow Service's code for a bad parameter; the bounds are the
 * simulator's own, the docs give none.
 */
#define BAD_QUERY_CODE_FLOW "FLOW-1100-400"
#define DEFAULT_LIMIT 20
#define MAX_LIMIT 100

static void
list_configs_cb (SimRequest *request)
{
  const char *spec = sim_request_get_param (request, "id");
  const char *output_type = sim_request_get_query (request, "outputType");
  const char *output_field = sim_request_get_query (request, "outputField");
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  Sandbox *sandbox;
  gint64 start;
  gint64 limit;

  if (!g_str_equal (spec, DATA_LAKE_SPEC))
    {
      sim_flow_service_reply_error (request, "1101-404", "Resource not found",
                                    "Connection spec '%s' has no configs to export.", spec);
      return;
    }

  if (g_strcmp0 (output_type, "activationDatasets") != 0 || g_strcmp0 (output_field, "datasets") != 0)
    {
      sim_flow_service_reply_error (request, "1100-400", "Bad request",
                                    "outputType=activationDatasets and outputField=datasets are required.");
      return;
    }

  if (!sim_request_get_query_int (request, "start", 0, 0, G_MAXINT32, BAD_QUERY_CODE_FLOW, "Bad request", &start) ||
      !sim_request_get_query_int (request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, BAD_QUERY_CODE_FLOW, "Bad request",
                                  &limit))
    return;

  sandbox = catalog_get_sandbox (request);

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (gint64 i = start; i < sandbox->by_name->len && i < start + limit; i++)
    {
      Dataset *dataset = g_ptr_array_index (sandbox->by_name, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dataset->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, dataset->name);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, "ENABLED");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "pageInfo");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "total");
  json_builder_add_int_value (builder, sandbox->by_name->len);
  json_builder_set_member_name (builder, "hasNext");
  json_builder_add_boolean_value (builder, start + limit < sandbox->by_name->len);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, 200, node);
}

/* Routes match on their number of segments before anything else, so
 * this one and Flow Service's GET /connectionSpecs/{id} never compete,
 * whichever is registered first.
 */
void
sim_dataset_export_register (SimServer *server)
{
  sim_server_add_route (server, "GET", FLOW_SERVICE_PATH "/connectionSpecs/{id}/configs", SIM_ROUTE_DEFAULT,
                        list_configs_cb);
}
