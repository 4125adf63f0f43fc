/* sim-ims.c
 *
 * Adobe IMS, just the part a server-to-server integration uses: the
 * client-credentials grant at /ims/token/v3, and the table of tokens it
 * issued that the gateway checks requests against.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sim-ims"

#include "config.h"

#include <string.h>

#include "sim-ims.h"
#include "sim-services.h"

typedef struct
{
  SimClient *client;
  gint64 expires;         /* monotonic µs, so clock changes do not matter */
} SimToken;

struct _SimTokenTable
{
  GHashTable *tokens;     /* access token → SimToken */
  guint lifetime;         /* seconds, for tokens issued from now on */
};

SimTokenTable *
sim_token_table_new (guint lifetime_seconds)
{
  SimTokenTable *self = g_new0 (SimTokenTable, 1);

  self->tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->lifetime = lifetime_seconds;

  return self;
}

void
sim_token_table_free (SimTokenTable *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->tokens, g_hash_table_unref);
  g_free (self);
}

guint
sim_token_table_get_lifetime (SimTokenTable *self)
{
  return self->lifetime;
}

void
sim_token_table_set_lifetime (SimTokenTable *self,
                              guint          seconds)
{
  self->lifetime = seconds;
}

guint
sim_token_table_revoke_all (SimTokenTable *self)
{
  guint n = g_hash_table_size (self->tokens);

  g_hash_table_remove_all (self->tokens);

  return n;
}

SimTokenState
sim_token_table_check (SimTokenTable  *self,
                       const char     *token,
                       SimClient     **client)
{
  SimToken *entry = g_hash_table_lookup (self->tokens, token);

  if (entry == NULL)
    return SIM_TOKEN_UNKNOWN;

  if (g_get_monotonic_time () >= entry->expires)
    return SIM_TOKEN_EXPIRED;

  *client = entry->client;

  return SIM_TOKEN_VALID;
}

static char *
base64url (const guchar *data,
           gsize         length)
{
  char *text = g_base64_encode (data, length);
  char *padding;

  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  if ((padding = strchr (text, '=')) != NULL)
    *padding = '\0';

  return text;
}

static char *
base64url_json (JsonBuilder *builder)
{
  g_autoptr(JsonNode) node = json_builder_get_root (builder);
  g_autofree char *text = json_to_string (node, FALSE);

  return base64url ((const guchar *) text, strlen (text));
}

/* Real access tokens are JWTs, and clients may well log or measure
 * them, so these look the part: header, claims, and 256 bytes of
 * "signature" that is only randomness.
 */
static char *
make_access_token (SimClient  *client,
                   const char *scope,
                   guint       lifetime)
{
  g_autoptr(JsonBuilder) header = json_builder_new ();
  g_autoptr(JsonBuilder) claims = json_builder_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *created_at = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time () / 1000);
  g_autofree char *expires_in = g_strdup_printf ("%" G_GUINT64_FORMAT, (guint64) lifetime * 1000);
  g_autofree char *header_text = NULL;
  g_autofree char *claims_text = NULL;
  g_autofree char *signature_text = NULL;
  guchar signature[256];

  json_builder_begin_object (header);
  json_builder_set_member_name (header, "alg");
  json_builder_add_string_value (header, "RS256");
  json_builder_set_member_name (header, "x5u");
  json_builder_add_string_value (header, "ims_na1-key-at-1.cer");
  json_builder_set_member_name (header, "kid");
  json_builder_add_string_value (header, "ims_na1-key-at-1");
  json_builder_set_member_name (header, "itt");
  json_builder_add_string_value (header, "at");
  json_builder_end_object (header);

  json_builder_begin_object (claims);
  json_builder_set_member_name (claims, "id");
  json_builder_add_string_value (claims, id);
  json_builder_set_member_name (claims, "type");
  json_builder_add_string_value (claims, "access_token");
  json_builder_set_member_name (claims, "client_id");
  json_builder_add_string_value (claims, client->client_id);
  json_builder_set_member_name (claims, "user_id");
  json_builder_add_string_value (claims, client->technical_account_id);
  json_builder_set_member_name (claims, "as");
  json_builder_add_string_value (claims, "ims-na1");
  json_builder_set_member_name (claims, "org");
  json_builder_add_string_value (claims, client->org->id);
  json_builder_set_member_name (claims, "created_at");
  json_builder_add_string_value (claims, created_at);
  json_builder_set_member_name (claims, "expires_in");
  json_builder_add_string_value (claims, expires_in);
  json_builder_set_member_name (claims, "scope");
  json_builder_add_string_value (claims, scope);
  json_builder_end_object (claims);

  for (guint i = 0; i < sizeof signature; i += 4)
    {
      guint32 value = g_random_int ();

      memcpy (signature + i, &value, 4);
    }

  header_text = base64url_json (header);
  claims_text = base64url_json (claims);
  signature_text = base64url (signature, sizeof signature);

  return g_strjoin (".", header_text, claims_text, signature_text, NULL);
}

