/* trib-flow-plan-steps.c
 *
 * The body of each step of a dataflow setup, as seeds 002 and 004 send
 * them with their errata fixed (API-NOTES, Seed errata): the ad hoc
 * class, the schema, the dataset, the mapping set, the source and target
 * connections, the flow spec's lookup and the flow. Earlier steps'
 * results are placeholders (trib-flow-plan-data.c fills them).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-flow-explore.h"
#include "trib-flow-plan-private.h"
#include "trib-flow-service-flows.h"

#define SCHEMA_CONTENT_TYPE "application/vnd.adobe.xed-full+json;version=1"
#define ADHOC_BEHAVIOR "https://ns.adobe.com/xdm/data/adhoc"
#define REGISTRY "/data/foundation/schemaregistry/tenant"
#define FLOW_SERVICE "/data/foundation/flowservice"


char *
_trib_flow_plan_ref_id (TribFlowStep *step)
{
  return g_strdup_printf ("{{step%u.id}}", trib_flow_step_get_index (step) + 1);
}

static TribFlowStep *
add_step (TribFlowPlanBuilder *b,
          TribFlowStepKind     kind,
          const char          *title,
          const char          *method,
          const char          *path,
          const char          *name,
          JsonBuilder         *body)
{
  g_autoptr(JsonNode) root = body != NULL ? json_builder_get_root (body) : NULL;
  TribFlowStep *step = _trib_flow_step_new (kind, trib_flow_plan_get_n_steps (b->plan), title, method, path, name,
                                            root);

  _trib_flow_plan_add_step (b->plan, step);

  return step;
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

static void
add_ref (JsonBuilder *builder,
         const char  *id)
{
  json_builder_begin_object (builder);
  add_string (builder, "$ref", id);
  json_builder_end_object (builder);
}

/* The setup's own names: what the person typed where it is theirs. */
static char *
own_name (TribFlowPlanBuilder *b,
          const char          *name)
{
  return g_strdup_printf ("%s · %s", name, b->short_id);
}

TribFlowStep *
_trib_flow_plan_add_class (TribFlowPlanBuilder *b)
{
  const char * const *names = trib_flow_answers_get_column_names (b->answers);
  const char * const *types = trib_flow_answers_get_column_types (b->answers);
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *title = own_name (b, trib_flow_answers_get_class_title (b->answers));
  g_autofree char *step_title = g_strdup_printf (_("Create the class “%s”"), title);

  json_builder_begin_object (body);
  add_string (body, "title", title);
  add_string (body, "description", "");
  add_string (body, "type", "object");
  json_builder_set_member_name (body, "allOf");
  json_builder_begin_array (body);
  add_ref (body, ADHOC_BEHAVIOR);
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "properties");
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "_adhoc");
  json_builder_begin_object (body);
  add_string (body, "type", "object");
  json_builder_set_member_name (body, "properties");
  json_builder_begin_object (body);
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      json_builder_set_member_name (body, names[i]);
      json_builder_begin_object (body);
      add_string (body, "type", types[i]);
      json_builder_end_object (body);
    }
  json_builder_end_object (body);
  json_builder_end_object (body);
  json_builder_end_object (body);
  json_builder_end_object (body);
  json_builder_end_array (body);
  json_builder_end_object (body);

  return add_step (b, TRIB_FLOW_STEP_CREATE_CLASS, step_title, "POST", REGISTRY "/classes", title, body);
}

TribFlowStep *
_trib_flow_plan_add_schema (TribFlowPlanBuilder *b,
                            const char          *class_id,
                            const char * const  *field_group_ids)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  const char *title = trib_flow_answers_get_schema_title (b->answers);
  g_autofree char *step_title = g_strdup_printf (_("Create the schema “%s”"), title);
  TribFlowStep *step;

  json_builder_begin_object (body);
  add_string (body, "type", "object");
  add_string (body, "title", title);
  add_string (body, "description", "");
  json_builder_set_member_name (body, "allOf");
  json_builder_begin_array (body);
  add_ref (body, class_id);
  for (guint i = 0; field_group_ids != NULL && field_group_ids[i] != NULL; i++)
    add_ref (body, field_group_ids[i]);
  json_builder_end_array (body);
  add_string (body, "meta:containerId", "tenant");
  add_string (body, "meta:resourceType", "schemas");
  add_string (body, "meta:xdmType", "object");
  add_string (body, "meta:class", class_id);
  if (trib_flow_answers_get_profile_enabled (b->answers))
    {
      json_builder_set_member_name (body, "meta:immutableTags");
      json_builder_begin_array (body);
      json_builder_add_string_value (body, "union");
      json_builder_end_array (body);
    }
  json_builder_end_object (body);

  step = add_step (b, TRIB_FLOW_STEP_CREATE_SCHEMA, step_title, "POST", REGISTRY "/schemas", title, body);
  _trib_flow_step_set_tie (step, class_id);

  return step;
}

