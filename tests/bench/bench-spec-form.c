/* bench-spec-form.c
 *
 * Drawing the forms of the largest connection spec Tributary knows:
 *
 *   BENCH spec-form build_ratio=… target=2.0
 *     the time from the spec's text to the forms of every auth type and
 *     of its sourceSpec (parse, then build), over json-glib merely
 *     parsing the same text (the anchor); both make a fresh parser per
 *     spec, as a reply does, and run in interleaved rounds in this
 *     process
 *
 * The specs are tests/data/spec-form/ and, where present, every spec of
 * the simulator's world (connection-specs.json).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "trib-spec-form.h"

#define ROUNDS 15
#define MIN_ROUND_USEC (50 * 1000)

static JsonNode *
parse (const char *text,
       gsize       length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, text, length, NULL))
    g_error ("A spec does not parse");

  return json_node_ref (json_parser_get_root (parser));
}

static void
consider (GString  *largest,
          JsonNode *spec)
{
  g_autofree char *text = json_to_string (spec, TRUE);

  if (strlen (text) > largest->len)
    g_string_assign (largest, text);
}

/* The specs of the simulator's world (`connectionSpecs`). */
static void
consider_world (GString *largest)
{
  const char *world = g_getenv ("TRIBUTARY_SIM_WORLD");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *specs = NULL;
  gsize length;

  if (world == NULL)
    return;
  path = g_build_filename (world, "connection-specs.json", NULL);
  if (!g_file_get_contents (path, &text, &length, NULL))
    return;

  root = parse (text, length);
  if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "connectionSpecs"))
    specs = json_object_get_array_member (json_node_get_object (root), "connectionSpecs");

  for (guint i = 0; specs != NULL && i < json_array_get_length (specs); i++)
    consider (largest, json_array_get_element (specs, i));
}

static char *
largest_spec (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "spec-form", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  GString *largest = g_string_new (NULL);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autofree char *text = NULL;
      g_autoptr(JsonNode) spec = NULL;
      gsize length;

      if (!g_str_has_suffix (name, ".json") || !g_file_get_contents (path, &text, &length, NULL))
        continue;
      spec = parse (text, length);
      consider (largest, spec);
    }

  consider_world (largest);

  return g_string_free (largest, FALSE);
}

/* Text to forms, as the connect page does with a spec it fetched. */
static guint
build_forms (const char *text,
             gsize       length)
{
  g_autoptr(JsonNode) spec = parse (text, length);
  JsonObject *object = json_node_get_object (spec);
  const char *id = json_object_get_string_member_with_default (object, "id", NULL);
  g_autoptr(GListModel) choices = trib_spec_form_new_auth_choices (id, json_object_get_member (object, "authSpec"));
  g_autoptr(TribSpecForm) source = NULL;
  JsonNode *source_spec = json_object_get_member (object, "sourceSpec");
  guint n_fields = 0;

  if (source_spec != NULL && JSON_NODE_HOLDS_OBJECT (source_spec))
    {
      source = trib_spec_form_new (id, NULL, json_object_get_member (json_node_get_object (source_spec), "spec"));
      n_fields += g_list_model_get_n_items (G_LIST_MODEL (source));
    }

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(TribSpecForm) form = g_list_model_get_item (choices, i);

      n_fields += g_list_model_get_n_items (G_LIST_MODEL (form));
    }

  return n_fields;
}

static guint
parse_only (const char *text,
            gsize       length)
{
  g_autoptr(JsonNode) spec = parse (text, length);

  return JSON_NODE_HOLDS_OBJECT (spec);
}

static double
time_runs (guint     (*run) (const char *, gsize),
           const char *text,
           gsize       length,
           guint       n_runs)
{
  gint64 started = g_get_monotonic_time ();
  guint sink = 0;

  for (guint i = 0; i < n_runs; i++)
    sink += run (text, length);
  g_assert_cmpuint (sink, >, 0);

  return (g_get_monotonic_time () - started) / (double) n_runs;
}

int
main (void)
{
  g_autofree char *text = largest_spec ();
  g_autoptr(JsonNode) spec = NULL;
  gsize length = strlen (text);
  double ratios[ROUNDS];
  double parsed[ROUNDS];
  double built[ROUNDS];
  guint n_runs = 64;

  g_assert_cmpuint (build_forms (text, length), >, 0);

  /* Enough runs per measure that a round outlasts the clock's grain. */
  while (time_runs (parse_only, text, length, n_runs) * n_runs < MIN_ROUND_USEC)
    n_runs *= 2;

  for (guint round = 0; round < ROUNDS; round++)
    {
      parsed[round] = time_runs (parse_only, text, length, n_runs);
      built[round] = time_runs (build_forms, text, length, n_runs);
      ratios[round] = built[round] / parsed[round];
    }

  g_print ("BENCH spec-form build_ratio=%.2f target=2.0 rounds=%u\n", bench_median (ratios, ROUNDS), ROUNDS);
  spec = parse (text, length);
  g_print ("# spec-form: %s, %" G_GSIZE_FORMAT " bytes, %u fields; parse %.1f us, parse and build %.1f us "
           "(medians of %u rounds of %u)\n",
           json_object_get_string_member_with_default (json_node_get_object (spec), "name", "?"), length,
           build_forms (text, length), bench_median (parsed, ROUNDS), bench_median (built, ROUNDS), ROUNDS, n_runs);

  return 0;
}
