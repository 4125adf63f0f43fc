/* bench-automap.c
 *
 * Auto-map on the demo's 5,000-field ExperienceEvent schema, read from
 * tributary-sim: 500 source columns (450 named after leaf fields, in
 * snake case and of their fields' types, and 50 that match nothing)
 * mapped onto the schema's field tree, as the Mapping page's Auto-map
 * button does once the tree is loaded.
 *
 *   BENCH automap ms=… automap_ratio=… target=1.0
 *     the median time of trib_automap(), and its ratio to the anchor:
 *     json-glib parsing the same schema's JSON text, in rounds
 *     interleaved with ours (thread CPU time, heap settled before each)
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <malloc.h>
#include <string.h>
#include <time.h>

#include "bench-util.h"
#include "trib-automap.h"
#include "trib-platform-client-private.h"
#include "trib-test-platform.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define ROUNDS 15
#define N_NAMED 450
#define N_OTHER 50

static double
thread_ms (void)
{
  struct timespec now;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &now);

  return now.tv_sec * 1000.0 + now.tv_nsec / 1e6;
}

static void
settle_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static char *
schema_document (TribPlatformClient *client)
{
  g_autofree char *escaped = g_uri_escape_string (WEB_EVENTS_SCHEMA, NULL, FALSE);
  g_autofree char *path = g_strconcat ("/data/foundation/schemaregistry/tenant/schemas/", escaped, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  trib_platform_client_call_async (client, "GET", path, NULL, "application/vnd.adobe.xed-full+json; version=1",
                                   TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);
  node = trib_platform_client_call_finish (client, trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return json_to_string (node, FALSE);
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

static double
anchor_ms (const char *document,
           gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  double start;

  settle_heap ();
  start = thread_ms ();
  g_assert_true (json_parser_load_from_data (parser, document, length, NULL));
  return thread_ms () - start;
}

static double
automap_ms (GListModel           *roots,
            GPtrArray            *names,
            const TribColumnType *types,
            guint                *n_mapped)
{
  g_autoptr(GArray) matches = NULL;
  double start, ms;

  settle_heap ();
  start = thread_ms ();
  matches = trib_automap (roots, names->len, (const char * const *) names->pdata, types, NULL);
  ms = thread_ms () - start;
  *n_mapped = matches->len;

  return ms;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autofree char *document = NULL;
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GPtrArray) leaves = g_ptr_array_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (TribColumnType));
  double ours[ROUNDS], theirs[ROUNDS];
  guint n_fields = 0, n_mapped = 0;
  gsize length;
  guint step;
  double ms, anchor;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_default_client (sim);
  document = schema_document (client);
  length = strlen (document);
  roots = trib_xdm_field_build_tree_from_text (document, length, NULL, &n_fields);
  g_assert_nonnull (roots);
  g_assert_cmpuint (n_fields, >=, 5000);

  collect_leaves (roots, leaves);
  g_assert_cmpuint (leaves->len, >=, N_NAMED);
  step = leaves->len / N_NAMED;
  for (guint i = 0; i < N_NAMED; i++)
    {
      TribXdmField *leaf = g_ptr_array_index (leaves, i * step);
      g_auto(GStrv) parts = g_strsplit (trib_xdm_field_get_path (leaf), ".", -1);
      TribColumnType type = trib_column_type_from_name (trib_xdm_field_get_type_name (leaf));

      g_ptr_array_add (names, g_strjoinv ("_", parts));
      g_array_append_val (types, type);
    }
  for (guint i = 0; i < N_OTHER; i++)
    {
      TribColumnType type = TRIB_COLUMN_STRING;

      g_ptr_array_add (names, g_strdup_printf ("legacy_column_%u", i));
      g_array_append_val (types, type);
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      theirs[round] = anchor_ms (document, length);
      ours[round] = automap_ms (roots, names, (const TribColumnType *) types->data, &n_mapped);
    }
  g_assert_cmpuint (n_mapped, >=, N_NAMED / 2);

  ms = bench_median (ours, ROUNDS);
  anchor = bench_median (theirs, ROUNDS);
  g_print ("BENCH automap ms=%.2f automap_ratio=%.2f target=1.0 rounds=%u\n", ms, ms / anchor, ROUNDS);
  g_print ("# automap: %u columns, %u mapped, onto %u fields; json-glib parse of the schema (%zu bytes) %.2f ms\n",
           names->len, n_mapped, n_fields, length, anchor);

  return 0;
}
