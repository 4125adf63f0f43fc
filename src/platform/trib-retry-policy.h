/* trib-retry-policy.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribRetryPolicy:
 * @max_attempts: attempts in all, the first one included
 * @base_delay_ms: the wait before the first retry of a 5xx, before jitter
 * @max_delay_ms: the longest wait between attempts
 * @max_retry_after_s: the longest `Retry-After` honoured; a longer one
 *   fails the call at once so the user is not left waiting
 *
 * When a call is tried again. Pure data, so it can be tested without
 * sleeping.
 */
typedef struct
{
  guint max_attempts;
  guint base_delay_ms;
  guint max_delay_ms;
  guint max_retry_after_s;
} TribRetryPolicy;

#define TRIB_RETRY_POLICY_DEFAULT ((TribRetryPolicy) { 4, 500, 8000, 60 })

gboolean trib_retry_policy_is_idempotent (const char            *method);
gint64   trib_retry_policy_next_delay_ms (const TribRetryPolicy *policy,
                                          gboolean               idempotent,
                                          guint                  attempts_made,
                                          guint                  status,
                                          const char            *retry_after,
                                          GDateTime             *now,
                                          double                 jitter);

G_END_DECLS
