/* test-distiller-cancel.c
 *
 * Stopping what runs on a TribDistillerSession, against the real
 * PostgreSQL of test-distiller.c: a statement cancelled while it runs,
 * while it waits, while it connects, before the server is ready for the
 * cancel, in a script, and by closing the session.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "trib-distiller-error.h"
#include "trib-test-distiller.h"

static TribTestDistiller *env;

static void
test_cancel (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) sleep = NULL;
  g_autoptr(TribDistillerRun) queued = NULL;
  g_autofree char *pid_before = trib_test_backend_pid (session);
  g_autofree char *pid_after = NULL;
  gint64 started;

  sleep = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  queued = trib_distiller_session_run (session, "SELECT 'never run'");
  trib_test_iterate_while_not (trib_test_run_is_running, sleep);

  started = g_get_monotonic_time ();
  trib_distiller_run_cancel (queued);
  g_assert_cmpint (trib_distiller_run_get_state (queued), ==, TRIB_DISTILLER_RUN_CANCELLED);
  trib_distiller_run_cancel (sleep);
  trib_test_wait_run (sleep);
  g_assert_cmpint (trib_distiller_run_get_state (sleep), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);

  /* The same connection goes on. */
  pid_after = trib_test_backend_pid (session);
  g_assert_cmpstr (pid_before, ==, pid_after);
}

/* A statement cancelled while its connection opens never goes out, even
 * once the connection is there.
 */
static void
test_cancel_while_connecting (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autoptr(TribDistillerRun) next = NULL;

  run = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  trib_test_iterate_while_not (trib_test_run_is_connecting, run);
  trib_distiller_run_cancel (run);
  trib_test_wait_run (run);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_null (trib_distiller_run_get_started (run));

  next = trib_test_run_and_wait (session, "SELECT 1");
  trib_test_assert_done (next);
}

/* Whether @pid has a SIGINT waiting, stopped as it is. */
static gboolean
sigint_pending (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);
  g_autofree char *status = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &status, NULL, NULL));
  lines = g_strsplit (status, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "SigPnd:") || g_str_has_prefix (lines[i], "ShdPnd:"))
      {
        guint64 mask = g_ascii_strtoull (strchr (lines[i], ':') + 1, NULL, 16);

        if (mask & (G_GUINT64_CONSTANT (1) << (SIGINT - 1)))
          return TRUE;
      }

  return FALSE;
}

/* A cancel that overtakes its statement reaches a backend that waits for
 * one and drops it: the backend is held stopped until the statement and
 * the cancel are both on their way, and reads the cancel first when it
 * goes on. The cancel comes again and stops the statement.
 */
static void
test_cancel_overtaking (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = NULL;
  g_autofree char *pid_text = trib_test_backend_pid (session);
  int pid = atoi (pid_text);
  gint64 resumed;

  g_assert_cmpint (pid, >, 0);
  g_assert_no_errno (kill (pid, SIGSTOP));

  run = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  trib_test_iterate_while_not (trib_test_run_is_running, run);
  trib_distiller_run_cancel (run);
  /* The cancel travels on threads and processes of its own: nothing to
   * iterate for, only to look again.
   */
  for (gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC; !sigint_pending (pid);)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 100);
    }

  resumed = g_get_monotonic_time ();
  g_assert_no_errno (kill (pid, SIGCONT));
  trib_test_wait_run (run);
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (g_get_monotonic_time () - resumed, <, 10 * G_USEC_PER_SEC);
}

/* Cancelling a statement of a script stops the script, whatever it was
 * told about errors; a second script queued behind it still runs.
 */
