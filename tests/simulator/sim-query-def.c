/* sim-query-def.c
 *
 * Query Service's `query_def`, which POST /queries and POST /schedules
 * both take: `dbName` (a database of the request's sandbox), `sql` or a
 * `templateId`, `$key` parameters from `queryParameters`, and at most
 * one output, `ctasParameters` (a new dataset) or `insertIntoParameters`
 * (an existing one). With an output the SQL must be a plain query: the
 * platform refuses one that already holds CREATE TABLE … AS or INSERT
 * INTO, and so does this.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-query-def"

#include "config.h"

#include <string.h>

#include "sim-queries-private.h"

void
query_def_free (QueryDef *def)
{
  g_free (def->db_name);
  g_free (def->sql);
  g_free (def->effective_sql);
  g_free (def->name);
  g_free (def->description);
  g_free (def->template_id);
  g_clear_pointer (&def->parameters, json_node_unref);
  g_free (def->ctas_dataset);
  g_free (def->ctas_description);
  g_free (def->ctas_schema_title);
  g_free (def->insert_dataset);
  g_free (def);
}

void
query_output_free (QueryOutput *output)
{
  g_free (output->statement);
  g_free (output->dataset_id);
  g_free (output->table);
  g_free (output);
}

void
add_href (JsonBuilder *builder,
          const char  *name,
          const char  *href,
          const char  *method)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "href");
  json_builder_add_string_value (builder, href);
  if (method != NULL)
    {
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, method);
    }
  json_builder_end_object (builder);
}

/* The SQL less its comments, string literals and quoted names, in lower
 * case: what is left are the statement's own words.
 */
static char *
bare_words (const char *sql)
{
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = sql; *p != '\0'; p++)
    {
      if (p[0] == '-' && p[1] == '-')
        {
          while (*p != '\0' && *p != '\n')
            p++;
          if (*p == '\0')
            break;
        }
      else if (p[0] == '/' && p[1] == '*')
        {
          const char *end = strstr (p + 2, "*/");

          if (end == NULL)
            break;
          p = end + 1;
          g_string_append_c (bare, ' ');
        }
      else if (*p == '\'' || *p == '"')
        {
          char quote = *p;

          for (p++; *p != '\0' && *p != quote; p++)
            ;
          if (*p == '\0')
            break;
          g_string_append_c (bare, ' ');
        }
      else
        g_string_append_c (bare, g_ascii_tolower (*p));
    }

  return g_string_free (g_steal_pointer (&bare), FALSE);
}

static gboolean
writes_itself (const char *sql)
{
  g_autofree char *bare = bare_words (sql);

  return g_regex_match_simple ("\\bcreate\\s+(\\w+\\s+)*table\\b", bare, 0, 0) ||
         g_regex_match_simple ("\\binsert\\s+(overwrite\\s+)?into\\b", bare, 0, 0);
}

static char *
fill_parameters (const char *sql,
                 JsonObject *parameters)
{
  g_autoptr(GString) filled = g_string_new (NULL);

  for (const char *p = sql; *p != '\0'; p++)
    {
      gsize length = 0;

      if (*p == '$' && parameters != NULL)
        while (g_ascii_isalnum (p[1 + length]) || p[1 + length] == '_')
          length++;
      if (length > 0)
        {
          g_autofree char *key = g_strndup (p + 1, length);
          const char *value = sim_json_get_string (parameters, key);

          if (value != NULL)
            {
              g_string_append (filled, value);
              p += length;
              continue;
            }
        }
      g_string_append_c (filled, *p);
    }

  return g_string_free (g_steal_pointer (&filled), FALSE);
}

static JsonObject *
get_object (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static gboolean
bad (SimRequest *request,
     const char *message)
{
  sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE, "%s", message);
  return FALSE;
}

/**
 * query_def_parse:
 * @node: the request's body, or an object member of it
 * @member: (nullable): where the definition is in @node: `query` for a
 *   schedule, %NULL for the body itself
 *
 * Returns: (transfer full) (nullable): the checked definition; %NULL
 *   once the request has had its 400
 */
