/* trib-test-sim.c
 *
 * Starts tributary-sim for a test and talks to its /__sim/ endpoints.
 * Blocking calls are fine here: this is test code, on its own session.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "trib-test-sim.h"

static char *
dup_member (JsonObject *object,
            const char *name)
{
  const char *value = json_object_get_string_member_with_default (object, name, NULL);

  g_assert_nonnull (value);

  return g_strdup (value);
}

TribTestSim *
trib_test_sim_start (const char * const *extra_args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *path = g_getenv ("TRIBUTARY_SIM");
  TribTestSim *sim;
  JsonObject *ready;

  g_assert_nonnull (path);

  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, (gpointer) "--port");
  g_ptr_array_add (argv, (gpointer) "0");
  g_ptr_array_add (argv, (gpointer) "--exit-on-stdin-eof");
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  sim = g_new0 (TribTestSim, 1);
  sim->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                    G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sim->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  if (line == NULL)
    g_error ("tributary-sim exited before it was ready");

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  ready = json_node_get_object (json_parser_get_root (parser));

  sim->base_url = dup_member (ready, "base_url");
  sim->org_id = dup_member (ready, "org_id");
  sim->client_id = dup_member (ready, "client_id");
  sim->client_secret = dup_member (ready, "client_secret");
  sim->technical_account_id = dup_member (ready, "technical_account_id");
  sim->scopes = dup_member (ready, "scopes");
  sim->sandbox = dup_member (ready, "sandbox");
  sim->control = soup_session_new ();

  return sim;
}

static JsonNode *
control (TribTestSim *sim,
         const char  *method,
         const char  *path,
         const char  *body)
{
  g_autofree char *url = g_strconcat (sim->base_url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json",
                                              g_bytes_new_static (body, strlen (body)));

  reply = soup_session_send_and_read (sim->control, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), <, 300);

  json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL), g_bytes_get_size (reply), &error);
  g_assert_no_error (error);

  return json_node_ref (json_parser_get_root (parser));
}

void
trib_test_sim_add_fault (TribTestSim *sim,
                         const char  *fault_json)
{
  json_node_unref (control (sim, "POST", "/__sim/faults", fault_json));
}

void
trib_test_sim_clear_requests (TribTestSim *sim)
{
  json_node_unref (control (sim, "DELETE", "/__sim/requests", NULL));
}

guint
trib_test_sim_count_requests (TribTestSim *sim,
                              const char  *method,
                              const char  *path)
{
  g_autoptr(JsonNode) node = control (sim, "GET", "/__sim/requests", NULL);
  JsonArray *requests = json_object_get_array_member (json_node_get_object (node), "requests");
  guint count = 0;

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if (g_strcmp0 (json_object_get_string_member (request, "method"), method) == 0 &&
          g_strcmp0 (json_object_get_string_member (request, "path"), path) == 0)
        count++;
    }

  return count;
}

void
trib_test_sim_revoke_tokens (TribTestSim *sim)
{
  json_node_unref (control (sim, "POST", "/__sim/tokens/revoke", NULL));
}

void
trib_test_sim_set_token_lifetime (TribTestSim *sim,
                                  guint        seconds)
{
  g_autofree char *body = g_strdup_printf ("{\"seconds\": %u}", seconds);

  json_node_unref (control (sim, "POST", "/__sim/token-lifetime", body));
}

void
trib_test_sim_free (TribTestSim *sim)
{
  if (sim == NULL)
    return;

  if (sim->process != NULL)
    {
      g_subprocess_force_exit (sim->process);
      g_subprocess_wait (sim->process, NULL, NULL);
    }

  g_clear_object (&sim->process);
  g_clear_object (&sim->control);
  g_free (sim->base_url);
  g_free (sim->org_id);
  g_free (sim->client_id);
  g_free (sim->client_secret);
  g_free (sim->technical_account_id);
  g_free (sim->scopes);
  g_free (sim->sandbox);
  g_free (sim);
}
