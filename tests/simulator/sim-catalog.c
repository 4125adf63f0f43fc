/* sim-catalog.c
 *
 * Catalog (datasets and batches) and the Dataset Service's labels. Each
 * sandbox of an organization gets its own copy of the demo datasets on
 * first use, so what a test creates in one sandbox stays there. Datasets
 * are small C structs kept sorted by name: a page of 50,000 builds JSON
 * for its own hundred only.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-catalog"

#include "config.h"

#include <string.h>

#include "sim-catalog-private.h"
#include "sim-flow-service-private.h"

#define DEMO_ORG "B2C2D9A35F3E4C1A0A495C2B@AdobeOrg"
#define DEMO_TENANT_SCHEMAS "https://ns.adobe.com/tributarydemo/schemas/"
#define WEB_EVENTS_SCHEMA DEMO_TENANT_SCHEMAS "8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define CRM_SCHEMA DEMO_TENANT_SCHEMAS "2b7e9d41c8a54f13b6e0a9d8c7b6a5f4"
#define ORDERS_SCHEMA DEMO_TENANT_SCHEMAS "d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"
#define DAY_MS ((gint64) 24 * 3600 * 1000)
/* 2026-11-01 00:00 UTC: the demo's "now", so every run lists the same. */
#define DEMO_NOW_MS ((gint64) 1793491200000)

static struct
{
  guint n_generated;
  GHashTable *sandboxes;   /* "org\nsandbox" → Sandbox */
} catalog;

static void
batch_free (Batch *batch)
{
  g_free (batch->id);
  g_free (batch);
}

static void
dataset_free (Dataset *dataset)
{
  g_free (dataset->id);
  g_free (dataset->name);
  g_free (dataset->description);
  g_free (dataset->schema_id);
  g_free (dataset->schema_content_type);
  g_free (dataset->table);
  g_clear_pointer (&dataset->batches, g_ptr_array_unref);
  g_free (dataset);
}

static void
sandbox_free (Sandbox *sandbox)
{
  g_ptr_array_unref (sandbox->by_name);
  g_hash_table_unref (sandbox->by_id);
  g_free (sandbox);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  const Dataset *x = *(Dataset * const *) a;
  const Dataset *y = *(Dataset * const *) b;
  int order = g_ascii_strcasecmp (x->name, y->name);

  return order != 0 ? order : strcmp (x->id, y->id);
}

static const Batch *
last_batch (const Dataset *dataset)
{
  if (dataset->batches_unsorted)
    catalog_sort_batches ((Dataset *) dataset);

  return dataset->batches->len > 0 ? g_ptr_array_index (dataset->batches, dataset->batches->len - 1) : NULL;
}

/* Query Service's table name: the dataset name in lower case, the rest as _. */
static char *
table_for_name (Sandbox    *sandbox,
                const char *name)
{
  g_autoptr(GString) table = g_string_new (NULL);
  g_autofree char *unique = NULL;

  for (const char *p = name; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        g_string_append_c (table, c);
      else if (table->len > 0 && table->str[table->len - 1] != '_')
        g_string_append_c (table, '_');
    }
  while (table->len > 0 && table->str[table->len - 1] == '_')
    g_string_truncate (table, table->len - 1);
  if (table->len == 0 || g_ascii_isdigit (table->str[0]))
    g_string_prepend (table, "dataset_");

  unique = g_strdup (table->str);
  for (guint i = 2; sandbox != NULL; i++)
    {
      gboolean taken = FALSE;

      for (guint j = 0; j < sandbox->by_name->len && !taken; j++)
        taken = g_strcmp0 (((Dataset *) g_ptr_array_index (sandbox->by_name, j))->table, unique) == 0;
      if (!taken)
        break;
      g_free (unique);
      unique = g_strdup_printf ("%s_%u", table->str, i);
    }

  return g_steal_pointer (&unique);
}

static void
add_batch (Dataset    *dataset,
           const char *status,
           gint64      created,
           gint64      records,
           gint64      failed_records)
{
  Batch *batch = g_new0 (Batch, 1);

  batch->id = g_strdup_printf ("%.20s%04x", dataset->id, dataset->batches->len + 1);
  batch->status = status;
  batch->created = created;
  batch->completed = created + 7 * 60 * 1000;
  batch->records = records;
  batch->failed_records = failed_records;
  g_ptr_array_add (dataset->batches, batch);
}

