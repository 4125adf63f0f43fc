/* trib-format.c
 *
 * Dates and counts as the pages show them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "trib-format.h"

/**
 * trib_format_date:
 * @date: (nullable): a time
 *
 * Returns: (transfer full): the local date, or "Unknown"
 */
char *
trib_format_date (GDateTime *date)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup (C_("date", "Unknown"));

  local = g_date_time_to_local (date);

  /* Translators: a date as strftime() writes it, such as "2026-11-23" */
  return g_date_time_format (local, _("%Y-%m-%d"));
}

/**
 * trib_format_count:
 * @count: a number of things
 *
 * Returns: (transfer full): @count with the locale's thousands separators
 */
char *
trib_format_count (gint64 count)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}
