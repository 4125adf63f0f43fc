/* test-sign-in.c
 *
 * Signing in against tributary-sim, without GTK: the states a sign-in
 * goes through, and the step a failure names.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-error.h"
#include "trib-platform-enums.h"
#include "trib-sign-in.h"
#include "trib-test-platform.h"

#define SANDBOXES_PATH "/data/foundation/sandbox-management/"

/* A store that keeps secrets in memory, as when no keyring answers. */
static TribSecretStore *
memory_store (void)
{
  TribSecretStore *store = trib_secret_store_new ();

  trib_secret_store_set_session_only (store, TRUE);

  return store;
}

static void
state_cb (TribSignIn *sign_in,
          GParamSpec *pspec,
          GArray     *states)
{
  TribSignInState state = trib_sign_in_get_state (sign_in);

  g_array_append_val (states, state);
}

/* Runs a sign-in to its end, noting every state it announced. */
static TribSession *
sign_in (TribSignIn       *sign_in,
         TribProfile      *profile,
         const char       *secret,
         TribSignInFlags   flags,
         GArray           *states,
         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  gulong handler = g_signal_connect (sign_in, "notify::state", G_CALLBACK (state_cb), states);

  trib_sign_in_run_async (sign_in, profile, secret, flags, NULL, trib_test_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (sign_in, handler);

  return trib_sign_in_run_finish (sign_in, result, error);
}

static void
assert_states (GArray                *states,
               const TribSignInState *expected,
               guint                  n_expected)
{
  g_assert_cmpmem (states->data, states->len * sizeof (TribSignInState),
                   expected, n_expected * sizeof (TribSignInState));
  g_array_set_size (states, 0);
}

static void
test_prove_new_profile (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(TribSecretStore) store = memory_store ();
  g_autoptr(TribSignIn) sign_in_ = trib_sign_in_new (store, NULL);
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (TribSignInState));
  g_autoptr(TribSession) session = NULL;
  g_autoptr(GError) error = NULL;
  static const TribSignInState proved[] = {
    TRIB_SIGN_IN_STATE_CONNECTING, TRIB_SIGN_IN_STATE_GETTING_TOKEN,
    TRIB_SIGN_IN_STATE_LISTING_SANDBOXES, TRIB_SIGN_IN_STATE_SIGNED_IN,
  };

  session = sign_in (sign_in_, profile, sim->client_secret, TRIB_SIGN_IN_PROVE, states, &error);
  g_assert_no_error (error);
  assert_states (states, proved, G_N_ELEMENTS (proved));
  g_assert_true (trib_sign_in_get_session (sign_in_) == session);
  g_assert_true (trib_session_get_profile (session) == profile);
  g_assert_cmpuint (g_list_model_get_n_items (trib_session_get_sandboxes (session)), >, 0);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 1);
}

static void
test_saved_profile_reads_keyring (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(TribSecretStore) store = memory_store ();
  g_autoptr(TribSignIn) sign_in_ = trib_sign_in_new (store, NULL);
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (TribSignInState));
  g_autoptr(GAsyncResult) stored = NULL;
  g_autoptr(TribSession) session = NULL;
  g_autoptr(GError) error = NULL;
  static const TribSignInState missing[] = {
    TRIB_SIGN_IN_STATE_READING_SECRET, TRIB_SIGN_IN_STATE_FAILED,
  };
  static const TribSignInState found[] = {
    TRIB_SIGN_IN_STATE_READING_SECRET, TRIB_SIGN_IN_STATE_CONNECTING, TRIB_SIGN_IN_STATE_SIGNED_IN,
  };

  /* Nothing in the keyring: the caller is told so, to ask for it. */
  session = sign_in (sign_in_, profile, NULL, TRIB_SIGN_IN_NONE, states, &error);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_SECRET_NOT_FOUND);
  g_assert_null (session);
  assert_states (states, missing, G_N_ELEMENTS (missing));
  g_assert_cmpint (trib_sign_in_get_failed_at (sign_in_), ==, TRIB_SIGN_IN_STATE_READING_SECRET);
  g_clear_error (&error);

  trib_secret_store_store_async (store, trib_profile_get_id (profile), TRIB_SECRET_KIND_CLIENT_SECRET,
                                 "Simulator", sim->client_secret, NULL, trib_test_result_cb, &stored);
  while (stored == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (trib_secret_store_store_finish (store, stored, NULL));

  /* Without proof, no request is made until a page asks for something. */
  trib_test_sim_clear_requests (sim);
  session = sign_in (sign_in_, profile, NULL, TRIB_SIGN_IN_NONE, states, &error);
  g_assert_no_error (error);
  assert_states (states, found, G_N_ELEMENTS (found));
  g_assert_nonnull (session);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 0);
}

