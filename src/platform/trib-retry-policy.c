/* trib-retry-policy.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-retry-policy"

#include "config.h"

#include <libsoup/soup.h>

#include "trib-retry-policy.h"

/**
 * trib_retry_policy_is_idempotent:
 * @method: an HTTP method
 *
 * Returns: whether repeating @method cannot create or change anything twice
 */
gboolean
trib_retry_policy_is_idempotent (const char *method)
{
  static const char * const idempotent[] = { "GET", "HEAD", "OPTIONS", "PUT", "DELETE" };

  for (guint i = 0; i < G_N_ELEMENTS (idempotent); i++)
    if (g_strcmp0 (method, idempotent[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
static gint64
parse_retry_after_s (const char *retry_after,
                     GDateTime  *now)
{
  g_autoptr(GDateTime) date = NULL;
  guint64 seconds;

  if (retry_after == NULL)
    return -1;

  if (g_ascii_string_to_unsigned (retry_after, 10, 0, G_MAXINT32, &seconds, NULL))
    return (gint64) seconds;

  if ((date = soup_date_time_new_from_http_string (retry_after)))
    return MAX (0, g_date_time_difference (date, now) / G_TIME_SPAN_SECOND);

  return -1;
}

/**
 * trib_retry_policy_next_delay_ms:
 * @policy: the policy
 * @idempotent: whether sending the call twice does no more than once
 * @attempts_made: how many attempts were made so far (1 after the first)
 * @status: the HTTP status of the last attempt, or 0 for a transient
 *   transport failure (connection reset, cut-off body)
 * @retry_after: (nullable): the `Retry-After` header of the answer
 * @now: the current time, to read a `Retry-After` date against
 * @jitter: a random number in [0, 1)
 *
 * Only idempotent calls are repeated: a POST that creates something is
 * never sent twice behind the user's back. Whether a call is idempotent
 * is its endpoint's to say (#TribEndpoint), not the method's alone.
 *
 * Returns: how long to wait before the next attempt, or -1 to give up
 */
gint64
trib_retry_policy_next_delay_ms (const TribRetryPolicy *policy,
                                 gboolean               idempotent,
                                 guint                  attempts_made,
                                 guint                  status,
                                 const char            *retry_after,
                                 GDateTime             *now,
                                 double                 jitter)
{
  gint64 backoff_ms;

  g_return_val_if_fail (policy != NULL, -1);
  g_return_val_if_fail (now != NULL, -1);

  if (attempts_made >= policy->max_attempts || !idempotent)
    return -1;

  if (status == 429)
    {
      gint64 seconds = parse_retry_after_s (retry_after, now);

      if (seconds > (gint64) policy->max_retry_after_s)
        return -1;
      if (seconds >= 0)
        return seconds * 1000;
    }
  else if (status != 0 && (status < 500 || status > 599 || status == 501))
    {
      return -1;
    }

  /* Exponential backoff with "equal jitter": half the step is fixed, half
   * random, so clients that failed together do not retry together.
   */
  backoff_ms = (gint64) policy->base_delay_ms << MIN (attempts_made - 1, 20u);
  backoff_ms = MIN (backoff_ms, (gint64) policy->max_delay_ms);

  return backoff_ms / 2 + (gint64) (CLAMP (jitter, 0.0, 1.0) * (backoff_ms / 2));
}
