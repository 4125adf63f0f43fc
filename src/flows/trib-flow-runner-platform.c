/* trib-flow-runner-platform.c
 *
 * What the runner asks the platform about a step's resource, through
 * the platform layer's own calls: is it still there (a GET, before a
 * resume trusts the journal), is it there under its name (after a
 * create whose answer was lost, so nothing is created twice), and
 * delete it (a roll back).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-runner"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-catalog.h"
#include "trib-data-prep.h"
#include "trib-flow-runner-private.h"
#include "trib-flow-service-entities.h"
#include "trib-flow-service-flows.h"
#include "trib-flow-service.h"
#include "trib-platform-error.h"
#include "trib-schema-registry.h"

/* Checking */

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowStep *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) found = NULL;
  gboolean exists;

  switch (trib_flow_step_get_kind (step))
    {
    case TRIB_FLOW_STEP_CREATE_CLASS:
    case TRIB_FLOW_STEP_CREATE_SCHEMA:
      found = G_OBJECT (trib_schema_registry_get_finish (result, &error));
      break;
    case TRIB_FLOW_STEP_CREATE_DATASET:
      found = G_OBJECT (trib_catalog_get_dataset_finish (result, &error));
      break;
    case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
      found = G_OBJECT (trib_data_prep_get_mapping_set_finish (result, &error));
      break;
    case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
      found = G_OBJECT (trib_flow_service_get_source_connection_finish (result, &error));
      break;
    case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
      found = G_OBJECT (trib_flow_service_get_target_connection_finish (result, &error));
      break;
    case TRIB_FLOW_STEP_CREATE_FLOW:
      found = G_OBJECT (trib_flow_service_get_flow_finish (result, &error));
      break;
    case TRIB_FLOW_STEP_CREATE_CONNECTION:
      found = G_OBJECT (trib_flow_service_get_connection_finish (result, &error));
      break;
    case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
    default:
      g_assert_not_reached ();
    }

  exists = found != NULL;
  if (!exists && !g_error_matches (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_int (task, exists);
}

/* Whether the resource a done step made is still there: %FALSE without
 * an error is a 404.
 */
void
_trib_flow_resource_check_async (TribPlatformClient  *client,
                                 TribFlowStep        *step,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  const char *id = trib_flow_step_get_created_id (step);
  const char *sandbox = trib_platform_client_get_sandbox (client);

  g_task_set_source_tag (task, _trib_flow_resource_check_async);
  g_task_set_task_data (task, g_object_ref (step), g_object_unref);
  g_assert (id != NULL);

  switch (trib_flow_step_get_kind (step))
    {
    case TRIB_FLOW_STEP_CREATE_CLASS:
      trib_schema_registry_get_async (client, sandbox, TRIB_XDM_KIND_CLASS, id, cancellable, check_done_cb,
                                      g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_SCHEMA:
      trib_schema_registry_get_async (client, sandbox, TRIB_XDM_KIND_SCHEMA, id, cancellable, check_done_cb,
                                      g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_DATASET:
      trib_catalog_get_dataset_async (client, id, cancellable, check_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
      trib_data_prep_get_mapping_set_async (client, id, _trib_flow_step_get_created_version (step), cancellable,
                                            check_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
      trib_flow_service_get_source_connection_async (client, id, cancellable, check_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
      trib_flow_service_get_target_connection_async (client, id, cancellable, check_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_FLOW:
      trib_flow_service_get_flow_async (client, id, cancellable, check_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_CONNECTION:
      trib_flow_service_get_connection_async (client, id, cancellable, check_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
    default:
      g_task_return_int (task, TRUE);
    }
}

gboolean
_trib_flow_resource_check_finish (GAsyncResult  *result,
                                  gboolean      *exists,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  gssize value = g_task_propagate_int (G_TASK (result), &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  *exists = value != 0;

  return TRUE;
}

/* Finding by name */

typedef struct
{
  TribFlowStep *step;
  TribPagedList *list;
  char *tie;
} Find;

static void
find_free (Find *find)
{
  g_clear_object (&find->step);
  g_clear_object (&find->list);
  g_free (find->tie);
  g_free (find);
}

typedef struct
{
  char *id;
  int version;
  char *name_space;
} Found;

static void
found_free (Found *found)
{
  g_free (found->id);
  g_free (found->name_space);
  g_free (found);
}

/* Whether @item, listed under @name, is what @step made: its name, and
 * the earlier resource it was made on (its tie) where the list says.
 */
static const char *
matches (TribFlowStep *step,
         const char   *tie,
         GObject      *item,
         int          *version)
{
  const char *name = trib_flow_step_get_resource_name (step);

  *version = -1;
  switch (trib_flow_step_get_kind (step))
    {
    case TRIB_FLOW_STEP_CREATE_CLASS:
    case TRIB_FLOW_STEP_CREATE_SCHEMA:
      return g_strcmp0 (trib_xdm_resource_get_title (TRIB_XDM_RESOURCE (item)), name) == 0
               ? trib_xdm_resource_get_id (TRIB_XDM_RESOURCE (item)) : NULL;
    case TRIB_FLOW_STEP_CREATE_DATASET:
      return g_strcmp0 (trib_dataset_get_name (TRIB_DATASET (item)), name) == 0 &&
             (tie == NULL || trib_dataset_get_schema_id (TRIB_DATASET (item)) == NULL ||
              g_strcmp0 (trib_dataset_get_schema_id (TRIB_DATASET (item)), tie) == 0)
               ? trib_dataset_get_id (TRIB_DATASET (item)) : NULL;
    case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
      if (g_strcmp0 (trib_mapping_set_get_name (TRIB_MAPPING_SET (item)), name) != 0)
        return NULL;
      *version = trib_mapping_set_get_version (TRIB_MAPPING_SET (item));
      return trib_mapping_set_get_id (TRIB_MAPPING_SET (item));
    case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
      return g_strcmp0 (trib_source_connection_get_name (TRIB_SOURCE_CONNECTION (item)), name) == 0
               ? trib_source_connection_get_id (TRIB_SOURCE_CONNECTION (item)) : NULL;
    case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
      return g_strcmp0 (trib_target_connection_get_name (TRIB_TARGET_CONNECTION (item)), name) == 0 &&
             (tie == NULL || g_strcmp0 (trib_target_connection_get_dataset_id (TRIB_TARGET_CONNECTION (item)), tie) == 0)
               ? trib_target_connection_get_id (TRIB_TARGET_CONNECTION (item)) : NULL;
    case TRIB_FLOW_STEP_CREATE_FLOW:
      return g_strcmp0 (trib_flow_get_name (TRIB_FLOW (item)), name) == 0 &&
             (tie == NULL || g_strcmp0 (trib_flow_get_source_connection_id (TRIB_FLOW (item)), tie) == 0)
               ? trib_flow_get_id (TRIB_FLOW (item)) : NULL;
    case TRIB_FLOW_STEP_CREATE_CONNECTION:
      return g_strcmp0 (trib_connection_get_name (TRIB_CONNECTION (item)), name) == 0 &&
             (tie == NULL || g_strcmp0 (trib_connection_get_spec_id (TRIB_CONNECTION (item)), tie) == 0)
               ? trib_connection_get_id (TRIB_CONNECTION (item)) : NULL;
    case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
    default:
      return NULL;
    }
}

static void
find_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Find *find = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  GListModel *model = G_LIST_MODEL (find->list);
  Found *found = NULL;

  if (!trib_paged_list_load_all_finish (find->list, result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *id;
      int version;

      if ((id = matches (find->step, find->tie, item, &version)) == NULL)
        continue;
      if (found != NULL)
        {
          /* Two of the same name and tie: not this setup's doing alone.
           * The first is taken; the person sees both in the platform.
           */
          g_warning ("%s: more than one “%s”", trib_flow_step_get_title (find->step),
                     trib_flow_step_get_resource_name (find->step));
          break;
        }
      found = g_new0 (Found, 1);
      found->id = g_strdup (id);
      found->version = version;
      if (TRIB_IS_XDM_RESOURCE (item))
        found->name_space = g_strdup (trib_xdm_resource_get_dataset_namespace (TRIB_XDM_RESOURCE (item)));
    }

  g_task_return_pointer (task, found, (GDestroyNotify) found_free);
}

/* Looks for what @step would have made, by its name, when a create's
 * answer was lost: the platform may or may not have made it.
 */
void
_trib_flow_resource_find_async (TribPlatformClient  *client,
                                TribFlowPlan        *plan,
                                TribFlowStep        *step,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  const char *name = trib_flow_step_get_resource_name (step);
  g_autofree char *property = NULL;
  Find *find;

  g_task_set_source_tag (task, _trib_flow_resource_find_async);
  find = g_new0 (Find, 1);
  find->step = g_object_ref (step);
  /* A tie an earlier step has not made yet cannot be checked. */
  find->tie = _trib_flow_plan_resolve_string (plan, _trib_flow_step_get_tie (step), NULL);
  g_task_set_task_data (task, find, (GDestroyNotify) find_free);

  /* Flow Service filters take the name quoted, and have no escape for
   * a quote: a name with one is matched here only. The platform may
   * ignore the filter too, so each item is matched again.
   */
  if (strchr (name, '"') == NULL)
    property = g_strdup_printf ("name==\"%s\"", name);

  switch (trib_flow_step_get_kind (step))
    {
    case TRIB_FLOW_STEP_CREATE_CLASS:
      find->list = trib_schema_registry_list (client, TRIB_XDM_KIND_CLASS, TRIB_XDM_CONTAINER_TENANT, name, NULL);
      break;
    case TRIB_FLOW_STEP_CREATE_SCHEMA:
      find->list = trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA, TRIB_XDM_CONTAINER_TENANT, name, NULL);
      break;
    case TRIB_FLOW_STEP_CREATE_DATASET:
      find->list = trib_catalog_list_datasets (client, name);
      break;
    case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
      find->list = trib_data_prep_list_mapping_sets (client, name, TRIB_DATA_PREP_PAGE_SIZE);
      break;
    case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
      find->list = trib_flow_service_list_source_connections (client, property);
      break;
    case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
      find->list = trib_flow_service_list_target_connections (client, property);
      break;
    case TRIB_FLOW_STEP_CREATE_FLOW:
      find->list = trib_flow_service_list_flows (client, property);
      break;
    case TRIB_FLOW_STEP_CREATE_CONNECTION:
      find->list = trib_flow_service_list_connections (client, property);
      break;
    case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
    default:
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  trib_paged_list_load_all_async (find->list, cancellable, find_loaded_cb, g_steal_pointer (&task));
}

/* The id found (and for a mapping set its version), or %NULL without
 * an error if there is none.
 */
char *
_trib_flow_resource_find_finish (GAsyncResult  *result,
                                 int           *version,
                                 char         **name_space,
                                 GError       **error)
{
  Found *found = g_task_propagate_pointer (G_TASK (result), error);
  char *id;

  *version = -1;
  if (name_space != NULL)
    *name_space = NULL;
  if (found == NULL)
    return NULL;
  id = g_steal_pointer (&found->id);
  *version = found->version;
  if (name_space != NULL)
    *name_space = g_steal_pointer (&found->name_space);
  found_free (found);

  return id;
}

/* Deleting */

static void
delete_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  TribFlowStep *step = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean deleted;

  switch (trib_flow_step_get_kind (step))
    {
    case TRIB_FLOW_STEP_CREATE_CLASS:
    case TRIB_FLOW_STEP_CREATE_SCHEMA:
      deleted = trib_schema_registry_delete_schema_finish (result, &error);
      break;
    case TRIB_FLOW_STEP_CREATE_DATASET:
      deleted = trib_catalog_delete_dataset_finish (result, &error);
      break;
    case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
    case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
    case TRIB_FLOW_STEP_CREATE_FLOW:
      deleted = trib_flow_service_delete_entity_finish (result, &error);
      break;
    case TRIB_FLOW_STEP_CREATE_CONNECTION:
      deleted = trib_flow_service_delete_connection_finish (result, &error);
      break;
    case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
    case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
    default:
      g_assert_not_reached ();
    }

  /* Already gone is what a roll back wants. */
  if (deleted || g_error_matches (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

/* Deletes what a step made. A mapping set cannot be deleted: Data Prep
 * has no such call (G_IO_ERROR_NOT_SUPPORTED).
 */
void
_trib_flow_resource_delete_async (TribPlatformClient  *client,
                                  TribFlowStep        *step,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);
  const char *id = trib_flow_step_get_created_id (step);

  g_task_set_source_tag (task, _trib_flow_resource_delete_async);
  g_task_set_task_data (task, g_object_ref (step), g_object_unref);
  g_assert (id != NULL);

  switch (trib_flow_step_get_kind (step))
    {
    case TRIB_FLOW_STEP_CREATE_CLASS:
      trib_schema_registry_delete_async (client, TRIB_XDM_KIND_CLASS, id, cancellable, delete_done_cb,
                                         g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_SCHEMA:
      trib_schema_registry_delete_schema_async (client, id, cancellable, delete_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_DATASET:
      trib_catalog_delete_dataset_async (client, id, cancellable, delete_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION:
      trib_flow_service_delete_entity_async (client, TRIB_FLOW_ENTITY_SOURCE_CONNECTION, id, cancellable,
                                             delete_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION:
      trib_flow_service_delete_entity_async (client, TRIB_FLOW_ENTITY_TARGET_CONNECTION, id, cancellable,
                                             delete_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_FLOW:
      trib_flow_service_delete_entity_async (client, TRIB_FLOW_ENTITY_FLOW, id, cancellable, delete_done_cb,
                                             g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_CONNECTION:
      trib_flow_service_delete_connection_async (client, id, cancellable, delete_done_cb, g_steal_pointer (&task));
      break;
    case TRIB_FLOW_STEP_CREATE_MAPPING_SET:
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               /* Translators: %s is a mapping set's name */
                               _("The mapping set “%s” stays: Data Prep cannot delete mapping sets, and no "
                                 "dataflow uses it."), trib_flow_step_get_resource_name (step));
      break;
    case TRIB_FLOW_STEP_FIND_FLOW_SPEC:
    default:
      g_task_return_boolean (task, TRUE);
    }
}

gboolean
_trib_flow_resource_delete_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
