/* trib-redact.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-redact"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "trib-redact.h"

/* What the request log keeps must be safe to show, copy and paste into a
 * bug report. Secrets become shell-variable placeholders, so a copied
 * curl command runs once the user exports the real values; every other
 * byte is kept as it was sent, so the command sends the same request.
 * Each placeholder's place is reported as a span, which is how the curl
 * command tells a placeholder from a "$" that was in the text.
 *
 * Names are compared in lower case with everything but letters and
 * digits left out, so "client_secret", "Client-Secret" and "clientSecret"
 * are one name. A name is secret if it contains one of the fragments
 * below, or ends in "token" (access_token, s3SessionToken, SASToken,
 * compressedToken…) without being a paging cursor.
 */
static const char * const secret_fragments[] = {
  "secret", "password", "passwd", "passphrase", "privatekey", "sshkey", "principalkey",
  "accountkey", "accesskey", "apikey", "saskey", "sastoken", "sasuri", "connectionstring",
  "authorization", "cookie",
};

/* Continuation tokens only say where the next page starts; hiding them
 * would break every copied paging call.
 */
static const char * const cursor_names[] = {
  "continuationtoken", "pagetoken", "nextpagetoken", "nexttoken",
};

/* In a query string or a form these are secrets too: an OAuth
 * authorization code, a SAS signature, a Google API key, and any
 * "…signature" (X-Amz-Signature). In JSON "code" is every error's code,
 * so there they are not.
 */
static const char * const parameter_names[] = {
  "code", "sig", "key",
};

static char *
normalize_name (const char *name,
                gssize      length)
{
  GString *str = g_string_new (NULL);

  if (length < 0)
    length = strlen (name);

  for (gssize i = 0; i < length; i++)
    if (g_ascii_isalnum (name[i]))
      g_string_append_c (str, g_ascii_tolower (name[i]));

  return g_string_free (str, FALSE);
}

static gboolean
name_in (const char         *normalized,
         const char * const *names,
         guint               n_names)
{
  for (guint i = 0; i < n_names; i++)
    if (g_str_equal (normalized, names[i]))
      return TRUE;

  return FALSE;
}

/**
 * trib_redact_is_secret_name:
 * @name: a JSON member, header or parameter name
 *
 * Returns: whether a value under @name is a credential
 */
gboolean
trib_redact_is_secret_name (const char *name)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (name != NULL, FALSE);

  normalized = normalize_name (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (secret_fragments); i++)
    if (strstr (normalized, secret_fragments[i]) != NULL)
      return TRUE;

  return g_str_has_suffix (normalized, "token") &&
         !name_in (normalized, cursor_names, G_N_ELEMENTS (cursor_names));
}

static gboolean
is_secret_parameter (const char *name)
{
  g_autofree char *normalized = normalize_name (name, -1);

  return trib_redact_is_secret_name (name) ||
         name_in (normalized, parameter_names, G_N_ELEMENTS (parameter_names)) ||
         g_str_has_suffix (normalized, "signature");
}

static void
append_placeholder (GString    *out,
                    GArray     *spans,
                    const char *name)
{
  TribRedactSpan span;

  span.start = out->len;
  g_string_append_c (out, '$');

  /* A shell variable: letters, digits and '_', not starting with a digit. */
  if (!g_ascii_isalpha (name[0]))
    g_string_append_c (out, '_');
  for (const char *p = name; *p != '\0'; p++)
    g_string_append_c (out, g_ascii_isalnum (*p) ? g_ascii_toupper (*p) : '_');

  span.end = out->len;
  if (spans != NULL)
    g_array_append_val (spans, span);
}

/* Name=value pairs joined by '&', as in a query string or a form body:
 * each value whose (decoded) name is secret becomes a placeholder.
 */
