/* test-automap.c
 *
 * Auto-map and column types, headless: names compared without case,
 * underscores or camel case, by last segment and by whole path; types
 * that fit and types that do not; never two columns into one field;
 * the same answer for the same inputs; and 500 columns onto the demo's
 * 5,000-field ExperienceEvent schema, read from tributary-sim. Then the
 * types inferred from seed 004's OData Orders preview.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-automap.h"
#include "trib-column-types.h"
#include "trib-flow-explore.h"
#include "trib-schema-registry.h"
#include "trib-test-platform.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"

static const char *small_schema =
  "{\"properties\": {"
  "  \"_id\": {\"type\": \"string\"},"
  "  \"orderId\": {\"type\": \"string\"},"
  "  \"person\": {\"type\": \"object\", \"properties\": {"
  "    \"name\": {\"type\": \"object\", \"properties\": {"
  "      \"firstName\": {\"type\": \"string\"}, \"lastName\": {\"type\": \"string\"}}},"
  "    \"birthDate\": {\"type\": \"string\", \"format\": \"date\"},"
  "    \"birthYear\": {\"type\": \"integer\"},"
  "    \"id\": {\"type\": \"string\"}}},"
  "  \"commerce\": {\"type\": \"object\", \"properties\": {"
  "    \"quantity\": {\"type\": \"integer\"},"
  "    \"total\": {\"type\": \"number\"},"
  "    \"gift\": {\"type\": \"boolean\"},"
  "    \"firstName\": {\"type\": \"string\"},"
  "    \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}},"
  "  \"id\": {\"type\": \"string\"}"
  "}}";

static GListModel *
small_tree (void)
{
  guint n_fields = 0;

  return trib_xdm_field_build_tree_from_text (small_schema, strlen (small_schema), NULL, &n_fields);
}

/* The path each column got, NULL when none. */
static const char *
mapped (GArray *matches,
        guint   column)
{
  for (guint i = 0; i < matches->len; i++)
    {
      TribAutomapMatch *match = &g_array_index (matches, TribAutomapMatch, i);

      if (match->column == column)
        return trib_xdm_field_get_path (match->field);
    }
  return NULL;
}

static void
test_normalize (void)
{
  const char *same[] = { "order_id", "OrderID", "orderId", "ORDER-ID", "order id", "order.id" };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *key = trib_automap_normalize (same[i], -1);

      g_assert_cmpstr (key, ==, "orderid");
    }
}

static void
test_names (void)
{
  const char * const names[] = { "ORDER_ID", "first_name", "LastName", "person_birth_year", "Unknown", "Commerce.Quantity" };
  const TribColumnType types[] = { TRIB_COLUMN_STRING, TRIB_COLUMN_STRING, TRIB_COLUMN_STRING,
                                   TRIB_COLUMN_INTEGER, TRIB_COLUMN_STRING, TRIB_COLUMN_INTEGER };
  g_autoptr(GListModel) roots = small_tree ();
  g_autoptr(GArray) matches = trib_automap (roots, G_N_ELEMENTS (names), names, types, NULL);

  g_assert_cmpstr (mapped (matches, 0), ==, "orderId");
  /* Two fields are named firstName: the shallower one wins. */
  g_assert_cmpstr (mapped (matches, 1), ==, "commerce.firstName");
  g_assert_cmpstr (mapped (matches, 2), ==, "person.name.lastName");
  /* The whole path, when no field has the column's name. */
  g_assert_cmpstr (mapped (matches, 3), ==, "person.birthYear");
  g_assert_null (mapped (matches, 4));
  g_assert_cmpstr (mapped (matches, 5), ==, "commerce.quantity");
  /* In column order. */
  for (guint i = 1; i < matches->len; i++)
    g_assert_cmpuint (g_array_index (matches, TribAutomapMatch, i - 1).column, <,
                      g_array_index (matches, TribAutomapMatch, i).column);
}

