/* test-sql-names.c
 *
 * TribSqlNames against tributary-sim over HTTP, with 5,000 generated
 * datasets: every table read in the background, kept sorted by table
 * name, found by prefix; a schema's fields read once however many ask.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-sql-names.h"
#include "trib-test-platform.h"

#define N_GENERATED 5000
#define N_DATASETS (3 + N_GENERATED)
#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"

static TribTestSim *sim;
static TribPlatformClient *client;

static gboolean
wait_complete (TribSqlNames *names)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (!trib_sql_names_get_tables_complete (names))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  return TRUE;
}

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_tables (void)
{
  g_autoptr(TribSqlNames) names = trib_sql_names_new (client);
  g_autoptr(GPtrArray) luma = NULL;
  g_autoptr(GPtrArray) web = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) all = NULL;
  guint changes = 0;
  TribDataset *dataset;

  g_signal_connect_swapped (names, "tables-changed", G_CALLBACK (count_cb), &changes);
  g_assert_false (trib_sql_names_get_tables_complete (names));
  trib_sql_names_load_tables (names);
  trib_sql_names_load_tables (names);
  wait_complete (names);

  g_assert_cmpuint (trib_sql_names_get_n_tables (names), ==, N_DATASETS);
  g_assert_cmpuint (changes, >, 1);
  /* Each page once, and a few asked for ahead past the end. */
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", "/data/foundation/catalog/dataSets"), >=,
                    (N_DATASETS + 99) / 100);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", "/data/foundation/catalog/dataSets"), <=,
                    (N_DATASETS + 99) / 100 + 4);

  luma = trib_sql_names_find_tables (names, "LUMA_", 10);
  g_assert_cmpuint (luma->len, ==, 3);
  g_assert_cmpstr (trib_dataset_get_table_name (g_ptr_array_index (luma, 0)), ==, "luma_crm_profiles");
  g_assert_cmpstr (trib_dataset_get_table_name (g_ptr_array_index (luma, 2)), ==, "luma_web_events");

  /* Sorted by table name, a limit honoured, a prefix matched whole. */
  web = trib_sql_names_find_tables (names, "web_events_", 50);
  g_assert_cmpuint (web->len, ==, 50);
  for (guint i = 0; i < web->len; i++)
    {
      const char *table = trib_dataset_get_table_name (g_ptr_array_index (web, i));

      g_assert_true (g_str_has_prefix (table, "web_events_"));
      if (i > 0)
        g_assert_cmpint (strcmp (trib_dataset_get_table_name (g_ptr_array_index (web, i - 1)), table), <, 0);
    }
  /* Every table once, in order, though pages came while others were
   * being merged in.
   */
  all = trib_sql_names_find_tables (names, "", N_DATASETS + 1);
  g_assert_cmpuint (all->len, ==, N_DATASETS);
  for (guint i = 1; i < all->len; i++)
    g_assert_cmpint (g_ascii_strcasecmp (trib_dataset_get_table_name (g_ptr_array_index (all, i - 1)),
                                         trib_dataset_get_table_name (g_ptr_array_index (all, i))), <, 0);

  none = trib_sql_names_find_tables (names, "no_such_", 10);
  g_assert_cmpuint (none->len, ==, 0);

  dataset = trib_sql_names_lookup_table (names, "LUMA_WEB_EVENTS");
  g_assert_nonnull (dataset);
  g_assert_cmpstr (trib_dataset_get_schema_id (dataset), ==, WEB_EVENTS_SCHEMA);
  g_assert_null (trib_sql_names_lookup_table (names, "luma_web"));
}

/* Names dropped (a sandbox switch) while pages come and a merge runs. */
static void
test_tables_dropped (void)
{
  TribSqlNames *names = trib_sql_names_new (client);
  guint changes = 0;
  gint64 until;

  g_signal_connect_swapped (names, "tables-changed", G_CALLBACK (count_cb), &changes);
  trib_sql_names_load_tables (names);
  while (changes == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (trib_sql_names_get_tables_complete (names));
  g_object_unref (names);

  /* Whatever was in flight finishes without the names. */
  until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;
  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (changes, ==, 1);
}

static void
fields_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GListModel **fields = user_data;
  g_autoptr(GError) error = NULL;

  *fields = trib_sql_names_load_fields_finish (TRIB_SQL_NAMES (object), result, &error);
  g_assert_no_error (error);
}

static void
test_fields (void)
{
  g_autoptr(TribSqlNames) names = trib_sql_names_new (client);
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GListModel) third = NULL;
  GListModel *details;
  gboolean has_name = FALSE;

  trib_test_sim_clear_requests (sim);
  g_assert_null (trib_sql_names_peek_fields (names, WEB_EVENTS_SCHEMA));

  /* Two asking at once: one read, one tree. */
  trib_sql_names_load_fields_async (names, WEB_EVENTS_SCHEMA, NULL, fields_cb, &first);
  trib_sql_names_load_fields_async (names, WEB_EVENTS_SCHEMA, NULL, fields_cb, &second);
  while (first == NULL || second == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (first == second);
  g_assert_true (trib_sql_names_peek_fields (names, WEB_EVENTS_SCHEMA) == first);

  /* After: the same tree, at once. */
  trib_sql_names_load_fields_async (names, WEB_EVENTS_SCHEMA, NULL, fields_cb, &third);
  while (third == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (third == first);

  details = trib_sql_names_children_at (first, "WEB.webPageDetails");
  g_assert_nonnull (details);
  for (guint i = 0; i < g_list_model_get_n_items (details); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (details, i);

      has_name |= g_str_equal (trib_xdm_field_get_name (field), "name");
    }
  g_assert_true (has_name);
  g_assert_true (trib_sql_names_children_at (first, "") == first);
  g_assert_null (trib_sql_names_children_at (first, "web.webPageDetails.name"));
  g_assert_null (trib_sql_names_children_at (first, "web.noSuchField"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start ((const char *[]) { "--datasets", G_STRINGIFY (N_GENERATED), NULL });
  client = trib_test_platform_default_client (sim);

  g_test_add_func ("/tributary/sql-names/tables", test_tables);
  g_test_add_func ("/tributary/sql-names/tables-dropped", test_tables_dropped);
  g_test_add_func ("/tributary/sql-names/fields", test_fields);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
