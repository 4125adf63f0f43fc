/* test-ui-completion.c
 *
 * The query editor's completion in the real window on the demo platform
 * (tributary-sim over HTTP), typed on the X server's keyboard: the
 * fields of a nested XDM object through a table's alias, a table name,
 * a function with its arguments, Ctrl+Space; read from the popup. The
 * sandbox's tables are read for it once the query page shows, not as
 * soon as the window opens.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-query-editor.h"
#include "trib-ui-query-test.h"

/* xdotool's name for each key typed. */
static void
type_text (GtkWidget  *window,
           const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      g_autofree char *key = NULL;

      switch (*p)
        {
        case '.':
          key = g_strdup ("period");
          break;
        case ' ':
          key = g_strdup ("space");
          break;
        case '_':
          key = g_strdup ("underscore");
          break;
        case '*':
          key = g_strdup ("asterisk");
          break;
        default:
          key = g_strndup (p, 1);
          break;
        }
      trib_ui_test_press_keys (window, key);
    }
}

/* GtkSourceView's popup: a popover of the view, while it is shown. */
static GtkWidget *
find_popup (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_POPOVER (child) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_popup (child)) != NULL)
        return found;
    }

  return NULL;
}

static void
collect_labels (GtkWidget *widget,
                GString   *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* The popup's lines, one per label shown; empty without a popup. */
static char *
dup_popup_text (GtkWidget *view)
{
  GtkWidget *popup = find_popup (view);
  GString *texts = g_string_new ("\n");

  if (popup != NULL)
    collect_labels (popup, texts);

  return g_string_free (texts, FALSE);
}

typedef struct
{
  GtkWidget *view;
  const char * const *lines;
} Wanted;

static gboolean
popup_shows (gpointer data)
{
  Wanted *wanted = data;
  g_autofree char *text = dup_popup_text (wanted->view);

  for (guint i = 0; wanted->lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strdup_printf ("\n%s\n", wanted->lines[i]);

      if (strstr (text, line) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
wait_for_popup (GtkWidget          *view,
                const char * const *lines)
{
  Wanted wanted = { view, lines };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!popup_shows (&wanted))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *text = dup_popup_text (view);
          g_autofree char *joined = g_strjoinv (", ", (char **) lines);

          g_test_message ("Wanted %s; the popup shows:%s", joined, text);
          g_assert_not_reached ();
        }
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
popup_hidden (gpointer data)
{
  return find_popup (data) == NULL;
}

static void
set_text_with_cursor (TribQueryEditor *editor,
                      const char      *text,
                      int              offset)
{
  GtkTextBuffer *buffer = trib_query_editor_get_buffer (editor);
  GtkTextIter iter;

  trib_query_editor_set_text (editor, text);
  gtk_text_buffer_get_iter_at_offset (buffer, &iter, offset);
  gtk_text_buffer_place_cursor (buffer, &iter);
}

static void
assert_text (TribQueryEditor *editor,
             const char      *expected)
{
  g_autofree char *text = trib_query_editor_dup_text (editor);

  g_assert_cmpstr (text, ==, expected);
}

static void
close_popup (GtkWidget *window,
             GtkWidget *view)
{
  if (find_popup (view) != NULL)
    trib_ui_test_press_keys (window, "Escape");
  trib_ui_test_iterate_until (popup_hidden, view, 10);
}

/* "SELECT * FROM luma_", typed, and the popup that proposes the table. */
static void
open_table_popup (GtkWidget       *window,
                  TribQueryEditor *editor,
                  GtkWidget       *view)
{
  set_text_with_cursor (editor, "SELECT * FROM ", 14);
  type_text (window, "luma_");
  wait_for_popup (view, (const char *[]) { "luma_web_events", NULL });
}

/* Whether the window has asked for the sandbox's tables, for completion. */
static gboolean
tables_requested (gpointer data)
{
  g_autofree char *url = trib_ui_test_dup_logged_url (data, "/catalog/dataSets?",
                                                      "properties=name,schemaRef,tags");

  return url != NULL;
}

static void
test_completion (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  g_autofree char *text = NULL;
  TribQueryEditor *editor;
  TribQueryPage *page;
  TribWindow *window;
  GtkWidget *view;

  window = trib_ui_test_open_demo (app, 120);
  trib_ui_test_resize (GTK_WIDGET (window), 1280, 800);

  g_test_message ("The tables are read once an editor shows");
  trib_ui_test_settle ();
  g_assert_false (tables_requested (app));
  page = trib_ui_query_show_page (GTK_WIDGET (window));
  trib_ui_test_iterate_until (tables_requested, app, 30);

  editor = trib_query_page_get_current_editor (page);
  view = trib_ui_query_get_view (editor);

  g_test_message ("A nested XDM object's fields, through the table's alias");
  set_text_with_cursor (editor, "\nFROM luma_web_events e", 0);
  gtk_widget_grab_focus (view);
  type_text (GTK_WIDGET (window), "SELECT e.web.webPageDetails.");
  wait_for_popup (view, (const char *[]) { "name", "URL", "string (uri-reference)", "siteSection", "string", NULL });
  text = dup_popup_text (view);
  /* Only that object's: not its siblings', nor the words. */
  g_assert_null (strstr (text, "\nwebReferrer\n"));
  g_assert_null (strstr (text, "\nSELECT\n"));
  g_clear_pointer (&text, g_free);

  /* Typing on filters; Down picks a proposal and Return takes it. */
  type_text (GTK_WIDGET (window), "na");
  wait_for_popup (view, (const char *[]) { "name", NULL });
  text = dup_popup_text (view);
  g_assert_null (strstr (text, "\nURL\n"));
  g_clear_pointer (&text, g_free);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (popup_hidden, view, 10);
  assert_text (editor, "SELECT e.web.webPageDetails.name\nFROM luma_web_events e");

  /* Return with nothing picked starts a new line, the word left as typed. */
  open_table_popup (GTK_WIDGET (window), editor, view);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (popup_hidden, view, 10);
  assert_text (editor, "SELECT * FROM luma_\n");

  /* Past the popup's five rows, a field found by typing, with its type. */
  set_text_with_cursor (editor, "\nFROM luma_web_events e", 0);
  type_text (GTK_WIDGET (window), "SELECT e.web.webPageDetails.is");
  wait_for_popup (view, (const char *[]) { "isHomePage", "boolean", NULL });
  trib_ui_test_press_keys (GTK_WIDGET (window), "Escape");
  trib_ui_test_iterate_until (popup_hidden, view, 10);

  g_test_message ("A table name");
  set_text_with_cursor (editor, "SELECT * FROM ", 14);
  type_text (GTK_WIDGET (window), "luma_");
  wait_for_popup (view, (const char *[]) { "luma_web_events", "luma_orders", "luma_crm_profiles", NULL });
  type_text (GTK_WIDGET (window), "w");
  wait_for_popup (view, (const char *[]) { "luma_web_events", NULL });
  text = dup_popup_text (view);
  g_assert_null (strstr (text, "\nluma_orders\n"));
  g_clear_pointer (&text, g_free);
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Return");
  trib_ui_test_iterate_until (popup_hidden, view, 10);
  assert_text (editor, "SELECT * FROM luma_web_events");

  g_test_message ("A function, with its arguments");
  set_text_with_cursor (editor, "SELECT ", 7);
  type_text (GTK_WIDGET (window), "SESS_T");
  wait_for_popup (view, (const char *[]) { "SESS_TIMEOUT", "(timestamp, expirationIntervalInSeconds)", NULL });
  trib_ui_test_press_keys (GTK_WIDGET (window), "Down");
  trib_ui_test_press_keys (GTK_WIDGET (window), "Tab");
  trib_ui_test_iterate_until (popup_hidden, view, 10);
  assert_text (editor, "SELECT SESS_TIMEOUT()");
  type_text (GTK_WIDGET (window), "t");
  close_popup (GTK_WIDGET (window), view);
  assert_text (editor, "SELECT SESS_TIMEOUT(t)");

  g_test_message ("Ctrl+Space, with nothing typed");
  set_text_with_cursor (editor, "SELECT e.web. FROM luma_web_events e", 13);
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+space");
  wait_for_popup (view, (const char *[]) { "webPageDetails", "webReferrer", "object", NULL });
  close_popup (GTK_WIDGET (window), view);

  /* In a statement's expression: its table's columns and the words. */
  set_text_with_cursor (editor, "SELECT ex FROM luma_web_events", 9);
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+space");
  wait_for_popup (view, (const char *[]) { "explode", "explode_outer", NULL });
  close_popup (GTK_WIDGET (window), view);
  set_text_with_cursor (editor, "SELECT we FROM luma_web_events", 9);
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+space");
  wait_for_popup (view, (const char *[]) { "web", NULL });
  close_popup (GTK_WIDGET (window), view);

  /* Ctrl+Return runs the statement and closes the popup. */
  open_table_popup (GTK_WIDGET (window), editor, view);
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+Return");
  trib_ui_test_iterate_until (popup_hidden, view, 10);
  assert_text (editor, "SELECT * FROM luma_");

  /* Not inside a string. */
  set_text_with_cursor (editor, "SELECT 'e.", 10);
  trib_ui_test_press_keys (GTK_WIDGET (window), "ctrl+space");
  trib_ui_test_settle ();
  g_assert_null (find_popup (view));

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/completion", test_completion);

  return g_test_run ();
}