static void
redact_parameters (GString    *out,
                   GArray     *spans,
                   const char *text,
                   gsize       length)
{
  const char *p = text;
  const char *end = text + length;

  while (p <= end)
    {
      const char *amp = memchr (p, '&', end - p);
      const char *pair_end = amp != NULL ? amp : end;
      const char *equals = memchr (p, '=', pair_end - p);
      g_autofree char *raw_name = NULL;
      g_autofree char *name = NULL;

      if (equals != NULL)
        {
          raw_name = g_strndup (p, equals - p);
          g_strdelimit (raw_name, "+", ' ');
          name = g_uri_unescape_string (raw_name, NULL);
        }

      if (name != NULL && equals + 1 < pair_end && is_secret_parameter (name))
        {
          g_string_append_len (out, p, equals + 1 - p);
          append_placeholder (out, spans, name);
        }
      else
        g_string_append_len (out, p, pair_end - p);

      if (amp == NULL)
        break;

      g_string_append_c (out, '&');
      p = amp + 1;
    }
}

/**
 * trib_redact_url:
 * @url: a URL
 * @spans: (nullable) (element-type TribRedactSpan): where to add the
 *   placeholders' places in the returned text
 *
 * Returns: (transfer full): @url with the password of `user:password@`
 *   and the secret values of its query string and fragment replaced
 */
char *
trib_redact_url (const char *url,
                 GArray     *spans)
{
  GString *out = g_string_new (NULL);
  const char *authority;
  const char *authority_end;
  const char *query;
  const char *fragment;
  const char *at = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  authority = strstr (url, "://");
  authority = authority != NULL ? authority + 3 : url;
  authority_end = authority + strcspn (authority, "/?#");

  for (const char *p = authority; p < authority_end; p++)
    if (*p == '@')
      at = p;

  if (at != NULL && memchr (authority, ':', at - authority) != NULL)
    {
      const char *colon = memchr (authority, ':', at - authority);

      g_string_append_len (out, url, colon + 1 - url);
      append_placeholder (out, spans, "password");
      g_string_append_len (out, at, authority_end - at);
    }
  else
    g_string_append_len (out, url, authority_end - url);

  fragment = strchr (authority_end, '#');
  query = memchr (authority_end, '?', (fragment != NULL ? fragment : authority_end + strlen (authority_end)) - authority_end);

  if (query != NULL)
    {
      g_string_append_len (out, authority_end, query + 1 - authority_end);
      redact_parameters (out, spans, query + 1,
                         (fragment != NULL ? fragment : query + strlen (query)) - (query + 1));
    }
  else
    g_string_append_len (out, authority_end,
                         (fragment != NULL ? fragment : authority_end + strlen (authority_end)) - authority_end);

  if (fragment != NULL)
    {
      g_string_append_c (out, '#');
      redact_parameters (out, spans, fragment + 1, strlen (fragment + 1));
    }

  return g_string_free (out, FALSE);
}

/**
 * trib_redact_header_value:
 * @name: a header's name
 * @value: its value
 * @spans: (nullable) (element-type TribRedactSpan): where to add the
 *   placeholders' places in the returned text
 *
 * Returns: (transfer full): @value, or a placeholder if it is a
 *   credential; an authorization keeps its scheme
 */
char *
trib_redact_header_value (const char *name,
                          const char *value,
                          GArray     *spans)
{
  GString *out = g_string_new (NULL);
  gboolean proxy;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  proxy = g_ascii_strcasecmp (name, "Proxy-Authorization") == 0;

  if (proxy || g_ascii_strcasecmp (name, "Authorization") == 0)
    {
      const char *space = strchr (value, ' ');

      if (space != NULL)
        g_string_append_len (out, value, space + 1 - value);

      if (!proxy && space != NULL && g_ascii_strncasecmp (value, "Bearer ", strlen ("Bearer ")) == 0)
        append_placeholder (out, spans, "access_token");
      else
        append_placeholder (out, spans, proxy ? "proxy_authorization" : "authorization");
    }
  else if (g_ascii_strcasecmp (name, "x-api-key") == 0)
    append_placeholder (out, spans, "api_key");
  else if (trib_redact_is_secret_name (name))
    append_placeholder (out, spans, name);
  else
    g_string_append (out, value);

  return g_string_free (out, FALSE);
}

