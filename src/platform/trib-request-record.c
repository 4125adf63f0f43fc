/* trib-request-record.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-request-record"

#include "config.h"

#include <string.h>

#include "trib-redact.h"
#include "trib-request-record.h"

/* One call as the Activity view shows it. Everything in here has been
 * redacted on the way in: a record never holds a token or a secret.
 * The URL, headers and body keep where their placeholders are
 * (TribRedactSpan), so the curl command leaves exactly those to the shell.
 */
struct _TribRequestRecord
{
  GObject parent_instance;

  char *method;
  char *url;
  GArray *url_spans;
  GDateTime *started;
  gint64 started_monotonic;
  GPtrArray *headers;
  GPtrArray *header_spans;  /* a GArray of TribRedactSpan per header */
  char *body;
  GArray *body_spans;
  gsize request_size;
  char *response;
  gsize response_length;
  guint body_cut : 1;
  guint response_cut : 1;

  guint status;
  gsize response_size;
  double duration_ms;
  char *error_message;
  guint done : 1;
};

G_DEFINE_FINAL_TYPE (TribRequestRecord, trib_request_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_METHOD,
  PROP_URL,
  PROP_STATUS,
  PROP_DONE,
  PROP_DURATION_MS,
  PROP_ERROR_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
trib_request_record_finalize (GObject *object)
{
  TribRequestRecord *self = (TribRequestRecord *)object;

  g_clear_pointer (&self->method, g_free);
  g_clear_pointer (&self->url, g_free);
  g_clear_pointer (&self->url_spans, g_array_unref);
  g_clear_pointer (&self->started, g_date_time_unref);
  g_clear_pointer (&self->headers, g_ptr_array_unref);
  g_clear_pointer (&self->header_spans, g_ptr_array_unref);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->body_spans, g_array_unref);
  g_clear_pointer (&self->response, g_free);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (trib_request_record_parent_class)->finalize (object);
}

