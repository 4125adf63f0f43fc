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

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "trib-error.h"
#include "trib-secret-store.h"
#include "trib-test-bus.h"
#include "trib-util.h"

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
  TribTestBus fixture = { 0 };
  g_autoptr(TribSecretStore) secrets = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  trib_test_bus_start (&fixture);
  trib_test_bus_start_keyring (&fixture);
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
  trib_test_bus_stop (&fixture);
}

static void
no_keyring_child (void)
{
  TribTestBus fixture = { 0 };
  g_autoptr(TribSecretStore) secrets = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  trib_test_bus_start (&fixture);
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
  trib_test_bus_stop (&fixture);
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

static gboolean
process_gone (const char *pid)
{
  /* A zombie still answers kill (0): gone means reaped. */
  return kill ((pid_t) g_ascii_strtoll (pid, NULL, 10), 0) != 0 && errno == ESRCH;
}

/* trib_test_bus_stop() returns once the daemons are gone, not merely
 * asked to go: a test that exits right after must not leave them behind
 * holding its output open.
 */
static void
bus_stop_ends_daemons_child (void)
{
  TribTestBus fixture = { 0 };
  g_autofree char *bus_pid = NULL;
  g_autofree char *keyring_pid = NULL;

  trib_test_bus_start (&fixture);
  trib_test_bus_start_keyring (&fixture);
  bus_pid = g_strdup (g_subprocess_get_identifier (fixture.bus));
  keyring_pid = g_strdup (g_subprocess_get_identifier (fixture.keyring));

  trib_test_bus_stop (&fixture);
  g_assert_true (process_gone (keyring_pid));
  g_assert_true (process_gone (bus_pid));
}

static void
test_bus_stop_ends_daemons (void)
{
  if (g_test_subprocess ())
    {
      bus_stop_ends_daemons_child ();
      return;
    }

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_passed ();
}

/* A test that fails never reaches trib_test_bus_stop(): its daemons go
 * with it all the same, and its trap is not kept waiting for them.
 */
static void
test_daemons_die_with_test (void)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  TribTestBus leftover = { 0 };
  gint64 deadline;
  int fd;

  if (g_test_subprocess ())
    {
      TribTestBus fixture = { 0 };
      g_autofree char *record = NULL;

      trib_test_bus_start (&fixture);
      trib_test_bus_start_keyring (&fixture);
      record = g_strdup_printf ("%s\n%s\n%s\n", g_subprocess_get_identifier (fixture.bus),
                                g_subprocess_get_identifier (fixture.keyring), fixture.dir);
      g_file_set_contents (g_getenv ("TRIB_TEST_BUS_RECORD"), record, -1, &error);
      g_assert_no_error (error);
      abort ();
    }

  fd = g_file_open_tmp ("trib-test-bus-XXXXXX", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_setenv ("TRIB_TEST_BUS_RECORD", path, TRUE);

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, 0);
  g_test_trap_assert_failed ();

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);

  /* The kernel kills them when their test dies; init reaps them soon after. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!(process_gone (lines[0]) && process_gone (lines[1])) && g_get_monotonic_time () < deadline)
    g_usleep (20 * 1000);
  g_assert_true (process_gone (lines[0]));
  g_assert_true (process_gone (lines[1]));

  /* What the failed test could not clean up. */
  leftover.dir = g_strdup (lines[2]);
  trib_test_bus_stop (&leftover);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/secret-store/keyring-round-trip", test_keyring_round_trip);
  g_test_add_func ("/tributary/secret-store/no-keyring", test_no_keyring);
  g_test_add_func ("/tributary/secret-store/test-bus/stop-ends-daemons", test_bus_stop_ends_daemons);
  g_test_add_func ("/tributary/secret-store/test-bus/daemons-die-with-test", test_daemons_die_with_test);

  return g_test_run ();
}
