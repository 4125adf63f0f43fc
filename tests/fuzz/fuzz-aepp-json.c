/* fuzz-aepp-json.c
 *
 * The import of aepp's JSON configuration file: a profile and a secret,
 * or an error a dialog can show, never both and never neither; what it
 * reads is UTF-8, whatever the file.
 *
 * No error quotes the file at all, the secret least of all: the target
 * plants FUZZ_PLANTED_SECRET wherever the input has FUZZ_SECRET_MARKER
 * (in "secret" mostly, as the seeds have it), and the error must not
 * hold it.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "trib-config-ini.h"
#include "trib-util.h"

static GString *
plant_secret (const char *data,
              gsize       size)
{
  GString *text = g_string_sized_new (size + 64);
  gsize marker = strlen (FUZZ_SECRET_MARKER);

  for (gsize i = 0; i < size; i++)
    {
      if (size - i >= marker && memcmp (data + i, FUZZ_SECRET_MARKER, marker) == 0)
        {
          g_string_append (text, FUZZ_PLANTED_SECRET);
          i += marker - 1;
        }
      else
        g_string_append_c (text, data[i]);
    }

  return text;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = plant_secret ((const char *) data, size);
  char *secret = NULL;

  profile = trib_config_ini_parse_aepp_json (text->str, text->len, &secret, &error);

  if (profile == NULL)
    {
      g_assert_nonnull (error);
      g_assert_null (secret);
      fuzz_assert_utf8 (error->message);
      fuzz_assert_no_secret (error->message);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (secret);
  g_assert_cmpstr (secret, !=, "");
  g_assert_null (strchr (secret, '\n'));
  fuzz_assert_utf8 (secret);
  g_assert_nonnull (trib_profile_get_org_id (profile));
  g_assert_nonnull (trib_profile_get_client_id (profile));
  g_assert_nonnull (trib_profile_get_scopes (profile));
  g_assert_null (strchr (trib_profile_get_scopes (profile), ' '));
  fuzz_assert_utf8 (trib_profile_get_name (profile));
  fuzz_assert_utf8 (trib_profile_get_org_id (profile));
  fuzz_assert_utf8 (trib_profile_get_client_id (profile));
  fuzz_assert_utf8 (trib_profile_get_technical_account_id (profile));
  fuzz_assert_utf8 (trib_profile_get_scopes (profile));
  fuzz_assert_utf8 (trib_profile_get_default_sandbox (profile));
  fuzz_assert_utf8 (trib_profile_get_platform_url (profile));
  fuzz_assert_utf8 (trib_profile_get_ims_url (profile));

  trib_secret_free (secret);

  return 0;
}
