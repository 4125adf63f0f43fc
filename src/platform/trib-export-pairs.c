/* trib-export-pairs.c
 *
 * Which dataset exports read the dataset a scheduled query writes: the
 * pairs the collision check looks at. No API links the two schedulers
 * (API-NOTES §C3), so the sandbox's flows are listed, the dataset export
 * flows kept (their flow specs are the six destinations' dataset flow
 * specs, §C1), and each one's source connection read for the datasets
 * it exports (`params.datasets[{dataSetId, name}]`). A schedule names
 * its output dataset by name only (`ctasParameters.datasetName` or
 * `insertIntoParameters.datasetName`, API-NOTES §B1), so the Catalog is
 * asked for that name's dataset id first and the exports are matched on
 * `dataSetId`: the name an export's source connection recorded may be
 * stale (a renamed dataset), and another dataset may have held it. Only
 * when the Catalog knows no dataset by that name (not made yet, or the
 * Catalog cannot be read) is the name matched, or an id given instead.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-export-pairs"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-catalog.h"
#include "trib-export-pairs.h"
#include "trib-flow-service-entities.h"
#include "trib-flow-service-private.h"
#include "trib-flow-service-runs.h"
#include "trib-flow-service-flows.h"
#include "trib-paged-list.h"
#include "trib-query-schedules.h"
#include "trib-source-connection.h"
#include "trib-xdm-json.h"

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"
#define FLOW_SERVICE NC_("platform service", "Flow Service")

/* The dataset flow specs of S3, Azure Blob, ADLS Gen2, the Data Landing
 * Zone, GCS and SFTP (API-NOTES §C1). */
static const char * const export_specs[] = {
  "269ba276-16fc-47db-92b0-c1049a3c131f",
  "95bd8965-fc8a-4119-b9c3-944c2c2df6d2",
  "17be2013-2549-41ce-96e7-a70363bec293",
  "cd2fc47e-e838-4f38-a581-8fff2f99b63a",
  "585c15c4-6cbf-4126-8f87-e26bff78b657",
  "354d6aad-4754-46e4-a576-1b384561c440",
};

static const TribEndpoint set_start_endpoint = {
  .service = FLOW_SERVICE,
  .what = N_("the dataflow’s new etag"),
  .method = "PATCH",
  .path = FLOW_SERVICE_PATH "/flows/{}",
  .idempotent = FALSE,
  .parse = _trib_flow_service_parse_created,
  .free_result = (GDestroyNotify) _trib_flow_created_free,
  .error_prefix = N_("Could not change the export’s start: "),
};

typedef struct
{
  TribPlatformClient *client;
  char *dataset_name;
  GPtrArray *dataset_ids;       /* char *: the Catalog's for the name; empty: match the name */
  TribPagedList *datasets;
  TribPagedList *list;
  GPtrArray *found;             /* TribFlow */
  guint pending;
} Find;

typedef struct
{
  GTask *task;
  TribFlow *flow;
} Lookup;

static void
find_free (Find *find)
{
  g_clear_object (&find->client);
  g_free (find->dataset_name);
  g_clear_pointer (&find->dataset_ids, g_ptr_array_unref);
  g_clear_object (&find->datasets);
  g_clear_object (&find->list);
  g_clear_pointer (&find->found, g_ptr_array_unref);
  g_free (find);
}

/**
 * trib_export_pairs_is_export_spec:
 * @flow_spec_id: (nullable): a flow's flow spec
 *
 * Returns: whether it is one of the dataset export flow specs
 */
gboolean
trib_export_pairs_is_export_spec (const char *flow_spec_id)
{
  for (guint i = 0; flow_spec_id != NULL && i < G_N_ELEMENTS (export_specs); i++)
    if (g_str_equal (flow_spec_id, export_specs[i]))
      return TRUE;
  return FALSE;
}

