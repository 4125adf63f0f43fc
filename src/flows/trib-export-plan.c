/* trib-export-plan.c
 *
 * A dataset export setup as a #TribFlowPlan (API-NOTES §C2, seed 001
 * with its erratum fixed): a new destination account if asked, the Data
 * Lake source connection naming the datasets, the destination's target
 * connection with the file options, and the flow with its export
 * schedule. The runner sends it with the journal, so an interrupted
 * export setup resumes or rolls back as a source dataflow's does.
 *
 * A new account's secrets are never in the plan's bodies: they are
 * `{{secret:KEY}}` there (so also in the journal and the curl
 * commands), and the plan keeps the values in memory for the runner.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-export-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-dataset-export.h"
#include "trib-error.h"
#include "trib-export-plan.h"
#include "trib-flow-plan-private.h"
#include "trib-spec-field.h"

#define FLOW_SERVICE "/data/foundation/flowservice"

static const TribExportDestination destinations[] = {
  { "4fce964d-3f37-408f-9778-e597338a21ee", "269ba276-16fc-47db-92b0-c1049a3c131f", "Amazon S3", "bucketName", "path" },
  { "be2c3209-53bc-47e7-ab25-145db8b873e1", "17be2013-2549-41ce-96e7-a70363bec293", "Azure Data Lake Storage Gen2",
    NULL, "path" },
  { "6d6b59bf-fb58-4107-9064-4d246c0e5bb2", "95bd8965-fc8a-4119-b9c3-944c2c2df6d2", "Azure Blob Storage", "container",
    "path" },
  { "10440537-2a7b-4583-ac39-ed38d4b848e8", "cd2fc47e-e838-4f38-a581-8fff2f99b63a", "Data Landing Zone", NULL, "path" },
  { "c5d93acb-ea8b-4b14-8f53-02138444ae99", "585c15c4-6cbf-4126-8f87-e26bff78b657", "Google Cloud Storage",
    "bucketName", "path" },
  { "36965a81-b1c6-401b-99f8-22508f1e6a26", "354d6aad-4754-46e4-a576-1b384561c440", "SFTP", NULL, "remotePath" },
};

/**
 * trib_export_destinations:
 * @n_destinations: (out): how many there are
 *
 * Returns: (array length=n_destinations): the six destinations, in the
 *   wizard's order
 */
const TribExportDestination *
trib_export_destinations (guint *n_destinations)
{
  *n_destinations = G_N_ELEMENTS (destinations);

  return destinations;
}

/**
 * trib_export_destination_lookup:
 * @connection_spec_id: a connection spec's id
 *
 * Returns: (nullable): the destination of that spec
 */
const TribExportDestination *
trib_export_destination_lookup (const char *connection_spec_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (destinations); i++)
    if (g_strcmp0 (destinations[i].connection_spec_id, connection_spec_id) == 0)
      return &destinations[i];

  return NULL;
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  while (g_ascii_isspace (*text))
    text++;

  return *text == '\0';
}

/**
 * trib_export_draft_check:
 * @draft: the wizard's answers
 * @error: a location for a #GError
 *
 * Returns: %TRUE if a plan can be made of @draft, else %FALSE with
 *   @error saying what is missing, in words
 */
gboolean
trib_export_draft_check (const TribExportDraft  *draft,
                         GError                **error)
{
  g_return_val_if_fail (draft != NULL, FALSE);

  if (draft->destination == NULL)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("Choose a destination."));
      return FALSE;
    }
  if (is_blank (draft->base_connection_id))
    {
      if (is_blank (draft->new_account_name))
        {
          g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("Name the new account."));
          return FALSE;
        }
      if (draft->new_account != NULL && !trib_spec_form_validate (draft->new_account, error))
        return FALSE;
    }
  if (draft->dataset_ids == NULL || draft->dataset_ids[0] == NULL)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("Choose at least one dataset."));
      return FALSE;
    }
  if (g_strcmp0 (draft->file_type, "JSON") != 0 && g_strcmp0 (draft->file_type, "PARQUET") != 0)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("The file type is JSON or Parquet."));
      return FALSE;
    }
  if (g_strcmp0 (draft->compression, "NONE") != 0 && g_strcmp0 (draft->compression, "GZIP") != 0)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("The compression is none or gzip."));
      return FALSE;
    }
  if (draft->destination->bucket_param != NULL &&
      (is_blank (draft->bucket) || strchr (draft->bucket, '/') != NULL))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED,
                           _("Name the bucket or container, without a slash."));
      return FALSE;
    }
  if (is_blank (draft->path) || strstr (draft->path, "..") != NULL)
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("Give the folder to write in, without “..”."));
      return FALSE;
    }
  if (is_blank (draft->name))
    {
      g_set_error_literal (error, TRIB_ERROR, TRIB_ERROR_FAILED, _("Name the export."));
      return FALSE;
    }

  return trib_export_schedule_check (&draft->schedule, error);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_spec_ref (JsonBuilder *builder,
              const char  *name,
              const char  *id)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_string (builder, "version", "1.0");
  json_builder_end_object (builder);
}

