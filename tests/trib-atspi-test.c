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

/* Walking */

void
trib_atspi_node_free (TribAtspiNode *node)
{
  g_clear_object (&node->accessible);
  g_clear_object (&node->states);
  g_free (node->role_name);
  g_free (node->name);
  g_free (node->description);
  g_free (node);
}

/* GTK 4.8 says SHOWING of windows only, and VISIBLE of any widget not
 * hidden, including the children of a stack's pages not on screen. An
 * unmapped widget that was never shown has an empty allocation; one that
 * was shown keeps its last one, which cannot be told from a mapped one.
 */
static gboolean
on_screen (TribAtspiNode *node)
{
  g_autoptr(AtspiComponent) component = NULL;
  g_autofree AtspiRect *extents = NULL;

  if (!atspi_state_set_contains (node->states, ATSPI_STATE_VISIBLE))
    return FALSE;

  /* Stack pages are no widgets: they have no extents. */
  component = atspi_accessible_get_component_iface (node->accessible);
  if (component == NULL)
    return TRUE;

  extents = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  return extents == NULL || (extents->width > 0 && extents->height > 0);
}

static void
walk (AtspiAccessible    *accessible,
      guint               depth,
      TribAtspiWalkFlags  flags,
      GPtrArray          *nodes)
{
  TribAtspiNode *node = g_new0 (TribAtspiNode, 1);
  int n;

  node->accessible = g_object_ref (accessible);
  node->role = atspi_accessible_get_role (accessible, NULL);
  node->role_name = atspi_accessible_get_role_name (accessible, NULL);
  node->name = atspi_accessible_get_name (accessible, NULL);
  node->description = atspi_accessible_get_description (accessible, NULL);
  node->states = atspi_accessible_get_state_set (accessible);
  node->depth = depth;
  if (node->role_name == NULL)
    node->role_name = g_strdup ("");
  if (node->name == NULL)
    node->name = g_strdup ("");
  if (node->description == NULL)
    node->description = g_strdup ("");
  g_ptr_array_add (nodes, node);

  if ((flags & TRIB_ATSPI_WALK_SHOWING) != 0 && depth > 0 && !on_screen (node))
    return;

  /* A bound against a cycle in a broken tree. */
  if (depth > 200)
    return;

  n = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        walk (child, depth + 1, flags, nodes);
    }
}

GPtrArray *
trib_atspi_test_walk (AtspiAccessible    *root,
                      TribAtspiWalkFlags  flags)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) trib_atspi_node_free);

  g_return_val_if_fail (ATSPI_IS_ACCESSIBLE (root), nodes);

  atspi_accessible_clear_cache (root);
  walk (root, 0, flags, nodes);

  return nodes;
}

AtspiAccessible *
trib_atspi_test_find (AtspiAccessible    *root,
                      AtspiRole           role,
                      const char         *name,
                      TribAtspiWalkFlags  flags)
{
  g_autoptr(GPtrArray) nodes = trib_atspi_test_walk (root, flags);

  for (guint i = 0; i < nodes->len; i++)
    {
      TribAtspiNode *node = g_ptr_array_index (nodes, i);

      if ((role == ATSPI_ROLE_INVALID || node->role == role) &&
          (name == NULL || g_strcmp0 (node->name, name) == 0))
        return g_object_ref (node->accessible);
    }

  return NULL;
}

typedef struct
{
  AtspiAccessible *root;
  AtspiRole role;
  const char *name;
  AtspiAccessible *found;
} FindData;

static gboolean
node_found (gpointer data)
{
  FindData *find = data;

  find->found = trib_atspi_test_find (find->root, find->role, find->name, TRIB_ATSPI_WALK_ALL);
  return find->found != NULL;
}

AtspiAccessible *
trib_atspi_test_wait_for_node (AtspiAccessible *root,
                               AtspiRole        role,
                               const char      *name,
                               guint            timeout_s)
{
  FindData find = { root, role, name, NULL };

  if (!trib_atspi_test_wait_for (node_found, &find, timeout_s))
    g_error ("No %s named '%s' appeared in %u s",
             role == ATSPI_ROLE_INVALID ? "node" : atspi_role_get_name (role),
             name != NULL ? name : "(any)", timeout_s);

  return find.found;
}

AtspiAccessible *
trib_atspi_test_focused (AtspiAccessible *root)
{
  g_autoptr(GPtrArray) nodes = trib_atspi_test_walk (root, TRIB_ATSPI_WALK_SHOWING);
  AtspiAccessible *focused = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      TribAtspiNode *node = g_ptr_array_index (nodes, i);

      if (atspi_state_set_contains (node->states, ATSPI_STATE_FOCUSED))
        focused = node->accessible;
    }

  return focused != NULL ? g_object_ref (focused) : NULL;
}

/* Reading */

gboolean
trib_atspi_test_has_state (AtspiAccessible *accessible,
                           AtspiStateType   state)
{
  g_autoptr(AtspiStateSet) states = NULL;

  atspi_accessible_clear_cache (accessible);
  states = atspi_accessible_get_state_set (accessible);

  return atspi_state_set_contains (states, state);
}

