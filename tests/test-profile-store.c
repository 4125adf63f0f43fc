/* test-profile-store.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "trib-profile-store.h"

static void
store_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_new_destroy (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/profiles.ini");
  TribProfileStore *store = trib_profile_store_new (file);
  TribProfile *profile = trib_profile_new (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_finalize_object (store);
  g_assert_finalize_object (profile);
}

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           guint      *count)
{
  (*count)++;
}

static void
test_profile_notify (void)
{
  g_autoptr(TribProfile) profile = trib_profile_new (NULL);
  guint count = 0;

  g_signal_connect (profile, "notify::org-id", G_CALLBACK (notify_cb), &count);
  trib_profile_set_org_id (profile, "A@AdobeOrg");
  trib_profile_set_org_id (profile, "A@AdobeOrg");
  /* Surrounding spaces pasted from a web page are not part of an id. */
  trib_profile_set_org_id (profile, "  A@AdobeOrg \n");
  g_assert_cmpuint (count, ==, 1);
  g_assert_cmpstr (trib_profile_get_org_id (profile), ==, "A@AdobeOrg");
}

static void
test_round_trip (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trib-profiles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "profiles.ini", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TribProfileStore) store = trib_profile_store_new (file);
  g_autoptr(TribProfileStore) reloaded = trib_profile_store_new (file);
  g_autoptr(TribProfile) first = trib_profile_new (NULL);
  g_autoptr(TribProfile) second = trib_profile_new (NULL);
  g_autoptr(GAsyncResult) saved = NULL;
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  TribProfile *copy;

  trib_profile_set_name (first, "Acme production");
  trib_profile_set_org_id (first, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  trib_profile_set_client_id (first, "4f6e2bd1a0c94e2f8d73b9e1c5a07f12");
  trib_profile_set_technical_account_id (first, "5B2D41C3@techacct.adobe.com");
  trib_profile_set_last_sandbox (first, "dev");
  trib_profile_set_name (second, "Acme EU");
  trib_profile_set_ims_url (second, "https://ims-eu1.adobelogin.com");

  trib_profile_store_add (store, first);
  trib_profile_store_add (store, second);
  trib_profile_store_save_async (store, NULL, store_cb, &saved);
  g_assert_true (trib_profile_store_save_finish (store, wait_for (&saved), &error));
  g_assert_no_error (error);

  /* No secret can be in the file: the profile has none to give. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (contents, "secret"));

  trib_profile_store_load_async (reloaded, NULL, store_cb, &loaded);
  g_assert_true (trib_profile_store_load_finish (reloaded, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);

  copy = trib_profile_store_lookup (reloaded, trib_profile_get_id (first));
  g_assert_nonnull (copy);
  g_assert_true (copy != first);
  g_assert_cmpstr (trib_profile_get_name (copy), ==, "Acme production");
  g_assert_cmpstr (trib_profile_get_org_id (copy), ==, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  g_assert_cmpstr (trib_profile_get_client_id (copy), ==, "4f6e2bd1a0c94e2f8d73b9e1c5a07f12");
  g_assert_cmpstr (trib_profile_get_technical_account_id (copy), ==, "5B2D41C3@techacct.adobe.com");
  g_assert_cmpstr (trib_profile_get_last_sandbox (copy), ==, "dev");
  g_assert_cmpstr (trib_profile_get_start_sandbox (copy), ==, "dev");
  g_assert_cmpstr (trib_profile_get_platform_url (copy), ==, TRIB_DEFAULT_PLATFORM_URL);

  copy = trib_profile_store_lookup (reloaded, trib_profile_get_id (second));
  g_assert_cmpstr (trib_profile_get_ims_url (copy), ==, "https://ims-eu1.adobelogin.com");
  g_assert_cmpstr (trib_profile_get_start_sandbox (copy), ==, TRIB_DEFAULT_SANDBOX);

  g_remove (path);
  g_rmdir (dir);
}

static void
test_missing_file_is_empty (void)
{
  g_autofree char *dir = g_dir_make_tmp ("trib-profiles-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "none.ini", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TribProfileStore) store = trib_profile_store_new (file);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GError) error = NULL;

  trib_profile_store_load_async (store, NULL, store_cb, &loaded);
  g_assert_true (trib_profile_store_load_finish (store, wait_for (&loaded), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_rmdir (dir);
}

static void
test_validate_names_missing (void)
{
  g_autoptr(TribProfile) profile = trib_profile_new (NULL);
  g_autoptr(GError) error = NULL;

  trib_profile_set_org_id (profile, "A@AdobeOrg");
  g_assert_false (trib_profile_validate (profile, &error));
  g_assert_nonnull (strstr (error->message, "client ID"));
  g_assert_nonnull (strstr (error->message, "technical account ID"));
  g_assert_null (strstr (error->message, "organization ID"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/profile-store/new-destroy", test_new_destroy);
  g_test_add_func ("/tributary/profile-store/profile-notify", test_profile_notify);
  g_test_add_func ("/tributary/profile-store/round-trip", test_round_trip);
  g_test_add_func ("/tributary/profile-store/missing-file", test_missing_file_is_empty);
  g_test_add_func ("/tributary/profile-store/validate", test_validate_names_missing);

  return g_test_run ();
}