static TribFlowStep *
add_step (TribFlowPlan     *plan,
          TribFlowStepKind  kind,
          const char       *title,
          const char       *path,
          const char       *name,
          JsonBuilder      *body,
          const char       *tie)
{
  g_autoptr(JsonNode) root = json_builder_get_root (body);
  TribFlowStep *step = _trib_flow_step_new (kind, trib_flow_plan_get_n_steps (plan), title, "POST", path, name,
                                            root);

  _trib_flow_step_set_tie (step, tie);
  _trib_flow_plan_add_step (plan, step);

  return step;
}

static char *
ref_id (TribFlowStep *step)
{
  return g_strdup_printf ("{{step%u.id}}", trib_flow_step_get_index (step) + 1);
}

/* A value of the params by its dotted key (a nested object's field). */
static JsonNode *
find_value (JsonObject *params,
            const char *key)
{
  g_auto(GStrv) parts = g_strsplit (key, ".", -1);
  JsonObject *object = params;
  JsonNode *node = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (object == NULL || (node = json_object_get_member (object, parts[i])) == NULL)
        return NULL;
      object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

static void
wipe_string (JsonNode *value)
{
  char *text = (char *) json_node_get_string (value);

  /* Overwritten before json-glib frees it. */
  memset (text, 0, strlen (text));
}

/* The account's params with each secret replaced by its placeholder;
 * the values go to the plan's memory.
 */
static gboolean
add_account (TribFlowPlan          *plan,
             const TribExportDraft *draft,
             const char            *name,
             GError               **error)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *title = g_strdup_printf (_("Create the account “%s”"), name);

  json_builder_begin_object (body);
  add_string (body, "name", name);
  if (draft->new_account != NULL)
    {
      JsonObject *params = trib_spec_form_build_params (draft->new_account, error);
      GListModel *fields = G_LIST_MODEL (draft->new_account);
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;

      if (params == NULL)
        return FALSE;
      for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
        {
          g_autoptr(TribSpecField) field = g_list_model_get_item (fields, i);
          const char *key = trib_spec_field_get_key (field);
          g_autofree char *placeholder = NULL;

          JsonNode *value;

          if (!trib_spec_field_get_secret (field) || (value = find_value (params, key)) == NULL ||
              json_node_get_value_type (value) != G_TYPE_STRING)
            continue;
          _trib_flow_plan_set_secret (plan, key, json_node_get_string (value));
          placeholder = g_strdup_printf ("{{secret:%s}}", key);
          wipe_string (value);
          json_node_set_string (value, placeholder);
        }
      json_builder_set_member_name (body, "auth");
      json_builder_begin_object (body);
      add_string (body, "specName", trib_spec_form_get_name (draft->new_account));
      /* A deep copy (json_node_copy shares objects): the form's params
       * are overwritten when freed, and no secret is left in the copy.
       */
      node = json_node_init_object (json_node_alloc (), params);
      text = json_to_string (node, FALSE);
      g_clear_pointer (&node, json_node_unref);
      trib_spec_form_free_params (params);
      json_builder_set_member_name (body, "params");
      json_builder_add_value (body, json_from_string (text, NULL));
      json_builder_end_object (body);
    }
  add_spec_ref (body, "connectionSpec", draft->destination->connection_spec_id);
  json_builder_end_object (body);

  add_step (plan, TRIB_FLOW_STEP_CREATE_CONNECTION, title, FLOW_SERVICE "/connections", name, body,
            draft->destination->connection_spec_id);

  return TRUE;
}