static gboolean
is_parquet (TribFlowAnswers *answers)
{
  return trib_flow_answers_get_object_kind (answers) != TRIB_EXPLORE_ITEM_TABLE &&
         g_strcmp0 (trib_flow_answers_get_file_type (answers), "parquet") == 0;
}

TribFlowStep *
_trib_flow_plan_add_dataset (TribFlowPlanBuilder *b,
                             const char          *schema_id)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  const char *name = trib_flow_answers_get_dataset_name (b->answers);
  g_autofree char *step_title = g_strdup_printf (_("Create the dataset “%s”"), name);
  TribFlowStep *step;

  json_builder_begin_object (body);
  add_string (body, "name", name);
  json_builder_set_member_name (body, "schemaRef");
  json_builder_begin_object (body);
  add_string (body, "id", schema_id);
  add_string (body, "contentType", SCHEMA_CONTENT_TYPE);
  json_builder_end_object (body);
  if (is_parquet (b->answers))
    {
      json_builder_set_member_name (body, "fileDescription");
      json_builder_begin_object (body);
      add_string (body, "format", "parquet");
      json_builder_end_object (body);
    }
  if (trib_flow_answers_get_profile_enabled (b->answers))
    {
      json_builder_set_member_name (body, "tags");
      json_builder_begin_object (body);
      for (guint i = 0; i < 2; i++)
        {
          json_builder_set_member_name (body, i == 0 ? "unifiedProfile" : "unifiedIdentity");
          json_builder_begin_array (body);
          json_builder_add_string_value (body, "enabled: true");
          json_builder_end_array (body);
        }
      json_builder_end_object (body);
    }
  json_builder_end_object (body);

  step = add_step (b, TRIB_FLOW_STEP_CREATE_DATASET, step_title, "POST", "/data/foundation/catalog/dataSets",
                   name, body);
  _trib_flow_step_set_tie (step, schema_id);

  return step;
}

TribFlowStep *
_trib_flow_plan_add_mapping_set (TribFlowPlanBuilder *b,
                                 const char          *schema_id,
                                 TribFlowStep        *adhoc_class)
{
  GPtrArray *mappings = trib_flow_answers_get_mappings (b->answers);
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *name = own_name (b, trib_flow_answers_get_flow_name (b->answers));
  TribFlowStep *step;

  json_builder_begin_object (body);
  add_string (body, "name", name);
  json_builder_set_member_name (body, "outputSchema");
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "schemaRef");
  json_builder_begin_object (body);
  add_string (body, "id", schema_id);
  add_string (body, "contentType", SCHEMA_CONTENT_TYPE);
  json_builder_end_object (body);
  json_builder_end_object (body);
  json_builder_set_member_name (body, "mappings");
  json_builder_begin_array (body);
  for (guint i = 0; i < mappings->len; i++)
    {
      TribMapping *mapping = g_ptr_array_index (mappings, i);
      g_autoptr(TribMapping) placed = NULL;

      /* An ad hoc class's fields are under a namespace the registry
       * names when it makes the class: the mapping names the field.
       */
      if (adhoc_class != NULL)
        {
          g_autofree char *destination = g_strdup_printf ("{{step%u.namespace}}.%s",
                                                          trib_flow_step_get_index (adhoc_class) + 1,
                                                          trib_mapping_get_destination (mapping));

          placed = trib_mapping_new (trib_mapping_get_source_type (mapping), trib_mapping_get_source (mapping),
                                     destination);
          trib_mapping_set_name (placed, trib_mapping_get_name (mapping));
          trib_mapping_set_description (placed, trib_mapping_get_description (mapping));
          mapping = placed;
        }
      trib_mapping_to_json (mapping, body);
    }
  json_builder_end_array (body);
  json_builder_end_object (body);

  step = add_step (b, TRIB_FLOW_STEP_CREATE_MAPPING_SET, _("Create the mapping set"), "POST",
                   "/data/foundation/conversion/mappingSets", name, body);
  _trib_flow_step_set_tie (step, schema_id);

  return step;
}