const char *
dataset_get_schema_content_type (const Dataset *dataset)
{
  return dataset->schema_content_type != NULL ? dataset->schema_content_type : SCHEMA_CONTENT_TYPE;
}

static Dataset *
dataset_new (const char *id,
             const char *name,
             const char *description,
             const char *schema_id,
             char       *table,
             gint64      created)
{
  Dataset *dataset = g_new0 (Dataset, 1);

  dataset->id = g_strdup (id);
  dataset->name = g_strdup (name);
  dataset->description = g_strdup (description);
  dataset->schema_id = g_strdup (schema_id);
  dataset->table = table;
  dataset->created = created;
  dataset->updated = created;
  dataset->batches = g_ptr_array_new_with_free_func ((GDestroyNotify) batch_free);

  return dataset;
}

/* What failed batches say, in the Catalog's shape: a code, the rows and
 * a description each.
 */
static const BatchError orders_errors[] = {
  { "INGEST-1212-400", "3-1180", "Column 'total' holds 'N/A', which is not a number." },
  { "INGEST-1106-400", "1190-1209", "Required field '_id' is missing." },
};

static const BatchError generated_errors[][2] = {
  {
    { "INGEST-1201-400", "1-40", "Field 'timestamp' is not a valid date-time: '31/12/2025 10:00'." },
    { "INGEST-1106-400", "41", "Required field '_id' is missing." },
  },
  {
    { "INGEST-1301-400", "7-9", "Field 'commerce.order.priceTotal' expects a number, not 'twelve'." },
    { NULL, NULL, NULL },
  },
};

static void
add_luma_datasets (Sandbox *sandbox)
{
  Dataset *web = dataset_new ("64f0a1b2c3d4e5f60718293a", "Luma Web Events",
                              "Page views, clicks and commerce events from luma.example.com.", WEB_EVENTS_SCHEMA,
                              g_strdup ("luma_web_events"), DEMO_NOW_MS - 420 * DAY_MS);
  Dataset *crm = dataset_new ("64f0a1b2c3d4e5f60718293b", "Luma CRM Profiles",
                              "Customers from the CRM, with their loyalty tier and consents.", CRM_SCHEMA,
                              g_strdup ("luma_crm_profiles"), DEMO_NOW_MS - 600 * DAY_MS);
  Dataset *orders = dataset_new ("64f0a1b2c3d4e5f60718293c", "Luma Orders",
                                 "Orders from the online store and the shops.", ORDERS_SCHEMA,
                                 g_strdup ("luma_orders"), DEMO_NOW_MS - 380 * DAY_MS);
  Batch *failed;

  web->profile = TRUE;
  crm->profile = TRUE;
  crm->labelled = TRUE;

  for (guint i = 0; i < 4; i++)
    add_batch (web, "success", DEMO_NOW_MS - (40 - 10 * i) * DAY_MS, 25000, 0);
  add_batch (crm, "success", DEMO_NOW_MS - 90 * DAY_MS, 12000, 0);
  add_batch (crm, "success", DEMO_NOW_MS - 30 * DAY_MS, 8000, 0);
  add_batch (orders, "success", DEMO_NOW_MS - 60 * DAY_MS, 30000, 0);
  add_batch (orders, "failed", DEMO_NOW_MS - 20 * DAY_MS, 0, 1200);
  failed = g_ptr_array_index (orders->batches, 1);
  failed->errors = orders_errors;
  failed->n_errors = G_N_ELEMENTS (orders_errors);
  add_batch (orders, "success", DEMO_NOW_MS - 10 * DAY_MS, 18000, 0);

  g_ptr_array_add (sandbox->by_name, web);
  g_ptr_array_add (sandbox->by_name, crm);
  g_ptr_array_add (sandbox->by_name, orders);
}

/* Generated datasets: the same names and ids in every run. */
static const char * const generated_subjects[] = {
  "Web Events", "Mobile App Events", "CRM Export", "Loyalty Members", "Campaign Responses", "Product Catalog",
  "Call Center Logs", "Email Engagement", "Store Visits", "Offline Orders", "Push Notifications", "Survey Answers",
};
static const char * const generated_regions[] = { "EMEA", "NA", "APAC", "LATAM" };
static const char * const generated_schemas[] = { WEB_EVENTS_SCHEMA, CRM_SCHEMA, ORDERS_SCHEMA };
/* The demo table whose shape each of generated_schemas[] has. */
static const char * const generated_sources[] = { "luma_web_events", "luma_crm_profiles", "luma_orders" };