/**
 * sim_token_table_issue:
 *
 * Returns: (transfer full): a new access token for @client, valid for
 *   the table's current lifetime
 */
char *
sim_token_table_issue (SimTokenTable *self,
                       SimClient     *client)
{
  g_autofree char *scope = g_strjoinv (",", client->scopes);
  SimToken *entry = g_new0 (SimToken, 1);
  char *token = make_access_token (client, scope, self->lifetime);

  entry->client = client;
  entry->expires = g_get_monotonic_time () + (gint64) self->lifetime * G_USEC_PER_SEC;
  g_hash_table_insert (self->tokens, g_strdup (token), entry);

  return token;
}

static void
reply_ims_error (SimRequest *request,
                 guint       status,
                 const char *error,
                 const char *description)
{
  sim_request_reply_strings (request, status, "error", error, "error_description", description, NULL);
}

/* IMS reads its parameters from the query string as well as from a
 * form body; the body wins where both give one.
 */
static GHashTable *
collect_params (SimRequest *request)
{
  GHashTable *params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  SoupMessageBody *request_body = soup_server_message_get_request_body (request->message);
  g_autoptr(GBytes) body = soup_message_body_flatten (request_body);
  const char *content_type = sim_request_get_header (request, "Content-Type");
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, request->query);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_replace (params, g_strdup (key), g_strdup (value));

  if (g_bytes_get_size (body) > 0 && content_type != NULL &&
      g_ascii_strncasecmp (content_type, "application/x-www-form-urlencoded",
                           strlen ("application/x-www-form-urlencoded")) == 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
      g_autoptr(GHashTable) form = soup_form_decode (text);

      g_hash_table_iter_init (&iter, form);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_replace (params, g_strdup (key), g_strdup (value));
    }

  return params;
}

static gboolean
scopes_allowed (SimClient  *client,
                const char *requested)
{
  g_auto(GStrv) scopes = g_strsplit (requested, ",", -1);

  for (guint i = 0; scopes[i] != NULL; i++)
    {
      g_strstrip (scopes[i]);
      if (scopes[i][0] != '\0' && !sim_client_has_scope (client, scopes[i]))
        return FALSE;
    }

  return TRUE;
}

static void
token_cb (SimRequest *request)
{
  g_autoptr(GHashTable) params = collect_params (request);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *token = NULL;
  const char *grant_type = g_hash_table_lookup (params, "grant_type");
  const char *client_id = g_hash_table_lookup (params, "client_id");
  const char *client_secret = g_hash_table_lookup (params, "client_secret");
  const char *scope = g_hash_table_lookup (params, "scope");
  SimTokenTable *tokens = sim_server_get_tokens (request->server);
  SimClient *client;

  if (g_strcmp0 (grant_type, "client_credentials") != 0)
    {
      reply_ims_error (request, 400, "unsupported_grant_type", "unsupported grant_type parameter");
      return;
    }

  if (client_id == NULL || client_id[0] == '\0')
    {
      reply_ims_error (request, 400, "invalid_request", "missing client_id parameter");
      return;
    }

  if (!(client = sim_world_find_client (sim_server_get_world (request->server), client_id)))
    {
      reply_ims_error (request, 400, "invalid_client", "invalid client_id parameter");
      return;
    }

  if (client_secret == NULL || !g_str_equal (client_secret, client->client_secret))
    {
      reply_ims_error (request, 401, "invalid_client", "invalid client_secret parameter");
      return;
    }

  if (scope != NULL && !scopes_allowed (client, scope))
    {
      reply_ims_error (request, 400, "invalid_scope", "invalid scope");
      return;
    }

  token = sim_token_table_issue (tokens, client);
  g_debug ("Issued a token to %s for %u s", client->client_id,
           sim_token_table_get_lifetime (tokens));

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "access_token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "token_type");
  json_builder_add_string_value (builder, "bearer");
  json_builder_set_member_name (builder, "expires_in");
  json_builder_add_int_value (builder, sim_token_table_get_lifetime (tokens));
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  sim_request_reply_json (request, 200, node);
}

void
sim_ims_register (SimServer *server)
{
  sim_server_add_route (server, "POST", "/ims/token/v3", SIM_ROUTE_DEFAULT, token_cb);
}
