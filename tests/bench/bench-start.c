/* bench-start.c
 *
 * Cold start of the real app, against the least a libadwaita application
 * can show (bench-bare-window.c), both run here as a user would run them,
 * on the display and with the environment of the benchmark:
 *
 *   BENCH start first_frame_ratio=… target=1.3
 *     from exec to the first frame painted by the window, Tributary over
 *     the bare window
 *   BENCH start idle_rss_ratio=…
 *     VmRSS one second after that first frame, Tributary over the bare
 *     window
 *
 * Tributary starts as a new user first sees it: no profile (a fresh XDG
 * config, data, cache and state folder each round), its welcome page.
 * The profile dialog such a start opens over the window follows the
 * window's first frame (src/widgets/trib-application.c), so the figure
 * does not include it; the pages are built later too, when first needed
 * (src/widgets/trib-window.c).
 * Both programs print the g_get_monotonic_time () of their first frame
 * (CLOCK_MONOTONIC, comparable across processes) and quit two seconds
 * later; Tributary does so when TRIBUTARY_BENCH_FIRST_FRAME is set
 * (src/widgets/trib-window.c). One unmeasured start of each warms the
 * page cache so that every measured start finds the same; the rounds
 * alternate which program starts first.
 *
 * Usage: bench-start TRIBUTARY BARE-WINDOW
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#include "bench-util.h"

#define ROUNDS 7

typedef struct
{
  double first_frame_ms;
  double rss_kib;
} Start;

static double
read_rss_kib (const char *pid)
{
  g_autofree char *path = g_build_filename ("/proc", pid, "status", NULL);
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  g_file_get_contents (path, &status, NULL, &error);
  g_assert_no_error (error);
  line = strstr (status, "\nVmRSS:");
  g_assert_nonnull (line);

  return g_ascii_strtod (line + strlen ("\nVmRSS:"), NULL);
}

static Start
start_once (const char *program)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("bench-start-XXXXXX", &error);
  g_autofree char *line = NULL;
  const char *folders[] = { "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME" };
  g_autofree char *pid = NULL;
  g_autofree char *rm = NULL;
  gint64 launched;
  gint64 frame;
  Start start;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *folder = g_build_filename (home, folders[i], NULL);

      g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
      g_subprocess_launcher_setenv (launcher, folders[i], folder, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "TRIBUTARY_BENCH_FIRST_FRAME", "1", TRUE);

  launched = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawn (launcher, &error, program, NULL);
  g_assert_no_error (error);
  pid = g_strdup (g_subprocess_get_identifier (process));

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  while ((line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error)) != NULL &&
         !g_str_has_prefix (line, "first-frame "))
    g_clear_pointer (&line, g_free);
  g_assert_no_error (error);
  if (line == NULL)
    g_error ("%s exited without printing its first frame", program);

  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  start.first_frame_ms = (frame - launched) / 1000.0;

  /* One second of idleness after the first frame. */
  while (g_get_monotonic_time () < frame + G_USEC_PER_SEC)
    g_usleep (frame + G_USEC_PER_SEC - g_get_monotonic_time ());
  start.rss_kib = read_rss_kib (pid);

  g_subprocess_force_exit (process);
  g_subprocess_wait (process, NULL, NULL);

  rm = g_strdup_printf ("rm -rf '%s'", home);
  g_assert_cmpint (system (rm), ==, 0);

  return start;
}

int
main (int   argc,
      char *argv[])
{
  double app_ms[ROUNDS];
  double bare_ms[ROUNDS];
  double app_rss[ROUNDS];
  double bare_rss[ROUNDS];
  double ratio_ms[ROUNDS];
  double ratio_rss[ROUNDS];

  if (argc != 3)
    {
      g_printerr ("Usage: %s TRIBUTARY BARE-WINDOW\n", argv[0]);
      return 2;
    }

  start_once (argv[1]);
  start_once (argv[2]);

  for (guint round = 0; round < ROUNDS; round++)
    {
      Start app;
      Start bare;

      if (round % 2 == 0)
        {
          app = start_once (argv[1]);
          bare = start_once (argv[2]);
        }
      else
        {
          bare = start_once (argv[2]);
          app = start_once (argv[1]);
        }

      g_print ("# start round %u: app %.0f ms %.0f KiB, bare %.0f ms %.0f KiB\n",
               round, app.first_frame_ms, app.rss_kib, bare.first_frame_ms, bare.rss_kib);
      app_ms[round] = app.first_frame_ms;
      bare_ms[round] = bare.first_frame_ms;
      app_rss[round] = app.rss_kib;
      bare_rss[round] = bare.rss_kib;
      ratio_ms[round] = app.first_frame_ms / bare.first_frame_ms;
      ratio_rss[round] = app.rss_kib / bare.rss_kib;
    }

  g_print ("BENCH start first_frame_ratio=%.2f target=1.3 rounds=%u\n", bench_median (ratio_ms, ROUNDS), ROUNDS);
  g_print ("BENCH start idle_rss_ratio=%.2f rounds=%u\n", bench_median (ratio_rss, ROUNDS), ROUNDS);
  g_print ("# start: first frame app %.0f ms, bare %.0f ms; idle RSS app %.1f MiB, bare %.1f MiB (medians)\n",
           bench_median (app_ms, ROUNDS), bench_median (bare_ms, ROUNDS),
           bench_median (app_rss, ROUNDS) / 1024, bench_median (bare_rss, ROUNDS) / 1024);

  return 0;
}
