/* sim-queries.c
 *
 * Query Service's queries (`/data/foundation/query/queries`): the store
 * of each sandbox's queries, which starts as a history of a few hundred
 * past ones (derived from the sandbox's name, the same in every run),
 * and `GET /queries` over it as strictly as query-service.yaml has it:
 * `orderby` (`+` sent raw decodes to a space, refused), `limit`,
 * `start` (a timestamp cursor), `property` filters, `excludeSoftDeleted`,
 * `excludeHidden`, `isPrevLink`; `_page.next` the next page's first
 * timestamp and `_links.next.href` an absolute link. Creating queries
 * (POST) comes here too.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-queries"

#include "config.h"

#include <string.h>

#include "sim-queries-private.h"

#define QUERIES_PATH "/data/foundation/query/queries"
#define DEMO_ORG "B2C2D9A35F3E4C1A0A495C2B@AdobeOrg"

/* The demo history ends on 2026-12-01T00:00:00Z. */
#define HISTORY_END_MS G_GINT64_CONSTANT (1796083200000)

#define DEFAULT_LIMIT 20
/* query-service.yaml gives /queries no maximum; the alert subscriptions'
 * is 50. The simulator takes up to 1000.
 */
#define MAX_LIMIT 1000

#define BAD_REQUEST_CODE "QSG-1400-400"
#define BAD_REQUEST_TITLE "Bad request"

static struct
{
  GHashTable *stores;       /* "org\nsandbox" → Store */
} queries;

static void
query_free (Query *query)
{
  g_free (query->id);
  g_free (query->name);
  g_free (query->sql);
  g_free (query->db_name);
  g_free (query->effective_sql);
  g_free (query->template_id);
  g_free (query->error_code);
  g_free (query->error_message);
  g_free (query->dataset_id);
  g_clear_pointer (&query->job, sim_query_job_unref);
  g_free (query);
}

static void
store_free (Store *store)
{
  g_ptr_array_unref (store->queries);
  g_free (store);
}

static const char * const tables[] = {
  "luma_web_events", "luma_customers", "luma_orders", "luma_products", "luma_loyalty",
};

static const char * const statements[] = {
  "SELECT * FROM %s LIMIT 50",
  "SELECT count(*) FROM %s",
  "SELECT web.webPageDetails.name, count(*) AS views FROM %s GROUP BY 1 ORDER BY 2 DESC LIMIT 10",
  "SELECT date_trunc('day', timestamp) AS day, count(*) FROM %s GROUP BY 1 ORDER BY 1",
  "CREATE TABLE %s_daily AS SELECT date_trunc('day', timestamp) AS day, count(*) AS n FROM %s GROUP BY 1",
  "INSERT INTO %s_daily SELECT date_trunc('day', timestamp), count(*) FROM %s GROUP BY 1",
};

static const char * const hidden_statements[] = {
  "SHOW TABLES",
  "SELECT current_schema()",
  "FETCH 50 FROM \"query_cursor\"",
  "DECLARE \"query_cursor\" CURSOR FOR SELECT * FROM %s",
};

/* @statement with each %s the table's name. */
static char *
fill (const char *statement,
      const char *table)
{
  g_auto(GStrv) parts = g_strsplit (statement, "%s", -1);

  return g_strjoinv (table, parts);
}

/* A past query of @sandbox, the @index-th oldest. */
static Query *
history_query (GRand      *rand,
               const char *sandbox,
               guint       index,
               gint64      created)
{
  Query *query = g_new0 (Query, 1);
  const char *table = tables[g_rand_int_range (rand, 0, G_N_ELEMENTS (tables))];
  double fate = g_rand_double (rand);

  query->id = g_strdup_printf ("%08x-%04x-4%03x-a%03x-%012" G_GINT64_MODIFIER "x",
                               g_rand_int (rand), g_rand_int_range (rand, 0, 0x10000),
                               g_rand_int_range (rand, 0, 0x1000), g_rand_int_range (rand, 0, 0x1000),
                               (gint64) g_rand_int (rand) << 16 | index);
  query->db_name = g_strdup_printf ("%s:all", sandbox);
  query->created = created;
  query->elapsed = g_rand_int_range (rand, 40, 240000);
  query->updated = created + query->elapsed + 1;
  query->client = "Adobe-Query-Service-UI";

  if (index % 9 == 4)
    {
      const char *format = hidden_statements[g_rand_int_range (rand, 0, G_N_ELEMENTS (hidden_statements))];

      query->hidden = TRUE;
      query->client = "PostgreSQL JDBC Driver";
      query->sql = fill (format, table);
      query->state = "SUCCESS";
      return query;
    }

  query->sql = fill (statements[g_rand_int_range (rand, 0, G_N_ELEMENTS (statements))], table);
  query->is_ctas = g_str_has_prefix (query->sql, "CREATE TABLE");
  query->is_insert_into = g_str_has_prefix (query->sql, "INSERT INTO");
  query->soft_deleted = index % 17 == 3;
  if (index % 5 == 0)
    query->name = g_strdup_printf ("%s report %u", table, index);

  if (fate < 0.08)
    query->state = "FAILED";
  else if (fate < 0.11)
    query->state = "KILLED";
  else
    {
      query->state = "SUCCESS";
      query->row_count = g_rand_int_range (rand, 0, 100000);
    }

  return query;
}

