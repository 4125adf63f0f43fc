/* sim-hostile.c
 *
 * The answers of a hostile or broken server, for the faults that test
 * the client's limits: JSON nested deeper than any parser should
 * recurse, bodies larger than any reply should be (plain, chunked, or
 * small on the wire and huge once inflated), and answers that trickle
 * in a byte at a time or stop halfway and hold the connection open.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-hostile"

#include "config.h"

#include <string.h>

#include "sim-faults.h"
#include "sim-server.h"

#define BLOCK_BYTES (1024 * 1024)

/* A stalled answer keeps its connection this long at most. */
#define STALL_HOLD_SECONDS 600

void
sim_fault_reply_deep (SoupServerMessage *message,
                      guint              depth)
{
  char *text = g_malloc (2 * (gsize) depth);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_TAKE, text,
                                    2 * (gsize) depth);
}

/* Valid JSON of exactly @size bytes (at least 14): a client that reads it
 * all parses it without complaint, so only a size limit stops it.
 */
static void
fill_block (char  *block,
            gsize  length,
            char   filler)
{
  memset (block, filler, length);
}

void
sim_fault_reply_oversized (SoupServerMessage *message,
                           gsize              size,
                           gboolean           chunked)
{
  static const char prefix[] = "{\"items\":[\"";
  static const char suffix[] = "\"]}";
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  gsize filler = size > strlen (prefix) + strlen (suffix) ? size - strlen (prefix) - strlen (suffix) : 0;
  g_autofree char *block = g_malloc (BLOCK_BYTES);

  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         "application/json", NULL);
  soup_message_headers_set_encoding (soup_server_message_get_response_headers (message),
                                     chunked ? SOUP_ENCODING_CHUNKED : SOUP_ENCODING_CONTENT_LENGTH);

  fill_block (block, BLOCK_BYTES, 'x');
  soup_message_body_append (body, SOUP_MEMORY_COPY, prefix, strlen (prefix));
  while (filler > 0)
    {
      gsize n = MIN (filler, BLOCK_BYTES);

      soup_message_body_append (body, SOUP_MEMORY_COPY, block, n);
      filler -= n;
    }
  soup_message_body_append (body, SOUP_MEMORY_COPY, suffix, strlen (suffix));
  soup_message_body_complete (body);

  if (!chunked)
    soup_message_headers_set_content_length (soup_server_message_get_response_headers (message),
                                             body->length);
}

/* @size bytes of JSON once inflated, a thousandth of that on the wire. */
void
sim_fault_reply_gzip_bomb (SoupServerMessage *message,
                           gsize              size)
{
  static const char prefix[] = "{\"items\":[\"";
  static const char suffix[] = "\"]}";
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP, 9);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) stream = g_converter_output_stream_new (memory, G_CONVERTER (compressor));
  g_autofree char *block = g_malloc (BLOCK_BYTES);
  gsize filler = size > strlen (prefix) + strlen (suffix) ? size - strlen (prefix) - strlen (suffix) : 0;
  GBytes *compressed;

  fill_block (block, BLOCK_BYTES, ' ');
  g_output_stream_write_all (stream, prefix, strlen (prefix), NULL, NULL, NULL);
  while (filler > 0)
    {
      gsize n = MIN (filler, BLOCK_BYTES);

      g_output_stream_write_all (stream, block, n, NULL, NULL, NULL);
      filler -= n;
    }
  g_output_stream_write_all (stream, suffix, strlen (suffix), NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);

  compressed = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));

  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (message),
                                "Content-Encoding", "gzip");
  soup_message_headers_set_content_type (soup_server_message_get_response_headers (message),
                                         "application/json", NULL);
  soup_message_body_append_bytes (soup_server_message_get_response_body (message), compressed);
  g_bytes_unref (compressed);
}

typedef struct
{
  GIOStream *stream;
  GBytes *data;
  gsize sent;
  guint source_id;
} Slow;

static void
slow_free (Slow *slow)
{
  g_clear_handle_id (&slow->source_id, g_source_remove);
  if (slow->stream != NULL)
    g_io_stream_close (slow->stream, NULL, NULL);
  g_clear_object (&slow->stream);
  g_clear_pointer (&slow->data, g_bytes_unref);
  g_free (slow);
}

/* One byte a tick, until all is sent or the client has hung up. */
static gboolean
trickle_cb (gpointer user_data)
{
  Slow *slow = user_data;
  gsize length;
  const char *data = g_bytes_get_data (slow->data, &length);

  if (slow->sent >= length ||
      !g_output_stream_write_all (g_io_stream_get_output_stream (slow->stream), data + slow->sent, 1,
                                  NULL, NULL, NULL))
    {
      slow->source_id = 0;
      slow_free (slow);
      return G_SOURCE_REMOVE;
    }

  slow->sent++;

  return G_SOURCE_CONTINUE;
}

static gboolean
hold_done_cb (gpointer user_data)
{
  Slow *slow = user_data;

  slow->source_id = 0;
  slow_free (slow);

  return G_SOURCE_REMOVE;
}

/* The answer the handler prepared, as raw HTTP. */
static GBytes *
raw_answer (SoupServerMessage *message,
            gsize             *header_length)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  g_autoptr(GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (message));
  g_autoptr(GString) text = g_string_new (NULL);
  guint status = soup_server_message_get_status (message);
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  gsize length;
  const char *data = g_bytes_get_data (body, &length);

  g_string_append_printf (text, "HTTP/1.1 %u %s\r\n", status, sim_status_phrase (status));
  soup_message_headers_iter_init (&iter, headers);
  while (soup_message_headers_iter_next (&iter, &name, &value))
    if (g_ascii_strcasecmp (name, "Content-Length") != 0 &&
        g_ascii_strcasecmp (name, "Connection") != 0)
      g_string_append_printf (text, "%s: %s\r\n", name, value);
  g_string_append_printf (text, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n", length);
  *header_length = text->len;
  g_string_append_len (text, data, length);

  return g_string_free_to_bytes (g_steal_pointer (&text));
}

/**
 * sim_fault_send_slowly:
 *
 * Sends the answer the handler prepared the slow way @fault says: a
 * trickle (one byte every `interval_ms`, the headers too unless
 * `headers_first`), or a stall (the headers and half the body, then
 * nothing while the connection stays open).
 */
void
sim_fault_send_slowly (SoupServerMessage *message,
                       SimFault          *fault)
{
  Slow *slow = g_new0 (Slow, 1);
  gsize header_length = 0;
  gsize at_once;
  gsize length;

  slow->data = raw_answer (message, &header_length);
  slow->stream = soup_server_message_steal_connection (message);
  length = g_bytes_get_size (slow->data);

  if (slow->stream == NULL)
    {
      slow_free (slow);
      return;
    }

  if (fault->kind == SIM_FAULT_STALL)
    at_once = header_length + (length - header_length) / 2;
  else if (fault->headers_first)
    at_once = header_length;
  else
    at_once = 0;

  if (at_once > 0 &&
      !g_output_stream_write_all (g_io_stream_get_output_stream (slow->stream),
                                  g_bytes_get_data (slow->data, NULL), at_once, NULL, NULL, NULL))
    {
      slow_free (slow);
      return;
    }
  slow->sent = at_once;

  if (fault->kind == SIM_FAULT_STALL)
    slow->source_id = g_timeout_add_seconds (STALL_HOLD_SECONDS, hold_done_cb, slow);
  else
    slow->source_id = g_timeout_add (fault->interval_ms, trickle_cb, slow);
}
