/* fuzz-platform-error.c
 *
 * An error answer as the platform layer meets it: a status, a content
 * type and a body, all chosen by the server. The input is the status
 * (two bytes), then the content type up to a NUL, then the body; with
 * no NUL there is no content type. libsoup hands header values over as
 * UTF-8 (it replaces other bytes), so the content type is made so too.
 *
 * Whatever arrives, the error is one of ours, keeps the status, and
 * its message is text a label can show.
 *
 * trib_platform_error_new_from_response() parses the body itself, with
 * trib_json_parse_bounded(): any body goes in.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "trib-platform-error.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *content_type = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  const char *parts[2];
  gsize lengths[2];
  guint status;

  if (size < 2)
    return 0;

  /* 100 to 699: what libsoup lets through as a status line. */
  status = 100 + ((data[0] << 8) | data[1]) % 600;

  if (fuzz_split (data + 2, size - 2, 2, parts, lengths) == 2)
    {
      content_type = g_utf8_make_valid (parts[0], lengths[0]);
      body = g_bytes_new (parts[1], lengths[1]);
    }
  else
    {
      body = g_bytes_new (parts[0], lengths[0]);
    }

  error = trib_platform_error_new_from_response (status, content_type, body, "fuzz-request");

  g_assert_nonnull (error);
  g_assert_true (error->domain == TRIB_PLATFORM_ERROR);
  g_assert_cmpuint (trib_platform_error_get_status (error), ==, status);
  g_assert_cmpstr (trib_platform_error_get_request_id (error), ==, "fuzz-request");
  g_assert_true (trib_platform_error_get_title (error) != NULL ||
                 trib_platform_error_get_detail (error) != NULL);

  fuzz_assert_utf8 (error->message);
  fuzz_assert_utf8 (trib_platform_error_get_code (error));
  fuzz_assert_utf8 (trib_platform_error_get_title (error));
  fuzz_assert_utf8 (trib_platform_error_get_detail (error));

  return 0;
}