static gboolean
exports_dataset (TribSourceConnection *source,
                 Find                 *find)
{
  JsonObject *params = trib_xdm_json_get_object (trib_source_connection_get_json (source), "params");
  JsonArray *datasets = params != NULL ? trib_xdm_json_get_array (params, "datasets") : NULL;

  for (guint i = 0; datasets != NULL && i < json_array_get_length (datasets); i++)
    {
      JsonNode *node = json_array_get_element (datasets, i);

      JsonObject *dataset = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      const char *id = dataset != NULL ? trib_xdm_json_get_string (dataset, "dataSetId") : NULL;

      if (dataset == NULL)
        continue;
      if (find->dataset_ids->len > 0)
        {
          for (guint j = 0; id != NULL && j < find->dataset_ids->len; j++)
            if (g_str_equal (id, g_ptr_array_index (find->dataset_ids, j)))
              return TRUE;
          continue;
        }
      /* A caller that had the id rather than the name gives it here. */
      if (g_strcmp0 (trib_xdm_json_get_string (dataset, "name"), find->dataset_name) == 0 ||
          g_strcmp0 (id, find->dataset_name) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
lookup_done (GTask *task)
{
  Find *find = g_task_get_task_data (task);

  if (--find->pending > 0)
    return;
  g_task_return_pointer (task, g_ptr_array_ref (find->found), (GDestroyNotify) g_ptr_array_unref);
}

static void
source_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Lookup *lookup = user_data;
  Find *find = g_task_get_task_data (lookup->task);
  g_autoptr(TribSourceConnection) source = NULL;
  g_autoptr(GError) error = NULL;

  /* A flow whose source cannot be read is left out, not the whole list:
   * the others may still collide. */
  source = trib_flow_service_get_source_connection_finish (result, &error);
  if (source == NULL)
    g_debug ("Could not read the source of flow %s: %s", trib_flow_get_id (lookup->flow), error->message);
  else if (exports_dataset (source, find))
    g_ptr_array_add (find->found, g_object_ref (lookup->flow));

  lookup_done (lookup->task);
  g_object_unref (lookup->task);
  g_object_unref (lookup->flow);
  g_free (lookup);
}

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  GListModel *flows = G_LIST_MODEL (find->list);
  GError *error = NULL;

  if (!trib_paged_list_load_all_finish (find->list, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  /* One more than the lookups, released below, so that none can finish
   * the task while others are still being sent. */
  find->pending = 1;
  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(TribFlow) flow = g_list_model_get_item (flows, i);
      Lookup *lookup;

      if (!trib_export_pairs_is_export_spec (trib_flow_get_flow_spec_id (flow)) ||
          trib_flow_get_source_connection_id (flow) == NULL)
        continue;

      lookup = g_new0 (Lookup, 1);
      lookup->task = g_object_ref (task);
      lookup->flow = g_object_ref (flow);
      find->pending++;
      trib_flow_service_get_source_connection_async (find->client, trib_flow_get_source_connection_id (flow),
                                                     g_task_get_cancellable (task), source_cb, lookup);
    }
  lookup_done (task);
}

static void
datasets_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  GListModel *datasets = G_LIST_MODEL (find->datasets);
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  if (!trib_paged_list_load_all_finish (find->datasets, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      /* The name alone still finds the exports that recorded it. */
      g_debug ("Could not look the dataset “%s” up: %s", find->dataset_name, error->message);
    }
  for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (datasets, i);

      if (g_strcmp0 (trib_dataset_get_name (dataset), find->dataset_name) == 0)
        g_ptr_array_add (find->dataset_ids, g_strdup (trib_dataset_get_id (dataset)));
    }
  g_clear_object (&find->datasets);

  find->list = trib_flow_service_list_flows (find->client, NULL);
  cancellable = g_task_get_cancellable (task);
  trib_paged_list_load_all_async (find->list, cancellable, listed_cb, g_steal_pointer (&task));
}

/**
 * trib_export_pairs_find_async:
 * @client: a #TribPlatformClient
 * @dataset_name: the dataset a scheduled query writes: its name, or its id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the export flows that read it
 * @user_data: data for @callback
 */
void
trib_export_pairs_find_async (TribPlatformClient  *client,
                              const char          *dataset_name,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Find *find;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (dataset_name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_export_pairs_find_async);
  find = g_new0 (Find, 1);
  find->client = g_object_ref (client);
  find->dataset_name = g_strdup (dataset_name);
  find->dataset_ids = g_ptr_array_new_with_free_func (g_free);
  find->found = g_ptr_array_new_with_free_func (g_object_unref);
  g_task_set_task_data (task, find, (GDestroyNotify) find_free);

  /* The name's datasets: a search for names holding it, kept if equal. */
  find->datasets = trib_catalog_list_datasets (client, dataset_name);
  trib_paged_list_load_all_async (find->datasets, cancellable, datasets_cb, g_steal_pointer (&task));
}

/**
 * trib_export_pairs_find_finish:
 *
 * Returns: (transfer container) (element-type TribFlow): the export
 *   flows that read the dataset, or %NULL with @error
 */
GPtrArray *
trib_export_pairs_find_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The other way round: the query schedules that write one of the
 * datasets an export is about to read. */

typedef struct
{
  GStrv ids;
  GStrv names;
  TribPagedList *list;
} FindSchedules;

static void
find_schedules_free (FindSchedules *find)
{
  g_strfreev (find->ids);
  g_strfreev (find->names);
  g_clear_object (&find->list);
  g_free (find);
}

static void
schedules_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FindSchedules *find = g_task_get_task_data (task);
  GListModel *schedules = G_LIST_MODEL (find->list);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  GError *error = NULL;

  if (!trib_paged_list_load_all_finish (find->list, result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (schedules); i++)
    {
      g_autoptr(TribQuerySchedule) schedule = g_list_model_get_item (schedules, i);
      const char *output = trib_query_schedule_get_output_dataset (schedule);

      /* A schedule names its dataset (ctasParameters.datasetName); the
       * export knows it by id and by the Catalog's name for it. */
      if (output != NULL && (g_strv_contains ((const char * const *) find->names, output) ||
                             g_strv_contains ((const char * const *) find->ids, output)))
        g_ptr_array_add (found, g_steal_pointer (&schedule));
    }
  g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * trib_export_pairs_find_schedules_async:
 * @client: a #TribPlatformClient
 * @dataset_ids: (array zero-terminated=1): the datasets an export reads
 * @dataset_names: (array zero-terminated=1): their names
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the query schedules that write any of them
 * @user_data: data for @callback
 *
 * The Export Datasets wizard's side of the collision check.
 */
void
trib_export_pairs_find_schedules_async (TribPlatformClient  *client,
                                        const char * const  *dataset_ids,
                                        const char * const  *dataset_names,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  FindSchedules *find;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (dataset_ids != NULL);
  g_return_if_fail (dataset_names != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, trib_export_pairs_find_schedules_async);
  find = g_new0 (FindSchedules, 1);
  find->ids = g_strdupv ((char **) dataset_ids);
  find->names = g_strdupv ((char **) dataset_names);
  find->list = trib_query_schedules_list (client);
  g_task_set_task_data (task, find, (GDestroyNotify) find_schedules_free);

  trib_paged_list_load_all_async (find->list, cancellable, schedules_listed_cb, g_steal_pointer (&task));
}

/**
 * trib_export_pairs_find_schedules_finish:
 *
 * Returns: (transfer container) (element-type TribQuerySchedule): the
 *   schedules that write one of the datasets, or %NULL with @error
 */
GPtrArray *
trib_export_pairs_find_schedules_finish (GAsyncResult  *result,
                                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * trib_export_pairs_set_start_async:
 * @client: a #TribPlatformClient
 * @flow: a dataset export flow as last read: its etag goes in If-Match
 * @start_ms: its new `startTime`, epoch ms (sent in seconds)
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the new etag
 * @user_data: data for @callback
 *
 * Moves an export's ticks, as the collision check suggests: only
 * `scheduleParams.startTime` is replaced, its mode and interval stay.
 * A stale @flow is %TRIB_PLATFORM_ERROR_STALE.
 */
void
trib_export_pairs_set_start_async (TribPlatformClient  *client,
                                   TribFlow            *flow,
                                   gint64               start_ms,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(JsonNode) body = json_node_new (JSON_NODE_ARRAY);
  JsonArray *operations = json_array_new ();
  JsonObject *operation = json_object_new ();
  TribCall *call;

  g_return_if_fail (TRIB_IS_PLATFORM_CLIENT (client));
  g_return_if_fail (TRIB_IS_FLOW (flow));
  g_return_if_fail (trib_flow_get_etag (flow) != NULL);

  json_object_set_string_member (operation, "op", "replace");
  json_object_set_string_member (operation, "path", "/scheduleParams/startTime");
  json_object_set_int_member (operation, "value", start_ms / 1000);
  json_array_add_object_element (operations, operation);
  json_node_take_array (body, operations);

  call = trib_call_new (&set_start_endpoint, trib_flow_get_id (flow), NULL);
  trib_call_set_body (call, body);
  trib_call_set_if_match (call, trib_flow_get_etag (flow));
  trib_platform_client_send_async (client, call, cancellable, callback, user_data);
}

/**
 * trib_export_pairs_set_start_finish:
 *
 * Returns: (transfer full): the flow's new etag, or %NULL with @error
 */
char *
trib_export_pairs_set_start_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return trib_flow_service_set_flow_enabled_finish (result, error);
}
