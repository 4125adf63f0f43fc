/* sim-catalog-batches.c
 *
 * What a dataset's detail reads beside the dataset: the Catalog's
 * batches, and the Dataset Service's labels.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-catalog"

#include "config.h"

#include "sim-catalog-private.h"

static void
add_batch_json (JsonBuilder   *builder,
                const Batch   *batch,
                const Dataset *dataset)
{
  json_builder_set_member_name (builder, batch->id);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, batch->id);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, batch->status);
  json_builder_set_member_name (builder, "created");
  json_builder_add_int_value (builder, batch->created);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, batch->completed);
  json_builder_set_member_name (builder, "started");
  json_builder_add_int_value (builder, batch->created + 1000);
  json_builder_set_member_name (builder, "completed");
  json_builder_add_int_value (builder, batch->completed);
  json_builder_set_member_name (builder, "recordCount");
  json_builder_add_int_value (builder, batch->records);
  json_builder_set_member_name (builder, "failedRecordCount");
  json_builder_add_int_value (builder, batch->failed_records);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, batch->records * 211);
  json_builder_set_member_name (builder, "relatedObjects");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "dataSet");
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, dataset->id);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "inputFormat");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "parquet");
  json_builder_end_object (builder);
  /* errors[{code, rows, description}], as the Catalog's batch has them. */
  if (batch->n_errors > 0 || batch->error_code != NULL)
    {
      json_builder_set_member_name (builder, "errors");
      json_builder_begin_array (builder);
      for (guint i = 0; i < MAX (batch->n_errors, 1); i++)
        {
          const BatchError one = { batch->error_code, NULL, batch->error_description };
          const BatchError *error = batch->n_errors > 0 ? &batch->errors[i] : &one;

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "code");
          json_builder_add_string_value (builder, error->code);
          if (error->rows != NULL)
            {
              json_builder_set_member_name (builder, "rows");
              json_builder_begin_array (builder);
              json_builder_add_string_value (builder, error->rows);
              json_builder_end_array (builder);
            }
          if (error->description != NULL)
            {
              json_builder_set_member_name (builder, "description");
              json_builder_add_string_value (builder, error->description);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  const Batch *batch_a = *(const Batch * const *) a;
  const Batch *batch_b = *(const Batch * const *) b;

  return (batch_a->created > batch_b->created) - (batch_a->created < batch_b->created);
}

void
catalog_sort_batches (Dataset *dataset)
{
  g_ptr_array_sort (dataset->batches, compare_created);
  dataset->batches_unsorted = FALSE;
}

/**
 * catalog_add_flow_batch:
 * @error_code: (nullable): a static string
 * @error_description: (nullable): a static string
 *
 * A batch a flow's run wrote (sim-flow-runs.c), so the dataset's page
 * shows it. Runs of several flows arrive out of order: the batches are
 * sorted when next read.
 */
void
catalog_add_flow_batch (SimServer  *server,
                        SimClient  *client,
                        const char *sandbox,
                        const char *dataset_id,
                        const char *batch_id,
                        const char *status,
                        gint64      created,
                        gint64      completed,
                        gint64      records,
                        gint64      failed_records,
                        const char *error_code,
                        const char *error_description)
{
  SimRequest request = { 0 };
  Dataset *dataset;
  Batch *batch;

  request.server = server;
  request.client = client;
  request.sandbox = (char *) sandbox;
  if (!(dataset = g_hash_table_lookup (catalog_get_sandbox (&request)->by_id, dataset_id)))
    return;

  batch = g_new0 (Batch, 1);
  batch->id = g_strdup (batch_id);
  batch->status = g_str_equal (status, "failed") ? "failed" : "success";
  batch->created = created;
  batch->completed = completed;
  batch->records = records;
  batch->failed_records = failed_records;
  batch->error_code = error_code;
  batch->error_description = error_description;
  if (dataset->batches->len > 0 &&
      ((Batch *) g_ptr_array_index (dataset->batches, dataset->batches->len - 1))->created > created)
    dataset->batches_unsorted = TRUE;
  g_ptr_array_add (dataset->batches, batch);
  dataset->updated = MAX (dataset->updated, completed);
}

static void
list_batches_cb (SimRequest *request)
{
  Sandbox *sandbox = catalog_get_sandbox (request);
  const char *dataset_id = sim_request_get_query (request, "dataSet");
  const char *order_by = sim_request_get_query (request, "orderBy");
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  gboolean newest_first = order_by != NULL && g_str_equal (order_by, "desc:created");
  gint64 limit;
  guint n = 0;

  if (!sim_request_get_query_int (request, "limit", 20, 1, 100, BAD_QUERY_CODE, BAD_QUERY_TITLE,
                                  &limit))
    return;

  json_builder_begin_object (builder);
  for (guint i = 0; i < sandbox->by_name->len; i++)
    {
      Dataset *dataset = g_ptr_array_index (sandbox->by_name, i);

      if (dataset_id != NULL && !g_str_equal (dataset_id, dataset->id))
        continue;
      if (dataset->batches_unsorted)
        catalog_sort_batches (dataset);

      for (guint j = 0; j < dataset->batches->len && n < limit; j++, n++)
        add_batch_json (builder,
                        g_ptr_array_index (dataset->batches, newest_first ? dataset->batches->len - 1 - j : j),
                        dataset);
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

static void
get_labels_cb (SimRequest *request)
{
  Dataset *dataset = catalog_find_dataset (request);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (dataset == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "labels");
  json_builder_begin_array (builder);
  if (dataset->labelled)
    {
      json_builder_add_string_value (builder, "C2");
      json_builder_add_string_value (builder, "C5");
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "optionalLabels");
  json_builder_begin_array (builder);
  if (dataset->labelled)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "option");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dataset->schema_id);
      json_builder_set_member_name (builder, "contentType");
      json_builder_add_string_value (builder, dataset_get_schema_content_type (dataset));
      json_builder_set_member_name (builder, "schemaPath");
      json_builder_add_string_value (builder, "/personalEmail/address");
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "labels");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "I1");
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

void
catalog_add_detail_routes (SimServer *server)
{
  sim_server_add_route (server, "GET", CATALOG_PATH "/batches", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        list_batches_cb);
  sim_server_add_route (server, "GET", "/data/foundation/dataset/datasets/{id}/labels",
                        SIM_ROUTE_SANDBOX_DEFAULT_PROD, get_labels_cb);
}
