/* trib-test-platform.c
 *
 * What the platform layer's tests share: a profile and a client for the
 * simulator one test started, and a way to wait for an async result.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-platform-client-private.h"
#include "trib-test-platform.h"

/* Short waits, so backoff is exercised without slowing the suite. */
const TribRetryPolicy trib_test_fast_policy = { 4, 20, 100, 5 };

/* The simulator's demo org, its first API client and default sandbox. */
TribProfile *
trib_test_platform_profile (TribTestSim *sim)
{
  TribProfile *profile = trib_profile_new (NULL);

  trib_profile_set_name (profile, "Simulator");
  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, sim->client_id);
  trib_profile_set_technical_account_id (profile, sim->technical_account_id);
  trib_profile_set_scopes (profile, sim->scopes);
  trib_profile_set_default_sandbox (profile, sim->sandbox);
  trib_profile_set_ims_url (profile, sim->base_url);
  trib_profile_set_platform_url (profile, sim->base_url);

  return profile;
}

/* A client of the simulator with @secret, or the right one if %NULL,
 * retrying after a few milliseconds rather than seconds.
 */
TribPlatformClient *
trib_test_platform_client (TribTestSim *sim,
                           const char  *secret)
{
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(GError) error = NULL;
  TribPlatformClient *client;

  client = trib_platform_client_new (profile, secret != NULL ? secret : sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  trib_platform_client_set_retry_policy (client, &trib_test_fast_policy);

  return client;
}

/* Keeps the result in the GAsyncResult * that @user_data points to. */
void
trib_test_result_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* A call that never finishes hangs here until the test's timeout. */
GAsyncResult *
trib_test_wait_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}
