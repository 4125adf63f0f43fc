/* test-ui-atspi-profile-dialog.c
 *
 * The credential form as a screen reader reads it: the client secret is
 * a password field whose text never reads back the secret, and it
 * cannot be revealed.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "trib-atspi-test.h"

#define SECRET "p8e-Secret-1234"

static gboolean
password_focused (gpointer data)
{
  g_autoptr(AtspiAccessible) focused = trib_atspi_test_focused (data);

  return focused != NULL && atspi_accessible_get_role (focused, NULL) == ATSPI_ROLE_PASSWORD_TEXT;
}

static gboolean
enter_focused (gpointer data)
{
  g_autoptr(AtspiAccessible) focused = trib_atspi_test_focused (data);
  g_autofree char *name = focused != NULL ? trib_atspi_test_get_name (focused) : NULL;

  return g_strcmp0 (name, "Enter Credentials") == 0;
}

typedef struct
{
  AtspiAccessible *field;
  int length;
} Typed;

static gboolean
all_typed (gpointer data)
{
  Typed *typed = data;
  g_autoptr(AtspiText) text = atspi_accessible_get_text_iface (typed->field);

  return text != NULL && atspi_text_get_character_count (text, NULL) == typed->length;
}

static void
assert_focus_event (TribAtspiEvents *events,
                    const char      *name)
{
  GPtrArray *seen = trib_atspi_test_events_get (events);

  trib_atspi_test_pump ();
  for (guint i = 0; i < seen->len; i++)
    {
      TribAtspiEvent *event = g_ptr_array_index (seen, i);
      g_autofree char *source = event->source != NULL ? trib_atspi_test_get_name (event->source) : NULL;

      if (event->detail1 == 1 && g_strcmp0 (source, name) == 0)
        return;
    }

  for (guint i = 0; i < seen->len; i++)
    {
      TribAtspiEvent *event = g_ptr_array_index (seen, i);
      g_autofree char *what = event->source != NULL ? trib_atspi_test_describe (event->source) : NULL;

      g_test_message ("Focus event %d from %s", event->detail1, what);
    }
  g_error ("No focus event from the field '%s' (%u focus events)", name, seen->len);
}

/* GTK 4.8 exports GTK_ACCESSIBLE_STATE_INVALID as the AT-SPI state
 * "invalid"; later GTK as "invalid entry".
 */
static gboolean
is_invalid (gpointer data)
{
  return trib_atspi_test_has_state (data, ATSPI_STATE_INVALID_ENTRY) ||
         trib_atspi_test_has_state (data, ATSPI_STATE_INVALID);
}

static void
assert_error_message (AtspiAccessible *field,
                      const char      *message)
{
  g_autoptr(GPtrArray) targets = trib_atspi_test_relation_targets (field, ATSPI_RELATION_ERROR_MESSAGE);
  g_autoptr(GPtrArray) described = trib_atspi_test_relation_targets (field, ATSPI_RELATION_DESCRIBED_BY);
  g_autofree char *text = NULL;

  g_ptr_array_extend_and_steal (targets, g_steal_pointer (&described));
  g_assert_cmpuint (targets->len, >, 0);
  text = trib_atspi_test_get_text (g_ptr_array_index (targets, 0));
  if (text == NULL)
    text = trib_atspi_test_get_name (g_ptr_array_index (targets, 0));
  g_assert_cmpstr (text, ==, message);
  g_assert_cmpint (atspi_accessible_get_role (g_ptr_array_index (targets, 0), NULL), ==, ATSPI_ROLE_ALERT);
}