/**
 * trib_export_plan_new:
 * @draft: the wizard's answers
 * @error: a location for a #GError
 *
 * Builds the export's steps. Nothing is sent.
 *
 * Returns: (transfer full) (nullable): the plan, or %NULL with @error
 */
TribFlowPlan *
trib_export_plan_new (const TribExportDraft  *draft,
                      GError                **error)
{
  g_autoptr(TribFlowPlan) plan = NULL;
  g_autoptr(JsonBuilder) source = json_builder_new ();
  g_autoptr(JsonBuilder) target = json_builder_new ();
  g_autoptr(JsonBuilder) flow = json_builder_new ();
  g_autoptr(JsonObject) schedule = NULL;
  g_autofree char *setup_id = g_uuid_string_random ();
  g_autofree char *short_id = g_strndup (setup_id, 8);
  g_autofree char *own_name = NULL;
  g_autofree char *base_ref = NULL;
  g_autofree char *source_ref = NULL;
  g_autofree char *target_ref = NULL;
  g_autofree char *flow_title = NULL;

  g_return_val_if_fail (draft != NULL, NULL);

  if (!trib_export_draft_check (draft, error))
    return NULL;

  plan = g_object_new (TRIB_TYPE_FLOW_PLAN, NULL);
  _trib_flow_plan_set_header (plan, setup_id, draft->sandbox, draft->name);
  /* What the setup names itself carries its short id, so that a create
   * whose answer was lost is found again by name (trib-flow-plan.c).
   */
  own_name = g_strdup_printf ("%s · %s", draft->name, short_id);

  if (is_blank (draft->base_connection_id))
    {
      g_autofree char *account = g_strdup_printf ("%s · %s", draft->new_account_name, short_id);

      if (!add_account (plan, draft, account, error))
        return NULL;
      base_ref = ref_id (trib_flow_plan_get_step (plan, 0));
    }
  else
    base_ref = g_strdup (draft->base_connection_id);

  /* The datasets are the source connection's, and immutable (§C2). */
  json_builder_begin_object (source);
  add_string (source, "name", own_name);
  add_spec_ref (source, "connectionSpec", TRIB_DATASET_EXPORT_SOURCE_SPEC);
  json_builder_set_member_name (source, "params");
  json_builder_begin_object (source);
  json_builder_set_member_name (source, "datasets");
  json_builder_begin_array (source);
  for (guint i = 0; draft->dataset_ids[i] != NULL; i++)
    {
      json_builder_begin_object (source);
      add_string (source, "dataSetId", draft->dataset_ids[i]);
      add_string (source, "name", draft->dataset_names != NULL && draft->dataset_names[i] != NULL
                                    ? draft->dataset_names[i] : draft->dataset_ids[i]);
      json_builder_end_object (source);
    }
  json_builder_end_array (source);
  json_builder_end_object (source);
  json_builder_end_object (source);
  source_ref = ref_id (add_step (plan, TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION, _("Create the source connection"),
                                 FLOW_SERVICE "/sourceConnections", own_name, source, NULL));

  /* `fileType` is in the spec's required list but "n/a for datasets"
   * (§C2, [UNV]): not sent, as the docs' examples do not.
   */
  json_builder_begin_object (target);
  add_string (target, "name", own_name);
  add_string (target, "baseConnectionId", base_ref);
  json_builder_set_member_name (target, "params");
  json_builder_begin_object (target);
  add_string (target, "mode", "Server-to-server");
  add_string (target, draft->destination->path_param, draft->path);
  if (draft->destination->bucket_param != NULL)
    add_string (target, draft->destination->bucket_param, draft->bucket);
  add_string (target, "compression", draft->compression);
  add_string (target, "datasetFileType", draft->file_type);
  json_builder_end_object (target);
  add_spec_ref (target, "connectionSpec", draft->destination->connection_spec_id);
  json_builder_end_object (target);
  target_ref = ref_id (add_step (plan, TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION, _("Create the target connection"),
                                 FLOW_SERVICE "/targetConnections", own_name, target, NULL));

  schedule = trib_export_schedule_to_json (&draft->schedule, draft->folder_template);
  json_builder_begin_object (flow);
  add_string (flow, "name", draft->name);
  add_spec_ref (flow, "flowSpec", draft->destination->flow_spec_id);
  json_builder_set_member_name (flow, "sourceConnectionIds");
  json_builder_begin_array (flow);
  json_builder_add_string_value (flow, source_ref);
  json_builder_end_array (flow);
  json_builder_set_member_name (flow, "targetConnectionIds");
  json_builder_begin_array (flow);
  json_builder_add_string_value (flow, target_ref);
  json_builder_end_array (flow);
  /* Required, and empty for a dataset export. */
  json_builder_set_member_name (flow, "transformations");
  json_builder_begin_array (flow);
  json_builder_end_array (flow);
  json_builder_set_member_name (flow, "scheduleParams");
  json_builder_add_value (flow, json_node_init_object (json_node_alloc (), schedule));
  json_builder_end_object (flow);
  flow_title = g_strdup_printf (_("Create the export dataflow “%s”"), draft->name);
  add_step (plan, TRIB_FLOW_STEP_CREATE_FLOW, flow_title, FLOW_SERVICE "/flows", draft->name, flow, source_ref);

  return g_steal_pointer (&plan);
}

