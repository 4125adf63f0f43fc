/* sim-pg-front.c
 *
 * Data Distiller's PostgreSQL interface in front of the demo's real
 * PostgreSQL (trib-test-pg.c). Clients connect here, as they would to
 * Query Service: TLS first, then the startup message naming a
 * `{sandbox}:{table}` database, which may be any dataset of the sandbox
 * (sim-pg-front-tables.c routes it), then the session. The front opens
 * its own TLS connection to the server with the client's startup
 * message and relays everything else, so the server authenticates the
 * org's role (SCRAM) exactly as before: the front shows the server's
 * own certificate, so channel binding (SCRAM-SHA-256-PLUS) agrees on
 * both sides. Statements, simple ('Q') and extended ('P'), are
 * rewritten on the way (sim-pg-rewrite.c) into what PostgreSQL runs.
 *
 * Each client connection has two threads, one per direction; messages
 * are relayed whole, so that the front may answer one of its own.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-pg-front"

#include "config.h"

#include <string.h>

#include "sim-pg-front.h"
#include "sim-pg-rewrite.h"
#include "sim-yield.h"

#define SSL_REQUEST_CODE 80877103
#define GSSENC_REQUEST_CODE 80877104
#define CANCEL_REQUEST_CODE 80877102
#define PROTOCOL_3_0 196608
/* Data Distiller's statements are long, but not this long. */
#define MAX_MESSAGE (64 * 1024 * 1024)

struct _SimPgFront
{
  GSocketService *service;
  guint port;
  guint server_port;
  GTlsCertificate *certificate;
  SimPgAdmin *admin;
  GMutex lock;
  GCond ended;
  GPtrArray *sessions;        /* Session, under way */
  gboolean stopping;
};

typedef struct
{
  SimPgFront *front;
  GIOStream *client;          /* TLS over the client's socket, or the socket */
  GSocket *client_socket;
  GIOStream *server;
  GSocket *server_socket;
  char *database;             /* the server's database this session runs in */
  char *scope;                /* the one table a {sandbox}:{table} session sees, if routed */
} Session;

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static void
append_be32 (GByteArray *array,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (array, bytes, 4);
}

static gboolean
read_exactly (GIOStream  *stream,
              void       *buffer,
              gsize       size,
              GError    **error)
{
  gsize got = 0;

  if (!g_input_stream_read_all (g_io_stream_get_input_stream (stream), buffer, size, &got, NULL, error))
    return FALSE;
  if (got != size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CLOSED, "Connection closed");
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_all (GIOStream     *stream,
           const void    *data,
           gsize          size,
           GError       **error)
{
  return g_output_stream_write_all (g_io_stream_get_output_stream (stream), data, size, NULL, NULL, error);
}

/* An ErrorResponse, as the server words one: severity, SQLSTATE, message. */
static GByteArray *
error_response (const char *severity,
                const char *sqlstate,
                const char *message)
{
  GByteArray *body = g_byte_array_new ();
  GByteArray *message_bytes = g_byte_array_new ();

  g_byte_array_append (body, (const guint8 *) "S", 1);
  g_byte_array_append (body, (const guint8 *) severity, strlen (severity) + 1);
  g_byte_array_append (body, (const guint8 *) "V", 1);
  g_byte_array_append (body, (const guint8 *) severity, strlen (severity) + 1);
  g_byte_array_append (body, (const guint8 *) "C", 1);
  g_byte_array_append (body, (const guint8 *) sqlstate, strlen (sqlstate) + 1);
  g_byte_array_append (body, (const guint8 *) "M", 1);
  g_byte_array_append (body, (const guint8 *) message, strlen (message) + 1);
  g_byte_array_append (body, (const guint8 *) "", 1);

  g_byte_array_append (message_bytes, (const guint8 *) "E", 1);
  append_be32 (message_bytes, body->len + 4);
  g_byte_array_append (message_bytes, body->data, body->len);
  g_byte_array_unref (body);

  return message_bytes;
}

static gboolean
accept_any_certificate_cb (GTlsConnection       *connection,
                           GTlsCertificate      *certificate,
                           GTlsCertificateFlags  errors,
                           gpointer              data)
{
  /* Our own server's self-signed certificate, on loopback. */
  return TRUE;
}

/* Opens the server's side: TLS if the client came with TLS. */
static gboolean
connect_server (Session     *session,
                gboolean     tls,
                GError     **error)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  GByteArray *request;
  gboolean ok;
  char answer;

  if (!(connection = g_socket_client_connect_to_host (client, "127.0.0.1", session->front->server_port, NULL, error)))
    return FALSE;
  g_mutex_lock (&session->front->lock);
  session->server_socket = g_object_ref (g_socket_connection_get_socket (connection));
  if (session->front->stopping)
    g_socket_shutdown (session->server_socket, TRUE, TRUE, NULL);
  g_mutex_unlock (&session->front->lock);
  session->server = G_IO_STREAM (g_object_ref (connection));
  if (!tls)
    return TRUE;

  request = g_byte_array_new ();
  append_be32 (request, 8);
  append_be32 (request, SSL_REQUEST_CODE);
  ok = write_all (session->server, request->data, request->len, error);
  g_byte_array_unref (request);
  if (!ok || !read_exactly (session->server, &answer, 1, error))
    return FALSE;
  if (answer != 'S')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "The server refused TLS");
      return FALSE;
    }

  {
    g_autoptr(GIOStream) tls_stream = g_tls_client_connection_new (session->server, NULL, error);

    if (tls_stream == NULL)
      return FALSE;
    g_signal_connect (tls_stream, "accept-certificate", G_CALLBACK (accept_any_certificate_cb), NULL);
    if (!g_tls_connection_handshake (G_TLS_CONNECTION (tls_stream), NULL, error))
      return FALSE;
    g_object_unref (session->server);
    session->server = G_IO_STREAM (g_steal_pointer (&tls_stream));
  }

  return TRUE;
}

