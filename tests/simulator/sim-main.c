/* sim-main.c
 *
 * tributary-sim: a strict local Experience Platform that the tests and
 * the app's demo mode talk to over HTTP. Once listening it prints one
 * line of JSON on stdout saying where and with which demo credentials;
 * stdout carries nothing else, so a parent can read that line blindly.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-main"

#include "config.h"

#include <stdio.h>
#include <unistd.h>

#include <gio/gunixinputstream.h>
#include <glib-unix.h>

#include "sim-clock.h"
#include "sim-services.h"
#include "sim-yield.h"
#include "trib-test-pg.h"

#define DEFAULT_TOKEN_LIFETIME 86399
#define DEFAULT_GENERATED_DATASETS 240

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);

  return G_SOURCE_CONTINUE;
}

typedef struct
{
  GMainLoop *loop;
  GCancellable *cancellable;
} StdinWatch;

static void
stdin_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  StdinWatch *watch = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* EOF, or a broken pipe: whoever started us has gone. */
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      g_debug ("Standard input closed%s%s, quitting", error != NULL ? ": " : "",
               error != NULL ? error->message : "");
      g_main_loop_quit (watch->loop);
      return;
    }

  g_input_stream_read_bytes_async (G_INPUT_STREAM (object), 4096, G_PRIORITY_DEFAULT,
                                   watch->cancellable, stdin_read_cb, watch);
}

