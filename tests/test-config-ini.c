/* test-config-ini.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-config-ini.h"
#include "trib-error.h"
#include "trib-ini-reader.h"
#include "trib-util.h"

/* The secret of every error case: no error message may contain it. */
#define SECRET "S3CRET"

/* What Python's configparser reads: the expected values were produced by
 * CPython 3.11's `ConfigParser().read(path)` then `get(section, key)`
 * (NULL: no such key or section), so this table is the reference, not
 * our reading of its source. Kept in C so the tests need no Python.
 */
static const struct
{
  const char *name;
  const char *text;
  const char *section;
  const char *key;
  const char *expected;
} read_cases[] = {
  { "colon", "[s]\nk: v\n", "s", "k", "v" },
  { "first-equals-wins", "[s]\nk = a:b=c\n", "s", "k", "a:b=c" },
  { "first-colon-wins", "[s]\nk: a=b\n", "s", "k", "a=b" },
  { "spaces-around", "[s]\n  k   =   v  \n", "s", "k", "v" },
  { "hash-comment", "[s]\n# k = comment\nk=v\n", "s", "k", "v" },
  { "indented-comment", "[s]\nk=v\n  ; not a continuation\n", "s", "k", "v" },
  { "no-inline-comments", "[s]\nk = v ; not a comment # nor this\n", "s", "k", "v ; not a comment # nor this" },
  { "continuation", "[s]\nk = a\n  b\n\tc\nj = d\n", "s", "k", "a\nb\nc" },
  { "empty-lines-in-value", "[s]\nk = a\n\n  b\n\n\n", "s", "k", "a\n\nb" },
  { "empty-first-line", "[s]\nk =\n  b\n", "s", "k", "\nb" },
  { "comment-inside-value", "[s]\nk = a\n# c\n  b\n", "s", "k", "a\nb" },
  { "key-case", "[s]\nClient_ID = x\n", "s", "CLIENT_ID", "x" },
  { "section-case", "[S]\nk=v\n", "s", "k", NULL },
  { "no-escapes", "[s]\nk = a\\sb\\n\\\\\\\"\n", "s", "k", "a\\sb\\n\\\\\\\"" },
  { "cr-only", "[s]\rk=v\rj=w\r", "s", "j", "w" },
  { "crlf", "[s]\r\nk=v\r\n  w\r\n", "s", "k", "v\nw" },
  { "default-inherited", "[DEFAULT]\nk=d\n[s]\nj=v\n", "s", "k", "d" },
  { "default-overridden", "[DEFAULT]\nk=d\n[s]\nk=v\n", "s", "k", "v" },
  { "default-twice", "[DEFAULT]\na=1\n[DEFAULT]\nb=2\n[s]\n", "s", "b", "2" },
  { "percent-percent", "[s]\nk = 100%%\n", "s", "k", "100%" },
  { "reference", "[s]\na = x\nk = %(a)s-y\n", "s", "k", "x-y" },
  { "reference-default", "[DEFAULT]\nBase = b\n[s]\nk = %(BASE)s\n", "s", "k", "b" },
  { "reference-nested", "[s]\na=1\nb=%(a)s2\nk=%(b)s3\n", "s", "k", "123" },
  { "reference-section-first", "[DEFAULT]\na=d\nk=%(a)s\n[s]\na=s\n", "s", "k", "s" },
  { "header-with-trailer", "[s] = x\nk=v\n", "s", "k", "v" },
  { "header-last-bracket", "[a]b]\nk=v\n", "a]b", "k", "v" },
  { "header-keeps-spaces", "[ s ]\nk=v\n", " s ", "k", "v" },
  { "unicode-spaces", "[s]\nk =\302\240v\343\200\200\n", "s", "k", "v" },
  { "same-indent-keys", "[s]\n  k = v\n  j = w\n", "s", "j", "w" },
  { "deeper-continues", "[s]\n  k = v\n    w\n", "s", "k", "v\nw" },
  { "indent-after-header", "[s]\n    k = v\n", "s", "k", "v" },
  { "empty-value", "[s]\nk =\n", "s", "k", "" },
  { "equals-value", "[s]\nk==\n", "s", "k", "=" },
  { "absent-key", "[s]\nk=v\n", "s", "j", NULL },
  { "vertical-tab-strip", "[s]\nk = v\013\034\n", "s", "k", "v" },
  { "formfeed-in-value", "[s]\nk = a\014b\n", "s", "k", "a\014b" },
};