/* A CancelRequest goes to the server as it came, on a connection of
 * its own: the key is the server's, which the client learnt from it.
 */
static void
forward_cancel (SimPgFront   *front,
                const guint8 *packet,
                gsize         size)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  if (!(connection = g_socket_client_connect_to_host (client, "127.0.0.1", front->server_port, NULL, &error)) ||
      !write_all (G_IO_STREAM (connection), packet, size, &error))
    g_debug ("Could not forward a cancel request: %s", error->message);
  else
    g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
}

/* The startup message with @database in place of the one asked for. */
static GByteArray *
startup_message (GPtrArray  *params,
                 const char *database)
{
  GByteArray *message = g_byte_array_new ();
  GByteArray *body = g_byte_array_new ();

  append_be32 (body, PROTOCOL_3_0);
  for (guint i = 0; i + 1 < params->len; i += 2)
    {
      const char *key = g_ptr_array_index (params, i);
      const char *value = g_str_equal (key, "database") ? database : g_ptr_array_index (params, i + 1);

      g_byte_array_append (body, (const guint8 *) key, strlen (key) + 1);
      g_byte_array_append (body, (const guint8 *) value, strlen (value) + 1);
    }
  g_byte_array_append (body, (const guint8 *) "", 1);

  append_be32 (message, body->len + 4);
  g_byte_array_append (message, body->data, body->len);
  g_byte_array_unref (body);

  return message;
}

/* Reads the client's SSLRequest (answering it) and startup message:
 * %FALSE if the client went away or only wanted a cancel.
 */
static gboolean
read_startup (Session     *session,
              gboolean    *tls,
              GPtrArray   *params,
              GError     **error)
{
  *tls = FALSE;

  for (;;)
    {
      guint8 header[4];
      g_autofree guint8 *body = NULL;
      guint32 length;
      guint32 code;

      if (!read_exactly (session->client, header, 4, error))
        return FALSE;
      length = read_be32 (header);
      if (length < 8 || length > 10000)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Invalid startup packet length %u", length);
          return FALSE;
        }
      body = g_malloc (length - 4 + 1);
      if (!read_exactly (session->client, body, length - 4, error))
        return FALSE;
      body[length - 4] = '\0';
      code = read_be32 (body);

      if (code == SSL_REQUEST_CODE && !*tls)
        {
          g_autoptr(GIOStream) tls_stream = NULL;

          if (!write_all (session->client, "S", 1, error) ||
              !(tls_stream = g_tls_server_connection_new (session->client, session->front->certificate, error)) ||
              !g_tls_connection_handshake (G_TLS_CONNECTION (tls_stream), NULL, error))
            return FALSE;
          g_object_unref (session->client);
          session->client = G_IO_STREAM (g_steal_pointer (&tls_stream));
          *tls = TRUE;
        }
      else if (code == GSSENC_REQUEST_CODE)
        {
          if (!write_all (session->client, "N", 1, error))
            return FALSE;
        }
      else if (code == CANCEL_REQUEST_CODE && length == 16)
        {
          guint8 packet[16];

          memcpy (packet, header, 4);
          memcpy (packet + 4, body, 12);
          forward_cancel (session->front, packet, sizeof packet);
          return FALSE;
        }
      else if (code == PROTOCOL_3_0)
        {
          const char *p = (const char *) body + 4;
          const char *end = (const char *) body + length - 4;

          while (p < end && *p != '\0')
            {
              const char *key = p;
              const char *value = key + strlen (key) + 1;

              if (value >= end)
                break;
              g_ptr_array_add (params, g_strdup (key));
              g_ptr_array_add (params, g_strdup (value));
              p = value + strlen (value) + 1;
            }
          return TRUE;
        }
      else
        {
          g_autoptr(GByteArray) reply = error_response ("FATAL", "08P01", "unsupported frontend protocol");

          write_all (session->client, reply->data, reply->len, NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "Startup code %u", code);
          return FALSE;
        }
    }
}

