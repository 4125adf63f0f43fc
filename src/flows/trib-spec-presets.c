/* trib-spec-presets.c
 *
 * Labels, secrecy and ordering for the fields of the seed connectors,
 * used only where a connector's spec is silent: its `title` wins over
 * a label here, its `format: password` over secrecy here, and a field
 * this table does not rank keeps the spec's own order after the ranked
 * ones. The names and connection spec ids are those of
 * ../shared/API-NOTES.md §A1 and §C2 step 3.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-spec-presets"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-spec-presets.h"

/* Sources (§A1). */
#define SPEC_S3         "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define SPEC_ADLS       "b3ba5556-48be-44b7-8b85-ff2b69b46dc4"
#define SPEC_BLOB       "4c10e202-c428-4796-9208-5f1f5732b1cf"
#define SPEC_GCS        "32e8f412-cdf7-464c-9885-78184cb113fd"
#define SPEC_SFTP       "b7bf2577-4520-42c9-bae9-cad01560f7bc"
#define SPEC_DATABRICKS "e9d7ec6b-0873-4e57-ad21-b3a7c65e310b"
#define SPEC_ODATA      "8e6b41a8-d998-4545-ad7d-c6a9fff406c3"
#define SPEC_REST       "4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62"
/* Export destinations (§C1, §C2 step 3). */
#define SPEC_DEST_S3    "4fce964d-3f37-408f-9778-e597338a21ee"
#define SPEC_DEST_BLOB  "6d6b59bf-fb58-4107-9064-4d246c0e5bb2"
#define SPEC_DEST_ADLS  "be2c3209-53bc-47e7-ab25-145db8b873e1"
#define SPEC_DEST_GCS   "c5d93acb-ea8b-4b14-8f53-02138444ae99"
#define SPEC_DEST_SFTP  "36965a81-b1c6-401b-99f8-22508f1e6a26"

typedef struct
{
  const char *spec_id;          /* NULL: any connector */
  const char *name;
  const char *label;
  gboolean secret;
  gboolean multiline;
} FieldPreset;

/* A connector's own entries come before the general ones, which a
 * lookup reaches only when no entry names the connector.
 */