/* Each of these is an error for configparser too (the comment names
 * which); the message names the line and the key or section, and never
 * quotes a value or a line, so SECRET must not appear in it.
 */
static const struct
{
  const char *name;
  const char *text;
  const char *section;
  const char *key;
  const char *must_contain[3];
} error_cases[] = {
  /* DuplicateOptionError, DuplicateSectionError, MissingSectionHeaderError,
   * ParsingError (3), DuplicateOptionError (2), InterpolationSyntaxError
   * (2), InterpolationMissingOptionError, InterpolationSyntaxError,
   * InterpolationDepthError.
   */
  { "duplicate-key", "[s]\nk=1\nK=S3CRET\n", "s", "k", { "3", "\342\200\234k\342\200\235", "[s]" } },
  { "duplicate-section", "[s]\nk=S3CRET\n[s]\n", "s", "k", { "3", "[s]" } },
  { "key-before-section", "client_secret=S3CRET\n[s]\n", "s", "k", { "1" } },
  { "bad-line", "[s]\nS3CRET\n", "s", "k", { "2" } },
  { "bad-lines", "[s]\nS3CRET\nk=v\nS3CRET-too\n", "s", "k", { "2, 4" } },
  { "empty-key", "[s]\n=S3CRET\n", "s", "k", { "2" } },
  { "duplicate-default", "[DEFAULT]\nk=1\n[DEFAULT]\nk=S3CRET\n", "s", "k", { "4", "\342\200\234k\342\200\235", "[DEFAULT]" } },
  { "duplicate-before-bad", "[s]\nS3CRET\nk=1\nk=2\n", "s", "k", { "4", "\342\200\234k\342\200\235" } },
  { "lone-percent", "[s]\nk = S3CRET%x\n", "s", "k", { "2", "\342\200\234k\342\200\235" } },
  { "trailing-percent", "[s]\nk = S3CRET%\n", "s", "k", { "2", "\342\200\234k\342\200\235" } },
  { "missing-reference", "[s]\nk = %(S3CRET)s\n", "s", "k", { "2", "\342\200\234k\342\200\235", "[s]" } },
  { "unclosed-reference", "[s]\nk = %(S3CRET\n", "s", "k", { "2", "\342\200\234k\342\200\235" } },
  { "reference-loop", "[s]\nj = x\nk = %(k)s S3CRET\n", "s", "k", { "3", "\342\200\234k\342\200\235" } },
};

static void
assert_no_secret (const GError *error)
{
  g_assert_nonnull (error);
  g_assert_null (strstr (error->message, SECRET));
}

static void
test_read_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (read_cases); i++)
    {
      g_autoptr(TribIniReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      char *value = NULL;

      g_test_message ("case %s", read_cases[i].name);
      reader = trib_ini_reader_new (read_cases[i].text, strlen (read_cases[i].text), &error);
      g_assert_no_error (error);
      g_assert_true (trib_ini_reader_get (reader, read_cases[i].section, read_cases[i].key,
                                          &value, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (value, ==, read_cases[i].expected);
      trib_secret_free (value);
    }
}

static void
test_read_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autoptr(TribIniReader) reader = NULL;
      g_autoptr(GError) error = NULL;
      char *value = NULL;

      g_test_message ("case %s", error_cases[i].name);
      reader = trib_ini_reader_new (error_cases[i].text, strlen (error_cases[i].text), &error);
      if (reader != NULL)
        {
          /* Interpolation errors come from get(), as in configparser. */
          g_assert_false (trib_ini_reader_get (reader, error_cases[i].section, error_cases[i].key,
                                               &value, NULL, &error));
          g_assert_null (value);
        }

      g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
      assert_no_secret (error);
      for (guint j = 0; j < G_N_ELEMENTS (error_cases[i].must_contain); j++)
        if (error_cases[i].must_contain[j] != NULL)
          g_assert_nonnull (strstr (error->message, error_cases[i].must_contain[j]));
    }
}