TribFlowStep *
_trib_flow_plan_add_source_connection (TribFlowPlanBuilder *b,
                                       const char          *schema_id)
{
  TribFlowAnswers *a = b->answers;
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *name = own_name (b, trib_flow_answers_get_flow_name (a));
  const char *base_id = trib_flow_answers_get_base_connection_id (a);
  const char *delimiter = trib_flow_answers_get_column_delimiter (a);
  const char *compression = trib_flow_answers_get_compression (a);
  gboolean table = trib_flow_answers_get_object_kind (a) == TRIB_EXPLORE_ITEM_TABLE;

  json_builder_begin_object (body);
  add_string (body, "name", name);
  if (base_id != NULL && base_id[0] != '\0')
    add_string (body, "baseConnectionId", base_id);
  json_builder_set_member_name (body, "data");
  json_builder_begin_object (body);
  if (table)
    add_string (body, "format", "tabular");
  else if (trib_flow_answers_get_xdm_source (a))
    {
      /* The seeds' legacy form: the files are XDM of this schema. */
      add_string (body, "format", "parquet_xdm");
      json_builder_set_member_name (body, "schema");
      json_builder_begin_object (body);
      add_string (body, "id", schema_id);
      add_string (body, "version", SCHEMA_CONTENT_TYPE);
      json_builder_end_object (body);
    }
  else
    {
      add_string (body, "format", trib_flow_answers_get_file_type (a));
      if ((delimiter != NULL && *delimiter != '\0') || (compression != NULL && *compression != '\0'))
        {
          json_builder_set_member_name (body, "properties");
          json_builder_begin_object (body);
          if (delimiter != NULL && *delimiter != '\0')
            add_string (body, "columnDelimiter", delimiter);
          if (compression != NULL && *compression != '\0')
            add_string (body, "compressionType", compression);
          json_builder_end_object (body);
        }
    }
  json_builder_end_object (body);
  json_builder_set_member_name (body, "params");
  json_builder_begin_object (body);
  if (table)
    add_string (body, "tableName", trib_flow_answers_get_object_path (a));
  else
    {
      gboolean folder = trib_flow_answers_get_object_kind (a) == TRIB_EXPLORE_ITEM_FOLDER;

      add_string (body, "path", trib_flow_answers_get_object_path (a));
      add_string (body, "type", folder ? "folder" : "file");
      json_builder_set_member_name (body, "recursive");
      json_builder_add_boolean_value (body, folder && trib_flow_answers_get_recursive (a));
    }
  json_builder_end_object (body);
  add_spec_ref (body, "connectionSpec", trib_flow_answers_get_connection_spec_id (a));
  json_builder_end_object (body);

  return add_step (b, TRIB_FLOW_STEP_CREATE_SOURCE_CONNECTION, _("Create the source connection"), "POST",
                   FLOW_SERVICE "/sourceConnections", name, body);
}

TribFlowStep *
_trib_flow_plan_add_target_connection (TribFlowPlanBuilder *b,
                                       const char          *schema_id,
                                       const char          *dataset_id)
{
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autofree char *name = own_name (b, trib_flow_answers_get_flow_name (b->answers));
  TribFlowStep *step;

  json_builder_begin_object (body);
  add_string (body, "name", name);
  json_builder_set_member_name (body, "data");
  json_builder_begin_object (body);
  json_builder_set_member_name (body, "schema");
  json_builder_begin_object (body);
  add_string (body, "id", schema_id);
  add_string (body, "version", SCHEMA_CONTENT_TYPE);
  json_builder_end_object (body);
  json_builder_end_object (body);
  json_builder_set_member_name (body, "params");
  json_builder_begin_object (body);
  add_string (body, "dataSetId", dataset_id);
  json_builder_end_object (body);
  add_spec_ref (body, "connectionSpec", TRIB_DATA_LAKE_SPEC_ID);
  json_builder_end_object (body);

  step = add_step (b, TRIB_FLOW_STEP_CREATE_TARGET_CONNECTION, _("Create the target connection"), "POST",
                   FLOW_SERVICE "/targetConnections", name, body);
  _trib_flow_step_set_tie (step, dataset_id);

  return step;
}

TribFlowStep *
_trib_flow_plan_add_find_flow_spec (TribFlowPlanBuilder *b)
{
  const char *name = trib_flow_spec_get_name (b->flow_spec);
  g_autofree char *escaped = g_uri_escape_string (name, NULL, FALSE);
  g_autofree char *path = g_strdup_printf (FLOW_SERVICE "/flowSpecs?property=name%%3D%%3D%%22%s%%22", escaped);
  g_autofree char *title = g_strdup_printf (_("Look up the flow spec %s"), name);

  return add_step (b, TRIB_FLOW_STEP_FIND_FLOW_SPEC, title, "GET", path, name, NULL);
}