Store *
queries_get_store (const char *org_id,
                   const char *sandbox)
{
  g_autofree char *key = g_strconcat (org_id, "\n", sandbox, NULL);
  g_autoptr(GRand) rand = NULL;
  Store *store;
  guint n_queries;
  gint64 created;

  if (queries.stores == NULL)
    queries.stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) store_free);

  if ((store = g_hash_table_lookup (queries.stores, key)))
    return store;

  store = g_new0 (Store, 1);
  store->queries = g_ptr_array_new_with_free_func ((GDestroyNotify) query_free);
  g_hash_table_insert (queries.stores, g_steal_pointer (&key), store);

  if (!g_str_equal (org_id, DEMO_ORG))
    return store;

  /* Some hundreds a sandbox, at least ten minutes apart: the cursor is a
   * time, so no two may share one.
   */
  rand = g_rand_new_with_seed (g_str_hash (sandbox));
  n_queries = 300 + g_rand_int_range (rand, 0, 80);
  created = HISTORY_END_MS - (gint64) n_queries * (10 * 60 * 1000 + 3 * 60 * 60 * 1000);
  for (guint i = 0; i < n_queries; i++)
    {
      Query *query = history_query (rand, sandbox, i, created);

      g_ptr_array_add (store->queries, query);
      created += 10 * 60 * 1000 + g_rand_int_range (rand, 0, 6 * 60 * 60 * 1000);
    }

  return store;
}

char *
queries_format_time (gint64 ms)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (ms / 1000);
  g_autofree char *seconds = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  return g_strdup_printf ("%s.%03dZ", seconds, (int) (ms % 1000));
}

static gboolean
parse_time (const char *text,
            gint64     *ms)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  if (time == NULL)
    return FALSE;

  *ms = g_date_time_to_unix (time) * 1000 + g_date_time_get_microsecond (time) / 1000;
  return TRUE;
}

typedef enum { OP_GE, OP_LE, OP_EQ, OP_NE, OP_GT, OP_LT, OP_CONTAINS } Op;

typedef struct
{
  const char *field;
  Op op;
  char *value;
  gint64 time;
} Filter;

static void
filter_clear (Filter *filter)
{
  g_free (filter->value);
}

static gboolean
parse_filter (const char *text,
              Filter     *filter)
{
  static const struct { const char *token; Op op; } ops[] = {
    { ">=", OP_GE }, { "<=", OP_LE }, { "==", OP_EQ }, { "!=", OP_NE },
    { ">", OP_GT }, { "<", OP_LT }, { "~", OP_CONTAINS },
  };
  static const char * const fields[] = { "created", "updated", "state", "id" };
  gsize field_length = strcspn (text, "<>=!~");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i]) == field_length && strncmp (text, fields[i], field_length) == 0)
      filter->field = fields[i];
  if (filter->field == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
    if (g_str_has_prefix (text + field_length, ops[i].token))
      {
        filter->op = ops[i].op;
        filter->value = g_strdup (text + field_length + strlen (ops[i].token));
        break;
      }
  if (filter->value == NULL || filter->value[0] == '\0')
    return FALSE;

  /* Times compare as times, but contain as text. */
  if ((g_str_equal (filter->field, "created") || g_str_equal (filter->field, "updated")) &&
      filter->op != OP_CONTAINS && !parse_time (filter->value, &filter->time))
    return FALSE;

  return TRUE;
}