static guint64
generated_hash (guint i)
{
  return (guint64) i * 2654435761u;
}

static char *
generated_table (guint i)
{
  guint64 hash = generated_hash (i);
  char *table = g_strdup_printf ("%s_%s_%05u", generated_subjects[hash % G_N_ELEMENTS (generated_subjects)],
                                 generated_regions[(hash / 16) % G_N_ELEMENTS (generated_regions)], i);

  for (char *p = table; *p != '\0'; p++)
    *p = g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_';

  return table;
}

static void
add_generated_datasets (Sandbox *sandbox,
                        guint    n)
{
  static const char * const statuses[] = { "success", "success", "success", "success", "failed", "processing" };

  for (guint i = 1; i <= n; i++)
    {
      guint64 hash = generated_hash (i);
      g_autofree char *id = g_strdup_printf ("65a0%020" G_GINT64_MODIFIER "x", hash);
      g_autofree char *name = g_strdup_printf ("%s — %s %05u",
                                               generated_subjects[hash % G_N_ELEMENTS (generated_subjects)],
                                               generated_regions[(hash / 16) % G_N_ELEMENTS (generated_regions)], i);
      Dataset *dataset;

      dataset = dataset_new (id, name, NULL, generated_schemas[(hash / 7) % G_N_ELEMENTS (generated_schemas)],
                             generated_table (i), DEMO_NOW_MS - (gint64) (hash % 730) * DAY_MS);
      /* A few never received data. */
      for (guint b = 0; b < (hash / 3) % 3; b++)
        {
          const char *status = b + 1 == (hash / 3) % 3 ? statuses[(hash / 11) % G_N_ELEMENTS (statuses)] : "success";
          gboolean failed = g_str_equal (status, "failed");
          Batch *batch;

          add_batch (dataset, status, dataset->created + (b + 1) * DAY_MS, failed ? 0 : 1000 + hash % 50000,
                     failed ? 1 + hash % 900 : 0);
          if (failed)
            {
              const BatchError *errors = generated_errors[hash % G_N_ELEMENTS (generated_errors)];

              batch = g_ptr_array_index (dataset->batches, dataset->batches->len - 1);
              batch->errors = errors;
              batch->n_errors = errors[1].code != NULL ? 2 : 1;
            }
        }
      g_ptr_array_add (sandbox->by_name, dataset);
    }
}

/**
 * sim_catalog_generated_source:
 * @table: a table name, such as `web_events_na_00001`
 * @index: (out) (optional): the generated dataset's index
 *
 * Whether @table is the table of one of the demo's generated datasets,
 * which have it in every sandbox of the demo org. Safe from any thread:
 * it only reads what sim_catalog_register() set.
 *
 * Returns: (nullable): the demo table of the same schema, whose rows
 *   the dataset's table is made from; %NULL if @table is none of them
 */
const char *
sim_catalog_generated_source (const char *table,
                              guint      *index)
{
  const char *digits;
  g_autofree char *expected = NULL;
  guint64 i;

  if (catalog.n_generated == 0 || strlen (table) < 6)
    return NULL;
  digits = table + strlen (table) - 5;
  if (digits[-1] != '_' || !g_ascii_string_to_unsigned (digits, 10, 1, MIN (catalog.n_generated, 99999), &i, NULL))
    return NULL;

  expected = generated_table ((guint) i);
  if (!g_str_equal (expected, table))
    return NULL;

  if (index != NULL)
    *index = (guint) i;

  return generated_sources[(generated_hash ((guint) i) / 7) % G_N_ELEMENTS (generated_sources)];
}

static Sandbox *
get_sandbox_for (const char *org_id,
                 const char *sandbox_name)
{
  g_autofree char *key = g_strconcat (org_id, "\n", sandbox_name, NULL);
  Sandbox *sandbox = g_hash_table_lookup (catalog.sandboxes, key);

  if (sandbox != NULL)
    return sandbox;

  sandbox = g_new0 (Sandbox, 1);
  sandbox->by_name = g_ptr_array_new_with_free_func ((GDestroyNotify) dataset_free);
  sandbox->by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (g_str_equal (org_id, DEMO_ORG))
    {
      add_luma_datasets (sandbox);
      add_generated_datasets (sandbox, catalog.n_generated);
    }
  g_ptr_array_sort (sandbox->by_name, compare_names);
  for (guint i = 0; i < sandbox->by_name->len; i++)
    {
      Dataset *dataset = g_ptr_array_index (sandbox->by_name, i);

      g_hash_table_insert (sandbox->by_id, dataset->id, dataset);
    }

  g_hash_table_insert (catalog.sandboxes, g_steal_pointer (&key), sandbox);

  return sandbox;
}