static void
trib_request_record_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TribRequestRecord *self = TRIB_REQUEST_RECORD (object);

  switch (prop_id)
    {
    case PROP_METHOD:
      g_value_set_string (value, self->method);
      break;

    case PROP_URL:
      g_value_set_string (value, self->url);
      break;

    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;

    case PROP_DONE:
      g_value_set_boolean (value, self->done);
      break;

    case PROP_DURATION_MS:
      g_value_set_double (value, self->duration_ms);
      break;

    case PROP_ERROR_MESSAGE:
      g_value_set_string (value, self->error_message);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_request_record_class_init (TribRequestRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_request_record_finalize;
  object_class->get_property = trib_request_record_get_property;

  properties[PROP_METHOD] =
    g_param_spec_string ("method", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_uint ("status", NULL, NULL, 0, 999, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_boolean ("done", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DURATION_MS] =
    g_param_spec_double ("duration-ms", NULL, NULL, 0, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_MESSAGE] =
    g_param_spec_string ("error-message", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_request_record_init (TribRequestRecord *self)
{
  self->headers = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  self->header_spans = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->url_spans = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
  self->body_spans = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
  self->started = g_date_time_new_now_local ();
  self->started_monotonic = g_get_monotonic_time ();
}

/**
 * trib_request_record_new:
 * @method: the HTTP method
 * @url: the URL called, redacted before it is kept
 *
 * Returns: (transfer full): a record of a call just sent
 */
TribRequestRecord *
trib_request_record_new (const char *method,
                         const char *url)
{
  TribRequestRecord *self;

  g_return_val_if_fail (method != NULL, NULL);
  g_return_val_if_fail (url != NULL, NULL);

  self = g_object_new (TRIB_TYPE_REQUEST_RECORD, NULL);
  self->method = g_strdup (method);
  self->url = trib_redact_url (url, self->url_spans);

  return self;
}

const char *
trib_request_record_get_method (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  return self->method;
}

const char *
trib_request_record_get_url (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  return self->url;
}

/**
 * trib_request_record_get_started:
 * @self: a #TribRequestRecord
 *
 * Returns: (transfer none): when the call was sent
 */
GDateTime *
trib_request_record_get_started (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  return self->started;
}

/**
 * trib_request_record_add_header:
 * @self: a #TribRequestRecord
 * @name: the header's name
 * @value: its value, which is redacted if it is a credential
 */
void
trib_request_record_add_header (TribRequestRecord *self,
                                const char        *name,
                                const char        *value)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
  g_autofree char *redacted = NULL;
  gsize prefix = strlen (name) + strlen (": ");

  g_return_if_fail (TRIB_IS_REQUEST_RECORD (self));

  redacted = trib_redact_header_value (name, value, spans);
  for (guint i = 0; i < spans->len; i++)
    {
      g_array_index (spans, TribRedactSpan, i).start += prefix;
      g_array_index (spans, TribRedactSpan, i).end += prefix;
    }

  g_ptr_array_add (self->headers, g_strdup_printf ("%s: %s", name, redacted));
  g_ptr_array_add (self->header_spans, g_steal_pointer (&spans));
}

/**
 * trib_request_record_get_headers:
 * @self: a #TribRequestRecord
 *
 * Returns: (transfer none): the request headers as `Name: value` lines
 */
const char * const *
trib_request_record_get_headers (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  return (const char * const *) self->headers->pdata;
}

/**
 * trib_request_record_set_body:
 * @self: a #TribRequestRecord
 * @content_type: (nullable): the body's content type
 * @body: (nullable): the request body, redacted before it is kept
 * @length: its length
 *
 * Keeps the redacted body, never the body itself (which may carry a
 * connection's credentials, and is overwritten once sent): whole up to
 * %TRIB_REQUEST_RECORD_MAX_SENT_BYTES, for an exact curl command; of a
 * larger one only the start, and then the record has no curl command,
 * which would send a different body.
 */
void
trib_request_record_set_body (TribRequestRecord *self,
                              const char        *content_type,
                              const char        *body,
                              gsize              length)
{
  g_return_if_fail (TRIB_IS_REQUEST_RECORD (self));

  g_clear_pointer (&self->body, g_free);
  g_array_set_size (self->body_spans, 0);
  self->body_cut = FALSE;
  self->request_size = length;

  if (length > TRIB_REQUEST_RECORD_MAX_SENT_BYTES)
    {
      gboolean cut = FALSE;

      self->body = trib_redact_body_prefix (content_type, body, length,
                                            TRIB_REQUEST_RECORD_MAX_BODY_BYTES, &cut);
      self->body_cut = cut;
      return;
    }

  self->body = trib_redact_body (content_type, body, length, self->body_spans);
}

const char *
trib_request_record_get_body (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  return self->body;
}

/**
 * trib_request_record_set_response:
 * @self: a #TribRequestRecord
 * @content_type: (nullable): the answer's content type
 * @body: (nullable): the answer's body, redacted before it is kept
 * @length: its length
 *
 * Keeps the start of what the server answered, redacted: at most
 * %TRIB_REQUEST_RECORD_MAX_BODY_BYTES, read at a cost bounded by that
 * too, since every answer is recorded on the main thread. Error
 * messages are cut short where they are shown, and this is where more
 * can be read.
 */
void
trib_request_record_set_response (TribRequestRecord *self,
                                  const char        *content_type,
                                  const char        *body,
                                  gsize              length)
{
  gboolean cut = FALSE;

  g_return_if_fail (TRIB_IS_REQUEST_RECORD (self));

  g_clear_pointer (&self->response, g_free);
  self->response_length = 0;
  self->response = trib_redact_body_prefix (content_type, body, length,
                                            TRIB_REQUEST_RECORD_MAX_BODY_BYTES, &cut);
  self->response_cut = cut;
  if (self->response != NULL)
    self->response_length = strlen (self->response);
}

/**
 * trib_request_record_get_body_cut:
 * @self: a #TribRequestRecord
 *
 * Returns: whether the body kept is only the start of the one sent
 */
gboolean
trib_request_record_get_body_cut (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), FALSE);

  return self->body_cut;
}

/**
 * trib_request_record_get_response_cut:
 * @self: a #TribRequestRecord
 *
 * Returns: whether the answer kept is only the start of the one received
 */
gboolean
trib_request_record_get_response_cut (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), FALSE);

  return self->response_cut;
}

/**
 * trib_request_record_get_response:
 * @self: a #TribRequestRecord
 *
 * Returns: (nullable): the answer's body, redacted, if it was kept
 */
const char *
trib_request_record_get_response (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  return self->response;
}

/**
 * trib_request_record_drop_response:
 * @self: a #TribRequestRecord
 *
 * Forgets the answer's body, for a log that keeps too many.
 *
 * Returns: the bytes given back
 */
gsize
trib_request_record_drop_response (TribRequestRecord *self)
{
  gsize size;

  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), 0);

  size = self->response_length;
  g_clear_pointer (&self->response, g_free);
  self->response_length = 0;

  return size;
}

/**
 * trib_request_record_get_response_length:
 * @self: a #TribRequestRecord
 *
 * Returns: the length of what trib_request_record_get_response() gives
 */
gsize
trib_request_record_get_response_length (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), 0);

  return self->response_length;
}

gsize
trib_request_record_get_request_size (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), 0);

  return self->request_size;
}

