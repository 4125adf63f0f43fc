/* sim-main.c
 *
 * tributary-sim: a strict local Experience Platform for the demo and
 * the tests.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "tributary-sim"

#include "config.h"

#include <stdio.h>

#include <gio/gunixinputstream.h>
#include <glib-unix.h>

#include "sim-server.h"

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);

  return G_SOURCE_REMOVE;
}

static void
stdin_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      data)
{
  GMainLoop *loop = data;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);

  /* EOF: whoever started us has gone. */
  if (bytes == NULL || g_bytes_get_size (bytes) == 0)
    {
      g_main_loop_quit (loop);
      return;
    }

  g_input_stream_read_bytes_async (G_INPUT_STREAM (object), 4096, G_PRIORITY_DEFAULT, NULL, stdin_read_cb, loop);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *host = NULL;
  g_autofree char *world = NULL;
  g_autofree char *ready = NULL;
  int port = 0;
  int token_lifetime = 86399;
  gboolean exit_on_eof = FALSE;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GInputStream) in = NULL;
  SimServer *server;
  GOptionEntry entries[] = {
    { "host", 0, 0, G_OPTION_ARG_STRING, &host, "Loopback address to listen on", "ADDRESS" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port, "Port, 0 for any free one", "PORT" },
    { "world", 0, 0, G_OPTION_ARG_FILENAME, &world, "Directory of the demo world", "DIR" },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT, &token_lifetime, "Seconds an access token lives", "SECONDS" },
    { "exit-on-stdin-eof", 0, 0, G_OPTION_ARG_NONE, &exit_on_eof, "Quit when standard input closes", NULL },
    { NULL }
  };

  context = g_option_context_new ("- a local Experience Platform");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (world == NULL)
    world = g_strdup (g_getenv ("TRIBUTARY_SIM_WORLD") != NULL ? g_getenv ("TRIBUTARY_SIM_WORLD") : TRIB_SIM_WORLD_DIR);

  if (!(server = sim_server_new (world, MAX (token_lifetime, 1), &error)))
    {
      g_printerr ("tributary-sim: cannot load the world: %s\n", error->message);
      return 1;
    }

  sim_ims_register (server);
  sim_sandbox_management_register (server);
  sim_admin_register (server);

  if (!sim_server_listen (server, host != NULL ? host : "127.0.0.1", port, &error))
    {
      g_printerr ("tributary-sim: %s\n", error->message);
      return 1;
    }

  ready = sim_server_dup_ready_line (server);
  g_print ("%s\n", ready);
  fflush (stdout);

  loop = g_main_loop_new (NULL, FALSE);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  g_unix_signal_add (SIGINT, quit_cb, loop);

  if (exit_on_eof)
    {
      in = g_unix_input_stream_new (0, FALSE);
      g_input_stream_read_bytes_async (in, 4096, G_PRIORITY_DEFAULT, NULL, stdin_read_cb, loop);
    }

  g_main_loop_run (loop);

  return 0;
}