/* Walks the server's first messages (@seen, from the start) for its
 * BackendKeyData, which names the backend's process, and lowers the
 * session the backend started (sim-yield.c): %TRUE once there is nothing
 * more to look for.
 */
static gboolean
scan_for_backend (GByteArray *seen)
{
  gsize offset = 0;

  /* The first messages are a few hundred bytes; past this, give up. */
  if (seen->len > 64 * 1024)
    return TRUE;

  while (offset + 5 <= seen->len)
    {
      char type = seen->data[offset];
      guint32 length = read_be32 (seen->data + offset + 1);

      if (length < 4)
        return TRUE;
      if (offset + 1 + length > seen->len)
        return FALSE;
      if (type == 'K' && length >= 12)
        {
          sim_yield_session_group ((pid_t) read_be32 (seen->data + offset + 5));
          return TRUE;
        }
      /* Ready, or refused: no key is coming. */
      if (type == 'Z' || type == 'E')
        return TRUE;
      offset += 1 + length;
    }

  return FALSE;
}

/* The server's messages go to the client as they come. */
static gpointer
relay_server_cb (gpointer data)
{
  Session *session = data;
  GInputStream *input = g_io_stream_get_input_stream (session->server);
  GOutputStream *output = g_io_stream_get_output_stream (session->client);
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  g_autoptr(GByteArray) first_messages = g_byte_array_new ();

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      gssize got = g_input_stream_read (input, buffer, 64 * 1024, NULL, &error);

      if (got <= 0)
        break;
      /* Lowered before the client hears the server is ready. */
      if (first_messages != NULL)
        {
          g_byte_array_append (first_messages, buffer, got);
          if (scan_for_backend (first_messages))
            g_clear_pointer (&first_messages, g_byte_array_unref);
        }
      if (!g_output_stream_write_all (output, buffer, got, NULL, NULL, &error))
        break;
    }

  /* Wakes the other direction up. */
  g_socket_shutdown (session->client_socket, TRUE, TRUE, NULL);
  g_socket_shutdown (session->server_socket, TRUE, TRUE, NULL);

  return NULL;
}

/* A statement message rewritten, or, when Data Distiller would refuse
 * the statement, one the server refuses with Data Distiller's error.
 */
static GByteArray *
rewrite_message (Session      *session,
                 char          type,
                 const guint8 *body,
                 gsize         size)
{
  g_autofree char *rewritten = NULL;
  g_autofree char *sqlstate = NULL;
  g_autofree char *message = NULL;
  const char *sql;
  const guint8 *rest;
  gsize rest_size;
  GByteArray *out;

  /* 'Q': the query. 'P': the statement's name, the query, then the
   * parameter types.
   */
  if (type == 'Q')
    {
      sql = (const char *) body;
      rest = NULL;
      rest_size = 0;
    }
  else
    {
      const char *name = (const char *) body;
      const guint8 *query;

      query = memchr (body, '\0', size);
      if (query == NULL)
        return NULL;
      query++;
      sql = (const char *) query;
      if (memchr (query, '\0', size - (query - body)) == NULL)
        return NULL;
      rest = query + strlen (sql) + 1;
      rest_size = size - (rest - body);
      (void) name;
    }
  if (memchr (sql, '\0', size - ((const guint8 *) sql - body)) == NULL)
    return NULL;

  rewritten = sim_pg_rewrite (session->front->admin, session->database, session->scope, sql, &sqlstate, &message);
  if (rewritten == NULL)
    rewritten = sim_pg_rewrite_error_statement (sqlstate, message,
                                                type == 'P' ? sim_pg_rewrite_count_parameters (sql) : 0);

  out = g_byte_array_new ();
  g_byte_array_append (out, (const guint8 *) &type, 1);
  if (type == 'Q')
    {
      append_be32 (out, 4 + strlen (rewritten) + 1);
      g_byte_array_append (out, (const guint8 *) rewritten, strlen (rewritten) + 1);
    }
  else
    {
      gsize name_size = strlen ((const char *) body) + 1;

      append_be32 (out, 4 + name_size + strlen (rewritten) + 1 + rest_size);
      g_byte_array_append (out, body, name_size);
      g_byte_array_append (out, (const guint8 *) rewritten, strlen (rewritten) + 1);
      g_byte_array_append (out, rest, rest_size);
    }

  return out;
}