/* `mappingVersion` in the type the flow spec's own schema declares:
 * CRMToAEP says string, CloudStorageToAEP integer (API-NOTES §E).
 */
static gboolean
mapping_version_is_string (TribFlowPlanBuilder *b)
{
  JsonObject *spec = trib_flow_spec_get_transformation (b->flow_spec, "Mapping");
  JsonObject *props = spec != NULL && json_object_has_member (spec, "properties")
                        ? json_object_get_object_member (spec, "properties") : NULL;
  JsonObject *version = props != NULL && json_object_has_member (props, "mappingVersion")
                          ? json_object_get_object_member (props, "mappingVersion") : NULL;

  return version != NULL &&
         g_strcmp0 (json_object_get_string_member_with_default (version, "type", NULL), "string") == 0;
}

TribFlowStep *
_trib_flow_plan_add_flow (TribFlowPlanBuilder *b,
                          TribFlowStep        *spec,
                          TribFlowStep        *source,
                          TribFlowStep        *target,
                          TribFlowStep        *mapping)
{
  TribFlowAnswers *a = b->answers;
  g_autoptr(JsonBuilder) body = json_builder_new ();
  g_autoptr(JsonObject) schedule = _trib_flow_answers_build_schedule (a);
  g_autoptr(JsonNode) schedule_node = json_node_init_object (json_node_alloc (), schedule);
  g_autofree char *spec_ref = _trib_flow_plan_ref_id (spec);
  g_autofree char *source_ref = _trib_flow_plan_ref_id (source);
  g_autofree char *target_ref = _trib_flow_plan_ref_id (target);
  const char *name = trib_flow_answers_get_flow_name (a);
  const char *description = trib_flow_answers_get_flow_description (a);
  g_autofree char *title = g_strdup_printf (_("Create the dataflow “%s”"), name);
  TribFlowStep *step;

  json_builder_begin_object (body);
  add_string (body, "name", name);
  if (description != NULL && *description != '\0')
    add_string (body, "description", description);
  add_spec_ref (body, "flowSpec", spec_ref);
  json_builder_set_member_name (body, "sourceConnectionIds");
  json_builder_begin_array (body);
  json_builder_add_string_value (body, source_ref);
  json_builder_end_array (body);
  json_builder_set_member_name (body, "targetConnectionIds");
  json_builder_begin_array (body);
  json_builder_add_string_value (body, target_ref);
  json_builder_end_array (body);
  json_builder_set_member_name (body, "transformations");
  json_builder_begin_array (body);
  if (trib_flow_answers_get_object_kind (a) == TRIB_EXPLORE_ITEM_TABLE)
    {
      json_builder_begin_object (body);
      add_string (body, "name", "Copy");
      json_builder_set_member_name (body, "params");
      json_builder_begin_object (body);
      json_builder_set_member_name (body, "deltaColumn");
      json_builder_begin_object (body);
      add_string (body, "name", trib_flow_answers_get_delta_column (a));
      add_string (body, "dateFormat", "yyyy-MM-ddTHH:mm:ssZ");
      add_string (body, "timezone", "UTC");
      json_builder_end_object (body);
      json_builder_end_object (body);
      json_builder_end_object (body);
    }
  if (mapping != NULL)
    {
      g_autofree char *mapping_ref = _trib_flow_plan_ref_id (mapping);
      g_autofree char *version_ref = NULL;

      version_ref = g_strdup_printf (mapping_version_is_string (b) ? "{{step%u.version:string}}" : "{{step%u.version}}",
                                     trib_flow_step_get_index (mapping) + 1);
      json_builder_begin_object (body);
      add_string (body, "name", "Mapping");
      json_builder_set_member_name (body, "params");
      json_builder_begin_object (body);
      add_string (body, "mappingId", mapping_ref);
      add_string (body, "mappingVersion", version_ref);
      json_builder_end_object (body);
      json_builder_end_object (body);
    }
  json_builder_end_array (body);
  json_builder_set_member_name (body, "scheduleParams");
  json_builder_add_value (body, g_steal_pointer (&schedule_node));
  json_builder_end_object (body);

  step = add_step (b, TRIB_FLOW_STEP_CREATE_FLOW, title, "POST", FLOW_SERVICE "/flows", name, body);
  _trib_flow_step_set_tie (step, source_ref);

  return step;
}
