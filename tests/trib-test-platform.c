/* trib-test-platform.c
 *
 * What the platform layer's tests share: a profile and a client for the
 * simulator one test started, ways to wait for an async result, a
 * request or a page, and to find what a list holds.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "trib-dataset.h"
#include "trib-xdm-resource.h"
#include "trib-platform-client-private.h"
#include "trib-sandbox-management.h"
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

/* A client of the simulator as the application makes one, with the
 * platform's own retry policy, working in the prod sandbox.
 */
TribPlatformClient *
trib_test_platform_default_client (TribTestSim *sim)
{
  g_autoptr(TribProfile) profile = trib_test_platform_profile (sim);
  g_autoptr(GError) error = NULL;
  TribPlatformClient *client;

  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  trib_platform_client_set_sandbox (client, "prod");

  return client;
}

/* @client's token, signing in if it has none yet: for requests made
 * without the client, as a bare anchor makes them.
 */
char *
trib_test_platform_token (TribPlatformClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  trib_ims_auth_get_token_async (trib_platform_client_get_auth (client), NULL, trib_test_result_cb, &result);
  token = trib_ims_auth_get_token_finish (trib_platform_client_get_auth (client), trib_test_wait_result (&result), &error);
  g_assert_no_error (error);

  return token;
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

/* @method @path with @body, the raw call, waited for. */
JsonNode *
trib_test_call (TribPlatformClient  *client,
                const char          *method,
                const char          *path,
                JsonNode            *body,
                GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_platform_client_call_async (client, method, path, body, NULL, TRIB_CALL_NONE, NULL, trib_test_result_cb, &result);

  return trib_platform_client_call_finish (client, trib_test_wait_result (&result), error);
}

/* The first page of sandboxes, as a list, waited for. */
GListModel *
trib_test_list_sandboxes (TribPlatformClient  *client,
                          guint                page_size,
                          GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_sandbox_management_list_async (client, page_size, NULL, trib_test_result_cb, &result);

  return trib_sandbox_management_list_finish (trib_test_wait_result (&result), error);
}

/* Signs @client in, so that a fault a test then aims at a platform path
 * is not taken by the token request.
 */
void
trib_test_sign_in (TribPlatformClient *client)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = trib_test_call (client, "GET", "/data/foundation/sandbox-management/sandboxes/prod", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
}

/* Lists the sandboxes of @session, which must succeed. */
void
trib_test_session_refresh (TribSession *session)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  trib_session_refresh_async (session, NULL, trib_test_result_cb, &result);
  g_assert_true (trib_session_refresh_finish (session, trib_test_wait_result (&result), &error));
  g_assert_no_error (error);
}

/**
 * trib_test_find_sandbox:
 *
 * Returns: (transfer full): the sandbox of @session named @name, which
 *   must be listed
 */
TribSandbox *
trib_test_find_sandbox (TribSession *session,
                        const char  *name)
{
  GListModel *sandboxes = trib_session_get_sandboxes (session);

  for (guint i = 0; i < g_list_model_get_n_items (sandboxes); i++)
    {
      g_autoptr(TribSandbox) sandbox = g_list_model_get_item (sandboxes, i);

      if (g_strcmp0 (trib_sandbox_get_name (sandbox), name) == 0)
        return g_steal_pointer (&sandbox);
    }

  g_assert_not_reached ();
}

/* Waits until the simulator has been sent @method @path at least once,
 * as by a call made in the background; fails after ten seconds.
 */
void
trib_test_wait_for_request (TribTestSim *sim,
                            const char  *method,
                            const char  *path)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (trib_test_sim_count_requests (sim, method, path) < 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

/* A name no other test run, in this process or another, has used. */
char *
trib_test_unique_name (const char *prefix)
{
  static guint counter;

  return g_strdup_printf ("%s %u-%u", prefix, (guint) getpid (), ++counter);
}

void
trib_test_wait_first_page (TribPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (trib_paged_list_get_loading (list))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_null (trib_paged_list_get_error (list));
}

/* Does what a view held at the bottom of the list does: asks for the last
 * item, again each time the list grows, until the list is complete or
 * fails. Nothing else asks for pages.
 */
void
trib_test_scroll_to_end (TribPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!trib_paged_list_get_complete (list) &&
         (trib_paged_list_get_error (list) == NULL || trib_paged_list_get_loading (list)))
    {
      guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (n_items > 0)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), n_items - 1));
      g_main_context_iteration (NULL, TRUE);
    }
}

/* Reads every page, as scrolling to the end would, each without error. */
void
trib_test_load_all (TribPagedList *list)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!trib_paged_list_get_complete (list))
    {
      g_assert_null (trib_paged_list_get_error (list));
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      if (!trib_paged_list_get_loading (list))
        trib_paged_list_load_more (list);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_null (trib_paged_list_get_error (list));
}

/**
 * trib_test_find_by_id:
 * @model: a list of #TribDataset or #TribXdmResource
 *
 * Returns: (transfer full) (nullable): the item of @model with @id
 */
gpointer
trib_test_find_by_id (GListModel *model,
                      const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      const char *item_id = TRIB_IS_DATASET (item) ? trib_dataset_get_id (TRIB_DATASET (item))
                                                   : trib_xdm_resource_get_id (TRIB_XDM_RESOURCE (item));

      if (g_strcmp0 (item_id, id) == 0)
        return g_steal_pointer (&item);
    }

  return NULL;
}

/* @n_expected datasets in @list, ordered by name, each once: no page
 * twice, none lost.
 */
void
trib_test_assert_datasets_listed (TribPagedList *list,
                                  guint          n_expected)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n_items, ==, n_expected);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_true (g_hash_table_add (seen, g_strdup (trib_dataset_get_id (dataset))));
      if (i > 0)
        {
          g_autoptr(TribDataset) previous = g_list_model_get_item (G_LIST_MODEL (list), i - 1);

          g_assert_cmpint (g_ascii_strcasecmp (trib_dataset_get_name (previous), trib_dataset_get_name (dataset)),
                           <=, 0);
        }
    }
}