static gsize
skip_string (const char *data,
             gsize       length,
             gsize       i)
{
  /* data[i] is the opening quote. */
  for (i++; i < length; i++)
    {
      if (data[i] == '\\')
        i++;
      else if (data[i] == '"')
        return i + 1;
    }

  return 0;
}

static gsize
skip_literal (const char *data,
              gsize       length,
              gsize       i)
{
  gsize start = i;

  while (i < length && (g_ascii_isalnum (data[i]) || data[i] == '-' || data[i] == '+' || data[i] == '.'))
    i++;

  return i > start ? i : 0;
}

/* Skips a whole value, nested or not, without recursion. */
static gsize
skip_value (const char *data,
            gsize       length,
            gsize       i)
{
  gsize depth = 0;

  if (data[i] == '"')
    return skip_string (data, length, i);
  if (data[i] != '{' && data[i] != '[')
    return skip_literal (data, length, i);

  while (i < length)
    {
      switch (data[i])
        {
        case '"':
          if ((i = skip_string (data, length, i)) == 0)
            return 0;
          continue;

        case '{':
        case '[':
          depth++;
          break;

        case '}':
        case ']':
          if (--depth == 0)
            return i + 1;
          break;

        default:
          break;
        }
      i++;
    }

  return 0;
}

static char *
decode_key (const char *data,
            gsize       start,
            gsize       end)
{
  g_autofree char *token = g_strndup (data + start, end - start);
  g_autoptr(JsonNode) node = NULL;

  if (memchr (token, '\\', end - start) == NULL)
    return g_strndup (data + start + 1, end - start - 2);

  node = json_from_string (token, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return g_strdup (json_node_get_string (node));
}

/* A JSON Patch operation names its target in "path" and carries the
 * new value in "value": `{"op": "replace", "path":
 * "/auth/params/s3SecretKey", "value": "…"}`. Given the opening brace of
 * an object, this reads its members one level deep (in whatever order)
 * and returns the last segment of a secret-named "path", or %NULL.
 */
static char *
patch_secret_name (const char *data,
                   gsize       length,
                   gsize       i)
{
  gboolean expect_key = TRUE;

  for (i++; i < length;)
    {
      char c = data[i];
      gsize end;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',')
        {
          i++;
          continue;
        }
      if (c == '}' || !expect_key || c != '"' || (end = skip_string (data, length, i)) == 0)
        return NULL;

      {
        g_autofree char *key = decode_key (data, i, end);

        i = end;
        while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
          i++;
        if (i >= length || data[i] != ':')
          return NULL;
        i++;
        while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'))
          i++;
        if (i >= length || (end = skip_value (data, length, i)) == 0)
          return NULL;

        if (g_strcmp0 (key, "path") == 0 && data[i] == '"')
          {
            g_autofree char *path = decode_key (data, i, end);
            const char *segment = path != NULL ? strrchr (path, '/') : NULL;
            g_autoptr(GString) name = NULL;

            if (segment == NULL)
              return NULL;
            /* JSON Pointer: ~1 is "/", ~0 is "~". */
            name = g_string_new (segment + 1);
            g_string_replace (name, "~1", "/", 0);
            g_string_replace (name, "~0", "~", 0);

            return trib_redact_is_secret_name (name->str) ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
          }
        i = end;
      }
    }

  return NULL;
}

enum
{
  EXPECT_VALUE,
  EXPECT_VALUE_OR_END,
  EXPECT_KEY,
  EXPECT_KEY_OR_END,
  EXPECT_COLON,
  EXPECT_COMMA_OR_END,
  EXPECT_NOTHING,
};

/* Walks the JSON text once, with a stack instead of recursion, and
 * replaces the value of every secret-named member, whatever it holds: a
 * string keeps its quotes around the placeholder, anything else (an
 * object of credentials, a number) becomes the bare placeholder, so the
 * exported value is sent as it was. null and "" are kept: nothing is
 * hidden there.
 *
 * With @stop_at short of @length, the walk stops at the first boundary
 * between tokens past it and returns what it has redacted so far: a
 * prefix for display, whatever the size of the rest. Everything up to
 * there has been read, so no secret, or part of one, is in it.
 */