/* Where we read more than Python does, on purpose. */
static void
test_read_bom (void)
{
  const char text[] = "\xef\xbb\xbf[Credential]\nclient_id = x\n";
  g_autoptr(TribIniReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  /* Python keeps the BOM in the first line and finds no section header. */
  reader = trib_ini_reader_new (text, sizeof text - 1, &error);
  g_assert_no_error (error);
  g_assert_true (trib_ini_reader_has_section (reader, "Credential"));
  g_assert_true (trib_ini_reader_get (reader, "Credential", "client_id", &value, NULL, &error));
  g_assert_cmpstr (value, ==, "x");
}

static void
test_read_not_text (void)
{
  const char nul[] = "[s]\nk = a\n\n" SECRET "\0\n";
  const char latin1[] = "[s]\nk = " SECRET "\xe9\n";
  g_autoptr(GError) error = NULL;
  TribIniReader *reader;

  reader = trib_ini_reader_new (nul, sizeof nul - 1, &error);
  g_assert_null (reader);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "4"));
  assert_no_secret (error);
  g_clear_error (&error);

  reader = trib_ini_reader_new (latin1, sizeof latin1 - 1, &error);
  g_assert_null (reader);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "2"));
  assert_no_secret (error);
}

static void
test_read_lines (void)
{
  const char text[] = "[DEFAULT]\r\nscopes = openid\r\n[s]\r\n\r\nk = v\r\n";
  g_autoptr(TribIniReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  guint line = 0;

  reader = trib_ini_reader_new (text, sizeof text - 1, &error);
  g_assert_no_error (error);
  g_assert_true (trib_ini_reader_get (reader, "s", "k", &value, &line, &error));
  g_assert_cmpuint (line, ==, 5);
  g_clear_pointer (&value, g_free);
  g_assert_true (trib_ini_reader_get (reader, "s", "scopes", &value, &line, &error));
  g_assert_cmpstr (value, ==, "openid");
  g_assert_cmpuint (line, ==, 2);
  /* DEFAULT is no section of its own, as in configparser. */
  g_assert_false (trib_ini_reader_has_section (reader, "DEFAULT"));
}

static char *
read_fixture (const char *name,
              gsize      *length)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, length, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_good (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-good.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_no_error (error);
  g_assert_nonnull (profile);
  g_assert_cmpstr (trib_profile_get_org_id (profile), ==, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  g_assert_cmpstr (trib_profile_get_default_sandbox (profile), ==, "dev");
  g_assert_cmpstr (trib_profile_get_client_id (profile), ==, "4f6e2bd1a0c94e2f8d73b9e1c5a07f12");
  g_assert_cmpstr (trib_profile_get_technical_account_id (profile), ==, "5B2D41C3@techacct.adobe.com");
  g_assert_cmpstr (trib_profile_get_scopes (profile), ==,
                   "openid, AdobeID, read_organizations, additional_info.projectedProductContext, session");
  g_assert_cmpstr (secret, ==, "p8e-EXAMPLE-not-a-real-secret-000000");
  /* The hosts are Adobe's production ones unless changed. */
  g_assert_cmpstr (trib_profile_get_ims_url (profile), ==, TRIB_DEFAULT_IMS_URL);
  g_assert_true (trib_profile_validate (profile, NULL));

  trib_secret_free (secret);
}

/* A whole config.ini written the ways configparser allows. */
static void
test_configparser_forms (void)
{
  const char text[] =
    "\xef\xbb\xbf; Tributary import test\r"
    "[DEFAULT]\r"
    "Scopes: openid, AdobeID\r"
    "[Credential]\r"
    "IMS_ORG_ID : 0A1B2C3D4E5F60718293A4B5@AdobeOrg\r"
    "  # an indented comment\r"
    "sandbox_name=dev   \r"
    "client_id = 4f6e2bd1a0c94e2f8d73b9e1c5a07f12\r"
    "client_secret = p8e-a\\sb%%c=d:e #f\r"
    "tech_acct_id = %(ims_org_id)s\r";
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  profile = trib_config_ini_parse (text, sizeof text - 1, &secret, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (trib_profile_get_org_id (profile), ==, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  g_assert_cmpstr (trib_profile_get_default_sandbox (profile), ==, "dev");
  g_assert_cmpstr (trib_profile_get_scopes (profile), ==, "openid, AdobeID");
  g_assert_cmpstr (trib_profile_get_technical_account_id (profile), ==, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  /* No escapes (GKeyFile made "\s" a space), "%%" is "%", no inline comment. */
  g_assert_cmpstr (secret, ==, "p8e-a\\sb%c=d:e #f");
  trib_secret_free (secret);
}

/* Every way a config.ini can be refused, each with the secret in it. */
static const struct
{
  const char *name;
  const char *text;
  const char *must_contain;
} config_error_cases[] = {
  { "secret-line-without-delimiter",
    "[Credential]\nims_org_id=o@AdobeOrg\nclient_secret " SECRET "\n", "3" },
  { "secret-before-section",
    "client_secret = " SECRET "\n[Credential]\n", "1" },
  { "duplicate-secret",
    "[Credential]\nclient_secret = x\nClient_Secret = " SECRET "\n", "client_secret" },
  { "duplicate-section",
    "[Credential]\nclient_secret = " SECRET "\n[Credential]\n", "[Credential]" },
  { "lone-percent",
    "[Credential]\nims_org_id=o\nsandbox_name=prod\nclient_id=c\nclient_secret = " SECRET "%x\n"
    "scopes=openid\ntech_acct_id=t\n", "client_secret" },
  { "missing-reference",
    "[Credential]\nims_org_id=o\nsandbox_name=prod\nclient_id=c\nclient_secret = %(" SECRET ")s\n"
    "scopes=openid\ntech_acct_id=t\n", "client_secret" },
  { "several-lines",
    "[Credential]\nims_org_id=o\nsandbox_name=prod\nclient_id=c\nclient_secret = p8e\n  " SECRET "\n"
    "scopes=openid\ntech_acct_id=t\n", "client_secret" },
  { "placeholder",
    "[Credential]\nims_org_id=<" SECRET ">\nsandbox_name=prod\nclient_id=c\nclient_secret = <" SECRET ">\n"
    "scopes=openid\ntech_acct_id=t\n", "client_secret" },
  { "missing",
    "[Credential]\nims_org_id=o\nsandbox_name=prod\nclient_secret = " SECRET "\n", "client_id" },
  { "wrong-section",
    "[credential]\nclient_secret = " SECRET "\n", "[Credential]" },
  { "not-text",
    "[Credential]\nclient_secret = " SECRET "\xff\n", "2" },
  { "bad-json",
    "{\"org_id\": \"o\", \"secret\": " SECRET "}", "1" },
  { "bad-json-string",
    "{\"org_id\": \"o\",\n \"secret\": \"" SECRET "\n\"}", "2" },
};

static void
test_config_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (config_error_cases); i++)
    {
      g_autoptr(TribProfile) profile = NULL;
      g_autoptr(GError) error = NULL;
      char *secret = NULL;

      g_test_message ("case %s", config_error_cases[i].name);
      profile = trib_config_ini_parse_any (config_error_cases[i].text, -1, &secret, &error);
      g_assert_null (profile);
      g_assert_null (secret);
      g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
      g_test_message ("%s", error->message);
      assert_no_secret (error);
      g_assert_nonnull (strstr (error->message, config_error_cases[i].must_contain));
    }
}

static void
test_too_large (void)
{
  gsize length = 1024 * 1024 + 1;
  g_autofree char *text = g_malloc (length + 1);
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  memset (text, '\n', length);
  text[length] = '\0';
  memcpy (text, "[Credential]", strlen ("[Credential]"));

  g_assert_null (trib_config_ini_parse_any (text, length, &secret, &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
}

static void
test_missing_keys (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-missing.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_null (profile);
  g_assert_null (secret);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  /* Every missing or empty key is named, and only those. */
  g_assert_nonnull (strstr (error->message, "client_id"));
  g_assert_nonnull (strstr (error->message, "client_secret"));
  g_assert_nonnull (strstr (error->message, "tech_acct_id"));
  g_assert_null (strstr (error->message, "ims_org_id"));
  g_assert_null (strstr (error->message, "sandbox_name"));
}

static void
test_placeholders (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-placeholder.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_null (profile);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "ims_org_id"));
  g_assert_nonnull (strstr (error->message, "client_secret"));
  g_assert_null (strstr (error->message, "client_id,"));
}

static void
test_garbage (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-garbage.ini", &length);
  profile = trib_config_ini_parse (contents, length, &secret, &error);

  g_assert_null (profile);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
}

static void
test_no_section (void)
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  profile = trib_config_ini_parse ("[Other]\nclient_id=x\n", -1, &secret, &error);

  g_assert_null (profile);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  g_assert_nonnull (strstr (error->message, "[Credential]"));
}

/* The file aepp.createConfigFile() writes, filled in (see the fixture). */
static void
test_aepp_json (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;
  gsize length;

  contents = read_fixture ("config-aepp.json", &length);
  profile = trib_config_ini_parse_aepp_json (contents, length, &secret, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (trib_profile_get_org_id (profile), ==, "0A1B2C3D4E5F60718293A4B5@AdobeOrg");
  g_assert_cmpstr (trib_profile_get_client_id (profile), ==, "4f6e2bd1a0c94e2f8d73b9e1c5a07f12");
  g_assert_cmpstr (trib_profile_get_default_sandbox (profile), ==, "dev");
  /* aepp removes the spaces from the scopes. */
  g_assert_cmpstr (trib_profile_get_scopes (profile), ==,
                   "openid,AdobeID,read_organizations,additional_info.projectedProductContext,session");
  g_assert_cmpstr (trib_profile_get_ims_url (profile), ==, TRIB_DEFAULT_IMS_URL);
  g_assert_cmpstr (trib_profile_get_platform_url (profile), ==, TRIB_DEFAULT_PLATFORM_URL);
  /* An OAuth Server-to-Server file has none: the form asks for it. */
  g_assert_null (trib_profile_get_technical_account_id (profile));
  g_assert_cmpstr (secret, ==, "p8e-EXAMPLE-not-a-real-secret-000000");
  trib_secret_free (secret);
}

static void
test_aepp_json_variants (void)
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  /* The older api_key wins over client_id; no sandbox means prod; any
   * other environment is aepp's platform-{environment} and stage IMS.
   */
  profile = trib_config_ini_parse_any ("\xef\xbb\xbf \n {\"org_id\": \"o@AdobeOrg\", \"api_key\": \"old\", "
                                       "\"client_id\": \"new\", \"secret\": \"s\", \"scopes\": \"openid\", "
                                       "\"tech_id\": \"t@techacct.adobe.com\", \"environment\": \"stage\"}",
                                       -1, &secret, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_profile_get_client_id (profile), ==, "old");
  g_assert_cmpstr (trib_profile_get_default_sandbox (profile), ==, "prod");
  g_assert_cmpstr (trib_profile_get_technical_account_id (profile), ==, "t@techacct.adobe.com");
  g_assert_cmpstr (trib_profile_get_platform_url (profile), ==, "https://platform-stage.adobe.io");
  g_assert_cmpstr (trib_profile_get_ims_url (profile), ==, "https://ims-na1-stg1.adobelogin.com");
  g_assert_cmpstr (secret, ==, "s");
  trib_secret_free (secret);
}

static const struct
{
  const char *name;
  const char *text;
  const char *must_contain;
} json_error_cases[] = {
  { "jwt", "{\"org_id\": \"o\", \"client_id\": \"c\", \"secret\": \"" SECRET "\", "
           "\"tech_id\": \"t\", \"pathToKey\": \"k.key\"}", "JWT" },
  { "oauth-v1", "{\"org_id\": \"o\", \"client_id\": \"c\", \"secret\": \"" SECRET "\", "
                "\"auth_code\": \"a\"}", "OAuth V1" },
  { "no-scopes", "{\"org_id\": \"o\", \"client_id\": \"c\", \"secret\": \"" SECRET "\"}", "scopes" },
  { "no-client", "{\"org_id\": \"o\", \"secret\": \"" SECRET "\", \"scopes\": \"openid\"}", "client_id" },
  { "empty-secret", "{\"org_id\": \"" SECRET "\", \"client_id\": \"c\", \"secret\": \"\", "
                    "\"scopes\": \"openid\"}", "secret" },
  { "template", "{\"org_id\": \"<orgID>\", \"client_id\": \"<client_id>\", \"secret\": \"<" SECRET ">\", "
                "\"sandbox-name\": \"prod\", \"environment\": \"prod\", \"scopes\": \"<scopes>\"}", "secret" },
  { "not-text", "{\"org_id\": \"o\", \"client_id\": \"c\", \"secret\": [\"" SECRET "\"], "
                "\"scopes\": \"openid\"}", "secret" },
  { "several-lines", "{\"org_id\": \"o\", \"client_id\": \"c\", \"secret\": \"" SECRET "\\nx\", "
                     "\"scopes\": \"openid\"}", "secret" },
  { "environment", "{\"org_id\": \"o\", \"client_id\": \"c\", \"secret\": \"" SECRET "\", "
                   "\"scopes\": \"openid\", \"environment\": \"x/y\"}", "environment" },
  { "not-object", "[\"" SECRET "\"]", "object" },
  { "empty", "", "object" },
  { "blanks", " \n\t", "object" },
  { "syntax", "{\n\"secret\": \"" SECRET "\",\n\"org_id\": " SECRET "\n}", "3" },
  /* Python keeps the last one, silently; json-glib takes quadratic time. */
  { "key-twice", "{\"org_id\": \"o\", \"client_id\": \"c\",\n\"secret\": \"" SECRET "\",\n"
                 "\"scopes\": \"openid\",\n\"secret\": \"" SECRET "\"}", "Line 4 of the aepp configuration gives a key" },
  /* Python takes half a surrogate pair, json-glib makes bytes that are not UTF-8 of it. */
  { "lone-surrogate", "{\"org_id\": \"o\", \"client_id\": \"c\",\n\"secret\": \"" SECRET "\\ud800\", "
                      "\"scopes\": \"openid\"}", "Line 2 of the aepp configuration has a \\u escape" },
  /* json-glib reads \u with fewer than four hex digits as a character of its own. */
  { "short-escape", "{\"org_id\": \"o\", \"client_id\": \"c\\udc]\",\n\"secret\": \"" SECRET "\", "
                    "\"scopes\": \"openid\"}", "line 1 is not valid JSON" },
  { "control-character", "{\"org_id\": \"o\", \"client_id\": \"c\",\n\"secret\": \"" SECRET "\t\", "
                         "\"scopes\": \"openid\"}", "line 2 is not valid JSON" },
};

static void
test_aepp_json_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (json_error_cases); i++)
    {
      g_autoptr(TribProfile) profile = NULL;
      g_autoptr(GError) error = NULL;
      char *secret = NULL;

      g_test_message ("case %s", json_error_cases[i].name);
      profile = trib_config_ini_parse_aepp_json (json_error_cases[i].text, -1, &secret, &error);
      g_assert_null (profile);
      g_assert_null (secret);
      g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
      g_test_message ("%s", error->message);
      assert_no_secret (error);
      g_assert_nonnull (strstr (error->message, json_error_cases[i].must_contain));
    }
}

