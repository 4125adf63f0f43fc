/* test-ui-atspi-announce.c
 *
 * A query's end is said where a screen reader can hear it: seen from
 * another process over AT-SPI, as Orca sees the app, the window's status
 * object is renamed after the result ("40 rows in 0.07 s") and the
 * change comes as an object:property-change:accessible-name event.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "trib-atspi-test.h"

typedef struct
{
  AtspiAccessible *root;
  AtspiAccessible *found;
} Wanted;

static gboolean
editor_focused (gpointer data)
{
  g_autoptr(AtspiAccessible) focused = trib_atspi_test_focused (data);
  g_autofree char *name = focused != NULL ? trib_atspi_test_get_name (focused) : NULL;

  return g_strcmp0 (name, "SQL editor") == 0;
}

/* The status object, once it says how the query ended. */
static gboolean
result_announced (gpointer data)
{
  Wanted *wanted = data;
  g_autoptr(GPtrArray) nodes = trib_atspi_test_walk (wanted->root, TRIB_ATSPI_WALK_ALL);

  for (guint i = 0; i < nodes->len; i++)
    {
      TribAtspiNode *node = g_ptr_array_index (nodes, i);

      if (node->role == ATSPI_ROLE_STATUS_BAR && g_str_has_prefix (node->name, "40 rows in "))
        {
          g_set_object (&wanted->found, node->accessible);
          return TRUE;
        }
    }

  return FALSE;
}

static void
test_query_end_announced (void)
{
  TribAtspiApp *app = trib_atspi_test_start_app (TRIB_ATSPI_DEMO,
                                                 (const char * const []) { "TRIBUTARY_SIM_POSTGRES=start", NULL });
  g_autoptr(TribAtspiEvents) events =
    trib_atspi_test_events_new ((const char * const []) { "object:property-change:accessible-name", NULL });
  AtspiAccessible *root = trib_atspi_test_app_root (app);
  g_autoptr(AtspiAccessible) sidebar = NULL;
  g_autofree char *name = NULL;
  Wanted wanted = { root, NULL };

  /* The demo's sidebar: once it is there, the session is open. */
  sidebar = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_INVALID, "Datasets", 120);

  trib_atspi_test_press_key (app, "alt+4");
  g_assert_true (trib_atspi_test_wait_for (editor_focused, root, 30));
  trib_atspi_test_type_text (app, "SELECT eventtype FROM luma_web_events LIMIT 40");
  trib_atspi_test_press_key (app, "ctrl+Return");

  g_assert_true (trib_atspi_test_wait_for (result_announced, &wanted, 120));
  name = trib_atspi_test_get_name (wanted.found);
  g_test_message ("Announced: %s", name);
  g_assert_true (g_str_has_suffix (name, " s"));
  g_assert_nonnull (trib_atspi_test_events_wait (events, "object:property-change:accessible-name", wanted.found, 30));

  g_clear_object (&wanted.found);
  trib_atspi_test_assert_alive (app);
  trib_atspi_test_stop (app);
}

int
main (int   argc,
      char *argv[])
{
  trib_atspi_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/atspi/query-end-announced", test_query_end_announced);

  return g_test_run ();
}