static gboolean
filter_accepts (const Filter *filter,
                const Query  *query)
{
  gboolean is_time = g_str_equal (filter->field, "created") || g_str_equal (filter->field, "updated");
  gint64 time = g_str_equal (filter->field, "created") ? query->created : query->updated;
  g_autofree char *text = NULL;
  int compared;

  if (g_str_equal (filter->field, "state"))
    text = g_strdup (query->state);
  else if (g_str_equal (filter->field, "id"))
    text = g_strdup (query->id);
  else
    text = queries_format_time (time);

  if (filter->op == OP_CONTAINS)
    return strstr (text, filter->value) != NULL;

  compared = is_time ? (time > filter->time) - (time < filter->time) : strcmp (text, filter->value);
  switch (filter->op)
    {
    case OP_GE: return compared >= 0;
    case OP_LE: return compared <= 0;
    case OP_EQ: return compared == 0;
    case OP_NE: return compared != 0;
    case OP_GT: return compared > 0;
    case OP_LT: return compared < 0;
    case OP_CONTAINS:
    default: g_return_val_if_reached (FALSE);
    }
}

static gboolean
get_boolean (SimRequest *request,
             const char *name,
             gboolean    fallback,
             gboolean   *value)
{
  const char *text = sim_request_get_query (request, name);

  if (text == NULL)
    *value = fallback;
  else if (g_str_equal (text, "true") || g_str_equal (text, "false"))
    *value = g_str_equal (text, "true");
  else
    {
      sim_request_reply_problem (request, 400, BAD_REQUEST_CODE, BAD_REQUEST_TITLE,
                                 "%s must be true or false, not '%s'.", name, text);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  gboolean updated;
  gboolean descending;
} Order;

static gint64
order_key (const Order *order,
           const Query *query)
{
  return order->updated ? query->updated : query->created;
}

/* Whether @query comes before @key in @order. */
static gboolean
before (const Order *order,
        const Query *query,
        gint64       key)
{
  return order->descending ? order_key (order, query) > key : order_key (order, query) < key;
}

static gint
compare_queries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Order *order = user_data;
  gint64 key_a = order_key (order, *(Query **) a);
  gint64 key_b = order_key (order, *(Query **) b);
  gint compared = (key_a > key_b) - (key_a < key_b);

  return order->descending ? -compared : compared;
}

void
queries_add_json (JsonBuilder *builder,
                SimRequest  *request,
                Query       *query)
{
  g_autofree char *created = queries_format_time (query->created);
  g_autofree char *updated = queries_format_time (query->updated);
  g_autofree char *self_href = g_strconcat (sim_server_get_base_url (request->server), QUERIES_PATH "/",
                                            query->id, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, query->id);
  json_builder_set_member_name (builder, "request");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dbName");
  json_builder_add_string_value (builder, query->db_name);
  json_builder_set_member_name (builder, "sql");
  json_builder_add_string_value (builder, query->sql);
  if (query->name != NULL)
    {
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, query->name);
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "isCTAS");
  json_builder_add_boolean_value (builder, query->is_ctas);
  json_builder_set_member_name (builder, "isInsertInto");
  json_builder_add_boolean_value (builder, query->is_insert_into);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, query->state);
  json_builder_set_member_name (builder, "created");
  json_builder_add_string_value (builder, created);
  json_builder_set_member_name (builder, "updated");
  json_builder_add_string_value (builder, updated);
  json_builder_set_member_name (builder, "elapsedTime");
  json_builder_add_int_value (builder, query->elapsed);
  json_builder_set_member_name (builder, "rowCount");
  json_builder_add_int_value (builder, query->row_count);
  json_builder_set_member_name (builder, "userId");
  json_builder_add_string_value (builder, request->client->technical_account_id);
  json_builder_set_member_name (builder, "client");
  json_builder_add_string_value (builder, query->client);
  json_builder_set_member_name (builder, "errors");
  json_builder_begin_array (builder);
  if (query->error_message != NULL)
    {
      g_autofree char *message = g_strdup_printf ("ErrorCode: %s queryId: %s %s", query->error_code, query->id,
                                                  query->error_message);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, query->error_code);
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, message);
      json_builder_set_member_name (builder, "errorType");
      json_builder_add_string_value (builder, g_str_has_prefix (query->error_code, "42") ? "USER_ERROR"
                                                                                          : "SYSTEM_ERROR");
      json_builder_end_object (builder);
    }
  else if (g_str_equal (query->state, "FAILED"))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, "42P01");
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, "ErrorCode: 42P01 queryId: … Unknown table");
      json_builder_set_member_name (builder, "errorType");
      json_builder_add_string_value (builder, "USER_ERROR");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  if (query->effective_sql != NULL)
    {
      json_builder_set_member_name (builder, "effectiveSQL");
      json_builder_add_string_value (builder, query->effective_sql);
    }
  if (query->template_id != NULL)
    {
      json_builder_set_member_name (builder, "templateId");
      json_builder_add_string_value (builder, query->template_id);
    }
  json_builder_set_member_name (builder, "_links");
  json_builder_begin_object (builder);
  add_href (builder, "self", self_href, "GET");
  add_href (builder, "soft_delete", self_href, "PATCH");
  if (g_str_equal (query->state, "SUBMITTED") || g_str_equal (query->state, "IN_PROGRESS"))
    add_href (builder, "cancel", self_href, "PATCH");
  if (query->dataset_id != NULL)
    {
      g_autofree char *href = g_strconcat (sim_server_get_base_url (request->server),
                                           "/data/foundation/catalog/dataSets/", query->dataset_id, NULL);

      json_builder_set_member_name (builder, "created_dataset");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, query->dataset_id);
      json_builder_set_member_name (builder, "href");
      json_builder_add_string_value (builder, href);
      json_builder_set_member_name (builder, "method");
      json_builder_add_string_value (builder, "GET");
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