static void
test_script_cancelled (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(GPtrArray) runs = NULL;
  g_autoptr(GPtrArray) next = NULL;

  runs = trib_distiller_session_run_script (session,
                                            (const char *[]) { "SELECT pg_sleep(30)",
                                                               "CREATE TABLE trib_after_cancel (x int)",
                                                               NULL },
                                            FALSE);
  next = trib_distiller_session_run_script (session, (const char *[]) { "SELECT 3", NULL }, TRUE);
  trib_test_iterate_while_not (trib_test_run_is_running, g_ptr_array_index (runs, 0));
  trib_distiller_run_cancel (g_ptr_array_index (runs, 0));
  trib_test_wait_runs (runs);
  trib_test_wait_runs (next);

  g_assert_cmpint (trib_distiller_run_get_state (g_ptr_array_index (runs, 0)), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_cmpint (trib_distiller_run_get_state (g_ptr_array_index (runs, 1)), ==, TRIB_DISTILLER_RUN_SKIPPED);
  g_assert_cmpint (trib_distiller_run_get_state (g_ptr_array_index (next, 0)), ==, TRIB_DISTILLER_RUN_DONE);
  g_assert_false (trib_test_table_exists (session, "trib_after_cancel"));
}

/* Closing the session cancels the statement on the server: it reads
 * cancelled, as one cancelled by hand does, not failed with the
 * server's "canceling statement"; what waited behind it is cancelled
 * too.
 */
static void
test_close_cancels_running (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) warm_up = trib_test_run_and_wait (session, "SELECT 1");
  g_autoptr(TribDistillerRun) sleep = NULL;
  g_autoptr(TribDistillerRun) queued = NULL;
  g_autoptr(TribDistillerRun) after = NULL;
  gint64 started;

  trib_test_assert_done (warm_up);
  sleep = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  queued = trib_distiller_session_run (session, "SELECT 'never run'");
  trib_test_iterate_while_not (trib_test_run_is_running, sleep);

  started = g_get_monotonic_time ();
  trib_distiller_session_close (session);
  g_assert_cmpint (trib_distiller_run_get_state (queued), ==, TRIB_DISTILLER_RUN_CANCELLED);
  trib_test_wait_run (sleep);
  g_assert_no_error ((GError *) trib_distiller_run_get_error (sleep));
  g_assert_cmpint (trib_distiller_run_get_state (sleep), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_nonnull (trib_distiller_run_get_started (sleep));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 10 * G_USEC_PER_SEC);

  /* What is asked of a closed session is cancelled at once. */
  after = trib_distiller_session_run (session, "SELECT 2");
  g_assert_cmpint (trib_distiller_run_get_state (after), ==, TRIB_DISTILLER_RUN_CANCELLED);
}

/* Closing while the connection opens cancels the statement too, rather
 * than failing it with "the session was closed".
 */
static void
test_close_while_connecting (void)
{
  g_autoptr(TribDistillerSession) session = trib_test_distiller_new_session (env, NULL);
  g_autoptr(TribDistillerRun) run = NULL;

  run = trib_distiller_session_run (session, "SELECT pg_sleep(30)");
  trib_test_iterate_while_not (trib_test_run_is_connecting, run);
  trib_distiller_session_close (session);
  trib_test_wait_run (run);
  g_assert_no_error ((GError *) trib_distiller_run_get_error (run));
  g_assert_cmpint (trib_distiller_run_get_state (run), ==, TRIB_DISTILLER_RUN_CANCELLED);
  g_assert_null (trib_distiller_run_get_started (run));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  env = trib_test_distiller_start ();

  g_test_add_func ("/tributary/distiller/cancel", test_cancel);
  g_test_add_func ("/tributary/distiller/cancel-while-connecting", test_cancel_while_connecting);
  g_test_add_func ("/tributary/distiller/cancel-overtaking", test_cancel_overtaking);
  g_test_add_func ("/tributary/distiller/script-cancelled", test_script_cancelled);
  g_test_add_func ("/tributary/distiller/close-cancels-running", test_close_cancels_running);
  g_test_add_func ("/tributary/distiller/close-while-connecting", test_close_while_connecting);

  status = g_test_run ();

  g_clear_pointer (&env, trib_test_distiller_stop);

  return status;
}