/**
 * trib_request_record_finish:
 * @self: a #TribRequestRecord
 * @status: the HTTP status, or 0 if no answer came
 * @response_size: bytes received
 * @error_message: (nullable): why the call failed, if it did
 */
void
trib_request_record_finish (TribRequestRecord *self,
                            guint              status,
                            gsize              response_size,
                            const char        *error_message)
{
  g_return_if_fail (TRIB_IS_REQUEST_RECORD (self));
  g_return_if_fail (!self->done);

  self->done = TRUE;
  self->status = status;
  self->response_size = response_size;
  self->duration_ms = (g_get_monotonic_time () - self->started_monotonic) / 1000.0;
  self->error_message = g_strdup (error_message);

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION_MS]);
  if (error_message != NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_MESSAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);
  g_object_thaw_notify (G_OBJECT (self));
}

guint
trib_request_record_get_status (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), 0);

  return self->status;
}

gboolean
trib_request_record_get_done (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), FALSE);

  return self->done;
}

gsize
trib_request_record_get_response_size (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), 0);

  return self->response_size;
}

double
trib_request_record_get_duration_ms (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), 0);

  return self->duration_ms;
}

const char *
trib_request_record_get_error_message (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  return self->error_message;
}

/* POSIX sh: inside single quotes nothing is special, and a single quote
 * is written by closing the quotes, adding an escaped one and opening
 * them again.
 */
static void
append_single_quoted (GString    *str,
                      const char *text,
                      gsize       length)
{
  g_string_append_c (str, '\'');
  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '\'')
        g_string_append (str, "'\\''");
      else
        g_string_append_c (str, text[i]);
    }
  g_string_append_c (str, '\'');
}

/* Quotes @text as one shell word in which only the placeholders at
 * @spans expand: "$NAME" in double quotes, everything else verbatim.
 */
static void
append_shell_word (GString    *str,
                   const char *text,
                   GArray     *spans)
{
  gsize length = strlen (text);
  gsize done = 0;

  for (guint i = 0; spans != NULL && i < spans->len; i++)
    {
      const TribRedactSpan *span = &g_array_index (spans, TribRedactSpan, i);

      if (span->start > done)
        append_single_quoted (str, text + done, span->start - done);
      g_string_append_c (str, '"');
      g_string_append_len (str, text + span->start, span->end - span->start);
      g_string_append_c (str, '"');
      done = span->end;
    }

  if (done < length || length == 0)
    append_single_quoted (str, text + done, length - done);
}

/**
 * trib_request_record_dup_curl:
 * @self: a #TribRequestRecord
 *
 * Returns: (transfer full) (nullable): the call as a `curl` command
 *   line, with `$ACCESS_TOKEN`-style placeholders where credentials
 *   were; %NULL if the record kept only the start of the body
 */
char *
trib_request_record_dup_curl (TribRequestRecord *self)
{
  GString *str;

  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), NULL);

  if (self->body_cut)
    return NULL;

  str = g_string_new ("curl -X ");
  /* A method is a token; one that is not gets quoted like the rest. */
  if (self->method[0] != '\0' && strspn (self->method, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen (self->method))
    g_string_append (str, self->method);
  else
    append_shell_word (str, self->method, NULL);
  g_string_append_c (str, ' ');
  append_shell_word (str, self->url, self->url_spans);

  for (guint i = 0; i < self->headers->len; i++)
    {
      const char *header = g_ptr_array_index (self->headers, i);

      /* curl counts the body itself, and the count would be wrong once
       * the shell puts the real secret in place of its placeholder.
       */
      if (g_ascii_strncasecmp (header, "Content-Length:", strlen ("Content-Length:")) == 0)
        continue;

      g_string_append (str, " \\\n  -H ");
      append_shell_word (str, header, g_ptr_array_index (self->header_spans, i));
    }

  if (self->body != NULL)
    {
      g_string_append (str, " \\\n  --data-raw ");
      append_shell_word (str, self->body, self->body_spans);
    }

  return g_string_free (str, FALSE);
}

/**
 * trib_request_record_get_outcome:
 * @self: a #TribRequestRecord
 *
 * Returns: how the call went, or that it is still in flight
 */
TribRequestOutcome
trib_request_record_get_outcome (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), TRIB_REQUEST_OUTCOME_IN_FLIGHT);

  return trib_request_outcome_from_status (self->done, self->status);
}

/**
 * trib_request_record_get_service:
 * @self: a #TribRequestRecord
 *
 * Returns: the service called, from the URL's path
 */
TribRequestService
trib_request_record_get_service (TribRequestRecord *self)
{
  g_return_val_if_fail (TRIB_IS_REQUEST_RECORD (self), TRIB_REQUEST_SERVICE_OTHER);

  return trib_request_service_from_url (self->url);
}