static const char *
default_world_dir (void)
{
  const char *dir = g_getenv ("TRIBUTARY_SIM_WORLD");

  return dir != NULL && dir[0] != '\0' ? dir : TRIB_SIM_WORLD_DIR;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *host = NULL;
  g_autofree char *world_dir = NULL;
  g_autofree char *postgres = NULL;
  g_autoptr(TribTestPg) own_postgres = NULL;
  g_autofree char *ready = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GInputStream) in = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  StdinWatch watch = { NULL, NULL };
  g_autoptr(SimServer) server = NULL;
  SimWorld *world;
  guint sigterm_id;
  guint sigint_id;
  int port = 0;
  int token_lifetime = DEFAULT_TOKEN_LIFETIME;
  gboolean exit_on_stdin_eof = FALSE;
  int n_datasets = DEFAULT_GENERATED_DATASETS;
  double clock_speed = 1.0;
  gint64 clock_start = 0;
  const GOptionEntry entries[] = {
    { "host", 0, 0, G_OPTION_ARG_STRING, &host,
      "Loopback address to listen on (127.0.0.1)", "ADDRESS" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port,
      "Port to listen on, 0 for any free one (0)", "PORT" },
    { "world", 0, 0, G_OPTION_ARG_FILENAME, &world_dir,
      "Directory holding orgs.json, sandboxes.json, connection-specs.json and connections.json", "DIR" },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime,
      "Seconds an access token stays valid (86399)", "SECONDS" },
    { "exit-on-stdin-eof", 0, 0, G_OPTION_ARG_NONE, &exit_on_stdin_eof,
      "Quit when standard input reaches end of file", NULL },
    { "datasets", 0, 0, G_OPTION_ARG_INT, &n_datasets,
      "Generated datasets in each demo sandbox, besides the Luma ones (240)", "N" },
    { "clock-speed", 0, 0, G_OPTION_ARG_DOUBLE, &clock_speed,
      "How much faster than real time the clock that fires flows runs, 0 to stop it (1)", "FACTOR" },
    { "clock-start", 0, 0, G_OPTION_ARG_INT64, &clock_start,
      "The clock's start, in epoch seconds (now)", "SECONDS" },
    { "postgres", 0, 0, G_OPTION_ARG_STRING, &postgres,
      "Superuser connection string of the PostgreSQL that plays Data Distiller, "
      "its demo data loaded (TRIBUTARY_SIM_POSTGRES=start: start one)", "CONNINFO" },
    { NULL }
  };

  /* stdout is reserved for the ready line; GLib would send debug there. */
  g_log_writer_default_set_use_stderr (TRUE);

  sim_yield_cpu ();

  context = g_option_context_new ("- a local Experience Platform for Tributary's tests and demo");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tributary-sim: %s\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      g_printerr ("tributary-sim: unexpected argument %s\n", argv[1]);
      return 2;
    }
  if (clock_speed < 0 || clock_speed > 100000 || clock_start < 0)
    {
      g_printerr ("tributary-sim: --clock-speed must be 0 to 100000 and --clock-start not negative\n");
      return 2;
    }
  sim_clock_init (clock_start * 1000, clock_speed);

  if (port < 0 || port > G_MAXUINT16 || token_lifetime < 0 || n_datasets < 0 || n_datasets > 1000000)
    {
      g_printerr ("tributary-sim: --port must be 0 to 65535, --token-lifetime not negative and --datasets 0 to 1000000\n");
      return 2;
    }

  if (world_dir == NULL)
    world_dir = g_strdup (default_world_dir ());

  if (!(world = sim_world_load (world_dir, &error)))
    {
      g_printerr ("tributary-sim: cannot load the world: %s\n", error->message);
      return 1;
    }

  /* The demo has the simulator start a PostgreSQL of its own; without
   * one, everything but Query Service works. Not a g_warning(): tests
   * make those fatal, and the demo should still come up. A SIGTERM
   * meanwhile kills us at once, rather than after the seconds this
   * takes; the cluster's watchdog then removes it.
   */
  if (postgres == NULL && g_strcmp0 (g_getenv ("TRIBUTARY_SIM_POSTGRES"), "start") == 0)
    {
      if ((own_postgres = trib_test_pg_start (&error)) == NULL || !trib_test_pg_load_demo (own_postgres, &error))
        {
          g_printerr ("tributary-sim: warning: no PostgreSQL, so Query Service answers 503: %s\n",
                      error->message);
          g_clear_error (&error);
          g_clear_pointer (&own_postgres, trib_test_pg_stop);
        }
      else
        {
          postgres = trib_test_pg_admin_conninfo (own_postgres, "postgres");
        }
    }

  server = sim_server_new (world, token_lifetime);
  sim_ims_register (server);
  sim_sandbox_management_register (server);
  sim_schema_registry_register (server);
  sim_catalog_register (server, (guint) n_datasets);
  sim_admin_register (server);
  sim_clock_register (server);
  sim_queries_register (server);
  sim_query_create_register (server);
  sim_query_templates_register (server);
  sim_schedules_register (server);
  sim_dataset_export_runs_register ();
  sim_dataset_export_register (server);
  if (!sim_data_prep_register (server, world_dir, &error))
    {
      g_printerr ("tributary-sim: cannot load the world: %s\n", error->message);
      return 1;
    }
  if (!sim_flow_service_register (server, world_dir, &error))
    {
      g_printerr ("tributary-sim: cannot load the world: %s\n", error->message);
      return 1;
    }
  if (!sim_flow_explore_register (server, world_dir, &error))
    {
      g_printerr ("tributary-sim: cannot load the world: %s\n", error->message);
      return 1;
    }
  if (!sim_query_service_register (server, postgres, &error))
    {
      g_printerr ("tributary-sim: cannot use PostgreSQL: %s\n", error->message);
      return 1;
    }

  if (!sim_server_listen (server, host != NULL ? host : "127.0.0.1", port, &error))
    {
      g_printerr ("tributary-sim: cannot listen: %s\n", error->message);
      sim_query_service_shutdown ();
      return 1;
    }

  /* Ready for signals before telling anyone we are up, so a parent
   * that answers the line with SIGTERM gets a clean exit.
   */
  loop = g_main_loop_new (NULL, FALSE);
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, loop);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, loop);

  if (exit_on_stdin_eof)
    {
      watch.loop = loop;
      watch.cancellable = cancellable;
      in = g_unix_input_stream_new (STDIN_FILENO, FALSE);
      g_input_stream_read_bytes_async (in, 4096, G_PRIORITY_DEFAULT, cancellable, stdin_read_cb,
                                       &watch);
    }

  ready = sim_server_dup_ready_line (server);
  fputs (ready, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
  g_debug ("Listening on %s with the world in %s", sim_server_get_base_url (server), world_dir);

  g_main_loop_run (loop);

  g_source_remove (sigterm_id);
  g_source_remove (sigint_id);

  /* Let a pending read of stdin finish cancelled, so nothing is left
   * holding the loop or the stream.
   */
  g_cancellable_cancel (cancellable);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  /* Before own_postgres stops, as it does when main() returns. */
  sim_query_service_shutdown ();

  return 0;
}