static void
test_failures_name_their_step (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(TribSecretStore) store = memory_store ();
  g_autoptr(TribSignIn) sign_in_ = trib_sign_in_new (store, NULL);
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (TribSignInState));
  g_autoptr(TribProfile) plain_http = trib_test_platform_profile (sim);
  g_autoptr(TribSession) session = NULL;
  g_autoptr(GError) error = NULL;

  /* IMS refuses a wrong secret. */
  session = sign_in (sign_in_, profile, "not-the-secret", TRIB_SIGN_IN_PROVE, states, &error);
  g_assert_nonnull (error);
  g_assert_null (session);
  g_assert_cmpint (trib_sign_in_get_state (sign_in_), ==, TRIB_SIGN_IN_STATE_FAILED);
  g_assert_cmpint (trib_sign_in_get_failed_at (sign_in_), ==, TRIB_SIGN_IN_STATE_GETTING_TOKEN);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", SANDBOXES_PATH), ==, 0);
  g_clear_error (&error);

  /* The platform refuses after IMS agreed. */
  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"status\", \"status\": 403}");
  session = sign_in (sign_in_, profile, sim->client_secret, TRIB_SIGN_IN_PROVE, states, &error);
  g_assert_nonnull (error);
  g_assert_cmpint (trib_sign_in_get_failed_at (sign_in_), ==, TRIB_SIGN_IN_STATE_LISTING_SANDBOXES);
  g_assert_null (trib_sign_in_get_session (sign_in_));
  g_clear_error (&error);
  trib_test_sim_clear_faults (sim);

  /* A platform address the client will not use is the profile's fault. */
  trib_profile_set_platform_url (plain_http, "ftp://platform.example.com");
  session = sign_in (sign_in_, plain_http, sim->client_secret, TRIB_SIGN_IN_PROVE, states, &error);
  g_assert_nonnull (error);
  g_assert_cmpint (trib_sign_in_get_failed_at (sign_in_), ==, TRIB_SIGN_IN_STATE_CONNECTING);
}

static void
test_new_run_replaces_old (void)
{
  g_autoptr(TribTestSim) sim = trib_test_sim_start (NULL);
  g_autoptr(TribProfile) first = trib_test_platform_profile (sim);
  g_autoptr(TribProfile) second = trib_test_platform_profile (sim);
  g_autoptr(TribSecretStore) store = memory_store ();
  g_autoptr(TribSignIn) sign_in_ = trib_sign_in_new (store, NULL);
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(TribSession) first_session = NULL;
  g_autoptr(TribSession) second_session = NULL;
  g_autoptr(GError) error = NULL;

  trib_test_sim_add_fault (sim, "{\"path\": \"" SANDBOXES_PATH "\", \"kind\": \"delay\", \"delay_ms\": 500}");
  trib_sign_in_run_async (sign_in_, first, sim->client_secret, TRIB_SIGN_IN_PROVE, NULL, trib_test_result_cb, &first_result);
  while (trib_sign_in_get_state (sign_in_) != TRIB_SIGN_IN_STATE_LISTING_SANDBOXES)
    g_main_context_iteration (NULL, TRUE);

  trib_sign_in_run_async (sign_in_, second, sim->client_secret, TRIB_SIGN_IN_NONE, NULL, trib_test_result_cb, &second_result);
  while (first_result == NULL || second_result == NULL)
    g_main_context_iteration (NULL, TRUE);

  first_session = trib_sign_in_run_finish (sign_in_, first_result, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (first_session);
  g_clear_error (&error);
  second_session = trib_sign_in_run_finish (sign_in_, second_result, &error);
  g_assert_no_error (error);
  g_assert_true (trib_session_get_profile (second_session) == second);
  g_assert_true (trib_sign_in_get_profile (sign_in_) == second);
  g_assert_true (trib_sign_in_get_session (sign_in_) == second_session);
  g_assert_cmpint (trib_sign_in_get_state (sign_in_), ==, TRIB_SIGN_IN_STATE_SIGNED_IN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/sign-in/prove-new-profile", test_prove_new_profile);
  g_test_add_func ("/tributary/sign-in/saved-profile-reads-keyring", test_saved_profile_reads_keyring);
  g_test_add_func ("/tributary/sign-in/failures-name-their-step", test_failures_name_their_step);
  g_test_add_func ("/tributary/sign-in/new-run-replaces-old", test_new_run_replaces_old);

  return g_test_run ();
}
