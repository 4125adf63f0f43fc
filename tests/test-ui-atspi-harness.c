/* test-ui-atspi-harness.c
 *
 * The AT-SPI harness itself: the app comes up on the private
 * accessibility bus, its tree can be walked, the focus followed and
 * moved by keys, and nothing is left running afterwards.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <signal.h>

#include "trib-atspi-test.h"

static gboolean
focus_moved (gpointer data)
{
  AtspiAccessible **before = data;
  g_autoptr(AtspiAccessible) focused = trib_atspi_test_focused (before[1]);

  return focused != NULL && !trib_atspi_test_same (focused, before[0]);
}

static gboolean
has_focus (gpointer data)
{
  g_autoptr(AtspiAccessible) focused = trib_atspi_test_focused (data);

  return focused != NULL;
}

static void
test_walk_and_keys (void)
{
  TribAtspiApp *app = trib_atspi_test_start_app (TRIB_ATSPI_DEMO, NULL);
  g_autoptr(TribAtspiEvents) events = trib_atspi_test_events_new ((const char * const []) { "object:state-changed:focused", NULL });
  AtspiAccessible *root = trib_atspi_test_app_root (app);
  g_autoptr(AtspiAccessible) frame = NULL;
  g_autoptr(AtspiAccessible) focused = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autofree char *what = NULL;
  guint buttons = 0;
  GPid pid = trib_atspi_test_app_pid (app);
  AtspiAccessible *before[2];

  frame = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_FRAME, NULL, 60);

  /* The demo's sidebar: once it is there, the session is open. */
  g_clear_object (&frame);
  frame = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_INVALID, "Datasets", 120);

  nodes = trib_atspi_test_walk (root, TRIB_ATSPI_WALK_SHOWING);
  for (guint i = 0; i < nodes->len; i++)
    {
      TribAtspiNode *node = g_ptr_array_index (nodes, i);

      if (node->role == ATSPI_ROLE_PUSH_BUTTON &&
          atspi_state_set_contains (node->states, ATSPI_STATE_FOCUSABLE))
        buttons++;
      if (g_test_verbose ())
        g_test_message ("%*s%s '%s'", node->depth * 2, "", node->role_name, node->name);
    }
  g_test_message ("%u nodes showing, %u push buttons", nodes->len, buttons);
  g_assert_cmpuint (nodes->len, >, 20);
  g_assert_cmpuint (buttons, >, 0);

  /* Focus moves by keys typed on the X keyboard, and says so. */
  trib_atspi_test_press_key (app, "Tab");
  g_assert_nonnull (trib_atspi_test_events_wait (events, "object:state-changed:focused", NULL, 30));
  g_assert_true (trib_atspi_test_wait_for (has_focus, root, 30));
  focused = trib_atspi_test_focused (root);
  what = trib_atspi_test_describe (focused);
  g_test_message ("Focused after Tab: %s", what);

  before[0] = focused;
  before[1] = root;
  trib_atspi_test_press_key (app, "Tab");
  g_assert_true (trib_atspi_test_wait_for (focus_moved, before, 30));

  trib_atspi_test_assert_alive (app);
  trib_atspi_test_stop (app);

  /* The app, the demo platform and its database are all gone. */
  g_assert_cmpint (kill (pid, 0), ==, -1);
  g_assert_cmpint (kill (-pid, 0), ==, -1);
  g_assert_cmpint (errno, ==, ESRCH);
}

int
main (int   argc,
      char *argv[])
{
  trib_atspi_test_init (&argc, &argv);

  g_test_add_func ("/atspi-harness/walk-and-keys", test_walk_and_keys);

  return g_test_run ();
}
