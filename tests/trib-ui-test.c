/* trib-ui-test.c
 *
 * What the in-process UI tests share: starting GTK as main.c does, in a
 * throwaway home, waiting on the main loop, and opening the demo.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "trib-renderer.h"
#include "trib-request-log.h"
#include "trib-request-record.h"
#include "trib-ui-test.h"

/* How long the main loop stays idle before the window counts as settled:
 * longer than the app's debounces (a search waits 150 ms for the typing
 * to pause) and than an X event takes to come back after xdotool.
 */
#define SETTLE_QUIET_MS 200

void
trib_ui_test_iterate_until (gboolean (*predicate) (gpointer),
               gpointer   data,
               guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
trib_ui_test_session_ready (gpointer data)
{
  TribWindow *window = data;
  TribSession *session = trib_window_get_session (window);

  return session != NULL && !trib_session_get_loading (session) &&
         g_list_model_get_n_items (trib_session_get_sandboxes (session)) > 0;
}

/* A call of the application's still on its way, whose answer the test
 * means to see settled.
 */
static gboolean
calls_in_flight (void)
{
  GApplication *app = g_application_get_default ();
  TribRequestLog *log;
  guint n_records;

  if (!TRIB_IS_APPLICATION (app))
    return FALSE;

  log = trib_application_get_request_log (TRIB_APPLICATION (app));
  n_records = g_list_model_get_n_items (G_LIST_MODEL (log));
  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (G_LIST_MODEL (log), i);

      if (!trib_request_record_get_done (record))
        return TRUE;
    }

  return FALSE;
}

/* The newest URL @app's log holds with both @part and @also in it,
 * unescaped; %NULL if none does.
 */
char *
trib_ui_test_dup_logged_url (TribApplication *app,
                             const char      *part,
                             const char      *also)
{
  GListModel *log = G_LIST_MODEL (trib_application_get_request_log (app));

  /* Newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(TribRequestRecord) record = g_list_model_get_item (log, i);
      g_autofree char *url = g_uri_unescape_string (trib_request_record_get_url (record), NULL);

      if (url != NULL && strstr (url, part) != NULL && strstr (url, also) != NULL)
        return g_steal_pointer (&url);
    }

  return NULL;
}

void
trib_ui_test_settle (void)
{
  /* Until the main loop has dispatched nothing for SETTLE_QUIET_MS (so
   * no frame, timer or answer is pending) and no call is on its way, or
   * for half a second at most: enough for a transition, and bounded,
   * since an animation (a spinner) always has another frame pending.
   * Most waits end well before the half second, which every wait used
   * to take.
   */
  gint64 start = g_get_monotonic_time ();
  gint64 until = start + G_USEC_PER_SEC / 2;
  gint64 quiet_since = start;

  while (g_get_monotonic_time () < until)
    {
      gint64 now;

      if (g_main_context_iteration (NULL, FALSE))
        {
          quiet_since = g_get_monotonic_time ();
          continue;
        }

      now = g_get_monotonic_time ();
      if (now - quiet_since >= SETTLE_QUIET_MS * 1000 && !calls_in_flight ())
        return;
      g_usleep (2000);
    }
}

/* Xvfb has no window manager to move focus between toplevels, and GTK
 * warns when a text field never hears that it lost focus; that says
 * nothing about Tributary. Every other message goes to GLib's writer,
 * where warnings stay fatal.
 */
static char *ignored_message;

static GLogWriterOutput
drop_focus_warnings (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        (strstr (fields[i].value, "did not receive a focus-out event") != NULL ||
         (ignored_message != NULL && strstr (fields[i].value, ignored_message) != NULL)))
      return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * trib_ui_test_ignore_message:
 * @fragment: (nullable): part of a message of GTK's own that a test
 *   expects, or %NULL to let every message through again
 */
void
trib_ui_test_ignore_message (const char *fragment)
{
  g_free (ignored_message);
  ignored_message = g_strdup (fragment);
}

static void
new_session (gpointer user_data)
{
  setsid ();
}

/* A process of its own removes @home once this one has ended, however
 * it ends: an assertion aborts it, a timeout kills it. It waits for the
 * end of its standard input, a pipe only this process writes to, which
 * closes when this process does; in a session of its own, it outlives
 * the test's process group being killed.
 */
static void
remove_when_done (const char *home)
{
  /* Kept, with its pipe, for as long as this process lives. */
  static GSubprocess *cleaner;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GError) error = NULL;

  g_assert_null (cleaner);
  g_subprocess_launcher_set_child_setup (launcher, new_session, NULL, NULL);
  cleaner = g_subprocess_launcher_spawn (launcher, &error, "sh", "-c", "cat >/dev/null; rm -rf -- \"$1\"",
                                         "trib-ui-cleanup", home, NULL);
  g_assert_no_error (error);
}

void
trib_ui_test_init (int    *argc,
                   char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("trib-ui-XXXXXX", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  const char *localedir = g_getenv ("TRIBUTARY_LOCALEDIR");

  g_assert_nonnull (home);
  remove_when_done (home);

  /* Profiles and the query history a test saves go to a throwaway
   * directory, not the user's.
   */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_log_set_writer_func (drop_focus_warnings, NULL, NULL);
  /* As main.c does, before GTK starts, and after. */
  trib_renderer_prepare ();
  gtk_test_init (argc, argv, NULL);
  trib_renderer_restore_environment ();
  adw_init ();
  /* GTK 4 fades a blinking cursor in and out with a frame each tick, for
   * ten seconds after every key: a window that does not settle, and
   * screenshots that catch the cursor half drawn.
   */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  /* As main.c does, so that a test run with LANGUAGE=fr shows the
   * translations of the build tree: gtk_test_init() chose a locale of
   * its own, which may not exist here.
   */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * trib_ui_test_open_demo:
 * @app: an application not registered yet
 * @timeout_seconds: how long the demo platform may take to be ready
 *
 * Registers @app (not unique: tests run side by side with an installed
 * Tributary), opens the demo platform and waits until its session is
 * ready.
 *
 * Returns: (transfer none): the window, presented
 */
TribWindow *
trib_ui_test_open_demo (TribApplication *app,
                        guint            timeout_seconds)
{
  g_autoptr(GError) error = NULL;
  TribWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  trib_application_open_demo (app, NULL);
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_iterate_until (trib_ui_test_session_ready, window, timeout_seconds);

  return window;
}

/**
 * trib_ui_test_add_fault:
 * @window: a window signed in to the demo platform
 * @fault: a fault of tributary-sim's, as JSON (tests/simulator/sim-faults.c)
 *
 * Adds @fault to those of the demo platform @window works with, through
 * the simulator's own endpoint, as a test of the simulator would.
 */
void
trib_ui_test_add_fault (TribWindow *window,
                        const char *fault)
{
  TribSession *session = trib_window_get_session (window);
  TribProfile *profile = trib_platform_client_get_profile (trib_session_get_client (session));
  g_autofree char *url = g_strconcat (trib_profile_get_platform_url (profile), "/__sim/faults", NULL);
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autoptr(SoupMessage) message = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (fault, strlen (fault));
  g_autoptr(GBytes) answer = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (message, "application/json", body);
  answer = soup_session_send_and_read (soup, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 201);
}
