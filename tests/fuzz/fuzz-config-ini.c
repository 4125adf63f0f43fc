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

#include <string.h>

#include "fuzz-common.h"
#include "trib-config-ini.h"
#include "trib-util.h"

/* GLib 2.74's GKeyFile sets its error twice, with a warning, on a value
 * holding an unknown escape (\1) and ending in a backslash. That is
 * GLib's bug, not the importer's, and goes away with the importer's
 * move to configparser's rules, which have no escapes: until then such
 * files are left out.
 */
static gboolean
has_glib_double_error (const char *data,
                       gsize       size)
{
  gboolean unknown_escape = FALSE;

  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\n')
        unknown_escape = FALSE;
      else if (data[i] == '\\')
        {
          if (i + 1 == size || data[i + 1] == '\n' || data[i + 1] == '\0' ||
              (data[i + 1] == '\r' && (i + 2 == size || data[i + 2] == '\n')))
            {
              if (unknown_escape)
                return TRUE;
            }
          else if (strchr ("sntr\\", data[i + 1]) == NULL)
            unknown_escape = TRUE;
          i++;
        }
    }

  return FALSE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *client_secret = NULL;
  gboolean utf8 = g_utf8_validate ((const char *) data, size, NULL);

  if (has_glib_double_error ((const char *) data, size))
    return 0;

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