/* json-glib recurses per level: brackets by the thousand must not reach it. */
static void
test_aepp_json_deep (void)
{
  g_autoptr(GString) text = g_string_new ("{\"secret\": ");
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (text, '[');

  g_assert_null (trib_config_ini_parse_any (text->str, text->len, &secret, &error));
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static TribProfile *
read_file (const char  *name,
           char       **secret,
           GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  trib_config_ini_read_async (file, NULL, read_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return trib_config_ini_read_finish (result, secret, error);
}

static void
test_read_async (void)
{
  g_autoptr(TribProfile) profile = NULL;
  g_autoptr(GError) error = NULL;
  char *secret = NULL;

  profile = read_file ("config-good.ini", &secret, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_profile_get_default_sandbox (profile), ==, "dev");
  g_assert_cmpstr (secret, ==, "p8e-EXAMPLE-not-a-real-secret-000000");
  g_clear_pointer (&secret, trib_secret_free);
  g_clear_object (&profile);

  /* Told apart by what is in them, not by their names. */
  profile = read_file ("config-aepp.json", &secret, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_profile_get_client_id (profile), ==, "4f6e2bd1a0c94e2f8d73b9e1c5a07f12");
  g_assert_cmpstr (secret, ==, "p8e-EXAMPLE-not-a-real-secret-000000");
  g_clear_pointer (&secret, trib_secret_free);
  g_clear_object (&profile);

  profile = read_file ("config-garbage.ini", &secret, &error);
  g_assert_null (profile);
  g_assert_error (error, TRIB_ERROR, TRIB_ERROR_INVALID_CONFIG);
  g_clear_error (&error);

  profile = read_file ("no-such-config.ini", &secret, &error);
  g_assert_null (profile);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tributary/config-ini/configparser/table", test_read_table);
  g_test_add_func ("/tributary/config-ini/configparser/errors", test_read_errors);
  g_test_add_func ("/tributary/config-ini/configparser/bom", test_read_bom);
  g_test_add_func ("/tributary/config-ini/configparser/not-text", test_read_not_text);
  g_test_add_func ("/tributary/config-ini/configparser/lines", test_read_lines);
  g_test_add_func ("/tributary/config-ini/good", test_good);
  g_test_add_func ("/tributary/config-ini/configparser-forms", test_configparser_forms);
  g_test_add_func ("/tributary/config-ini/errors-hide-secrets", test_config_errors);
  g_test_add_func ("/tributary/config-ini/too-large", test_too_large);
  g_test_add_func ("/tributary/config-ini/missing-keys", test_missing_keys);
  g_test_add_func ("/tributary/config-ini/placeholders", test_placeholders);
  g_test_add_func ("/tributary/config-ini/garbage", test_garbage);
  g_test_add_func ("/tributary/config-ini/no-section", test_no_section);
  g_test_add_func ("/tributary/config-ini/aepp-json", test_aepp_json);
  g_test_add_func ("/tributary/config-ini/aepp-json-variants", test_aepp_json_variants);
  g_test_add_func ("/tributary/config-ini/aepp-json-errors", test_aepp_json_errors);
  g_test_add_func ("/tributary/config-ini/aepp-json-deep", test_aepp_json_deep);
  g_test_add_func ("/tributary/config-ini/read-async", test_read_async);

  return g_test_run ();
}