static const FieldPreset field_presets[] = {
  { SPEC_S3, "s3AccessKey", N_("Access key ID"), FALSE, FALSE },
  { SPEC_DEST_S3, "s3AccessKey", N_("Access key ID"), FALSE, FALSE },
  { SPEC_ADLS, "url", N_("Data Lake Storage URL"), FALSE, FALSE },
  { SPEC_DEST_ADLS, "url", N_("Data Lake Storage URL"), FALSE, FALSE },
  { SPEC_GCS, "accessKeyId", N_("Access key ID"), FALSE, FALSE },
  { SPEC_DEST_GCS, "accessKeyId", N_("Access key ID"), FALSE, FALSE },
  { SPEC_GCS, "secretAccessKey", N_("Secret"), TRUE, FALSE },
  { SPEC_DEST_GCS, "secretAccessKey", N_("Secret"), TRUE, FALSE },
  { SPEC_SFTP, "maxConcurrentConnections", N_("Concurrent connections"), FALSE, FALSE },
  { SPEC_DEST_SFTP, "domain", N_("Host"), FALSE, FALSE },
  { SPEC_DATABRICKS, "domain", N_("Workspace URL"), FALSE, FALSE },
  { SPEC_DATABRICKS, "clusterId", N_("Cluster ID"), FALSE, FALSE },
  { SPEC_DATABRICKS, "accessToken", N_("Personal access token"), TRUE, FALSE },
  { SPEC_ODATA, "url", N_("Service URL"), FALSE, FALSE },
  { SPEC_REST, "host", N_("Base URL"), FALSE, FALSE },

  { NULL, "s3AccessKey", N_("Access key ID"), FALSE, FALSE },
  { NULL, "s3SecretKey", N_("Secret access key"), TRUE, FALSE },
  { NULL, "s3SessionToken", N_("Session token"), TRUE, TRUE },
  { NULL, "servicePrincipalId", N_("Service principal ID"), FALSE, FALSE },
  { NULL, "servicePrincipalKey", N_("Service principal key"), TRUE, FALSE },
  { NULL, "tenant", N_("Tenant ID"), FALSE, FALSE },
  { NULL, "connectionString", N_("Connection string"), TRUE, TRUE },
  { NULL, "sasUri", N_("SAS URI"), TRUE, FALSE },
  { NULL, "secretAccessKey", N_("Secret access key"), TRUE, FALSE },
  { NULL, "host", N_("Host"), FALSE, FALSE },
  { NULL, "port", N_("Port"), FALSE, FALSE },
  { NULL, "userName", N_("User name"), FALSE, FALSE },
  { NULL, "username", N_("User name"), FALSE, FALSE },
  { NULL, "password", N_("Password"), TRUE, FALSE },
  { NULL, "privateKeyContent", N_("Private key (base64)"), TRUE, TRUE },
  { NULL, "passPhrase", N_("Passphrase"), TRUE, FALSE },
  { NULL, "sshKey", N_("SSH private key"), TRUE, TRUE },
  { NULL, "accessToken", N_("Access token"), TRUE, FALSE },
  { NULL, "refreshToken", N_("Refresh token"), TRUE, FALSE },
  { NULL, "clientSecret", N_("Client secret"), TRUE, FALSE },
  { NULL, "apiKey", N_("API key"), TRUE, FALSE },
  { NULL, "path", N_("Path"), FALSE, FALSE },
  { NULL, "folderPath", N_("Folder"), FALSE, FALSE },
  { NULL, "recursive", N_("Include subfolders"), FALSE, FALSE },
  { NULL, "tableName", N_("Table"), FALSE, FALSE },
  { NULL, "roleArn", N_("Role ARN"), FALSE, FALSE },
  { NULL, "bucketName", N_("Bucket"), FALSE, FALSE },
  { NULL, "securityToken", N_("Security token"), TRUE, FALSE },
  { NULL, "serviceUrl", N_("Service URL"), FALSE, FALSE },
  { NULL, "serviceUri", N_("Service URI"), FALSE, FALSE },
  { NULL, "environmentUrl", N_("Environment URL"), FALSE, FALSE },
  { NULL, "apiVersion", N_("API version"), FALSE, FALSE },
  { NULL, "database", N_("Database"), FALSE, FALSE },
  { NULL, "clientId", N_("Client ID"), FALSE, FALSE },
  { NULL, "expirationDate", N_("Expiry date"), FALSE, FALSE },
  { NULL, "requestParameterOverride", N_("Request parameter overrides"), FALSE, FALSE },
  { NULL, "accessTokenRequest", N_("Access token request"), FALSE, FALSE },
  { NULL, "scope", N_("Scope"), FALSE, FALSE },
  { NULL, "audience", N_("Audience"), FALSE, FALSE },
  { NULL, "datasets", N_("Datasets"), FALSE, FALSE },
};

typedef struct
{
  const char *pattern;
  const char *hint;
} PatternHint;

/* What the seed connectors' patterns ask for, finishing "… must be";
 * a hint is tied to its pattern's exact text, so that a connector that
 * changes its pattern gets the pattern quoted rather than a wrong hint.
 */