QueryDef *
query_def_parse (SimRequest *request,
                 JsonNode   *node,
                 const char *member)
{
  g_autoptr(QueryDef) def = g_new0 (QueryDef, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *sandbox_prefix = g_strconcat (request->sandbox, ":", NULL);
  JsonObject *object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  JsonObject *ctas;
  JsonObject *insert;
  gboolean exists = FALSE;
  const char *sql;

  if (object != NULL && member != NULL)
    object = get_object (object, member);
  if (object == NULL)
    {
      bad (request, member != NULL ? "The body needs a query object (a query definition)."
                                   : "The body must be a JSON object (a query definition).");
      return NULL;
    }

  def->db_name = g_strdup (sim_json_get_string (object, "dbName"));
  def->name = g_strdup (sim_json_get_string (object, "name"));
  def->description = g_strdup (sim_json_get_string (object, "description"));
  def->template_id = g_strdup (sim_json_get_string (object, "templateId"));
  if (json_object_has_member (object, "queryParameters"))
    {
      if (get_object (object, "queryParameters") == NULL)
        {
          bad (request, "queryParameters must be an object of strings.");
          return NULL;
        }
      def->parameters = json_node_copy (json_object_get_member (object, "queryParameters"));
    }

  if (def->db_name == NULL || !g_str_has_prefix (def->db_name, sandbox_prefix))
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "dbName must name a database of sandbox '%s', such as %s:all, not '%s'.",
                                 request->sandbox, request->sandbox, def->db_name ? def->db_name : "nothing");
      return NULL;
    }
  if (!sim_query_service_check_database (def->db_name, &exists, &error))
    {
      sim_request_reply_problem (request, 500, "QSG-1500-500", "Internal error", "%s", error->message);
      return NULL;
    }
  if (!exists)
    {
      sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                 "Database '%s' does not exist.", def->db_name);
      return NULL;
    }

  sql = sim_json_get_string (object, "sql");
  if (sql == NULL && def->template_id != NULL)
    {
      sql = query_templates_lookup_sql (request->client->org->id, request->sandbox, def->template_id);
      if (sql == NULL)
        {
          sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                     "Query template '%s' does not exist.", def->template_id);
          return NULL;
        }
    }
  if (sql == NULL || strspn (sql, " \t\r\n;") == strlen (sql))
    {
      bad (request, "The query needs its sql, or a templateId.");
      return NULL;
    }
  def->sql = g_strdup (sql);
  def->effective_sql = fill_parameters (def->sql,
                                        def->parameters != NULL ? json_node_get_object (def->parameters) : NULL);
  /* One statement: a trailing semicolon is allowed, as in the editor. */
  g_strchomp (def->effective_sql);
  while (g_str_has_suffix (def->effective_sql, ";"))
    {
      def->effective_sql[strlen (def->effective_sql) - 1] = '\0';
      g_strchomp (def->effective_sql);
    }

  ctas = get_object (object, "ctasParameters");
  insert = get_object (object, "insertIntoParameters");
  if ((json_object_has_member (object, "ctasParameters") && ctas == NULL) ||
      (json_object_has_member (object, "insertIntoParameters") && insert == NULL))
    {
      bad (request, "ctasParameters and insertIntoParameters must be objects.");
      return NULL;
    }
  if (ctas != NULL && insert != NULL)
    {
      bad (request, "A query writes one output: ctasParameters or insertIntoParameters, not both.");
      return NULL;
    }

  if ((ctas != NULL || insert != NULL) && writes_itself (def->effective_sql))
    {
      bad (request, "The SQL already creates a table or inserts into one: with ctasParameters or "
                    "insertIntoParameters, give a SELECT only. The output dataset is written for it.");
      return NULL;
    }

  if (ctas != NULL)
    {
      const char *name = sim_json_get_string (ctas, "datasetName");

      if (name == NULL || *name == '\0')
        {
          bad (request, "ctasParameters.datasetName is required.");
          return NULL;
        }
      if (sim_catalog_find_dataset_by_name (request->client->org->id, request->sandbox, name, NULL, NULL))
        {
          sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                     "A dataset named '%s' already exists in sandbox '%s': use "
                                     "insertIntoParameters to add rows to it.", name, request->sandbox);
          return NULL;
        }
      def->ctas_dataset = g_strdup (name);
      def->ctas_description = g_strdup (sim_json_get_string (ctas, "description"));
      def->ctas_schema_title = g_strdup (sim_json_get_string (ctas, "targetSchemaTitle"));
    }

  if (insert != NULL)
    {
      const char *name = sim_json_get_string (insert, "datasetName");

      if (name == NULL || *name == '\0')
        {
          bad (request, "insertIntoParameters.datasetName is required.");
          return NULL;
        }
      if (!sim_catalog_find_dataset_by_name (request->client->org->id, request->sandbox, name, NULL, NULL))
        {
          sim_request_reply_problem (request, 400, QS_BAD_REQUEST_CODE, QS_BAD_REQUEST_TITLE,
                                     "No dataset named '%s' in sandbox '%s' to insert into.", name,
                                     request->sandbox);
          return NULL;
        }
      def->insert_dataset = g_strdup (name);
    }

  return g_steal_pointer (&def);
}