/* The client's messages go to the server one by one, statements
 * rewritten.
 */
static void
relay_client (Session *session)
{
  GOutputStream *output = g_io_stream_get_output_stream (session->server);
  g_autoptr(GBufferedInputStream) input =
    G_BUFFERED_INPUT_STREAM (g_buffered_input_stream_new_sized (g_io_stream_get_input_stream (session->client),
                                                                64 * 1024));

  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree guint8 *body = NULL;
      g_autoptr(GByteArray) rewritten = NULL;
      guint8 header[5];
      gsize got = 0;
      guint32 length;

      if (!g_input_stream_read_all (G_INPUT_STREAM (input), header, 5, &got, NULL, &error) || got != 5)
        break;
      length = read_be32 (header + 1);
      if (length < 4 || length > MAX_MESSAGE)
        break;
      body = g_malloc (length - 4 + 1);
      if (!g_input_stream_read_all (G_INPUT_STREAM (input), body, length - 4, &got, NULL, &error) ||
          got != length - 4)
        break;
      body[length - 4] = '\0';

      if (header[0] == 'Q' || header[0] == 'P')
        rewritten = rewrite_message (session, header[0], body, length - 4);

      if (rewritten != NULL)
        {
          if (!g_output_stream_write_all (output, rewritten->data, rewritten->len, NULL, NULL, &error))
            break;
        }
      else if (!g_output_stream_write_all (output, header, 5, NULL, NULL, &error) ||
               !g_output_stream_write_all (output, body, length - 4, NULL, NULL, &error))
        {
          break;
        }
      /* Terminate: the server closes, and so do we. */
      if (header[0] == 'X')
        break;
    }
}

static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source_object,
        gpointer                data)
{
  SimPgFront *front = data;
  Session session = { front, G_IO_STREAM (g_object_ref (connection)),
                      g_object_ref (g_socket_connection_get_socket (connection)), NULL, NULL, NULL, NULL };
  g_autoptr(GPtrArray) params = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) startup = NULL;
  const char *database = NULL;
  const char *user = NULL;
  gboolean tls = FALSE;
  GThread *server_thread;

  g_mutex_lock (&front->lock);
  g_ptr_array_add (front->sessions, &session);
  g_mutex_unlock (&front->lock);

  if (!read_startup (&session, &tls, params, &error))
    {
      if (error != NULL)
        g_debug ("Client gone before its session started: %s", error->message);
      goto out;
    }

  for (guint i = 0; i + 1 < params->len; i += 2)
    {
      if (g_str_equal (g_ptr_array_index (params, i), "database"))
        database = g_ptr_array_index (params, i + 1);
      else if (g_str_equal (g_ptr_array_index (params, i), "user"))
        user = g_ptr_array_index (params, i + 1);
    }
  /* As the server: the database defaults to the user's name. */
  if (database == NULL && user != NULL)
    {
      g_ptr_array_add (params, g_strdup ("database"));
      g_ptr_array_add (params, g_strdup (user));
      database = user;
    }
  session.database = sim_pg_admin_route (front->admin, database != NULL ? database : "");
  /* A dataset's database shows that dataset's table alone. */
  if (database != NULL && !g_str_equal (database, session.database) && strchr (database, ':') != NULL)
    session.scope = g_strdup (strchr (database, ':') + 1);
  g_debug ("Session for %s in %s (asked for %s)", user, session.database, database);

  if (!connect_server (&session, tls, &error))
    {
      g_autoptr(GByteArray) reply = error_response ("FATAL", "08006", error->message);

      write_all (session.client, reply->data, reply->len, NULL);
      goto out;
    }
  startup = startup_message (params, session.database);
  if (!write_all (session.server, startup->data, startup->len, &error))
    goto out;

  server_thread = g_thread_new ("sim-pg-front-server", relay_server_cb, &session);
  relay_client (&session);
  g_socket_shutdown (session.server_socket, TRUE, TRUE, NULL);
  g_socket_shutdown (session.client_socket, TRUE, TRUE, NULL);
  g_thread_join (server_thread);