char *
trib_atspi_test_get_name (AtspiAccessible *accessible)
{
  char *name;

  atspi_accessible_clear_cache (accessible);
  name = atspi_accessible_get_name (accessible, NULL);

  return name != NULL ? name : g_strdup ("");
}

char *
trib_atspi_test_get_text (AtspiAccessible *accessible)
{
  g_autoptr(AtspiText) text = atspi_accessible_get_text_iface (accessible);
  int count;

  if (text == NULL)
    return NULL;

  count = atspi_text_get_character_count (text, NULL);
  return atspi_text_get_text (text, 0, count, NULL);
}

GPtrArray *
trib_atspi_test_relation_targets (AtspiAccessible   *accessible,
                                  AtspiRelationType  type)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) relations = atspi_accessible_get_relation_set (accessible, NULL);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      AtspiRelation *relation = g_array_index (relations, AtspiRelation *, i);

      if (atspi_relation_get_relation_type (relation) == type)
        for (int j = 0; j < atspi_relation_get_n_targets (relation); j++)
          g_ptr_array_add (targets, atspi_relation_get_target (relation, j));
      g_object_unref (relation);
    }

  return targets;
}

char *
trib_atspi_test_describe (AtspiAccessible *accessible)
{
  g_autofree char *role = atspi_accessible_get_role_name (accessible, NULL);
  g_autofree char *name = atspi_accessible_get_name (accessible, NULL);

  return g_strdup_printf ("%s '%s'", role != NULL ? role : "?", name != NULL ? name : "");
}

gboolean
trib_atspi_test_same (AtspiAccessible *a,
                      AtspiAccessible *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (ATSPI_OBJECT (a)->path, ATSPI_OBJECT (b)->path) == 0 &&
         g_strcmp0 (ATSPI_OBJECT (a)->app->bus_name, ATSPI_OBJECT (b)->app->bus_name) == 0;
}

/* Acting */

void
trib_atspi_test_do_action (AtspiAccessible *accessible,
                           const char      *action)
{
  g_autoptr(AtspiAction) iface = atspi_accessible_get_action_iface (accessible);
  g_autofree char *what = trib_atspi_test_describe (accessible);
  g_autoptr(GError) error = NULL;
  int n;

  if (iface == NULL)
    g_error ("%s has no actions", what);

  n = atspi_action_get_n_actions (iface, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autofree char *name = atspi_action_get_action_name (iface, i, NULL);

      if (action == NULL || g_strcmp0 (name, action) == 0)
        {
          atspi_action_do_action (iface, i, &error);
          g_assert_no_error (error);
          return;
        }
    }

  g_error ("%s has no action '%s'", what, action != NULL ? action : "(any)");
}

gboolean
trib_atspi_test_grab_focus (AtspiAccessible *accessible)
{
  g_autoptr(AtspiComponent) component = atspi_accessible_get_component_iface (accessible);

  return component != NULL && atspi_component_grab_focus (component, NULL);
}

static char *
run_xdotool (const char * const *argv,
             gboolean            check)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  if (check && !g_spawn_check_wait_status (status, NULL))
    g_error ("%s %s failed", argv[0], argv[1]);

  return g_steal_pointer (&out);
}

/* Without a window manager under Xvfb nothing moves the X focus to the
 * app: give it to the app's newest visible window unless one of its
 * windows has it already (a dialog the app presented).
 */
static void
focus_app_window (TribAtspiApp *app)
{
  g_autofree char *pid = g_strdup_printf ("%d", app->pid);
  g_autofree char *windows = NULL;
  g_autofree char *focused = NULL;
  g_auto(GStrv) ids = NULL;
  guint n;

  trib_atspi_test_assert_alive (app);
  windows = run_xdotool ((const char * const []) { "xdotool", "search", "--onlyvisible", "--pid", pid, NULL }, FALSE);
  focused = run_xdotool ((const char * const []) { "xdotool", "getwindowfocus", NULL }, FALSE);
  ids = g_strsplit (g_strstrip (windows), "\n", -1);
  n = g_strv_length (ids);
  if (n == 0 || ids[0][0] == '\0')
    g_error ("The application has no visible X window to type into");
  if (g_strv_contains ((const char * const *) ids, g_strstrip (focused)))
    return;

  g_free (run_xdotool ((const char * const []) { "xdotool", "windowfocus", "--sync", ids[n - 1], NULL }, TRUE));
}

void
trib_atspi_test_press_key (TribAtspiApp *app,
                           const char   *keys)
{
  g_auto(GStrv) argv = NULL;
  g_autofree char *command = g_strdup_printf ("xdotool key --clearmodifiers %s", keys);

  focus_app_window (app);
  argv = g_strsplit (command, " ", -1);
  g_free (run_xdotool ((const char * const *) argv, TRUE));
}

void
trib_atspi_test_type_text (TribAtspiApp *app,
                           const char   *text)
{
  focus_app_window (app);
  g_free (run_xdotool ((const char * const []) { "xdotool", "type", "--clearmodifiers", "--delay", "20", "--", text, NULL },
                       TRUE));
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
