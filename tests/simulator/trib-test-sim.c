/* trib-test-sim.c
 *
 * Starts tributary-sim for a test and steers it through its /__sim/
 * endpoints. Blocking calls are fine here: this is test code, and it
 * uses its own SoupSession, apart from the client under test. Every
 * failure aborts the test with a message saying what went wrong with
 * the simulator, so it is not mistaken for a failure of the code tested.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-test-sim"

#include <signal.h>
#include <string.h>

#include <json-glib/json-glib.h>

#include "trib-test-sim.h"

#define START_TIMEOUT_SECONDS 10
#define EXIT_TIMEOUT_SECONDS 10

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

/* Iterates @context until *@result arrives, cancelling @cancellable
 * after @seconds so a stuck simulator fails the test instead of
 * hanging it.
 */
static void
wait_for_result (GMainContext  *context,
                 GCancellable  *cancellable,
                 guint          seconds,
                 GAsyncResult **result)
{
  GSource *timeout = g_timeout_source_new_seconds (seconds);

  g_source_set_callback (timeout, cancel_cb, cancellable, NULL);
  g_source_attach (timeout, context);

  while (*result == NULL)
    g_main_context_iteration (context, TRUE);

  g_source_destroy (timeout);
  g_source_unref (timeout);
}

static char *
read_ready_line (TribTestSim  *sim,
                 GError      **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GInputStream *stdout_pipe = g_subprocess_get_stdout_pipe (sim->process);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (stdout_pipe);
  g_autoptr(GAsyncResult) result = NULL;

  g_main_context_push_thread_default (context);
  g_data_input_stream_read_line_async (out, G_PRIORITY_DEFAULT, cancellable, result_cb, &result);
  wait_for_result (context, cancellable, START_TIMEOUT_SECONDS, &result);
  g_main_context_pop_thread_default (context);

  return g_data_input_stream_read_line_finish_utf8 (out, result, NULL, error);
}

static char *
dup_member (JsonObject *object,
            const char *name,
            const char *line)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    g_error ("tributary-sim's ready line has no string \"%s\": %s", name, line);

  return g_strdup (json_node_get_string (node));
}

static gboolean
has_option (const char * const *args,
            const char         *option)
{
  for (guint i = 0; args != NULL && args[i] != NULL; i++)
    if (g_str_equal (args[i], option) || (g_str_has_prefix (args[i], option) &&
                                          args[i][strlen (option)] == '='))
      return TRUE;

  return FALSE;
}

/**
 * trib_test_sim_start:
 * @extra_args: (nullable): more command-line arguments for the simulator
 *
 * Starts the simulator named by $TRIBUTARY_SIM on a free port, with the
 * world in $TRIBUTARY_SIM_WORLD if set, and waits for its ready line.
 * The simulator quits by itself if the test process dies, because it
 * watches the stdin pipe this end holds.
 *
 * Returns: (transfer full): the running simulator
 */
TribTestSim *
trib_test_sim_start (const char * const *extra_args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TribTestSim) sim = g_new0 (TribTestSim, 1);
  g_autofree char *line = NULL;
  const char *path = g_getenv ("TRIBUTARY_SIM");
  const char *world = g_getenv ("TRIBUTARY_SIM_WORLD");
  JsonObject *ready;

  if (path == NULL || path[0] == '\0')
    g_error ("TRIBUTARY_SIM is not set: it must name the tributary-sim binary "
             "(meson test sets it)");

  g_ptr_array_add (argv, (gpointer) path);
  g_ptr_array_add (argv, (gpointer) "--port=0");
  g_ptr_array_add (argv, (gpointer) "--exit-on-stdin-eof");
  if (world != NULL && world[0] != '\0' && !has_option (extra_args, "--world"))
    {
      g_ptr_array_add (argv, (gpointer) "--world");
      g_ptr_array_add (argv, (gpointer) world);
    }
  for (guint i = 0; extra_args != NULL && extra_args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra_args[i]);
  g_ptr_array_add (argv, NULL);

  /* stderr stays the test's, so the simulator's complaints show in the log. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  sim->process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                               &error);
  if (sim->process == NULL)
    g_error ("Cannot start %s: %s", path, error->message);

  line = read_ready_line (sim, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_error ("%s printed no ready line within %d s", path, START_TIMEOUT_SECONDS);
  if (error != NULL)
    g_error ("Cannot read the ready line of %s: %s", path, error->message);
  if (line == NULL)
    {
      g_subprocess_wait (sim->process, NULL, NULL);
      if (g_subprocess_get_if_signaled (sim->process))
        g_error ("%s died of signal %d before it was ready", path,
                 g_subprocess_get_term_sig (sim->process));
      g_error ("%s exited (status %d) before it was ready; its stderr above says why",
               path, g_subprocess_get_exit_status (sim->process));
    }

  if (!json_parser_load_from_data (parser, line, -1, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    g_error ("tributary-sim's ready line is not a JSON object: %s", line);
  ready = json_node_get_object (json_parser_get_root (parser));

  sim->base_url = dup_member (ready, "base_url", line);
  sim->org_id = dup_member (ready, "org_id", line);
  sim->client_id = dup_member (ready, "client_id", line);
  sim->client_secret = dup_member (ready, "client_secret", line);
  sim->technical_account_id = dup_member (ready, "technical_account_id", line);
  sim->scopes = dup_member (ready, "scopes", line);
  sim->sandbox = dup_member (ready, "sandbox", line);

  /* Loopback needs no proxy, whatever the environment says. */
  sim->control = soup_session_new ();
  soup_session_set_proxy_resolver (sim->control, NULL);

  return g_steal_pointer (&sim);
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
  guint status;

  g_assert_nonnull (message);

  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  if (!(reply = soup_session_send_and_read (sim->control, message, NULL, &error)))
    g_error ("tributary-sim: %s %s failed: %s", method, path, error->message);

  status = soup_message_get_status (message);
  if (status < 200 || status >= 300)
    g_error ("tributary-sim: %s %s answered %u: %.*s", method, path, status,
             (int) g_bytes_get_size (reply), (const char *) g_bytes_get_data (reply, NULL));
  /* Calls that only act, such as rotating passwords, answer nothing. */
  if (status == SOUP_STATUS_NO_CONTENT)
    return NULL;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (reply, NULL),
                                   g_bytes_get_size (reply), &error) ||
      json_parser_get_root (parser) == NULL)
    g_error ("tributary-sim: %s %s answered something not JSON", method, path);

  return json_parser_steal_root (parser);
}