Sandbox *
catalog_get_sandbox (SimRequest *request)
{
  Sandbox *sandbox = get_sandbox_for (request->client->org->id, request->sandbox);

  /* The world's flows write batches from the start; the flows need a
   * client, which Query Service's writes have not.
   */
  sim_flow_service_touch (request->server, request->client, request->sandbox);

  return sandbox;
}

/* Query Service's output datasets: found by name, as ctasParameters and
 * insertIntoParameters name them.
 */
gboolean
sim_catalog_find_dataset_by_name (const char  *org_id,
                                  const char  *sandbox_name,
                                  const char  *name,
                                  char       **id,
                                  char       **table)
{
  Sandbox *sandbox = get_sandbox_for (org_id, sandbox_name);

  for (guint i = 0; i < sandbox->by_name->len; i++)
    {
      Dataset *dataset = g_ptr_array_index (sandbox->by_name, i);

      if (g_str_equal (dataset->name, name))
        {
          if (id != NULL)
            *id = g_strdup (dataset->id);
          if (table != NULL)
            *table = g_strdup (dataset->table);
          return TRUE;
        }
    }

  return FALSE;
}

/* The table of dataset @id, or NULL if the sandbox has no such dataset. */
char *
sim_catalog_dup_table (const char *org_id,
                       const char *sandbox_name,
                       const char *id)
{
  Dataset *dataset = g_hash_table_lookup (get_sandbox_for (org_id, sandbox_name)->by_id, id);

  return dataset != NULL ? g_strdup (dataset->table) : NULL;
}

/* The table a dataset named @name would get, before it is made. */
char *
sim_catalog_new_table_name (const char *org_id,
                            const char *sandbox_name,
                            const char *name)
{
  return table_for_name (get_sandbox_for (org_id, sandbox_name), name);
}

/**
 * sim_catalog_add_output_dataset:
 *
 * A CTAS's dataset, once its table exists: an ad hoc schema of its own
 * **[UNV]** (the platform makes one from the query's columns; the
 * Schema Registry here does not show it).
 *
 * Returns: (transfer full): the new dataset's id
 */
char *
sim_catalog_add_output_dataset (const char *org_id,
                                const char *sandbox_name,
                                const char *name,
                                const char *description,
                                const char *table)
{
  Sandbox *sandbox = get_sandbox_for (org_id, sandbox_name);
  g_autofree char *id = g_strdup_printf ("66c0%020" G_GINT64_MODIFIER "x",
                                         ((guint64) g_random_int () << 32) | (guint64) ++sandbox->next_id);
  g_autofree char *schema_id = g_strdup_printf ("https://ns.adobe.com/tributarydemo/schemas/adhoc_%s", id);
  Dataset *dataset = dataset_new (id, name, description, schema_id, g_strdup (table), g_get_real_time () / 1000);

  g_ptr_array_add (sandbox->by_name, dataset);
  g_ptr_array_sort (sandbox->by_name, compare_names);
  g_hash_table_insert (sandbox->by_id, dataset->id, dataset);

  return g_steal_pointer (&id);
}

/* A write into an output dataset shows as a batch of it. */
void
sim_catalog_add_output_batch (const char *org_id,
                              const char *sandbox_name,
                              const char *dataset_id,
                              gint64      records)
{
  Dataset *dataset = g_hash_table_lookup (get_sandbox_for (org_id, sandbox_name)->by_id, dataset_id);

  if (dataset == NULL)
    return;

  add_batch (dataset, "success", g_get_real_time () / 1000, records, 0);
  dataset->updated = g_get_real_time () / 1000;
}

static gboolean
wants (GStrv       properties,
       const char *member)
{
  return properties == NULL || g_strv_contains ((const char * const *) properties, member);
}