static void
test_types (void)
{
  const char * const names[] = { "quantity", "total", "gift", "birthDate", "birthYear", "tags" };
  const TribColumnType fitting[] = { TRIB_COLUMN_INTEGER, TRIB_COLUMN_INTEGER, TRIB_COLUMN_BOOLEAN,
                                     TRIB_COLUMN_DATE, TRIB_COLUMN_INTEGER, TRIB_COLUMN_STRING };
  const TribColumnType wrong[] = { TRIB_COLUMN_NUMBER, TRIB_COLUMN_STRING, TRIB_COLUMN_INTEGER,
                                   TRIB_COLUMN_BOOLEAN, TRIB_COLUMN_DATE, TRIB_COLUMN_STRING };
  g_autoptr(GListModel) roots = small_tree ();
  g_autoptr(GArray) good = trib_automap (roots, G_N_ELEMENTS (names), names, fitting, NULL);
  g_autoptr(GArray) bad = trib_automap (roots, G_N_ELEMENTS (names), names, wrong, NULL);

  g_assert_cmpstr (mapped (good, 0), ==, "commerce.quantity");
  g_assert_cmpstr (mapped (good, 1), ==, "commerce.total");   /* whole into a number */
  g_assert_cmpstr (mapped (good, 2), ==, "commerce.gift");
  /* A date goes into a string whose format is date. */
  g_assert_cmpstr (mapped (good, 3), ==, "person.birthDate");
  g_assert_cmpstr (mapped (good, 4), ==, "person.birthYear");
  /* An array is not a field to map one column to. */
  g_assert_null (mapped (good, 5));

  g_assert_null (mapped (bad, 0));   /* a fraction into an integer */
  g_assert_null (mapped (bad, 1));   /* text into a number */
  g_assert_null (mapped (bad, 2));   /* a number into a boolean */
  g_assert_cmpstr (mapped (bad, 3), ==, "person.birthDate");  /* anything goes into text */
  g_assert_null (mapped (bad, 4));

  g_assert_true (trib_automap_type_compatible (TRIB_COLUMN_INTEGER, "long", NULL));
  g_assert_true (trib_automap_type_compatible (TRIB_COLUMN_DATE, "date-time", NULL));
  g_assert_false (trib_automap_type_compatible (TRIB_COLUMN_DATE_TIME, "date", NULL));
  g_assert_false (trib_automap_type_compatible (TRIB_COLUMN_STRING, "object", NULL));
  g_assert_false (trib_automap_type_compatible (TRIB_COLUMN_STRING, "map", NULL));
}

static void
test_collisions (void)
{
  const char * const names[] = { "id", "ID", "Id", "_id", "orderId", "order_id" };
  const TribColumnType types[] = { TRIB_COLUMN_STRING, TRIB_COLUMN_STRING, TRIB_COLUMN_STRING,
                                   TRIB_COLUMN_STRING, TRIB_COLUMN_STRING, TRIB_COLUMN_STRING };
  const char * const taken[] = { "id", NULL };
  g_autoptr(GListModel) roots = small_tree ();
  g_autoptr(GArray) matches = trib_automap (roots, G_N_ELEMENTS (names), names, types, taken);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < matches->len; i++)
    {
      const char *path = trib_xdm_field_get_path (g_array_index (matches, TribAutomapMatch, i).field);

      g_assert_false (g_hash_table_contains (seen, path));
      g_assert_cmpstr (path, !=, "id");   /* taken already */
      g_hash_table_add (seen, (gpointer) path);
    }

  /* "id", "_id", "person.id" are the three fields named id; the first
   * is taken, so the first two columns get the other two, the rest none.
   */
  g_assert_cmpstr (mapped (matches, 0), ==, "_id");
  g_assert_cmpstr (mapped (matches, 1), ==, "person.id");
  g_assert_null (mapped (matches, 2));
  g_assert_null (mapped (matches, 3));
  g_assert_cmpstr (mapped (matches, 4), ==, "orderId");
  g_assert_null (mapped (matches, 5));
}

static GListModel *
load_web_events (guint *n_fields)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_default_client (sim);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *roots;

  trib_schema_registry_load_fields_async (client, TRIB_XDM_KIND_SCHEMA, WEB_EVENTS_SCHEMA, NULL,
                                          trib_test_result_cb, &result);
  roots = trib_schema_registry_load_fields_finish (trib_test_wait_result (&result), n_fields, &error);
  g_assert_no_error (error);

  return roots;
}

