/* trib-format.c
 *
 * Dates, counts and batch statuses as the pages show them.
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

/**
 * trib_format_batch_status:
 * @status: (nullable): a Catalog batch status such as `success`
 * @css_class: (out) (nullable): the style class that goes with it
 *
 * Catalog has a dozen batch statuses; a reader needs three.
 *
 * Returns: the status in words
 */
const char *
trib_format_batch_status (const char  *status,
                          const char **css_class)
{
  *css_class = NULL;

  if (status == NULL)
    return _("No batches");
  if (g_str_equal (status, "success"))
    {
      *css_class = "success";
      return C_("batch status", "Success");
    }
  if (g_str_equal (status, "failed") || g_str_equal (status, "failure") || g_str_equal (status, "aborted"))
    {
      *css_class = "error";
      return C_("batch status", "Failed");
    }
  if (g_str_equal (status, "processing") || g_str_equal (status, "loading") || g_str_equal (status, "staging") ||
      g_str_equal (status, "queued") || g_str_equal (status, "retrying") || g_str_equal (status, "loaded") ||
      g_str_equal (status, "staged") || g_str_equal (status, "active"))
    {
      *css_class = "warning";
      return C_("batch status", "Processing");
    }

  return status;
}