/**
 * trib_test_sim_add_fault:
 * @fault_json: a fault as POST /__sim/faults takes it, for example
 *   `{"path": "/data/foundation/sandbox-management/", "kind": "status", "status": 503}`
 */
void
trib_test_sim_add_fault (TribTestSim *sim,
                         const char  *fault_json)
{
  g_return_if_fail (sim != NULL);
  g_return_if_fail (fault_json != NULL);

  json_node_unref (control (sim, "POST", "/__sim/faults", fault_json));
}

void
trib_test_sim_clear_faults (TribTestSim *sim)
{
  g_return_if_fail (sim != NULL);

  json_node_unref (control (sim, "DELETE", "/__sim/faults", NULL));
}

void
trib_test_sim_clear_requests (TribTestSim *sim)
{
  g_return_if_fail (sim != NULL);

  json_node_unref (control (sim, "DELETE", "/__sim/requests", NULL));
}

/**
 * trib_test_sim_count_requests:
 * @method: (nullable): an HTTP method, or %NULL for any
 * @path: the exact path, without the query
 *
 * Returns: how many such requests reached the simulator since it started
 *   or since the last trib_test_sim_clear_requests(), faulted ones included
 */
guint
trib_test_sim_count_requests (TribTestSim *sim,
                              const char  *method,
                              const char  *path)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *requests;
  guint count = 0;

  g_return_val_if_fail (sim != NULL, 0);
  g_return_val_if_fail (path != NULL, 0);

  node = control (sim, "GET", "/__sim/requests", NULL);
  requests = json_object_get_array_member (json_node_get_object (node), "requests");

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);

      if ((method == NULL || g_strcmp0 (json_object_get_string_member (request, "method"),
                                        method) == 0) &&
          g_strcmp0 (json_object_get_string_member (request, "path"), path) == 0)
        count++;
    }

  return count;
}

/**
 * trib_test_sim_dup_last_body:
 * @method: an HTTP method
 * @path: the exact path, without the query
 *
 * Returns: (transfer full) (nullable): the JSON body of the last such
 *   request the simulator received, as it received it
 */
JsonNode *
trib_test_sim_dup_last_body (TribTestSim *sim,
                             const char  *method,
                             const char  *path)
{
  g_autoptr(JsonNode) node = NULL;
  JsonArray *requests;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (method != NULL && path != NULL, NULL);

  node = control (sim, "GET", "/__sim/requests", NULL);
  requests = json_object_get_array_member (json_node_get_object (node), "requests");

  for (guint i = json_array_get_length (requests); i > 0; i--)
    {
      JsonObject *request = json_array_get_object_element (requests, i - 1);

      if (g_strcmp0 (json_object_get_string_member (request, "method"), method) == 0 &&
          g_strcmp0 (json_object_get_string_member (request, "path"), path) == 0 &&
          json_object_has_member (request, "body"))
        return json_node_copy (json_object_get_member (request, "body"));
    }

  return NULL;
}

/**
 * trib_test_sim_dup_sandboxes:
 * @method: an HTTP method
 * @path: the exact path, without the query
 *
 * Returns: (transfer full): the `x-sandbox-name` of each such request, in
 *   the order they arrived, "" where there was none
 */