static void
test_secret_field (void)
{
  g_autoptr(TribAtspiApp) app = trib_atspi_test_start_app (NULL, NULL);
  g_autoptr(TribAtspiEvents) events = NULL;
  g_autoptr(AtspiAccessible) message = NULL;
  AtspiAccessible *root = trib_atspi_test_app_root (app);
  g_autoptr(AtspiAccessible) connect = NULL;
  g_autoptr(AtspiAccessible) enter = NULL;
  g_autoptr(AtspiAccessible) field = NULL;
  g_autoptr(AtspiAccessible) reveal = NULL;
  g_autoptr(GPtrArray) nodes = NULL;
  g_autofree char *text = NULL;
  Typed typed;

  connect = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_PUSH_BUTTON, "Connect…", 60);
  trib_atspi_test_do_action (connect, NULL);
  enter = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_INVALID, "Enter Credentials", 60);
  /* Rows of a list have no action over AT-SPI on GTK 4.8: Tab, Enter. */
  for (guint i = 0; i < 12 && !enter_focused (root); i++)
    {
      trib_atspi_test_press_key (app, "Tab");
      trib_atspi_test_wait_for (enter_focused, root, 2);
    }
  g_assert_true (enter_focused (root));
  trib_atspi_test_press_key (app, "Return");
  field = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_PASSWORD_TEXT, NULL, 60);

  /* No text field of the form may be the secret one in disguise, and
   * the secret one is named once.
   */
  {
    g_autofree char *name = trib_atspi_test_get_name (field);

    g_assert_cmpstr (name, ==, "Client secret");
  }
  nodes = trib_atspi_test_walk (root, TRIB_ATSPI_WALK_ALL);
  for (guint i = 0; i < nodes->len; i++)
    {
      TribAtspiNode *node = g_ptr_array_index (nodes, i);

      if (node->role == ATSPI_ROLE_TEXT || node->role == ATSPI_ROLE_ENTRY)
        g_assert_cmpstr (node->name, !=, "Client secret");
    }

  /* Tab to it, as a person would, and type the secret. Each entry row
   * passed says it has the focus.
   */
  events = trib_atspi_test_events_new ((const char * const []) { "object:state-changed:focused", NULL });
  for (guint i = 0; i < 12 && !password_focused (root); i++)
    {
      trib_atspi_test_press_key (app, "Tab");
      trib_atspi_test_wait_for (password_focused, root, 2);
    }
  g_assert_true (password_focused (root));
  /* The one focused: a dialog closed earlier may still be in the tree. */
  g_clear_object (&field);
  field = trib_atspi_test_focused (root);
  assert_focus_event (events, "Client ID");
  assert_focus_event (events, "Client secret");

  /* Saved empty: the field is invalid and points at the message. */
  g_assert_false (is_invalid (field));
  trib_atspi_test_press_key (app, "Return");
  message = trib_atspi_test_wait_for_node (root, ATSPI_ROLE_INVALID, "Enter the client secret.", 60);
  if (!trib_atspi_test_wait_for (is_invalid, field, 30))
    {
      trib_atspi_test_assert_alive (app);
      g_error ("The empty secret field was not marked invalid");
    }
  assert_error_message (field, "Enter the client secret.");

  trib_atspi_test_type_text (app, SECRET);
  typed.field = field;
  typed.length = strlen (SECRET);
  if (!trib_atspi_test_wait_for (all_typed, &typed, 60))
    {
      text = trib_atspi_test_get_text (field);
      g_error ("The secret field reads '%s', not %d characters", text, typed.length);
    }

  text = trib_atspi_test_get_text (field);
  g_test_message ("The secret field reads '%s'", text);
  g_assert_nonnull (text);
  g_assert_null (strstr (text, "Secret"));
  g_assert_null (strstr (text, "p8e"));
  g_assert_null (strstr (text, "1234"));

  /* Nothing offers to show it. */
  reveal = trib_atspi_test_find (root, ATSPI_ROLE_INVALID, "Show Text", TRIB_ATSPI_WALK_ALL);
  g_assert_null (reveal);

  trib_atspi_test_assert_alive (app);
}

int
main (int   argc,
      char *argv[])
{
  trib_atspi_test_init (&argc, &argv);

  g_test_add_func ("/atspi-profile-dialog/secret-field", test_secret_field);

  return g_test_run ();
}
