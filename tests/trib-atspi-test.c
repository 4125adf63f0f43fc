/* trib-atspi-test.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "trib-atspi-test.h"

struct _TribAtspiApp
{
  GPid pid;
  int status;
  gboolean exited;
  char *dir;
  char *log_path;
  AtspiAccessible *root;
};

struct _TribAtspiEvents
{
  AtspiEventListener *listener;
  GStrv types;
  GPtrArray *seen;
};

static char *a11y_runtime_dir;
static char *a11y_address;

/* Started bus daemons and apps die with the test process, even when an
 * assertion aborts it; their own group is killed as one.
 */
static void
child_setup (gpointer data)
{
  int log_fd = GPOINTER_TO_INT (data);

  /* Their output goes to a log, not to the test's: it would break its
   * TAP, and what they start (the registry, the demo's PostgreSQL) could
   * hold the test's pipes open long after it ended.
   */
  if (log_fd < 0)
    log_fd = open ("/dev/null", O_WRONLY);
  dup2 (log_fd, STDOUT_FILENO);
  dup2 (log_fd, STDERR_FILENO);
  setpgid (0, 0);
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

void
trib_atspi_test_init (int    *argc,
                      char ***argv)
{
  g_test_init (argc, argv, NULL);
  /* GTK 4.8 has no AT-SPI cache object: libatspi warns of it, then asks
   * each node instead, as we want anyway.
   */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", name), G_VARIANT_TYPE ("(b)"),
                                       G_DBUS_CALL_FLAGS_NONE, 10000, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

static void
bus_launcher_exited_cb (GPid     pid,
                        int      status,
                        gpointer data)
{
  g_spawn_close_pid (pid);
}

static gboolean
a11y_bus_owned (gpointer data)
{
  return name_has_owner (data, "org.a11y.Bus");
}

/* The test's own accessibility bus, so that nothing of the developer's
 * desktop, nor another test run, reads or answers our tree. The socket
 * goes in a private runtime directory: the launcher would otherwise put
 * it at one fixed path per user, shared by every test run of the machine.
 */
static void
start_a11y_bus (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) envp = g_get_environ ();
  GPid pid;

  if (a11y_address != NULL)
    return;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  if (!name_has_owner (bus, "org.a11y.Bus"))
    {
      a11y_runtime_dir = g_dir_make_tmp ("trib-atspi-XXXXXX", &error);
      g_assert_no_error (error);
      envp = g_environ_setenv (envp, "XDG_RUNTIME_DIR", a11y_runtime_dir, TRUE);
      envp = g_environ_unsetenv (envp, "AT_SPI_BUS_ADDRESS");
      g_spawn_async (NULL,
                     (char *[]) { (char *) "/usr/libexec/at-spi-bus-launcher",
                                  (char *) "--launch-immediately", (char *) "--a11y=1", NULL },
                     envp, G_SPAWN_DO_NOT_REAP_CHILD, child_setup, GINT_TO_POINTER (-1), &pid, &error);
      g_assert_no_error (error);
      /* Reaped by GLib if it ends; it dies with us (child_setup). */
      g_child_watch_add (pid, bus_launcher_exited_cb, NULL);
      if (!trib_atspi_test_wait_for (a11y_bus_owned, bus, 60))
        g_error ("at-spi-bus-launcher did not take org.a11y.Bus in 60 s");
    }

  /* GTK exports its tree only while assistive technology is said to be
   * on; a screen reader sets this.
   */
  reply = g_dbus_connection_call_sync (bus, "org.a11y.Bus", "/org/a11y/bus",
                                       "org.freedesktop.DBus.Properties", "Set",
                                       g_variant_new ("(ssv)", "org.a11y.Status", "IsEnabled",
                                                      g_variant_new_boolean (TRUE)),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, 30000, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&reply, g_variant_unref);

  reply = g_dbus_connection_call_sync (bus, "org.a11y.Bus", "/org/a11y/bus",
                                       "org.a11y.Bus", "GetAddress", NULL, G_VARIANT_TYPE ("(s)"),
                                       G_DBUS_CALL_FLAGS_NONE, 30000, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(s)", &a11y_address);

  /* Read before the X root window's AT_SPI_BUS, which another launcher
   * on the same display may have left behind, by libatspi and by GTK.
   */
  g_setenv ("AT_SPI_BUS_ADDRESS", a11y_address, TRUE);
  g_assert_cmpint (atspi_init (), ==, 0);
  /* A loaded machine answers slowly: 30 s per call before an error. */
  atspi_set_timeout (30000, 60000);
}

/* Waiting */

void
trib_atspi_test_pump (void)
{
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

gboolean
trib_atspi_test_wait_for (TribAtspiPredicate predicate,
                          gpointer           data,
                          guint              timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  for (;;)
    {
      trib_atspi_test_pump ();
      if (predicate (data))
        return TRUE;
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_usleep (20000);
    }
}

/* The application */

static gboolean
poll_child (TribAtspiApp *app)
{
  int status;
  pid_t done;

  if (app->exited)
    return FALSE;

  done = waitpid (app->pid, &status, WNOHANG);
  if (done == app->pid)
    {
      app->exited = TRUE;
      app->status = status;
      return FALSE;
    }

  return TRUE;
}

gboolean
trib_atspi_test_app_running (TribAtspiApp *app,
                             int          *status)
{
  gboolean running = poll_child (app);

  if (status != NULL)
    *status = app->status;

  return running;
}

static void
print_log (TribAtspiApp *app)
{
  g_autofree char *log = NULL;
  gsize length = 0;

  if (app->log_path != NULL && g_file_get_contents (app->log_path, &log, &length, NULL) && length > 0)
    g_printerr ("The application's output:\n%s\n", length > 8000 ? log + length - 8000 : log);
}

void
trib_atspi_test_assert_alive (TribAtspiApp *app)
{
  if (!poll_child (app))
    {
      print_log (app);
      if (WIFSIGNALED (app->status))
        g_error ("The application died of signal %d (%s)", WTERMSIG (app->status),
                 g_strsignal (WTERMSIG (app->status)));
      g_error ("The application exited with status %d", WEXITSTATUS (app->status));
    }
}

static gboolean
find_app (gpointer data)
{
  TribAtspiApp *app = data;
  g_autoptr(AtspiAccessible) desktop = atspi_get_desktop (0);
  int n;

  if (!poll_child (app))
    return TRUE;

  n = atspi_accessible_get_child_count (desktop, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (child != NULL && atspi_accessible_get_process_id (child, NULL) == (guint) app->pid &&
          atspi_accessible_get_child_count (child, NULL) > 0)
        {
          app->root = g_steal_pointer (&child);
          return TRUE;
        }
    }

  return FALSE;
}

TribAtspiApp *
trib_atspi_test_start_app (const char * const *args,
                           const char * const *env)
{
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "tributary", NULL);
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GStrvBuilder) argv_builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  TribAtspiApp *app;
  int log_fd;
  static const char *xdg[][2] = {
    { "XDG_CONFIG_HOME", "config" },
    { "XDG_DATA_HOME", "data" },
    { "XDG_CACHE_HOME", "cache" },
    { "XDG_STATE_HOME", "state" },
  };

  start_a11y_bus ();

  app = g_new0 (TribAtspiApp, 1);
  app->dir = g_dir_make_tmp ("trib-atspi-app-XXXXXX", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    {
      g_autofree char *path = g_build_filename (app->dir, xdg[i][1], NULL);

      g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
      envp = g_environ_setenv (envp, xdg[i][0], path, TRUE);
    }

  /* The UI suite's environment turns GTK's AT-SPI backend off for the
   * in-process tests; the child must have it.
   */
  envp = g_environ_unsetenv (envp, "GTK_A11Y");
  envp = g_environ_unsetenv (envp, "NO_AT_BRIDGE");
  envp = g_environ_setenv (envp, "GSETTINGS_BACKEND", "memory", TRUE);
  envp = g_environ_setenv (envp, "GDK_BACKEND", "x11", TRUE);
  envp = g_environ_setenv (envp, "AT_SPI_BUS_ADDRESS", a11y_address, TRUE);

  for (guint i = 0; env != NULL && env[i] != NULL; i++)
    {
      const char *eq = strchr (env[i], '=');
      g_autofree char *name = NULL;

      g_assert_nonnull (eq);
      name = g_strndup (env[i], eq - env[i]);
      envp = g_environ_setenv (envp, name, eq + 1, TRUE);
    }

  g_strv_builder_add (argv_builder, binary);
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    g_strv_builder_add (argv_builder, args[i]);
  argv = g_strv_builder_end (argv_builder);

  app->log_path = g_build_filename (app->dir, "app.log", NULL);
  log_fd = open (app->log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (log_fd, >=, 0);
  g_spawn_async (NULL, argv, envp, G_SPAWN_DO_NOT_REAP_CHILD, child_setup, GINT_TO_POINTER (log_fd),
                 &app->pid, &error);
  close (log_fd);
  g_assert_no_error (error);

  if (!trib_atspi_test_wait_for (find_app, app, 120) || app->root == NULL)
    {
      trib_atspi_test_assert_alive (app);
      g_error ("The application (pid %d) did not appear on the accessibility bus in 120 s", app->pid);
    }

  /* Answers are read fresh: GTK 4.8 does not always say when a name or
   * a set of children changed, and a stale cache would hide bugs.
   */
  atspi_accessible_set_cache_mask (app->root, ATSPI_CACHE_NONE);

  return app;
}

AtspiAccessible *
trib_atspi_test_app_root (TribAtspiApp *app)
{
  return app->root;
}

GPid
trib_atspi_test_app_pid (TribAtspiApp *app)
{
  return app->pid;
}

static gboolean
group_gone (gpointer data)
{
  TribAtspiApp *app = data;

  poll_child (app);
  return app->exited && kill (-app->pid, 0) != 0 && errno == ESRCH;
}

void
trib_atspi_test_stop (TribAtspiApp *app)
{
  if (app == NULL)
    return;

  g_clear_object (&app->root);

  /* The app first, so that it closes the demo platform's stdin and the
   * platform stops its PostgreSQL cleanly; then whatever is left.
   */
  if (poll_child (app))
    kill (app->pid, SIGTERM);
  if (!trib_atspi_test_wait_for (group_gone, app, 30))
    {
      kill (-app->pid, SIGTERM);
      if (!trib_atspi_test_wait_for (group_gone, app, 30))
        {
          kill (-app->pid, SIGKILL);
          trib_atspi_test_wait_for (group_gone, app, 30);
        }
    }
  g_spawn_close_pid (app->pid);
  if (g_test_failed () || g_test_verbose ())
    print_log (app);

  if (app->dir != NULL)
    g_spawn_sync (NULL, (char *[]) { (char *) "rm", (char *) "-rf", app->dir, NULL }, NULL,
                  G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (app->dir);
  g_free (app->log_path);
  g_free (app);
}

/* Events */

static void
event_free (TribAtspiEvent *event)
{
  g_free (event->type);
  g_clear_object (&event->source);
  g_free (event);
}

static void
event_cb (AtspiEvent *atspi_event,
          gpointer    user_data)
{
  TribAtspiEvents *events = user_data;
  TribAtspiEvent *event = g_new0 (TribAtspiEvent, 1);

  event->type = g_strdup (atspi_event->type);
  event->source = atspi_event->source != NULL ? g_object_ref (atspi_event->source) : NULL;
  event->detail1 = atspi_event->detail1;
  event->detail2 = atspi_event->detail2;
  g_ptr_array_add (events->seen, event);
  g_boxed_free (ATSPI_TYPE_EVENT, atspi_event);
}

TribAtspiEvents *
trib_atspi_test_events_new (const char * const *types)
{
  TribAtspiEvents *events = g_new0 (TribAtspiEvents, 1);

  start_a11y_bus ();

  events->seen = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);
  events->types = g_strdupv ((char **) types);
  events->listener = atspi_event_listener_new (event_cb, events, NULL);
  for (guint i = 0; types[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      atspi_event_listener_register (events->listener, types[i], &error);
      g_assert_no_error (error);
    }

  return events;
}

GPtrArray *
trib_atspi_test_events_get (TribAtspiEvents *events)
{
  return events->seen;
}

void
trib_atspi_test_events_clear (TribAtspiEvents *events)
{
  g_ptr_array_set_size (events->seen, 0);
}

typedef struct
{
  TribAtspiEvents *events;
  const char *prefix;
  AtspiAccessible *source;
  TribAtspiEvent *found;
} EventWait;

static gboolean
event_seen (gpointer data)
{
  EventWait *wait = data;

  for (guint i = 0; i < wait->events->seen->len; i++)
    {
      TribAtspiEvent *event = g_ptr_array_index (wait->events->seen, i);

      if (g_str_has_prefix (event->type, wait->prefix) &&
          (wait->source == NULL || trib_atspi_test_same (event->source, wait->source)))
        {
          wait->found = event;
          return TRUE;
        }
    }

  return FALSE;
}

TribAtspiEvent *
trib_atspi_test_events_wait (TribAtspiEvents *events,
                             const char      *type_prefix,
                             AtspiAccessible *source,
                             guint            timeout_s)
{
  EventWait wait = { events, type_prefix, source, NULL };

  trib_atspi_test_wait_for (event_seen, &wait, timeout_s);

  return wait.found;
}

void
trib_atspi_test_events_free (TribAtspiEvents *events)
{
  if (events == NULL)
    return;

  for (guint i = 0; events->types[i] != NULL; i++)
    atspi_event_listener_deregister (events->listener, events->types[i], NULL);
  g_clear_object (&events->listener);
  g_strfreev (events->types);
  g_ptr_array_unref (events->seen);
  g_free (events);
}