GStrv
trib_test_sim_dup_sandboxes (TribTestSim *sim,
                             const char  *method,
                             const char  *path)
{
  g_autoptr(GStrvBuilder) sandboxes = g_strv_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  JsonArray *requests;

  g_return_val_if_fail (sim != NULL, NULL);
  g_return_val_if_fail (method != NULL && path != NULL, NULL);

  node = control (sim, "GET", "/__sim/requests", NULL);
  requests = json_object_get_array_member (json_node_get_object (node), "requests");

  for (guint i = 0; i < json_array_get_length (requests); i++)
    {
      JsonObject *request = json_array_get_object_element (requests, i);
      JsonNode *sandbox = json_object_get_member (request, "sandbox");

      if (g_strcmp0 (json_object_get_string_member (request, "method"), method) == 0 &&
          g_strcmp0 (json_object_get_string_member (request, "path"), path) == 0)
        g_strv_builder_add (sandboxes, sandbox != NULL && JSON_NODE_HOLDS_VALUE (sandbox)
                                       ? json_node_get_string (sandbox) : "");
    }

  return g_strv_builder_end (sandboxes);
}

void
trib_test_sim_revoke_tokens (TribTestSim *sim)
{
  g_return_if_fail (sim != NULL);

  json_node_unref (control (sim, "POST", "/__sim/tokens/revoke", NULL));
}

/**
 * trib_test_sim_rotate_query_password:
 *
 * Gives every organization's Data Distiller role a new password: new
 * connections need fresh connection parameters, open ones go on.
 */
void
trib_test_sim_rotate_query_password (TribTestSim *sim)
{
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (sim != NULL);

  node = control (sim, "POST", "/__sim/query/rotate", NULL);
}

/**
 * trib_test_sim_clock:
 * @speed: the clock's new speed (0 stops it), or negative to leave it
 * @advance_minutes: how far to move it on; what falls due meanwhile
 *   (flows' runs, their batches) has happened when this returns
 *
 * Returns: the simulator's time, in epoch milliseconds
 */
gint64
trib_test_sim_clock (TribTestSim *sim,
                     double       speed,
                     guint        advance_minutes)
{
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *body = NULL;
  char speed_text[G_ASCII_DTOSTR_BUF_SIZE];

  g_return_val_if_fail (sim != NULL, 0);

  g_ascii_dtostr (speed_text, sizeof speed_text, speed);
  if (speed >= 0)
    body = g_strdup_printf ("{\"speed\": %s, \"advanceMinutes\": %u}", speed_text, advance_minutes);
  else
    body = g_strdup_printf ("{\"advanceMinutes\": %u}", advance_minutes);
  node = control (sim, "POST", "/__sim/clock", body);

  return json_object_get_int_member (json_node_get_object (node), "now");
}

/**
 * trib_test_sim_set_token_lifetime:
 * @seconds: how long tokens issued from now on stay valid
 */
void
trib_test_sim_set_token_lifetime (TribTestSim *sim,
                                  guint        seconds)
{
  g_autofree char *body = NULL;

  g_return_if_fail (sim != NULL);

  body = g_strdup_printf ("{\"seconds\": %u}", seconds);
  json_node_unref (control (sim, "POST", "/__sim/token-lifetime", body));
}

/* Stops the simulator and checks it exits cleanly: a crash there, say
 * under a sanitizer, is a bug worth failing the test for.
 */
static void
stop_process (GSubprocess *process)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (process, SIGTERM);

  g_main_context_push_thread_default (context);
  g_subprocess_wait_async (process, cancellable, result_cb, &result);
  wait_for_result (context, cancellable, EXIT_TIMEOUT_SECONDS, &result);
  g_main_context_pop_thread_default (context);

  if (!g_subprocess_wait_finish (process, result, &error))
    {
      g_subprocess_force_exit (process);
      g_subprocess_wait (process, NULL, NULL);
      g_error ("tributary-sim did not exit within %d s of SIGTERM", EXIT_TIMEOUT_SECONDS);
    }

  if (g_subprocess_get_if_signaled (process))
    g_error ("tributary-sim died of signal %d", g_subprocess_get_term_sig (process));
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("tributary-sim exited with status %d", g_subprocess_get_exit_status (process));
}

void
trib_test_sim_free (TribTestSim *sim)
{
  if (sim == NULL)
    return;

  g_clear_object (&sim->control);
  if (sim->process != NULL && sim->base_url != NULL)
    stop_process (sim->process);
  g_clear_object (&sim->process);
  g_free (sim->base_url);
  g_free (sim->org_id);
  g_free (sim->client_id);
  g_free (sim->client_secret);
  g_free (sim->technical_account_id);
  g_free (sim->scopes);
  g_free (sim->sandbox);
  g_free (sim);
}