Query *
queries_find (Store      *store,
              const char *id)
{
  for (guint i = 0; i < store->queries->len; i++)
    {
      Query *query = g_ptr_array_index (store->queries, i);

      if (g_str_equal (query->id, id))
        return query;
    }

  return NULL;
}

/* Takes @query; its created time is moved on until no other has it,
 * since the list's cursor is a time.
 */
void
queries_add (Store *store,
             Query *query)
{
  if (store->queries->len > 0)
    {
      Query *last = g_ptr_array_index (store->queries, store->queries->len - 1);

      query->created = MAX (query->created, last->created + 1);
    }
  query->updated = MAX (query->updated, query->created);
  g_ptr_array_add (store->queries, query);
}

char *
queries_new_uuid (void)
{
  return g_uuid_string_random ();
}

/* The request's own link with another start: its query as sent (so a
 * `%2B` stays one), less its start and direction.
 */
static char *
page_href (SimRequest *request,
           gint64      start,
           gboolean    previous)
{
  GUri *uri = soup_server_message_get_uri (request->message);
  const char *query = g_uri_get_query (uri);
  g_auto(GStrv) parts = g_strsplit (query != NULL ? query : "", "&", -1);
  g_autoptr(GString) href = g_string_new (sim_server_get_base_url (request->server));
  g_autofree char *time = queries_format_time (start);
  g_autofree char *escaped = g_uri_escape_string (time, NULL, FALSE);

  g_string_append (href, request->path);
  g_string_append_c (href, '?');
  for (guint i = 0; parts[i] != NULL; i++)
    if (parts[i][0] != '\0' && !g_str_has_prefix (parts[i], "start=") && !g_str_has_prefix (parts[i], "isPrevLink="))
      g_string_append_printf (href, "%s&", parts[i]);
  g_string_append_printf (href, "start=%s", escaped);
  if (previous)
    g_string_append (href, "&isPrevLink=true");

  return g_string_free (g_steal_pointer (&href), FALSE);
}

static void
add_link (JsonBuilder *builder,
          const char  *name,
          const char  *href)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "href");
  json_builder_add_string_value (builder, href);
  json_builder_end_object (builder);
}

