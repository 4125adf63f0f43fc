/* test-ui-format.c
 *
 * Dates as the pages show them: in the local time zone, which follows
 * $TZ even though it is read once and kept.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <gtk/gtk.h>

#include "trib-format.h"

static void
test_date_follows_tz (void)
{
  g_autoptr(GDateTime) instant = g_date_time_new_utc (2026, 3, 1, 23, 30, 5);
  g_autofree char *in_utc = NULL;
  g_autofree char *east = NULL;
  g_autofree char *west = NULL;
  g_autofree char *again_utc = NULL;
  g_autofree char *day_east = NULL;
  g_autofree char *time_west = NULL;

  g_setenv ("TZ", "UTC", TRUE);
  in_utc = trib_format_date_time (instant);
  g_assert_cmpstr (in_utc, ==, "2026-03-01 23:30:05");

  /* The zone kept is read again when $TZ changes. */
  g_setenv ("TZ", "+05:00", TRUE);
  east = trib_format_date_time (instant);
  g_assert_cmpstr (east, ==, "2026-03-02 04:30:05");
  day_east = trib_format_date (instant);
  g_assert_cmpstr (day_east, ==, "2026-03-02");

  g_setenv ("TZ", "-03:30", TRUE);
  west = trib_format_date_time (instant);
  g_assert_cmpstr (west, ==, "2026-03-01 20:00:05");
  time_west = trib_format_time (instant);
  g_assert_cmpstr (time_west, ==, "20:00:05");

  g_setenv ("TZ", "UTC", TRUE);
  again_utc = trib_format_date_time (instant);
  g_assert_cmpstr (again_utc, ==, in_utc);
}

/* Without $TZ, the zone GLib reads for the machine. */
static void
test_date_without_tz (void)
{
  g_autoptr(GDateTime) instant = g_date_time_new_utc (2026, 7, 14, 12, 0, 0);
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *shown_again = NULL;

  g_unsetenv ("TZ");
  local = g_date_time_to_local (instant);
  expected = g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
  shown = trib_format_date_time (instant);
  g_assert_cmpstr (shown, ==, expected);
  shown_again = trib_format_date_time (instant);
  g_assert_cmpstr (shown_again, ==, expected);
}

static void
test_unknown_date (void)
{
  g_autofree char *unknown = trib_format_date_time (NULL);

  g_assert_cmpstr (unknown, ==, "Unknown");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* The C locale's dates are ISO 8601 (trib-format.c). */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/format/date/follows-tz", test_date_follows_tz);
  g_test_add_func ("/format/date/without-tz", test_date_without_tz);
  g_test_add_func ("/format/date/unknown", test_unknown_date);

  return g_test_run ();
}