/* The definition as the platform shows it back. */
void
query_def_add_json (JsonBuilder *builder,
                    QueryDef    *def)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dbName");
  json_builder_add_string_value (builder, def->db_name);
  json_builder_set_member_name (builder, "sql");
  json_builder_add_string_value (builder, def->sql);
  if (def->name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, def->name);
    }
  if (def->description != NULL)
    {
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, def->description);
    }
  if (def->template_id != NULL)
    {
      json_builder_set_member_name (builder, "templateId");
      json_builder_add_string_value (builder, def->template_id);
    }
  if (def->parameters != NULL)
    {
      json_builder_set_member_name (builder, "queryParameters");
      json_builder_add_value (builder, json_node_copy (def->parameters));
    }
  if (def->ctas_dataset != NULL)
    {
      json_builder_set_member_name (builder, "ctasParameters");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "datasetName");
      json_builder_add_string_value (builder, def->ctas_dataset);
      if (def->ctas_description != NULL)
        {
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, def->ctas_description);
        }
      if (def->ctas_schema_title != NULL)
        {
          json_builder_set_member_name (builder, "targetSchemaTitle");
          json_builder_add_string_value (builder, def->ctas_schema_title);
        }
      json_builder_end_object (builder);
    }
  if (def->insert_dataset != NULL)
    {
      json_builder_set_member_name (builder, "insertIntoParameters");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "datasetName");
      json_builder_add_string_value (builder, def->insert_dataset);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static char *
quote (const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, "\"", -1);
  g_autofree char *doubled = g_strjoinv ("\"\"", parts);

  return g_strdup_printf ("\"%s\"", doubled);
}

/**
 * query_def_plan_output:
 *
 * What a run of @def executes. A CTAS makes its dataset on its first
 * success; a schedule's later runs find it and insert into it, as
 * scheduled CTAS queries do on the platform.
 *
 * Returns: (transfer full): the plan
 */
QueryOutput *
query_def_plan_output (QueryDef   *def,
                       const char *org_id,
                       const char *sandbox)
{
  QueryOutput *output = g_new0 (QueryOutput, 1);
  const char *dataset = def->ctas_dataset != NULL ? def->ctas_dataset : def->insert_dataset;
  g_autofree char *quoted = NULL;

  if (dataset == NULL)
    {
      output->statement = g_strdup (def->effective_sql);
      return output;
    }

  if (!sim_catalog_find_dataset_by_name (org_id, sandbox, dataset, &output->dataset_id, &output->table))
    {
      if (def->ctas_dataset == NULL)
        {
          /* Deleted since: the run fails in PostgreSQL, naming it. */
          output->table = sim_catalog_new_table_name (org_id, sandbox, dataset);
        }
      else
        {
          output->table = sim_catalog_new_table_name (org_id, sandbox, dataset);
          output->creates = TRUE;
        }
    }

  quoted = quote (output->table);
  output->statement = output->creates
                      ? g_strdup_printf ("CREATE TABLE %s AS %s", quoted, def->effective_sql)
                      : g_strdup_printf ("INSERT INTO %s %s", quoted, def->effective_sql);

  return output;
}

/**
 * query_output_finish:
 *
 * Records a successful write in the Catalog: the CTAS's new dataset,
 * and a batch of @row_count rows.
 *
 * Returns: (transfer full) (nullable): the output dataset's id
 */
char *
query_output_finish (QueryOutput *output,
                     QueryDef    *def,
                     const char  *org_id,
                     const char  *sandbox,
                     gint64       row_count)
{
  if (output->table == NULL)
    return NULL;

  if (output->creates)
    output->dataset_id = sim_catalog_add_output_dataset (org_id, sandbox, def->ctas_dataset, def->ctas_description,
                                                         output->table);
  if (output->dataset_id != NULL)
    sim_catalog_add_output_batch (org_id, sandbox, output->dataset_id, row_count);

  return g_strdup (output->dataset_id);
}
