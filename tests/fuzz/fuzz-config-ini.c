/* fuzz-config-ini.c
 *
 * The config.ini import on any file the user may pick: it gives a
 * profile and a secret, or an error a dialog can show, never both and
 * never neither. Whatever the file, its error is UTF-8, and what it
 * reads from a file in UTF-8 is UTF-8.
 *
 * No error may quote the client secret. Where the input has
 * FUZZ_SECRET_MARKER in the value of a `client_secret` line, the target
 * plants FUZZ_PLANTED_SECRET instead, and then knows the secret: the
 * error must not hold it. Errors may name sections and keys, so an
 * input that has the planted text of its own is not checked for it.
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

#define SECRET_KEY "client_secret"

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t';
}

/* Only after the delimiter of a line whose key is client_secret: there
 * the marker is in a value, whether configparser reads the line as a
 * key's or as the continuation of the key before.
 */
static GString *
plant_secret (const char *data,
              gsize       size)
{
  GString *text = g_string_sized_new (size + 64);
  gsize i = 0;

  while (i < size)
    {
      gsize end = i;
      gsize p = i;
      gboolean in_value = FALSE;

      while (end < size && data[end] != '\n' && data[end] != '\r')
        end++;

      while (p < end && is_blank (data[p]))
        p++;
      if (end - p >= strlen (SECRET_KEY) && g_ascii_strncasecmp (data + p, SECRET_KEY, strlen (SECRET_KEY)) == 0)
        {
          p += strlen (SECRET_KEY);
          while (p < end && is_blank (data[p]))
            p++;
          in_value = p < end && (data[p] == '=' || data[p] == ':');
        }

      for (; i < end; i++)
        {
          if (in_value && i > p && end - i >= strlen (FUZZ_SECRET_MARKER) &&
              memcmp (data + i, FUZZ_SECRET_MARKER, strlen (FUZZ_SECRET_MARKER)) == 0)
            {
              g_string_append (text, FUZZ_PLANTED_SECRET);
              i += strlen (FUZZ_SECRET_MARKER) - 1;
            }
          else
            g_string_append_c (text, data[i]);
        }

      if (i < size)
        g_string_append_c (text, data[i++]);
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
  gboolean own_secret = fuzz_contains ((const char *) data, size, "Pl4nted");
  char *client_secret = NULL;
  gboolean utf8 = g_utf8_validate_len (text->str, text->len, NULL);

  profile = trib_config_ini_parse (text->str, text->len, &client_secret, &error);

  if (profile == NULL)
    {
      g_assert_nonnull (error);
      g_assert_null (client_secret);
      fuzz_assert_utf8 (error->message);
      if (!own_secret)
        fuzz_assert_no_secret (error->message);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_true (utf8);
  g_assert_nonnull (client_secret);
  g_assert_cmpstr (client_secret, !=, "");
  g_assert_nonnull (trib_profile_get_org_id (profile));
  g_assert_nonnull (trib_profile_get_client_id (profile));
  g_assert_nonnull (trib_profile_get_name (profile));
  fuzz_assert_utf8 (client_secret);
  fuzz_assert_utf8 (trib_profile_get_name (profile));
  fuzz_assert_utf8 (trib_profile_get_org_id (profile));
  fuzz_assert_utf8 (trib_profile_get_client_id (profile));
  fuzz_assert_utf8 (trib_profile_get_technical_account_id (profile));
  fuzz_assert_utf8 (trib_profile_get_scopes (profile));
  fuzz_assert_utf8 (trib_profile_get_default_sandbox (profile));

  trib_secret_free (client_secret);

  return 0;
}