static const PatternHint pattern_hints[] = {
  { "^[A-Z0-9]{16,128}$", N_("16 to 128 capital letters and digits, such as AKIAIOSFODNN7EXAMPLE") },
  { "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", N_("a bucket name of 3 to 63 small letters, digits, dots and hyphens") },
  { "^arn:aws:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]+$", N_("a role ARN such as arn:aws:iam::123456789012:role/reader") },
  { "^https://[a-z0-9]{3,24}\\.dfs\\.core\\.windows\\.net/?$", N_("an address such as https://account.dfs.core.windows.net") },
  { "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    N_("an ID such as 0f8fad5b-d9cb-469f-a165-70867728950e") },
  { "^DefaultEndpointsProtocol=https;AccountName=[a-z0-9]{3,24};AccountKey=[^;]+(;.*)?$",
    N_("a connection string starting with DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…") },
  { "^https://[a-z0-9]{3,24}\\.blob\\.core\\.windows\\.net/.*\\?.*sig=.+$",
    N_("an address such as https://account.blob.core.windows.net/container?…&sig=…") },
  { "^GOOG[A-Z0-9]{20,61}$", N_("GOOG followed by 20 to 61 capital letters and digits") },
  { "^[A-Za-z0-9+/]{40}$", N_("40 letters, digits, + or /") },
  { "^[A-Za-z0-9.-]+$", N_("a host name such as sftp.example.com, without sftp:// or a port") },
  { "^[A-Za-z0-9+/]+={0,2}$", N_("base64 text: letters, digits, + and /, with at most two = at the end") },
  { "^https://adb-[0-9]{10,20}\\.[0-9]{1,3}\\.azuredatabricks\\.net/?$",
    N_("an address such as https://adb-1234567890123456.7.azuredatabricks.net") },
  { "^[0-9]{4}-[0-9]{6}-[a-z0-9]{8}$", N_("a cluster ID such as 0123-456789-abcde123") },
  { "^dapi[0-9a-f]{32}(-[0-9]+)?$", N_("a token starting with dapi and 32 hexadecimal digits") },
  { "^[A-Za-z0-9_-]+$", N_("letters, digits, _ and - only") },
  { "^https?://[^\\s]+$", N_("an address starting with http:// or https://, without spaces") },
  { "^https://[^\\s]+$", N_("an address starting with https://, without spaces") },
  { "^https://", N_("an address starting with https://") },
  { "^https?://", N_("an address starting with http:// or https://") },
  { "^https://[A-Za-z0-9.-]+\\.salesforce\\.com/?$", N_("an address such as https://acme.my.salesforce.com") },
  { "^[0-9]{2}\\.0$", N_("a version such as 59.0") },
  { "^https://[A-Za-z0-9.-]+\\.dynamics\\.com/?$", N_("an address such as https://acme.crm.dynamics.com") },
};

typedef struct
{
  const char *name;
  const char *label;
} AuthPreset;

/* The platform names an auth type for its own logs ("Basic
 * Authentication for sftp"); a person chooses between ways to sign in.
 */
static const AuthPreset auth_presets[] = {
  { "Access Key", N_("Access key") },
  { "Basic Authentication for adls-gen2", N_("Service principal") },
  { "Azure Service Principal Auth", N_("Service principal") },
  { "ConnectionString", N_("Connection string") },
  { "SAS URI Authentication", N_("SAS URI") },
  { "Basic Authentication for google-cloud", N_("Access key") },
  { "Google Cloud Storage authentication credentials", N_("Access key") },
  { "Basic Authentication for sftp", N_("Password") },
  { "SSH PublicKey Authentication for sftp", N_("SSH public key") },
  { "SFTP with Password", N_("Password") },
  { "SFTP with SSH Key", N_("SSH key") },
  { "Access Token Authentication", N_("Access token") },
  { "Anonymous Authentication", N_("No sign-in") },
  { "oAuth2RefreshCode", N_("OAuth 2 access token") },
  { "Basic Authentication", N_("User name and password") },
};

typedef struct
{
  const char *spec_id;
  const char *auth_name;        /* NULL: the sourceSpec */
  const char * const *order;
} OrderPreset;

static const char * const order_s3[] = { "s3AccessKey", "s3SecretKey", "s3SessionToken", NULL };
static const char * const order_adls[] = { "url", "tenant", "servicePrincipalId", "servicePrincipalKey", NULL };
static const char * const order_gcs[] = { "accessKeyId", "secretAccessKey", NULL };
static const char * const order_sftp_password[] = {
  "host", "port", "userName", "password", "folderPath", "maxConcurrentConnections", NULL
};
static const char * const order_sftp_key[] = {
  "host", "port", "userName", "privateKeyContent", "passPhrase", "folderPath", "maxConcurrentConnections", NULL
};
static const char * const order_dest_sftp_password[] = { "domain", "port", "username", "password", NULL };
static const char * const order_dest_sftp_key[] = { "domain", "port", "username", "sshKey", NULL };
static const char * const order_databricks[] = { "domain", "clusterId", "database", "accessToken", NULL };
static const char * const order_rest_oauth[] = { "host", "accessToken", NULL };
static const char * const order_rest_basic[] = { "host", "username", "password", NULL };
static const char * const order_source_files[] = { "path", "type", "recursive", NULL };

static const OrderPreset order_presets[] = {
  { SPEC_S3, "Access Key", order_s3 },
  { SPEC_DEST_S3, "Access Key", order_s3 },
  { SPEC_ADLS, "Basic Authentication for adls-gen2", order_adls },
  { SPEC_DEST_ADLS, "Azure Service Principal Auth", order_adls },
  { SPEC_GCS, "Basic Authentication for google-cloud", order_gcs },
  { SPEC_DEST_GCS, "Google Cloud Storage authentication credentials", order_gcs },
  { SPEC_SFTP, "Basic Authentication for sftp", order_sftp_password },
  { SPEC_SFTP, "SSH PublicKey Authentication for sftp", order_sftp_key },
  { SPEC_DEST_SFTP, "SFTP with Password", order_dest_sftp_password },
  { SPEC_DEST_SFTP, "SFTP with SSH Key", order_dest_sftp_key },
  { SPEC_DATABRICKS, "Access Token Authentication", order_databricks },
  { SPEC_REST, "oAuth2RefreshCode", order_rest_oauth },
  { SPEC_REST, "Basic Authentication", order_rest_basic },
  { SPEC_S3, NULL, order_source_files },
  { SPEC_ADLS, NULL, order_source_files },
  { SPEC_BLOB, NULL, order_source_files },
  { SPEC_GCS, NULL, order_source_files },
  { SPEC_SFTP, NULL, order_source_files },
};

/**
 * trib_spec_presets_lookup_field:
 * @connection_spec_id: (nullable): the connector's connection spec id
 * @name: the property's name in the spec
 * @preset: (out): filled with what is known, translated
 *
 * Returns: whether anything is known about @name
 */
gboolean
trib_spec_presets_lookup_field (const char     *connection_spec_id,
                                const char     *name,
                                TribSpecPreset *preset)
{
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (preset != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (field_presets); i++)
    {
      const FieldPreset *entry = &field_presets[i];

      if (strcmp (entry->name, name) != 0)
        continue;
      if (entry->spec_id != NULL && g_strcmp0 (entry->spec_id, connection_spec_id) != 0)
        continue;

      preset->label = entry->label != NULL ? _(entry->label) : NULL;
      preset->secret = entry->secret;
      preset->multiline = entry->multiline;

      return TRUE;
    }

  return FALSE;
}

/**
 * trib_spec_presets_pattern_hint:
 * @pattern: a spec's `pattern`
 *
 * Returns: (nullable): what @pattern asks for, translated, in words that
 *   finish "… must be"
 */
const char *
trib_spec_presets_pattern_hint (const char *pattern)
{
  g_return_val_if_fail (pattern != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (pattern_hints); i++)
    if (strcmp (pattern_hints[i].pattern, pattern) == 0)
      return _(pattern_hints[i].hint);

  return NULL;
}

/**
 * trib_spec_presets_auth_label:
 * @auth_name: an `authSpec[].name`
 *
 * Returns: (nullable): a translated label for a person choosing how to sign in
 */
const char *
trib_spec_presets_auth_label (const char *auth_name)
{
  g_return_val_if_fail (auth_name != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (auth_presets); i++)
    if (strcmp (auth_presets[i].name, auth_name) == 0)
      return _(auth_presets[i].label);

  return NULL;
}

/**
 * trib_spec_presets_rank:
 * @connection_spec_id: (nullable): the connector's connection spec id
 * @auth_name: (nullable): the auth type, or %NULL for the sourceSpec
 * @name: the property's name
 *
 * Returns: the place of @name among the connector's fields, or -1 when
 *   the presets do not place it (it then keeps the spec's order, after
 *   the placed ones)
 */
int
trib_spec_presets_rank (const char *connection_spec_id,
                        const char *auth_name,
                        const char *name)
{
  g_return_val_if_fail (name != NULL, -1);

  if (connection_spec_id == NULL)
    return -1;

  for (gsize i = 0; i < G_N_ELEMENTS (order_presets); i++)
    {
      const OrderPreset *entry = &order_presets[i];

      if (strcmp (entry->spec_id, connection_spec_id) != 0 || g_strcmp0 (entry->auth_name, auth_name) != 0)
        continue;

      for (int rank = 0; entry->order[rank] != NULL; rank++)
        if (strcmp (entry->order[rank], name) == 0)
          return rank;

      return -1;
    }

  return -1;
}

/* Words a label writes in capitals whatever case the name had. */
static const char * const acronyms[] = {
  "api", "aws", "dns", "gcs", "http", "https", "id", "ip", "oauth", "s3", "sas", "sftp", "sql", "ssh", "ssl",
  "tls", "uri", "url", "uuid",
};

static void
append_word (GString    *label,
             const char *word,
             gsize       length,
             gboolean    all_capitals)
{
  g_autofree char *lower = g_ascii_strdown (word, length);

  if (label->len > 0)
    g_string_append_c (label, ' ');

  for (gsize i = 0; i < G_N_ELEMENTS (acronyms); i++)
    if (strcmp (acronyms[i], lower) == 0)
      all_capitals = TRUE;

  if (all_capitals)
    {
      g_autofree char *upper = g_ascii_strup (word, length);

      if (strcmp (lower, "oauth") == 0)
        g_string_append (label, "OAuth");
      else
        g_string_append (label, upper);
    }
  else if (label->len == 0)
    {
      g_string_append_c (label, g_ascii_toupper (lower[0]));
      g_string_append (label, lower + 1);
    }
  else
    g_string_append (label, lower);
}

/**
 * trib_spec_presets_humanize:
 * @name: a property's name, such as `s3AccessKey` or `folder_path`
 *
 * Cuts a camelCase or snake_case name into words, the first capitalised
 * and known acronyms in capitals: `s3AccessKey` gives "S3 access key",
 * `clusterId` "Cluster ID". Anything else than ASCII letters, digits and
 * separators is kept as it is.
 *
 * Returns: (transfer full): a label, never empty
 */
char *
trib_spec_presets_humanize (const char *name)
{
  GString *label;
  const char *word = NULL;
  const char *p;
  gboolean word_capitals = TRUE;

  g_return_val_if_fail (name != NULL, NULL);

  label = g_string_new (NULL);

  for (p = name; ; p++)
    {
      char c = *p;
      gboolean separator = c == '\0' || c == '_' || c == '-' || c == ' ' || c == '.';
      gboolean starts_word = FALSE;

      if (word != NULL && !separator && g_ascii_isupper (c))
        {
          char previous = p[-1];

          /* "serviceURL": a capital after a small letter or a digit
           * starts a word; "HTTPServer": so does the last capital of a
           * run, when a small letter follows it.
           */
          if (g_ascii_islower (previous) || g_ascii_isdigit (previous) || (guchar) previous >= 0x80)
            starts_word = TRUE;
          else if (g_ascii_isupper (previous) && g_ascii_islower (p[1]))
            starts_word = TRUE;
        }

      if (word != NULL && (separator || starts_word))
        {
          gsize length = p - word;

          append_word (label, word, length, word_capitals && length > 1);
          word = NULL;
        }

      if (c == '\0')
        break;

      if (!separator && word == NULL)
        {
          word = p;
          word_capitals = TRUE;
        }
      if (word != NULL && g_ascii_islower (c))
        word_capitals = FALSE;
    }

  if (label->len == 0)
    g_string_append (label, name[0] != '\0' ? name : _("Unnamed field"));

  return g_string_free (label, FALSE);
}