static void
add_dataset_json (JsonBuilder   *builder,
                  const Dataset *dataset,
                  SimRequest    *request,
                  GStrv          properties)
{
  const Batch *last = last_batch (dataset);

  json_builder_set_member_name (builder, dataset->id);
  json_builder_begin_object (builder);

#define STRING_MEMBER(name, value) \
  if (wants (properties, name) && (value) != NULL) \
    { \
      json_builder_set_member_name (builder, name); \
      json_builder_add_string_value (builder, value); \
    }

  STRING_MEMBER ("name", dataset->name);
  STRING_MEMBER ("description", dataset->description);
  STRING_MEMBER ("imsOrg", request->client->org->id);
  STRING_MEMBER ("version", "1.0.0");
  STRING_MEMBER ("createdClient", request->client->client_id);
  STRING_MEMBER ("createdUser", request->client->technical_account_id);
  STRING_MEMBER ("namespace", "ACP");
  STRING_MEMBER ("state", "DRAFT");
  STRING_MEMBER ("lastBatchId", last != NULL ? last->id : NULL);
  STRING_MEMBER ("lastBatchStatus", last != NULL ? last->status : NULL);
#undef STRING_MEMBER

  if (wants (properties, "created"))
    {
      json_builder_set_member_name (builder, "created");
      json_builder_add_int_value (builder, dataset->created);
    }
  if (wants (properties, "updated"))
    {
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, dataset->updated);
    }
  if (wants (properties, "schemaRef"))
    {
      json_builder_set_member_name (builder, "schemaRef");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, dataset->schema_id);
      json_builder_set_member_name (builder, "contentType");
      json_builder_add_string_value (builder, dataset_get_schema_content_type (dataset));
      json_builder_end_object (builder);
    }
  if (wants (properties, "fileDescription"))
    {
      json_builder_set_member_name (builder, "fileDescription");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "format");
      json_builder_add_string_value (builder, "parquet");
      json_builder_set_member_name (builder, "persisted");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }
  if (wants (properties, "tags"))
    {
      json_builder_set_member_name (builder, "tags");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "adobe/pqs/table");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, dataset->table);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "adobe/siphon/table/format");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, "parquet");
      json_builder_end_array (builder);
      if (dataset->profile)
        {
          json_builder_set_member_name (builder, "unifiedProfile");
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, "enabled:true");
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  if (wants (properties, "files"))
    {
      g_autofree char *files = g_strconcat ("@/dataSetFiles?dataSetId=", dataset->id, NULL);

      json_builder_set_member_name (builder, "files");
      json_builder_add_string_value (builder, files);
    }

  json_builder_end_object (builder);
}

/* The properties the Catalog sorts and filters datasets by here: the
 * top-level ones the app's columns show, and schemaRef.id, the nested
 * one clients use for a dataset's schema. [UNV] whether the platform
 * takes it; the Catalog documents property filters on top-level ones.
 */
typedef enum
{
  FIELD_NAME,
  FIELD_CREATED,
  FIELD_UPDATED,
  FIELD_LAST_BATCH_STATUS,
  FIELD_SCHEMA_ID,
} Field;

static const char * const field_names[] = { "name", "created", "updated", "lastBatchStatus", "schemaRef.id" };

static gboolean
field_from_name (const char *name,
                 Field      *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_str_equal (name, field_names[i]))
      {
        *field = i;
        return TRUE;
      }

  return FALSE;
}

static const char *
field_text (const Dataset *dataset,
            Field          field)
{
  const Batch *last;

  switch (field)
    {
    case FIELD_NAME:
      return dataset->name;
    case FIELD_LAST_BATCH_STATUS:
      return (last = last_batch (dataset)) != NULL ? last->status : NULL;
    case FIELD_SCHEMA_ID:
      return dataset->schema_id;
    case FIELD_CREATED:
    case FIELD_UPDATED:
    default:
      return NULL;
    }
}

typedef struct
{
  Field field;
  gboolean descending;
} Order;

/* Catalog's orderBy: `[asc:|desc:]property`, a comma between several. */
static GArray *
parse_order_by (const char  *order_by,
                GError     **error)
{
  g_autoptr(GArray) orders = g_array_new (FALSE, TRUE, sizeof (Order));
  g_auto(GStrv) keys = g_strsplit (order_by, ",", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      const char *colon = strchr (keys[i], ':');
      const char *property = colon != NULL ? colon + 1 : keys[i];
      Order order = { FIELD_NAME, FALSE };

      if (colon != NULL)
        {
          g_autofree char *direction = g_strndup (keys[i], colon - keys[i]);

          if (!g_str_equal (direction, "asc") && !g_str_equal (direction, "desc"))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           "'%s' is not a direction: asc or desc.", direction);
              return NULL;
            }
          order.descending = g_str_equal (direction, "desc");
        }
      if (!field_from_name (property, &order.field))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "Datasets cannot be sorted by '%s'.", property);
          return NULL;
        }
      g_array_append_val (orders, order);
    }

  return g_steal_pointer (&orders);
}

