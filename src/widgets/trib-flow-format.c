/* trib-flow-format.c
 *
 * A dataflow and its runs in words: the schedule ("Every 6 hours"), how
 * a run went, when ("3 hours ago", "in 12 minutes"), and the platform's
 * error codes as what the user can do about them (API-NOTES §F: opaque
 * errors and silently expired credentials are what users complain of).
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-flow-format"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-flow-format.h"
#include "trib-format.h"

/**
 * trib_flow_format_schedule:
 *
 * Returns: (transfer full): the flow's schedule in words
 */
char *
trib_flow_format_schedule (TribFlow *flow)
{
  const char *frequency = trib_flow_get_frequency (flow);
  guint n = (guint) CLAMP (trib_flow_get_interval (flow), 0, G_MAXUINT);

  if (g_strcmp0 (frequency, "once") == 0)
    return g_strdup (_("Once"));
  if (g_strcmp0 (frequency, "minute") == 0)
    /* Translators: a dataflow's schedule */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every minute", "Every %u minutes", n), n);
  if (g_strcmp0 (frequency, "hour") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every hour", "Every %u hours", n), n);
  if (g_strcmp0 (frequency, "day") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every day", "Every %u days", n), n);
  if (g_strcmp0 (frequency, "week") == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every week", "Every %u weeks", n), n);

  return g_strdup (_("No schedule"));
}

/**
 * trib_flow_format_run_state:
 * @css_class: (out) (optional): `success`, `warning`, `error` or `dim-label`
 *
 * Returns: how a run went, in a word or two
 */
const char *
trib_flow_format_run_state (TribFlowRunState   state,
                            const char       **css_class)
{
  const char *klass = "dim-label";
  const char *text;

  switch (state)
    {
    case TRIB_FLOW_RUN_STATE_SCHEDULED:
      text = _("Scheduled");
      break;
    case TRIB_FLOW_RUN_STATE_IN_PROGRESS:
      text = _("Running");
      break;
    case TRIB_FLOW_RUN_STATE_SUCCESS:
      text = _("Succeeded");
      klass = "success";
      break;
    case TRIB_FLOW_RUN_STATE_PARTIAL_SUCCESS:
      text = _("Partly failed");
      klass = "warning";
      break;
    case TRIB_FLOW_RUN_STATE_FAILED:
      text = _("Failed");
      klass = "error";
      break;
    case TRIB_FLOW_RUN_STATE_UNKNOWN:
    default:
      text = _("Unknown");
      break;
    }

  if (css_class != NULL)
    *css_class = klass;

  return text;
}

/**
 * trib_flow_format_when:
 * @ms: a time, in epoch milliseconds
 * @now_ms: now
 *
 * Returns: (transfer full): how long ago or in how long @ms is, under a
 *   day; the date and time beyond
 */
char *
trib_flow_format_when (gint64 ms,
                       gint64 now_ms)
{
  gint64 seconds = (now_ms - ms) / 1000;
  gint64 magnitude = ABS (seconds);
  guint n;

  if (magnitude < 60)
    return g_strdup (seconds >= 0 ? _("just now") : _("in less than a minute"));

  if (magnitude < 3600)
    {
      n = (guint) (magnitude / 60);
      return seconds >= 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute ago",
                                        "%u minutes ago", n), n)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u minute",
                                        "in %u minutes", n), n);
    }

  if (magnitude < 86400)
    {
      n = (guint) (magnitude / 3600);
      return seconds >= 0
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour ago",
                                        "%u hours ago", n), n)
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "in %u hour",
                                        "in %u hours", n), n);
    }

  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);

    return utc != NULL ? trib_format_date_time (utc) : g_strdup ("");
  }
}

/**
 * trib_flow_format_next_run:
 *
 * Returns: (transfer full): when the flow runs next, or why it does not
 */
char *
trib_flow_format_next_run (TribFlow *flow,
                           gint64    now_ms)
{
  gint64 next = trib_flow_get_next_run (flow, now_ms / 1000);
  g_autofree char *when = NULL;

  if (!trib_flow_is_enabled (flow))
    return g_strdup (_("Not scheduled: disabled"));
  if (next < 0)
    return g_strdup (_("No next run"));

  when = trib_flow_format_when (next * 1000, now_ms);
  /* Translators: %s is "in 12 minutes" or a date and time */
  return g_strdup_printf (_("Next run %s"), when);
}

/**
 * trib_flow_format_error:
 *
 * The platform's codes are for support: the words say what went wrong
 * and what to do, the code follows for whoever asks.
 *
 * Returns: (transfer full): a run's error in plain words
 */
char *
trib_flow_format_error (const TribFlowRunError *error)
{
  const char *code = error->code != NULL ? error->code : "";
  g_autofree char *words = NULL;

  if (g_str_has_suffix (code, "-401") || g_str_has_prefix (code, "CONNECTOR-1001"))
    words = g_strdup (_("The source refused the account’s credentials: they have expired or were changed. "
                        "Update the credentials of the account, then run the flow again."));
  else if (g_str_has_suffix (code, "-504") || g_str_has_prefix (code, "CONNECTOR-1003"))
    words = g_strdup (_("The source’s host could not be reached: it may be gone, or its address is wrong. "
                        "Check the host or URL of the account."));
  else if (g_str_has_prefix (code, "MAPPER-") && error->record_count >= 0)
    {
      g_autofree char *count = trib_format_count (error->record_count);

      /* Translators: %s is a number of records */
      words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s record did not fit the mapping and was left out.",
                                            "%s records did not fit the mapping and were left out.",
                                            (gulong) error->record_count),
                               count);
    }
  else if (g_str_has_prefix (code, "MAPPER-"))
    words = g_strdup (_("Some records did not fit the mapping and were left out."));
  else if (g_str_has_prefix (code, "INGEST-"))
    words = g_strdup (_("Some records could not be written to the dataset."));
  else
    words = g_strdup (error->message != NULL ? error->message : _("The run failed."));

  if (code[0] == '\0')
    return g_steal_pointer (&words);

  /* Translators: a run's error in words, then the platform's code for it */
  return g_strdup_printf (_("%s (%s)"), words, code);
}

/**
 * trib_flow_format_frequency:
 * @frequency: a flow spec's `once`, `minute`, `hour`, `day` or `week`
 *
 * Returns: the frequency as a schedule's choice says it
 */
const char *
trib_flow_format_frequency (const char *frequency)
{
  if (g_str_equal (frequency, "once"))
    return _("Once");
  if (g_str_equal (frequency, "minute"))
    return _("Every few minutes");
  if (g_str_equal (frequency, "hour"))
    return _("Hourly");
  if (g_str_equal (frequency, "day"))
    return _("Daily");
  if (g_str_equal (frequency, "week"))
    return _("Weekly");

  return frequency;
}

/**
 * trib_flow_format_frequency_unit:
 * @frequency: a flow spec's frequency
 *
 * Returns: what an interval of @frequency counts, or "" for `once`
 */
const char *
trib_flow_format_frequency_unit (const char *frequency)
{
  if (g_str_equal (frequency, "minute"))
    return _("minutes");
  if (g_str_equal (frequency, "hour"))
    return _("hours");
  if (g_str_equal (frequency, "day"))
    return _("days");
  if (g_str_equal (frequency, "week"))
    return _("weeks");

  return "";
}
