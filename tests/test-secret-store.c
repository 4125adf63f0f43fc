/* test-secret-store.c
 *
 * The keyring round trip runs against a real gnome-keyring on a private
 * D-Bus bus that the test starts, so it never touches the developer's
 * own keyring; the no-keyring path runs on a bus with no Secret Service.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "trib-error.h"
#include "trib-secret-store.h"
#include "trib-util.h"

static const char bus_config[] =
  "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
  " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">"
  "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen>"
  "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
  "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>";

typedef struct
{
  char *dir;
  GSubprocess *bus;
  GSubprocess *keyring;
} PrivateBus;

/* Starts a D-Bus daemon without service files, so nothing is activated
 * behind the test's back, and points this process at it.
 */
static void
private_bus_start (PrivateBus *fixture)
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

static void
private_bus_start_keyring (PrivateBus *fixture)
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
private_bus_stop (PrivateBus *fixture)
{
  if (fixture->keyring != NULL)
    g_subprocess_force_exit (fixture->keyring);
  if (fixture->bus != NULL)
    g_subprocess_force_exit (fixture->bus);
  g_clear_object (&fixture->keyring);
  g_clear_object (&fixture->bus);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static gboolean
store (TribSecretStore  *secrets,
       const char       *profile,
       const char       *secret,
       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_secret_store_store_async (secrets, profile, TRIB_SECRET_KIND_CLIENT_SECRET, "Tributary test",
                                 secret, NULL, result_cb, &result);

  return trib_secret_store_store_finish (secrets, wait_for (&result), error);
}

static char *
lookup (TribSecretStore  *secrets,
        const char       *profile,
        GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_secret_store_lookup_async (secrets, profile, TRIB_SECRET_KIND_CLIENT_SECRET, NULL, result_cb, &result);

  return trib_secret_store_lookup_finish (secrets, wait_for (&result), error);
}

static gboolean
clear (TribSecretStore  *secrets,
       const char       *profile,
       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_secret_store_clear_async (secrets, profile, NULL, result_cb, &result);

  return trib_secret_store_clear_finish (secrets, wait_for (&result), error);
}

static void
keyring_round_trip_child (void)
{
  PrivateBus fixture = { 0 };
  g_autoptr(TribSecretStore) secrets = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  private_bus_start (&fixture);
  private_bus_start_keyring (&fixture);
  secrets = trib_secret_store_new ();

  g_assert_true (store (secrets, "profile-a", "p8e-first", &error));
  g_assert_no_error (error);
  g_assert_true (store (secrets, "profile-b", "p8e-second", &error));
  g_assert_true (store (secrets, "profile-a", "p8e-replaced", &error));

  secret = lookup (secrets, "profile-a", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (secret, ==, "p8e-replaced");
  trib_secret_free (secret);

  secret = lookup (secrets, "profile-b", &error);
  g_assert_cmpstr (secret, ==, "p8e-second");
  trib_secret_free (secret);

  g_assert_true (clear (secrets, "profile-a", &error));
  g_assert_no_error (error);
  g_assert_null (lookup (secrets, "profile-a", &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_SECRET_NOT_FOUND);
  g_clear_error (&error);

  /* Clearing one profile leaves the others alone. */
  secret = lookup (secrets, "profile-b", &error);
  g_assert_cmpstr (secret, ==, "p8e-second");
  trib_secret_free (secret);

  g_clear_object (&secrets);
  private_bus_stop (&fixture);
}

static void
no_keyring_child (void)
{
  PrivateBus fixture = { 0 };
  g_autoptr(TribSecretStore) secrets = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  private_bus_start (&fixture);
  secrets = trib_secret_store_new ();

  g_assert_false (store (secrets, "profile-a", "p8e-first", &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_NO_KEYRING);
  g_clear_error (&error);
  g_assert_null (lookup (secrets, "profile-a", &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_NO_KEYRING);
  g_clear_error (&error);

  /* The user agreed to keep it in memory for this session. */
  trib_secret_store_set_session_only (secrets, TRUE);
  g_assert_true (store (secrets, "profile-a", "p8e-first", &error));
  g_assert_no_error (error);
  secret = lookup (secrets, "profile-a", &error);
  g_assert_cmpstr (secret, ==, "p8e-first");
  trib_secret_free (secret);

  g_assert_true (clear (secrets, "profile-a", &error));
  g_assert_null (lookup (secrets, "profile-a", &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_SECRET_NOT_FOUND);

  g_clear_object (&secrets);
  private_bus_stop (&fixture);
}

static void
test_keyring_round_trip (void)
{
  if (g_test_subprocess ())
    {
      keyring_round_trip_child ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      no_keyring_child ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/secret-store/keyring-round-trip", test_keyring_round_trip);
  g_test_add_func ("/tributary/secret-store/no-keyring", test_no_keyring);

  return g_test_run ();
}
