/* test-ui-atspi-editor.c
 *
 * A screen reader reading the formatting of highlighted SQL: on GTK 4.8
 * any text tag with a text colour made Atspi.Text.get_attribute_run
 * crash the app (see trib-query-editor.c).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "trib-atspi-test.h"

static gboolean
is_editor (TribAtspiNode *node)
{
  return node->role == ATSPI_ROLE_TEXT &&
         atspi_state_set_contains (node->states, ATSPI_STATE_MULTI_LINE) &&
         atspi_state_set_contains (node->states, ATSPI_STATE_EDITABLE) &&
         atspi_state_set_contains (node->states, ATSPI_STATE_FOCUSED);
}

static gboolean
editor_focused (gpointer data)
{
  AtspiAccessible **editor = data;
  g_autoptr(AtspiAccessible) focused = trib_atspi_test_focused (editor[1]);
  g_autoptr(GPtrArray) nodes = NULL;

  if (focused == NULL)
    return FALSE;

  nodes = trib_atspi_test_walk (focused, TRIB_ATSPI_WALK_ALL);
  if (nodes->len > 0 && is_editor (g_ptr_array_index (nodes, 0)))
    {
      editor[0] = g_object_ref (focused);
      return TRUE;
    }

  return FALSE;
}

static gboolean
text_typed (gpointer data)
{
  g_autofree char *text = trib_atspi_test_get_text (data);

  return text != NULL && strstr (text, "-- the end") != NULL;
}

static void
test_read_attributes (void)
{
  g_autoptr(TribAtspiApp) app = trib_atspi_test_start_app (TRIB_ATSPI_DEMO, NULL);
  AtspiAccessible *root = trib_atspi_test_app_root (app);
  g_autoptr(AtspiAccessible) sidebar = NULL;
  g_autoptr(AtspiText) text = NULL;
  AtspiAccessible *editor[2] = { NULL, root };
  guint runs = 0;
  guint bold_runs = 0;
  int count;

  sidebar = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_INVALID, "Datasets", 120);

  /* Alt+4: the query page, the focus in its editor. */
  trib_atspi_test_press_key (app, "alt+4");
  if (!trib_atspi_test_wait_for (editor_focused, editor, 60))
    g_error ("The SQL editor did not get the focus");

  trib_atspi_test_type_text (app, "SELECT 'name', 42, count(*) FROM demo_table WHERE x = 1.5 -- the end");
  g_assert_true (trib_atspi_test_wait_for (text_typed, editor[0], 60));

  /* Let the highlighting engine tag what was typed. */
  g_usleep (G_USEC_PER_SEC / 2);
  trib_atspi_test_pump ();

  /* As a screen reader reads formatting: run after run, then with the
   * defaults.
   */
  text = atspi_accessible_get_text_iface (editor[0]);
  count = atspi_text_get_character_count (text, NULL);
  g_assert_cmpint (count, >, 40);
  for (int offset = 0; offset < count; runs++)
    {
      g_autoptr(GHashTable) attributes = NULL;
      g_autoptr(GError) error = NULL;
      int start = 0, end = 0;

      attributes = atspi_text_get_attribute_run (text, offset, FALSE, &start, &end, &error);
      /* A dead app answers nothing, and libatspi may not say so. */
      trib_atspi_test_assert_alive (app);
      g_assert_no_error (error);
      g_assert_cmpint (end, >, offset);
      if (g_strcmp0 (g_hash_table_lookup (attributes, "weight"), "700") == 0)
        bold_runs++;
      offset = end;
    }
  {
    g_autoptr(GHashTable) attributes = NULL;
    g_autoptr(GError) error = NULL;
    int start = 0, end = 0;

    attributes = atspi_text_get_attribute_run (text, 0, TRUE, &start, &end, &error);
    trib_atspi_test_assert_alive (app);
    g_assert_no_error (error);
  }

  g_test_message ("%u attribute runs read over %d characters, %u bold", runs, count, bold_runs);
  /* Highlighting is still there: keywords in bold. */
  g_assert_cmpuint (runs, >, 3);
  g_assert_cmpuint (bold_runs, >, 0);
  trib_atspi_test_assert_alive (app);
  g_clear_object (&editor[0]);
}

int
main (int   argc,
      char *argv[])
{
  trib_atspi_test_init (&argc, &argv);

  g_test_add_func ("/atspi-editor/read-attributes", test_read_attributes);

  return g_test_run ();
}