static int
compare_by_order (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GArray *orders = user_data;
  const Dataset *x = *(Dataset * const *) a;
  const Dataset *y = *(Dataset * const *) b;

  for (guint i = 0; i < orders->len; i++)
    {
      const Order *order = &g_array_index (orders, Order, i);
      int result;

      if (order->field == FIELD_CREATED)
        result = (x->created > y->created) - (x->created < y->created);
      else if (order->field == FIELD_UPDATED)
        result = (x->updated > y->updated) - (x->updated < y->updated);
      else
        {
          const char *p = field_text (x, order->field);
          const char *q = field_text (y, order->field);

          /* Datasets without the property come first, as absent values do. */
          result = p == NULL || q == NULL ? (p != NULL) - (q != NULL) : g_ascii_strcasecmp (p, q);
        }

      if (result != 0)
        return order->descending ? -result : result;
    }

  return strcmp (x->id, y->id);
}

/* One `property` condition: `name`, `!name`, `name==value`,
 * `name!=value` or `name~regex`, on the properties above.
 */
typedef struct
{
  Field field;
  enum { EXISTS, ABSENT, EQUALS, DIFFERS, MATCHES } op;
  char *value;
  GRegex *regex;
} Condition;

static void
condition_clear (Condition *condition)
{
  g_clear_pointer (&condition->value, g_free);
  g_clear_pointer (&condition->regex, g_regex_unref);
}

static gboolean
parse_condition (const char  *text,
                 Condition   *condition,
                 GError     **error)
{
  static const struct { const char *symbol; int op; } ops[] = {
    { "==", EQUALS }, { "!=", DIFFERS }, { "~", MATCHES },
  };
  g_autofree char *property = NULL;
  const char *value = NULL;

  if (text[0] == '!')
    {
      condition->op = ABSENT;
      property = g_strdup (text + 1);
    }
  else
    {
      condition->op = EXISTS;
      for (guint i = 0; i < G_N_ELEMENTS (ops) && value == NULL; i++)
        {
          const char *at = strstr (text, ops[i].symbol);

          if (at != NULL)
            {
              property = g_strndup (text, at - text);
              value = at + strlen (ops[i].symbol);
              condition->op = ops[i].op;
            }
        }
      if (property == NULL)
        property = g_strdup (text);
    }

  if (!field_from_name (property, &condition->field) || condition->field == FIELD_CREATED ||
      condition->field == FIELD_UPDATED)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   "Datasets cannot be filtered by '%s' here.", property);
      return FALSE;
    }
  condition->value = g_strdup (value);
  /* Names match whatever their case, as the app's searches always have. */
  if (condition->op == MATCHES &&
      !(condition->regex = g_regex_new (value, condition->field == FIELD_NAME ? G_REGEX_CASELESS : 0,
                                        0, error)))
    return FALSE;

  return TRUE;
}

static gboolean
condition_holds (const Condition *condition,
                 const Dataset   *dataset)
{
  const char *text = field_text (dataset, condition->field);

  switch (condition->op)
    {
    case EXISTS:
      return text != NULL;
    case ABSENT:
      return text == NULL;
    case EQUALS:
      return g_strcmp0 (text, condition->value) == 0;
    case DIFFERS:
      return g_strcmp0 (text, condition->value) != 0;
    case MATCHES:
    default:
      return text != NULL && g_regex_match (condition->regex, text, 0, NULL);
    }
}