out:
  g_mutex_lock (&front->lock);
  g_ptr_array_remove_fast (front->sessions, &session);
  g_cond_broadcast (&front->ended);
  g_mutex_unlock (&front->lock);
  g_clear_object (&session.server);
  g_clear_object (&session.server_socket);
  g_clear_object (&session.client);
  g_clear_object (&session.client_socket);
  g_free (session.database);
  g_free (session.scope);

  return TRUE;
}

/**
 * sim_pg_front_start:
 * @admin_conninfo: the superuser's way into the server
 * @server_port: where the server takes TLS on 127.0.0.1
 * @certificate_file: the server's certificate, which the front shows too
 * @key_file: its key
 *
 * Starts listening on a free port of 127.0.0.1, connections handled in
 * threads of their own.
 */
SimPgFront *
sim_pg_front_start (const char  *admin_conninfo,
                    guint        server_port,
                    const char  *certificate_file,
                    const char  *key_file,
                    GError     **error)
{
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GInetAddress) loopback = NULL;
  g_autoptr(GSocketAddress) address = NULL;
  g_autoptr(GSocketAddress) bound = NULL;
  SimPgFront *front;

  if (!(certificate = g_tls_certificate_new_from_files (certificate_file, key_file, error)))
    return NULL;

  front = g_new0 (SimPgFront, 1);
  front->certificate = g_steal_pointer (&certificate);
  front->server_port = server_port;
  front->admin = sim_pg_admin_new (admin_conninfo);
  g_mutex_init (&front->lock);
  g_cond_init (&front->ended);
  front->sessions = g_ptr_array_new ();
  /* The server takes 50 connections; the front no more at once. */
  front->service = g_threaded_socket_service_new (50);
  g_signal_connect (front->service, "run", G_CALLBACK (run_cb), front);

  loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  address = g_inet_socket_address_new (loopback, 0);
  if (!g_socket_listener_add_address (G_SOCKET_LISTENER (front->service), address, G_SOCKET_TYPE_STREAM,
                                      G_SOCKET_PROTOCOL_TCP, NULL, &bound, error))
    {
      sim_pg_front_stop (front);
      return NULL;
    }
  front->port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_service_start (front->service);

  return front;
}

guint
sim_pg_front_get_port (SimPgFront *front)
{
  return front->port;
}

/**
 * sim_pg_front_rewrite:
 *
 * What the front does to a statement, for Query Service's REST queries
 * and schedule runs, which Data Distiller runs alike. Any thread.
 *
 * Returns: (nullable): as sim_pg_rewrite()
 */
char *
sim_pg_front_rewrite (SimPgFront  *front,
                      const char  *database,
                      const char  *sql,
                      char       **sqlstate,
                      char       **message)
{
  return sim_pg_rewrite (front->admin, database, NULL, sql, sqlstate, message);
}

/* Stops taking connections and ends the sessions under way, as a
 * server shutting down does.
 */
void
sim_pg_front_stop (SimPgFront *front)
{
  g_socket_service_stop (front->service);
  g_socket_listener_close (G_SOCKET_LISTENER (front->service));

  g_mutex_lock (&front->lock);
  front->stopping = TRUE;
  for (guint i = 0; i < front->sessions->len; i++)
    {
      Session *session = g_ptr_array_index (front->sessions, i);

      g_socket_shutdown (session->client_socket, TRUE, TRUE, NULL);
      if (session->server_socket != NULL)
        g_socket_shutdown (session->server_socket, TRUE, TRUE, NULL);
    }
  while (front->sessions->len > 0)
    g_cond_wait (&front->ended, &front->lock);
  g_mutex_unlock (&front->lock);

  /* Waits for the threads still reading a startup message. */
  g_clear_object (&front->service);
  g_clear_object (&front->certificate);
  sim_pg_admin_free (front->admin);
  g_ptr_array_unref (front->sessions);
  g_cond_clear (&front->ended);
  g_mutex_clear (&front->lock);
  g_free (front);
}
