/* trib-format.c
 *
 * Dates, counts, batch statuses and error text as the pages show them.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <gtk/gtk.h>

#include "trib-format.h"
#include "trib-text-bound.h"

/* Dates read the way the locale writes them (LC_TIME's %x and %X), the
 * same on every page. The C locale's %x, "11/23/26", is nobody's: there,
 * ISO 8601.
 */
static gboolean
locale_is_c (void)
{
  const char *locale = setlocale (LC_TIME, NULL);

  return locale == NULL || g_str_equal (locale, "C") || g_str_equal (locale, "POSIX") ||
         g_str_has_prefix (locale, "C.");
}

/* The local time zone, read again only when $TZ changes: GLib 2.74's
 * g_time_zone_new_local() reads /etc/localtime anew at every call when
 * $TZ is unset, and a list binds dates by the hundred.
 */
G_LOCK_DEFINE_STATIC (local_zone);

static GTimeZone *
dup_local_time_zone (void)
{
  static GTimeZone *local_zone;
  static char *local_zone_tz;
  const char *tz = g_getenv ("TZ");
  GTimeZone *zone;

  G_LOCK (local_zone);
  if (local_zone == NULL || g_strcmp0 (tz, local_zone_tz) != 0)
    {
      g_clear_pointer (&local_zone, g_time_zone_unref);
      g_free (local_zone_tz);
      local_zone = g_time_zone_new_local ();
      local_zone_tz = g_strdup (tz);
    }
  zone = g_time_zone_ref (local_zone);
  G_UNLOCK (local_zone);

  return zone;
}

/**
 * trib_format_to_local:
 * @date: a time
 *
 * g_date_time_to_local(), without reading the zone again each time.
 *
 * Returns: (transfer full): @date in the local time zone
 */
GDateTime *
trib_format_to_local (GDateTime *date)
{
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  zone = dup_local_time_zone ();

  return g_date_time_to_timezone (date, zone);
}

static char *
format_local (GDateTime  *date,
              const char *format)
{
  g_autoptr(GDateTime) local = NULL;

  if (date == NULL)
    return g_strdup (C_("date", "Unknown"));

  local = trib_format_to_local (date);

  return g_date_time_format (local, format);
}

/**
 * trib_format_date:
 * @date: (nullable): a time
 *
 * Returns: (transfer full): the local date, or "Unknown"
 */
char *
trib_format_date (GDateTime *date)
{
  return format_local (date, locale_is_c () ? "%Y-%m-%d" : "%x");
}

/**
 * trib_format_time:
 * @date: (nullable): a time
 *
 * Returns: (transfer full): the local time of day, or "Unknown"
 */
char *
trib_format_time (GDateTime *date)
{
  return format_local (date, locale_is_c () ? "%H:%M:%S" : "%X");
}

/**
 * trib_format_date_time:
 * @date: (nullable): a time
 *
 * Returns: (transfer full): the local date and time of day, or "Unknown"
 */
char *
trib_format_date_time (GDateTime *date)
{
  return format_local (date, locale_is_c () ? "%Y-%m-%d %H:%M:%S" : "%x %X");
}

/**
 * trib_format_full_date_time:
 * @date: (nullable): a time
 *
 * For a tooltip, where a short time of day needs its day.
 *
 * Returns: (transfer full): the local date in words, the time of day
 *   and the time zone, or "Unknown"
 */
char *
trib_format_full_date_time (GDateTime *date)
{
  /* Translators: a date and time for g_date_time_format(), such as
   * “Friday, December 4, 2026, 11:28:22 CET”; French puts the day first
   */
  return format_local (date, _("%A, %B %-d, %Y, %H:%M:%S %Z"));
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

/* Error text comes from servers, which decide how long it is: a label
 * given megabytes takes minutes to lay out. These cut any text to what
 * its place can show; the whole of it stays in the Activity log.
 */

/* A row's subtitle or a toast: one line. */
#define ERROR_LINE_CHARS 200

/* A scrolled text view: pages of it, still laid out at once. */
#define LONG_TEXT_CHARS 16384
#define LONG_TEXT_LINES 400

/**
 * trib_format_error_text:
 * @text: (nullable): an error message or a server's explanation
 *
 * For a status page, a dialog or a label with room for a paragraph.
 *
 * Returns: (transfer full) (nullable): @text, bounded to a readable length
 */
char *
trib_format_error_text (const char *text)
{
  return trib_text_bound (text, -1, TRIB_TEXT_BOUND_MESSAGE_CHARS, TRIB_TEXT_BOUND_MESSAGE_LINES);
}

/**
 * trib_format_error_line:
 * @text: (nullable): an error message or a server's explanation
 *
 * For a row, a toast or anything else one line high.
 *
 * Returns: (transfer full) (nullable): @text on one line, bounded
 */
char *
trib_format_error_line (const char *text)
{
  return trib_text_bound (text, -1, ERROR_LINE_CHARS, 1);
}

/**
 * trib_format_long_text:
 * @text: (nullable): a server's answer or other long text from outside
 *
 * For a scrolled text view, which takes more than a label but still
 * lays out every line it is given.
 *
 * Returns: (transfer full) (nullable): @text, bounded
 */
char *
trib_format_long_text (const char *text)
{
  return trib_text_bound (text, -1, LONG_TEXT_CHARS, LONG_TEXT_LINES);
}

static void
label_without_hyphens (GtkLabel *label)
{
  PangoAttrList *old = gtk_label_get_attributes (label);
  g_autoptr(PangoAttrList) attrs = old != NULL ? pango_attr_list_copy (old) : pango_attr_list_new ();

  pango_attr_list_change (attrs, pango_attr_insert_hyphens_new (FALSE));
  gtk_label_set_attributes (label, attrs);
}

/**
 * trib_format_without_hyphens:
 * @widget: a label, or a widget holding labels (a row)
 *
 * A label that wraps may break a word too long for its line, and Pango
 * then inserts a hyphen: an identifier (`…@AdobeOrg`, a technical
 * account) would read as if it held one. Its labels break such words
 * without.
 */
void
trib_format_without_hyphens (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget))
    label_without_hyphens (GTK_LABEL (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    trib_format_without_hyphens (child);
}