static char *
redact_json (const char *data,
             gsize       length,
             gsize       stop_at,
             gboolean   *stopped,
             GArray     *spans)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GByteArray) stack = g_byte_array_new ();
  g_autofree char *secret_name = NULL;
  g_autofree char *patch_secret = NULL;   /* of the JSON Patch operation being read */
  int state = EXPECT_VALUE;
  gsize copied = 0;
  gsize i = 0;

  while (i < length)
    {
      char c = data[i];
      gsize end;

      if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
        {
          i++;
          continue;
        }

      if (i >= stop_at)
        {
          g_string_append_len (out, data + copied, i - copied);
          *stopped = TRUE;
          return g_string_free (g_steal_pointer (&out), FALSE);
        }

      switch (state)
        {
        case EXPECT_VALUE_OR_END:
          if (c == ']')
            goto close;
          G_GNUC_FALLTHROUGH;

        case EXPECT_VALUE:
          if (secret_name != NULL)
            {
              if ((end = skip_value (data, length, i)) == 0)
                return NULL;

              if (c == '"' && end - i > 2)
                {
                  g_string_append_len (out, data + copied, i + 1 - copied);
                  append_placeholder (out, spans, secret_name);
                  copied = end - 1;
                }
              else if (c != '"' && !(end - i == 4 && memcmp (data + i, "null", 4) == 0))
                {
                  g_string_append_len (out, data + copied, i - copied);
                  append_placeholder (out, spans, secret_name);
                  copied = end;
                }

              g_clear_pointer (&secret_name, g_free);
              i = end;
            }
          else if (c == '{' || c == '[')
            {
              /* Operations are the objects of a top-level array. */
              if (c == '{' && stack->len == 1 && stack->data[0] == '[')
                {
                  g_free (patch_secret);
                  patch_secret = patch_secret_name (data, length, i);
                }
              g_byte_array_append (stack, (guint8 *) &c, 1);
              state = c == '{' ? EXPECT_KEY_OR_END : EXPECT_VALUE_OR_END;
              i++;
              break;
            }
          else if ((i = skip_value (data, length, i)) == 0)
            return NULL;

          state = stack->len > 0 ? EXPECT_COMMA_OR_END : EXPECT_NOTHING;
          break;

        case EXPECT_KEY_OR_END:
          if (c == '}')
            goto close;
          G_GNUC_FALLTHROUGH;

        case EXPECT_KEY:
          {
            g_autofree char *key = NULL;

            if (c != '"' || (end = skip_string (data, length, i)) == 0 ||
                (key = decode_key (data, i, end)) == NULL)
              return NULL;

            if (trib_redact_is_secret_name (key))
              secret_name = g_steal_pointer (&key);
            else if (patch_secret != NULL && stack->len == 2 && g_str_equal (key, "value"))
              secret_name = g_strdup (patch_secret);
            i = end;
            state = EXPECT_COLON;
          }
          break;

        case EXPECT_COLON:
          if (c != ':')
            return NULL;
          i++;
          state = EXPECT_VALUE;
          break;

        case EXPECT_COMMA_OR_END:
          if (c == ',')
            {
              state = stack->data[stack->len - 1] == '{' ? EXPECT_KEY : EXPECT_VALUE;
              i++;
              break;
            }
          if (c == '}' || c == ']')
            goto close;
          return NULL;

        case EXPECT_NOTHING:
        default:
          return NULL;

        close:
          if (stack->len == 0 || stack->data[stack->len - 1] != (c == '}' ? '{' : '['))
            return NULL;
          g_byte_array_set_size (stack, stack->len - 1);
          state = stack->len > 0 ? EXPECT_COMMA_OR_END : EXPECT_NOTHING;
          i++;
          break;
        }
    }

  if (state != EXPECT_NOTHING)
    return NULL;

  g_string_append_len (out, data + copied, length - copied);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
