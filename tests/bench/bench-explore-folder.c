/* bench-explore-folder.c
 *
 * Opening the demo S3 bucket's folder of 10,000 files, against
 * tributary-sim, through the call the Explore view makes
 * (trib_flow_explore_browse_async()):
 *
 *   BENCH explore-folder requests=… target=1 rounds=…
 *     HTTP round trips from asking for the folder to its listing being
 *     ready to show (every entry at once: the platform does not page it)
 *   BENCH explore-folder overhead_ratio=… target=1.5 rounds=…
 *     that time over a bare libsoup GET of the same URL, on a session
 *     kept across rounds as the client keeps its own (the anchor); both
 *     in this process, rounds interleaved, medians of wall time
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-util.h"
#include "trib-flow-explore.h"
#include "trib-platform-client-private.h"
#include "trib-test-sim.h"
#include "trib-util.h"

#define ROUNDS 9
#define S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define FOLDER "/luma-demo-bucket/web-events/clickstream/"
#define N_FILES 10000

static void
result_cb (GObject      *object,
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

static TribPlatformClient *
client_for (TribTestSim *sim)
{
  g_autoptr(TribProfile) profile = trib_profile_new (NULL);
  g_autoptr(GError) error = NULL;
  TribPlatformClient *client;

  trib_profile_set_name (profile, "Benchmark");
  trib_profile_set_org_id (profile, sim->org_id);
  trib_profile_set_client_id (profile, sim->client_id);
  trib_profile_set_technical_account_id (profile, sim->technical_account_id);
  trib_profile_set_scopes (profile, sim->scopes);
  trib_profile_set_ims_url (profile, sim->base_url);
  trib_profile_set_platform_url (profile, sim->base_url);

  client = trib_platform_client_new (profile, sim->client_secret, NULL, &error);
  g_assert_no_error (error);
  trib_platform_client_set_sandbox (client, "prod");

  return client;
}

/* Ours: from the call to a list model of every file, ready for a view. */
static double
folder_ms (TribPlatformClient *client,
           guint              *requests)
{
  TribRequestLog *log = trib_platform_client_get_log (client);
  guint logged_before = g_list_model_get_n_items (G_LIST_MODEL (log));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 ready;

  trib_flow_explore_browse_async (client, S3_CONNECTION, FOLDER, NULL, result_cb, &result);
  files = trib_flow_explore_browse_finish (wait_for (&result), &error);
  ready = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (files), ==, N_FILES);

  *requests = MAX (*requests, g_list_model_get_n_items (G_LIST_MODEL (log)) - logged_before);

  return (ready - start) / 1000.0;
}

/* Where our time goes: the client's transport and checks alone. */
static double
text_ms (TribPlatformClient *client,
         const char         *path)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) text = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 done;

  trib_platform_client_call_async (client, "GET", path, NULL, NULL, TRIB_CALL_TEXT, NULL, result_cb, &result);
  text = trib_platform_client_call_finish (client, wait_for (&result), &error);
  done = g_get_monotonic_time ();
  g_assert_no_error (error);

  return (done - start) / 1000.0;
}

/* The anchor: the same URL with nothing but libsoup. */
static double
bare_ms (SoupSession *session,
         const char  *url,
         TribTestSim *sim,
         const char  *token)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *authorization = g_strconcat ("Bearer ", token, NULL);
  gint64 start = g_get_monotonic_time ();
  gint64 done;

  message = soup_message_new ("GET", url);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", authorization);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-api-key", sim->client_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-gw-ims-org-id", sim->org_id);
  soup_message_headers_replace (soup_message_get_request_headers (message), "x-sandbox-name", "prod");
  body = soup_session_send_and_read (session, message, NULL, &error);
  done = g_get_monotonic_time ();
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);
  g_assert_cmpuint (g_bytes_get_size (body), >, N_FILES * 100);

  return (done - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TribTestSim) sim = NULL;
  g_autoptr(TribPlatformClient) client = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *escaped = g_uri_escape_string (FOLDER, NULL, FALSE);
  g_autofree char *url = NULL;
  double ours[ROUNDS];
  double bare[ROUNDS];
  double text[ROUNDS];
  guint requests = 0;
  char *token = NULL;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = client_for (sim);
  url = g_strdup_printf ("%s/data/foundation/flowservice/connections/%s/explore?objectType=folder&object=%s",
                         sim->base_url, S3_CONNECTION, escaped);

  /* This process's own token, for the bare requests. */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GError) error = NULL;

    trib_ims_auth_get_token_async (trib_platform_client_get_auth (client), NULL, result_cb, &result);
    token = trib_ims_auth_get_token_finish (trib_platform_client_get_auth (client), wait_for (&result), &error);
    g_assert_no_error (error);
  }

  /* Both sides warm: a connection open, the token in hand. */
  (void) folder_ms (client, &requests);
  (void) bare_ms (session, url, sim, token);
  requests = 0;

  for (guint round = 0; round < ROUNDS; round++)
    {
      ours[round] = folder_ms (client, &requests);
      bare[round] = bare_ms (session, url, sim, token);
      text[round] = text_ms (client, url + strlen (sim->base_url));
    }

  trib_secret_free (token);

  g_print ("BENCH explore-folder requests=%u target=1 rounds=%u\n", requests, ROUNDS);
  g_print ("BENCH explore-folder overhead_ratio=%.2f target=1.5 rounds=%u\n",
           bench_median (ours, ROUNDS) / bench_median (bare, ROUNDS), ROUNDS);
  g_print ("# explore-folder: ours %.1f ms (of which the client's transport and checks %.1f ms), "
           "bare libsoup GET %.1f ms (medians of %u)\n",
           bench_median (ours, ROUNDS), bench_median (text, ROUNDS), bench_median (bare, ROUNDS), ROUNDS);

  return 0;
}
