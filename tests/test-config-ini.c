/* test-config-ini.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-config-ini.h"
#include "trib-error.h"
#include "trib-util.h"

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_good (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-good.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_cmpstr (trib_profile_get_org_id (profile), ==, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  g_assert_cmpstr (trib_profile_get_default_sandbox (profile), ==, "dev");
  g_assert_cmpstr (trib_profile_get_client_id (profile), ==, "4f6e2bd1a0c94e2f8d73b9e1c5a07f12");
  g_assert_cmpstr (trib_profile_get_technical_account_id (profile), ==, "5B2D41C3@techacct.adobe.com");
  g_assert_cmpstr (trib_profile_get_scopes (profile), ==,
                   "openid, AdobeID, read_organizations, additional_info.projectedProductContext, session");
  g_assert_cmpstr (secret, ==, "p8e-EXAMPLE-not-a-real-secret-000000");
  /* The hosts are Adobe's production ones unless changed. */
  g_assert_cmpstr (trib_profile_get_ims_url (profile), ==, TRIB_DEFAULT_IMS_URL);
  g_assert_true (trib_profile_validate (profile, NULL));

  trib_secret_free (secret);
}

static void
test_missing_keys (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-missing.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_null (profile);
  g_assert_null (secret);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  /* Every missing or empty key is named, and only those. */
  g_assert_nonnull (strstr (error->message, "client_id"));
  g_assert_nonnull (strstr (error->message, "client_secret"));
  g_assert_nonnull (strstr (error->message, "tech_acct_id"));
  g_assert_null (strstr (error->message, "ims_org_id"));
  g_assert_null (strstr (error->message, "sandbox_name"));
}

static void
test_placeholders (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-placeholder.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_null (profile);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "ims_org_id"));
  g_assert_nonnull (strstr (error->message, "client_secret"));
  g_assert_null (strstr (error->message, "client_id,"));
}

static void
test_garbage (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-garbage.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_null (profile);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
}

static void
test_no_section (void)
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  profile = trib_config_ini_parse ("[Other]\nclient_id=x\n", -1, &secret, &error);

  g_assert_null (profile);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "[Credential]"));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_read_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "config-good.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  trib_config_ini_read_async (file, NULL, read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  profile = trib_config_ini_read_finish (result, &secret, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_profile_get_default_sandbox (profile), ==, "dev");
  g_assert_cmpstr (secret, ==, "p8e-EXAMPLE-not-a-real-secret-000000");
  trib_secret_free (secret);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/config-ini/good", test_good);
  g_test_add_func ("/tributary/config-ini/missing-keys", test_missing_keys);
  g_test_add_func ("/tributary/config-ini/placeholders", test_placeholders);
  g_test_add_func ("/tributary/config-ini/garbage", test_garbage);
  g_test_add_func ("/tributary/config-ini/no-section", test_no_section);
  g_test_add_func ("/tributary/config-ini/read-async", test_read_async);

  return g_test_run ();
}