static void
list_datasets_cb (SimRequest *request)
{
  Sandbox *sandbox = catalog_get_sandbox (request);
  const char *order_by = sim_request_get_query (request, "orderBy");
  const char *properties = sim_request_get_query (request, "properties");
  const char *exact_name = sim_request_get_query (request, "name");
  g_auto(GStrv) property = sim_request_dup_query_all (request, "property");
  g_autoptr(GArray) conditions = NULL;
  g_autoptr(GArray) orders = NULL;
  g_autoptr(GPtrArray) matches = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) wanted = NULL;
  gboolean by_name;
  gint64 limit;
  gint64 start;

  if (!sim_request_get_query_int (request, "limit", 20, 1, 100, BAD_QUERY_CODE, BAD_QUERY_TITLE, &limit) ||
      !sim_request_get_query_int (request, "start", 0, 0, G_MAXINT32, BAD_QUERY_CODE, BAD_QUERY_TITLE, &start))
    return;

  if (order_by == NULL)
    order_by = sim_request_get_query (request, "orderby");
  if (!(orders = parse_order_by (order_by != NULL ? order_by : "asc:name", &error)))
    {
      sim_request_reply_problem (request, 400, "CAT-1002-400", "Invalid orderBy", "%s", error->message);
      return;
    }

  conditions = g_array_new (FALSE, TRUE, sizeof (Condition));
  g_array_set_clear_func (conditions, (GDestroyNotify) condition_clear);
  for (guint i = 0; property[i] != NULL; i++)
    {
      Condition condition = { 0 };

      if (!parse_condition (property[i], &condition, &error))
        {
          condition_clear (&condition);
          sim_request_reply_problem (request, 400, "CAT-1003-400", "Invalid property filter",
                                     "'%s': %s", property[i], error->message);
          return;
        }
      g_array_append_val (conditions, condition);
    }

  if (properties != NULL)
    wanted = g_strsplit (properties, ",", -1);

  /* Unfiltered and by name, a page is a slice of the sorted list: not a
   * copy of 50,000 pointers for each hundred.
   */
  by_name = orders->len == 1 && g_array_index (orders, Order, 0).field == FIELD_NAME &&
            !g_array_index (orders, Order, 0).descending;
  if (conditions->len == 0 && exact_name == NULL && by_name)
    matches = g_ptr_array_ref (sandbox->by_name);
  else
    {
      matches = g_ptr_array_new ();
      for (guint i = 0; i < sandbox->by_name->len; i++)
        {
          Dataset *dataset = g_ptr_array_index (sandbox->by_name, i);
          gboolean holds = exact_name == NULL || g_str_equal (exact_name, dataset->name);

          for (guint j = 0; j < conditions->len && holds; j++)
            holds = condition_holds (&g_array_index (conditions, Condition, j), dataset);
          if (holds)
            g_ptr_array_add (matches, dataset);
        }
      if (!by_name)
        g_ptr_array_sort_with_data (matches, compare_by_order, orders);
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  for (gint64 i = start; i < matches->len && i < start + limit; i++)
    add_dataset_json (builder, g_ptr_array_index (matches, i), request, wanted);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, 200, node);
}

Dataset *
catalog_find_dataset (SimRequest *request)
{
  const char *id = sim_request_get_param (request, "id");
  Dataset *dataset = g_hash_table_lookup (catalog_get_sandbox (request)->by_id, id);

  if (dataset == NULL)
    sim_request_reply_problem (request, 404, "CAT-1404-404", "Dataset not found",
                               "Dataset '%s' does not exist in sandbox '%s'.", id, request->sandbox);

  return dataset;
}

static void
get_dataset_cb (SimRequest *request)
{
  Dataset *dataset = catalog_find_dataset (request);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (dataset == NULL)
    return;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  add_dataset_json (builder, dataset, request, NULL);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, 200, node);
}

static void
reply_reference (SimRequest *request,
                 guint       status,
                 const char *id)
{
  g_autofree char *reference = g_strconcat ("@/dataSets/", id, NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, reference);
  json_builder_end_array (builder);
  node = json_builder_get_root (builder);
  sim_request_reply_json (request, status, node);
}