static void
collect_leaves (GListModel *fields,
                GPtrArray  *leaves)
{
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);

      if (trib_xdm_field_get_children (field) != NULL)
        {
          if (trib_xdm_field_get_shape (field) == TRIB_XDM_SHAPE_OBJECT)
            collect_leaves (trib_xdm_field_get_children (field), leaves);
        }
      else if (trib_xdm_field_get_shape (field) == TRIB_XDM_SHAPE_SCALAR)
        g_ptr_array_add (leaves, field);
    }
}

/* Every seventh leaf's path in snake case, and 50 names of nothing. */
static void
test_large_schema (void)
{
  guint n_fields = 0;
  g_autoptr(GListModel) roots = load_web_events (&n_fields);
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (TribColumnType));
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_fields, >=, 5000);
  collect_leaves (roots, leaves);
  g_assert_cmpuint (leaves->len, >=, 3500);

  for (guint i = 0; names->len < 450; i += 7)
    {
      TribXdmField *leaf = g_ptr_array_index (leaves, i);
      g_auto(GStrv) parts = g_strsplit (trib_xdm_field_get_path (leaf), ".", -1);
      TribColumnType type = TRIB_COLUMN_STRING;

      g_ptr_array_add (names, g_strjoinv ("_", parts));
      g_array_append_val (types, type);
    }
  for (guint i = 0; i < 50; i++)
    {
      TribColumnType type = TRIB_COLUMN_STRING;

      g_ptr_array_add (names, g_strdup_printf ("legacy column %u", i));
      g_array_append_val (types, type);
    }
  g_assert_cmpuint (names->len, ==, 500);

  first = trib_automap (roots, names->len, (const char * const *) names->pdata, (TribColumnType *) types->data, NULL);
  second = trib_automap (roots, names->len, (const char * const *) names->pdata, (TribColumnType *) types->data, NULL);

  /* Text goes into text fields; numbers, booleans and dates need their
   * own type: most of the 450 map, by their whole path.
   */
  g_assert_cmpuint (first->len, >=, 200);
  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    {
      TribAutomapMatch *a = &g_array_index (first, TribAutomapMatch, i);
      TribAutomapMatch *b = &g_array_index (second, TribAutomapMatch, i);
      const char *path = trib_xdm_field_get_path (a->field);

      g_assert_cmpuint (a->column, ==, b->column);
      g_assert_true (a->field == b->field);
      g_assert_cmpuint (a->column, <, 450);
      g_assert_false (g_hash_table_contains (seen, path));
      g_hash_table_add (seen, (gpointer) path);
      g_assert_cmpstr (trib_xdm_field_get_type_name (a->field), ==, "string");
    }
  g_test_message ("%u of 500 columns mapped onto %u fields", first->len, n_fields);
}

static void
test_infer_values (void)
{
  const char * const integers[] = { "1", "-20", NULL, "", "300" };
  const char * const numbers[] = { "1", "2.5", "-3e2" };
  const char * const booleans[] = { "true", "FALSE" };
  const char * const dates[] = { "2026-12-03", "1996-07-04" };
  const char * const date_times[] = { "2026-12-03T10:00:00Z", "1996-07-04 08:30:00", "2026-12-03" };
  const char * const codes[] = { "00123", "00042" };
  const char * const mixed[] = { "12", "abc" };
  const char * const bad_dates[] = { "2026-13-03" };

  g_assert_cmpint (trib_column_type_infer (integers, G_N_ELEMENTS (integers)), ==, TRIB_COLUMN_INTEGER);
  g_assert_cmpint (trib_column_type_infer (numbers, G_N_ELEMENTS (numbers)), ==, TRIB_COLUMN_NUMBER);
  g_assert_cmpint (trib_column_type_infer (booleans, G_N_ELEMENTS (booleans)), ==, TRIB_COLUMN_BOOLEAN);
  g_assert_cmpint (trib_column_type_infer (dates, G_N_ELEMENTS (dates)), ==, TRIB_COLUMN_DATE);
  g_assert_cmpint (trib_column_type_infer (date_times, G_N_ELEMENTS (date_times)), ==, TRIB_COLUMN_DATE_TIME);
  g_assert_cmpint (trib_column_type_infer (codes, G_N_ELEMENTS (codes)), ==, TRIB_COLUMN_STRING);
  g_assert_cmpint (trib_column_type_infer (mixed, G_N_ELEMENTS (mixed)), ==, TRIB_COLUMN_STRING);
  g_assert_cmpint (trib_column_type_infer (bad_dates, G_N_ELEMENTS (bad_dates)), ==, TRIB_COLUMN_STRING);
  g_assert_cmpint (trib_column_type_infer (NULL, 0), ==, TRIB_COLUMN_STRING);

  g_assert_cmpstr (trib_column_type_to_json (TRIB_COLUMN_DATE_TIME), ==, "string");
  g_assert_cmpstr (trib_column_type_to_xdm (TRIB_COLUMN_DATE_TIME), ==, "date-time");
  g_assert_cmpint (trib_column_type_from_name ("timestamp"), ==, TRIB_COLUMN_DATE_TIME);
  g_assert_cmpint (trib_column_type_from_name ("double"), ==, TRIB_COLUMN_NUMBER);
}