is_json_type (const char *content_type)
{
  g_autofree char *media = g_ascii_strdown (content_type, strcspn (content_type, ";"));

  g_strstrip (media);

  return g_str_equal (media, "application/json") || g_str_has_suffix (media, "+json");
}

/**
 * trib_redact_body:
 * @content_type: (nullable): the body's content type
 * @body: (nullable): the body
 * @length: its length in bytes
 * @spans: (nullable) (element-type TribRedactSpan): where to add the
 *   placeholders' places in the returned text
 *
 * Returns: (transfer full) (nullable): the body, byte for byte, with every
 *   credential value replaced by a placeholder; a body that cannot be
 *   read is not kept at all, since it cannot be checked
 */
char *
trib_redact_body (const char *content_type,
                  const char *body,
                  gsize       length,
                  GArray     *spans)
{
  if (body == NULL || length == 0 || content_type == NULL || memchr (body, '\0', length) != NULL)
    return NULL;

  if (g_ascii_strncasecmp (content_type, "application/x-www-form-urlencoded",
                           strlen ("application/x-www-form-urlencoded")) == 0)
    {
      GString *out = g_string_new (NULL);

      redact_parameters (out, spans, body, length);

      return g_string_free (out, FALSE);
    }

  if (is_json_type (content_type))
    {
      /* Spans are only added once the whole body is known to be read. */
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (TribRedactSpan));
      gboolean stopped = FALSE;
      char *redacted = redact_json (body, length, G_MAXSIZE, &stopped, found);

      if (redacted != NULL && spans != NULL)
        g_array_append_vals (spans, found->data, found->len);

      return redacted;
    }

  return NULL;
}

/* Cuts @text to at most @max_bytes, never in the middle of a character. */
static void
cut_utf8 (char  *text,
          gsize  max_bytes)
{
  char *cut = text + max_bytes;

  while (cut > text && (*cut & 0xC0) == 0x80)
    cut--;
  *cut = '\0';
}

/**
 * trib_redact_body_prefix:
 * @content_type: (nullable): the body's content type
 * @body: (nullable): the body
 * @length: its length in bytes
 * @max_bytes: the most of the redacted text to return
 * @cut: (out) (optional): set to whether the text returned is only the
 *   start of the body
 *
 * For display: the start of the body, redacted as trib_redact_body()
 * does, at a cost bounded by @max_bytes rather than by @length (except
 * a single value longer than that, which is read to its end). The text
 * is no longer JSON where it was cut.
 *
 * Returns: (transfer full) (nullable): at most @max_bytes of the
 *   redacted body, or %NULL for a body that cannot be read
 */
char *
trib_redact_body_prefix (const char *content_type,
                         const char *body,
                         gsize       length,
                         gsize       max_bytes,
                         gboolean   *cut)
{
  g_autofree char *redacted = NULL;
  gboolean stopped = FALSE;

  g_return_val_if_fail (max_bytes > 0, NULL);

  if (cut != NULL)
    *cut = FALSE;

  if (body == NULL || length == 0 || content_type == NULL)
    return NULL;

  if (is_json_type (content_type))
    {
      /* A NUL past the prefix is never read: only the part walked is checked. */
      gsize walked = MIN (length, max_bytes);

      if (memchr (body, '\0', walked) != NULL)
        return NULL;
      redacted = redact_json (body, length, max_bytes, &stopped, NULL);
      if (!stopped && memchr (body, '\0', length) != NULL)
        g_clear_pointer (&redacted, g_free);
    }
  else
    redacted = trib_redact_body (content_type, body, length, NULL);

  if (redacted == NULL)
    return NULL;

  if (strlen (redacted) > max_bytes)
    {
      cut_utf8 (redacted, max_bytes);
      stopped = TRUE;
    }

  if (cut != NULL)
    *cut = stopped;

  return g_steal_pointer (&redacted);
}