static void
create_dataset_cb (SimRequest *request)
{
  Sandbox *sandbox = catalog_get_sandbox (request);
  JsonObject *body;
  JsonObject *schema_ref;
  JsonObject *file_description;
  const char *name;
  const char *description;
  const char *schema_id;
  const char *content_type;
  const char *format = "parquet";
  g_autofree char *trimmed = NULL;
  g_autofree char *id = NULL;
  Dataset *dataset;

  if (!sim_request_parse_body (request))
    return;

  if (!JSON_NODE_HOLDS_OBJECT (request->body))
    {
      sim_request_reply_problem (request, 400, "CAT-1100-400", "Invalid dataset", "The body must be a JSON object.");
      return;
    }
  body = json_node_get_object (request->body);

  name = sim_json_get_string (body, "name");
  trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  if (trimmed[0] == '\0')
    {
      sim_request_reply_problem (request, 400, "CAT-1101-400", "Invalid dataset", "The dataset needs a name.");
      return;
    }
  for (guint i = 0; i < sandbox->by_name->len; i++)
    if (g_str_equal (((Dataset *) g_ptr_array_index (sandbox->by_name, i))->name, name))
      {
        sim_request_reply_problem (request, 400, "CAT-1102-400", "Dataset name taken",
                                   "A dataset named '%s' already exists in sandbox '%s'.", name, request->sandbox);
        return;
      }

  schema_ref = json_object_has_member (body, "schemaRef") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "schemaRef"))
               ? json_object_get_object_member (body, "schemaRef") : NULL;
  schema_id = schema_ref != NULL ? sim_json_get_string (schema_ref, "id") : NULL;
  content_type = schema_ref != NULL ? sim_json_get_string (schema_ref, "contentType") : NULL;
  if (schema_id == NULL)
    {
      sim_request_reply_problem (request, 400, "CAT-1103-400", "Invalid dataset",
                                 "schemaRef.id is required: the $id of the dataset's XDM schema.");
      return;
    }
  if (content_type == NULL || !g_str_has_prefix (content_type, "application/vnd.adobe.xed") ||
      strstr (content_type, "version=1") == NULL)
    {
      sim_request_reply_problem (request, 400, "CAT-1104-400", "Invalid dataset",
                                 "schemaRef.contentType must be an XED type with version=1, such as "
                                 "application/vnd.adobe.xed-full-notext+json; version=1, not '%s'.",
                                 content_type != NULL ? content_type : "nothing");
      return;
    }
  if (!sim_schema_registry_has_schema (request->server, request->client, request->sandbox, schema_id))
    {
      sim_request_reply_problem (request, 400, "CAT-1105-400", "Unknown schema",
                                 "Schema %s does not exist in sandbox '%s'.", schema_id, request->sandbox);
      return;
    }

  if (json_object_has_member (body, "fileDescription"))
    {
      file_description = JSON_NODE_HOLDS_OBJECT (json_object_get_member (body, "fileDescription"))
                         ? json_object_get_object_member (body, "fileDescription") : NULL;
      format = file_description != NULL ? sim_json_get_string (file_description, "format") : NULL;
      if (format == NULL || !(g_str_equal (format, "parquet") || g_str_equal (format, "json") ||
                              g_str_equal (format, "csv")))
        {
          sim_request_reply_problem (request, 400, "CAT-1106-400", "Invalid dataset",
                                     "fileDescription.format must be parquet, json or csv, not '%s'.",
                                     format != NULL ? format : "nothing");
          return;
        }
    }

  description = sim_json_get_string (body, "description");
  /* Unlike across runs, as real ids are; the serial keeps them unique. */
  id = g_strdup_printf ("66b0%020" G_GINT64_MODIFIER "x",
                        ((guint64) g_random_int () << 32) | (guint64) ++sandbox->next_id);
  dataset = dataset_new (id, name, description, schema_id, table_for_name (sandbox, name),
                         g_get_real_time () / 1000);
  /* As sent: the platform does not rewrite the media type. */
  dataset->schema_content_type = g_strdup (content_type);
  g_ptr_array_add (sandbox->by_name, dataset);
  g_ptr_array_sort (sandbox->by_name, compare_names);
  g_hash_table_insert (sandbox->by_id, dataset->id, dataset);

  g_debug ("Created dataset %s (%s) in %s", id, name, request->sandbox);
  reply_reference (request, 201, id);
}

static void
delete_dataset_cb (SimRequest *request)
{
  Sandbox *sandbox = catalog_get_sandbox (request);
  Dataset *dataset = catalog_find_dataset (request);
  g_autofree char *id = NULL;

  if (dataset == NULL)
    return;

  id = g_strdup (dataset->id);
  g_hash_table_remove (sandbox->by_id, id);
  g_ptr_array_remove (sandbox->by_name, dataset);
  reply_reference (request, 200, id);
}

void
sim_catalog_register (SimServer *server,
                      guint      n_generated_datasets)
{
  catalog.n_generated = n_generated_datasets;
  catalog.sandboxes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sandbox_free);

  sim_server_add_route (server, "GET", CATALOG_PATH "/dataSets", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        list_datasets_cb);
  sim_server_add_route (server, "POST", CATALOG_PATH "/dataSets", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        create_dataset_cb);
  sim_server_add_route (server, "GET", CATALOG_PATH "/dataSets/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        get_dataset_cb);
  sim_server_add_route (server, "DELETE", CATALOG_PATH "/dataSets/{id}", SIM_ROUTE_SANDBOX_DEFAULT_PROD,
                        delete_dataset_cb);
  catalog_add_detail_routes (server);
}