static void
list_queries_cb (SimRequest *request)
{
  const char *orderby = sim_request_get_query (request, "orderby");
  const char *start_text = sim_request_get_query (request, "start");
  const char *property = sim_request_get_query (request, "property");
  g_autoptr(GArray) filters = g_array_new (FALSE, TRUE, sizeof (Filter));
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autoptr(GPtrArray) page = g_ptr_array_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  Store *store = queries_get_store (request->client->org->id, request->sandbox);
  Order order = { FALSE, TRUE };
  gboolean exclude_soft_deleted;
  gboolean exclude_hidden;
  gboolean previous;
  gboolean has_start = start_text != NULL;
  gint64 start = 0;
  gint64 limit;
  guint first;
  guint end;

  g_array_set_clear_func (filters, (GDestroyNotify) filter_clear);

  if (orderby != NULL)
    {
      const char *field = orderby[0] == '+' || orderby[0] == '-' ? orderby + 1 : orderby;

      /* A + sent as it is arrives as a space. */
      if (!g_str_equal (field, "created") && !g_str_equal (field, "updated"))
        {
          sim_request_reply_problem (request, 400, BAD_REQUEST_CODE, BAD_REQUEST_TITLE,
                                     "orderby must be created or updated, after + (sent as %%2B) or -, "
                                     "not '%s'.", orderby);
          return;
        }
      order.updated = g_str_equal (field, "updated");
      order.descending = orderby[0] == '-';
    }

  if (!sim_request_get_query_int (request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT, BAD_REQUEST_CODE,
                                  BAD_REQUEST_TITLE, &limit) ||
      !get_boolean (request, "excludeSoftDeleted", TRUE, &exclude_soft_deleted) ||
      !get_boolean (request, "excludeHidden", TRUE, &exclude_hidden) ||
      !get_boolean (request, "isPrevLink", FALSE, &previous))
    return;

  if (has_start && !parse_time (start_text, &start))
    {
      sim_request_reply_problem (request, 400, BAD_REQUEST_CODE, BAD_REQUEST_TITLE,
                                 "start must be a timestamp such as 2022-11-22T00:52:34.839Z, not '%s'.",
                                 start_text);
      return;
    }

  if (property != NULL)
    {
      g_auto(GStrv) parts = g_strsplit (property, ",", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          Filter filter = { 0 };

          if (!parse_filter (parts[i], &filter))
            {
              filter_clear (&filter);
              sim_request_reply_problem (request, 400, BAD_REQUEST_CODE, BAD_REQUEST_TITLE,
                                         "The property filter '%s' is not valid: created, updated, state or id, "
                                         "then >, <, >=, <=, ==, != or ~, then a value.", parts[i]);
              return;
            }
          g_array_append_val (filters, filter);
        }
    }

  for (guint i = 0; i < store->queries->len; i++)
    {
      Query *query = g_ptr_array_index (store->queries, i);
      gboolean keep = !(exclude_soft_deleted && query->soft_deleted) && !(exclude_hidden && query->hidden);

      for (guint j = 0; keep && j < filters->len; j++)
        keep = filter_accepts (&g_array_index (filters, Filter, j), query);
      if (keep)
        g_ptr_array_add (kept, query);
    }
  g_ptr_array_sort_with_data (kept, compare_queries, &order);

  /* Forward, the page starts at start; back, it ends just before it. */
  for (first = 0; has_start && first < kept->len && before (&order, g_ptr_array_index (kept, first), start); first++)
    ;
  end = MIN (first + (guint) limit, kept->len);
  if (previous)
    {
      end = first;
      first = end > (guint) limit ? end - (guint) limit : 0;
    }
  for (guint i = first; i < end; i++)
    g_ptr_array_add (page, g_ptr_array_index (kept, i));

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "queries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < page->len; i++)
    queries_add_json (builder, request, g_ptr_array_index (page, i));
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "_page");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "orderby");
  json_builder_add_string_value (builder, order.descending ? (order.updated ? "-updated" : "-created")
                                                          : (order.updated ? "+updated" : "+created"));
  if (page->len > 0)
    {
      g_autofree char *time = queries_format_time (order_key (&order, g_ptr_array_index (page, 0)));

      json_builder_set_member_name (builder, "start");
      json_builder_add_string_value (builder, time);
    }
  if (end < kept->len)
    {
      g_autofree char *time = queries_format_time (order_key (&order, g_ptr_array_index (kept, end)));

      json_builder_set_member_name (builder, "next");
      json_builder_add_string_value (builder, time);
    }
  if (property != NULL)
    {
      json_builder_set_member_name (builder, "property");
      json_builder_add_string_value (builder, property);
    }
  json_builder_set_member_name (builder, "count");
  json_builder_add_int_value (builder, page->len);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "_links");
  json_builder_begin_object (builder);
  if (end < kept->len)
    {
      g_autofree char *href = page_href (request, order_key (&order, g_ptr_array_index (kept, end)), FALSE);

      add_link (builder, "next", href);
    }
  if (first > 0 && page->len > 0)
    {
      g_autofree char *href = page_href (request, order_key (&order, g_ptr_array_index (page, 0)), TRUE);

      add_link (builder, "prev", href);
    }
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, 1);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, 200, node);
}

void
sim_queries_register (SimServer *server)
{
  sim_server_add_route (server, "GET", QUERIES_PATH, SIM_ROUTE_SANDBOX_DEFAULT_PROD, list_queries_cb);
}