/* Seed 004's Orders, as the Target step reads them for an ad hoc schema. */
static void
test_infer_odata_orders (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribPlatformClient) client = trib_test_platform_default_client (sim);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribExplorePreview) preview = NULL;
  g_autofree TribColumnType *types = NULL;
  const char * const *names;
  const char * const expected[][2] = {
    { "OrderID", "integer" }, { "CustomerID", "string" }, { "EmployeeID", "integer" },
    { "OrderDate", "date-time" }, { "Freight", "number" }, { "ShipCity", "string" },
  };

  trib_flow_explore_get_table_async (client, ODATA_CONNECTION, "Orders", TRUE, NULL, trib_test_result_cb, &result);
  preview = trib_flow_explore_preview_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_explore_preview_get_n_rows (preview), >, 0);

  types = trib_column_types_infer_preview (preview);
  names = trib_explore_preview_get_column_names (preview);
  for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
    {
      gboolean found = FALSE;

      for (guint c = 0; c < trib_explore_preview_get_n_columns (preview); c++)
        if (g_str_equal (names[c], expected[e][0]))
          {
            g_assert_cmpstr (trib_column_type_to_xdm (types[c]), ==, expected[e][1]);
            found = TRUE;
          }
      g_assert_true (found);
    }
}

/* The ad hoc class the wizard will create: its fields are the columns. */
static void
test_planned_tree (void)
{
  const char * const names[] = { "OrderID", "OrderDate", "Freight", "ShipCity" };
  const TribColumnType types[] = { TRIB_COLUMN_INTEGER, TRIB_COLUMN_DATE_TIME, TRIB_COLUMN_NUMBER,
                                   TRIB_COLUMN_STRING };
  guint n_fields = 0;
  g_autoptr(GListModel) roots = trib_column_types_planned_tree (G_N_ELEMENTS (names), names, types, &n_fields);
  g_autoptr(GArray) matches = NULL;
  g_autoptr(TribXdmField) date = NULL;

  g_assert_cmpuint (n_fields, ==, 4);
  date = g_list_model_get_item (roots, 1);
  g_assert_cmpstr (trib_xdm_field_get_path (date), ==, "OrderDate");
  g_assert_cmpstr (trib_xdm_field_get_type_name (date), ==, "string");
  g_assert_cmpstr (trib_xdm_field_get_format (date), ==, "date-time");

  matches = trib_automap (roots, G_N_ELEMENTS (names), names, types, NULL);
  g_assert_cmpuint (matches->len, ==, 4);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (mapped (matches, i), ==, names[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/automap/normalize", test_normalize);
  g_test_add_func ("/tributary/automap/names", test_names);
  g_test_add_func ("/tributary/automap/types", test_types);
  g_test_add_func ("/tributary/automap/collisions", test_collisions);
  g_test_add_func ("/tributary/automap/large-schema", test_large_schema);
  g_test_add_func ("/tributary/column-types/values", test_infer_values);
  g_test_add_func ("/tributary/column-types/odata-orders", test_infer_odata_orders);
  g_test_add_func ("/tributary/column-types/planned-tree", test_planned_tree);

  return g_test_run ();
}