static void
replace (GString    *text,
         const char *macro,
         const char *value)
{
  g_string_replace (text, macro, value != NULL ? value : "", 0);
}

/**
 * trib_export_folder_preview:
 * @folder_template: (nullable): a folder name template, or %NULL for the
 *   platform's layout
 * @draft: the wizard's answers (destination, path, first dataset, sandbox)
 * @organization: (nullable): the organization's name
 * @time: an export tick
 *
 * The folder the first dataset's files would go to at @time, with the
 * template's macros filled, for the wizard to show.
 *
 * Returns: (transfer full): the folder, from the bucket
 */
char *
trib_export_folder_preview (const char            *folder_template,
                            const TribExportDraft *draft,
                            const char            *organization,
                            GDateTime             *time)
{
  g_autoptr(GString) folder = NULL;
  g_autofree char *datetime = g_date_time_format (time, "%Y%m%d_%H%M%S");
  g_autofree char *export_time = g_date_time_format (time, "%Y%m%d%H%M");
  const char *dataset_id = draft->dataset_ids != NULL && draft->dataset_ids[0] != NULL
                             ? draft->dataset_ids[0] : "…";
  const char *dataset_name = draft->dataset_names != NULL && draft->dataset_names[0] != NULL
                               ? draft->dataset_names[0] : "…";
  const char *path = draft->path != NULL ? draft->path : "";

  g_return_val_if_fail (draft != NULL, NULL);

  while (*path == '/')
    path++;
  folder = g_string_new (NULL);
  if (draft->bucket != NULL && *draft->bucket != '\0' && draft->destination != NULL &&
      draft->destination->bucket_param != NULL)
    g_string_append_printf (folder, "%s/", draft->bucket);
  if (*path != '\0')
    g_string_append_printf (folder, "%s%s", path, g_str_has_suffix (path, "/") ? "" : "/");

  if (folder_template == NULL || *folder_template == '\0')
    {
      g_string_append_printf (folder, "%s/exportTime=%s/", dataset_id, export_time);
      return g_string_free (g_steal_pointer (&folder), FALSE);
    }

  {
    g_autoptr(GString) expanded = g_string_new (folder_template);

    replace (expanded, "%DESTINATION_INSTANCE_ID%", draft->base_connection_id);
    replace (expanded, "%DESTINATION_INSTANCE_NAME%", draft->name);
    replace (expanded, "%DESTINATION%", draft->destination != NULL ? draft->destination->name : NULL);
    replace (expanded, "%DATASET_ID%", dataset_id);
    replace (expanded, "%DATASET_NAME%", dataset_name);
    replace (expanded, "%SANDBOX_NAME%", draft->sandbox);
    replace (expanded, "%ORGANIZATION_NAME%", organization);
    replace (expanded, "%DATETIME(YYYYMMdd_HHmmss)%", datetime);
    replace (expanded, "%EXPORT_TIME%", export_time);
    g_string_append (folder, expanded->str);
    if (!g_str_has_suffix (folder->str, "/"))
      g_string_append_c (folder, '/');
  }

  return g_string_free (g_steal_pointer (&folder), FALSE);
}
