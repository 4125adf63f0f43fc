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

#include "trib-test-bus.h"

static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">"
  "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
  "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
  "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>";


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
  fixture->bus = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                   "dbus-daemon", config_arg, "--nofork", "--print-address=1", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->bus));
  address = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  g_setenv ("XDG_DATA_HOME", fixture->dir, TRUE);
  g_setenv ("XDG_RUNTIME_DIR", fixture->dir, TRUE);
}

void
trib_test_bus_start_keyring (TribTestBus *fixture)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;
  GOutputStream *in;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gboolean has_owner = FALSE;

  fixture->keyring = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE, &error,
                                       "gnome-keyring-daemon", "--foreground", "--unlock",
                                       "--components=secrets", NULL);
  g_assert_no_error (error);

  /* The login keyring is created with this password and left unlocked. */
  in = g_subprocess_get_stdin_pipe (fixture->keyring);
  g_output_stream_write_all (in, "test-password", 13, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (in, NULL, &error);
  g_assert_no_error (error);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  while (!has_owner && g_get_monotonic_time () < deadline)
    {
      g_autoptr(GVariant) reply = NULL;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
      g_assert_no_error (error);
      g_variant_get (reply, "(b)", &has_owner);
      if (!has_owner)
        g_usleep (50 * 1000);
    }

  g_assert_true (has_owner);
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

void
trib_test_bus_stop (TribTestBus *fixture)
{
  if (fixture->keyring != NULL)
    g_subprocess_force_exit (fixture->keyring);
  if (fixture->bus != NULL)
    g_subprocess_force_exit (fixture->bus);
  g_clear_object (&fixture->keyring);
  g_clear_object (&fixture->bus);
  if (fixture->dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (fixture->dir);

      remove_tree (dir);
    }
  g_clear_pointer (&fixture->dir, g_free);
}

