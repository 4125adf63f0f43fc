/* fuzz-config-ini.c
 *
 * The config.ini import on any file the user may pick: it gives a
 * profile and a secret, or an error a dialog can show, never both and
 * never neither. Of a file in UTF-8, what it reads is UTF-8.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "fuzz-common.h"
#include "trib-config-ini.h"
#include "trib-util.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *client_secret = NULL;
  gboolean utf8 = g_utf8_validate ((const char *) data, size, NULL);

  profile = trib_config_ini_parse ((const char *) data, size, &client_secret, &error);

  if (profile == NULL)
    {
      g_assert_nonnull (error);
      g_assert_null (client_secret);
      if (utf8)
        fuzz_assert_utf8 (error->message);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (client_secret);
  g_assert_cmpstr (client_secret, !=, "");
  g_assert_nonnull (trib_profile_get_org_id (profile));
  g_assert_nonnull (trib_profile_get_client_id (profile));
  g_assert_nonnull (trib_profile_get_name (profile));
  fuzz_assert_utf8 (trib_profile_get_name (profile));
  fuzz_assert_utf8 (trib_profile_get_org_id (profile));
  fuzz_assert_utf8 (trib_profile_get_client_id (profile));
  fuzz_assert_utf8 (trib_profile_get_technical_account_id (profile));
  fuzz_assert_utf8 (trib_profile_get_scopes (profile));
  fuzz_assert_utf8 (trib_profile_get_default_sandbox (profile));

  trib_secret_free (client_secret);

  return 0;
}
