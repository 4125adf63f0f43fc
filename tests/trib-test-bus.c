/* trib-test-bus.c
 *
 * A private D-Bus session bus for a test, without service files so that
 * nothing (a keyring, a portal) is activated behind the test's back, and
 * optionally a real gnome-keyring on it with an unlocked login keyring.
 * Tests that use it never touch the developer's own keyring.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "trib-test-bus.h"

static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">"
  "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
  "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
  "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>";

/* Runs in the forked daemon before exec, so async-signal-safe calls only.
 * The daemons must die with the process that started them: a test that
 * fails, or a g_test_trap_subprocess() child killed at its timeout,
 * would otherwise leave them running.
 */
static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* The parent may have died before the line above. */
  if (getppid () != (pid_t) GPOINTER_TO_INT (user_data))
    _exit (1);
}

/* The daemons write to a log of their own, never to the test's stdout
 * or stderr: g_test_trap_subprocess() and meson read those until every
 * holder has closed them, and a daemon outliving its test kept them open.
 */
static GSubprocess *
spawn_daemon (TribTestBus        *fixture,
              GSubprocessFlags    flags,
              const char * const *argv)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autofree char *log_name = g_strconcat (argv[0], ".log", NULL);
  g_autofree char *log_path = g_build_filename (fixture->dir, log_name, NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *daemon;

  if (flags & G_SUBPROCESS_FLAGS_STDOUT_PIPE)
    g_subprocess_launcher_set_stderr_file_path (launcher, log_path);
  else
    g_subprocess_launcher_set_stdout_file_path (launcher, log_path);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, GINT_TO_POINTER (getpid ()), NULL);

  daemon = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);

  return daemon;
}

/* Starts a D-Bus daemon without service files, so nothing is activated
 * behind the test's back, and points this process at it.
 */
void
trib_test_bus_start (TribTestBus *fixture)
{
  g_autofree char *config_path = NULL;
  g_autofree char *config_arg = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("trib-secret-XXXXXX", &error);
  g_assert_no_error (error);
  config_path = g_build_filename (fixture->dir, "bus.conf", NULL);
  g_file_set_contents (config_path, bus_config, -1, &error);
  g_assert_no_error (error);

  config_arg = g_strconcat ("--config-file=", config_path, NULL);
  fixture->bus = spawn_daemon (fixture, G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                               (const char * const []) { "dbus-daemon", config_arg, "--nofork",
                                                         "--print-address=1", NULL });

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->bus));
  address = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", fixture->dir, TRUE);
}

/* The default collection exists and is unlocked. A store before then
 * has libsecret create or unlock it through a prompt that nobody on this
 * bus can answer, and wait for ever.
 */
static gboolean
default_collection_ready (GDBusConnection *bus)
{
  g_autoptr(GVariant) alias = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) locked = NULL;
  const char *path;

  /* Fails too while the keyring is not on the bus yet: nothing activates it. */
  alias = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", "/org/freedesktop/secrets",
                                       "org.freedesktop.Secret.Service", "ReadAlias",
                                       g_variant_new ("(s)", "default"), G_VARIANT_TYPE ("(o)"),
                                       G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, NULL);
  if (alias == NULL)
    return FALSE;

  g_variant_get (alias, "(&o)", &path);
  if (g_str_equal (path, "/"))
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.secrets", path,
                                       "org.freedesktop.DBus.Properties", "Get",
                                       g_variant_new ("(ss)", "org.freedesktop.Secret.Collection", "Locked"),
                                       G_VARIANT_TYPE ("(v)"), G_DBUS_CALL_FLAGS_NO_AUTO_START, -1,
                                       NULL, NULL);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(v)", &locked);

  return g_variant_is_of_type (locked, G_VARIANT_TYPE_BOOLEAN) && !g_variant_get_boolean (locked);
}

void
trib_test_bus_start_keyring (TribTestBus *fixture)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *in;
  /* A bound for a broken keyring, not a speed goal: a loaded machine
   * takes seconds to start one.
   */
  gint64 deadline = g_get_monotonic_time () + 40 * G_USEC_PER_SEC;
  gboolean ready = FALSE;

  fixture->keyring = spawn_daemon (fixture, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                                   (const char * const []) { "gnome-keyring-daemon", "--foreground",
                                                             "--unlock", "--components=secrets", NULL });

  /* The login keyring is created with this password and left unlocked. */
  in = g_subprocess_get_stdin_pipe (fixture->keyring);
  g_output_stream_write_all (in, "test-password", 13, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (in, NULL, &error);
  g_assert_no_error (error);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  while (!(ready = default_collection_ready (bus)) && g_get_monotonic_time () < deadline)
    g_usleep (50 * 1000);

  if (!ready)
    {
      g_autofree char *log_path = g_build_filename (fixture->dir, "gnome-keyring-daemon.log", NULL);
      g_autofree char *log = NULL;

      g_file_get_contents (log_path, &log, NULL, NULL);
      g_test_message ("gnome-keyring-daemon said:\n%s", log != NULL ? log : "");
    }
  g_assert_true (ready);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    remove_tree (child);

  g_file_delete (file, NULL, NULL);
}

static void
stop_daemon (GSubprocess **daemon)
{
  if (*daemon == NULL)
    return;

  /* force_exit() only asks GLib's worker thread to send SIGKILL: a test
   * process that exits right after may never have it sent, and the
   * daemon lives on. Waiting for the daemon's end makes sure of it.
   */
  g_subprocess_force_exit (*daemon);
  g_subprocess_wait (*daemon, NULL, NULL);
  g_clear_object (daemon);
}

void
trib_test_bus_stop (TribTestBus *fixture)
{
  stop_daemon (&fixture->keyring);
  stop_daemon (&fixture->bus);
  if (fixture->dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

      remove_tree (dir);
    }
  g_clear_pointer (&fixture->dir, g_free);
}

