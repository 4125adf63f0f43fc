/* test-sim-distiller-seed.c
 *
 * The demo's Data Distiller (tributary-sim's PostgreSQL front,
 * sim-pg-front.c) against every statement of seed 001 (Query Service
 * and dataset export), connected as the app connects: libpq, TLS
 * (sslmode=require), the org's role and the token from
 * connection_parameters. Each statement either runs and gives sensible
 * rows, or fails with Data Distiller's error for the platform feature
 * the demo lacks, which README.md lists.
 *
 * The seed's datasets are not the demo's: its web events datasets
 * (demosys_cja_ee_v1_website_global_v1_1, events_dataset,
 * demo_data_trey_mcintyre_midvalues) are run against the demo's web
 * events, luma_web_events, which has the same XDM fields
 * (web.webPageDetails.name, identityMap, timestamp). The seed's first
 * block lacks the ';' before END, which Data Distiller requires; it is
 * added, and the block as printed is checked to fail as a syntax error.
 *
 * Also, that the server's backend behind the front yields the CPU as the
 * simulator does.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <libpq-fe.h>
#include <libsoup/soup.h>

#include "trib-test-pg.h"
#include "trib-test-sim.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

#define CONNECTION_PARAMETERS "/data/foundation/query/connection_parameters"

typedef struct
{
  TribTestPg *pg;
  TribTestSim *sim;
  char *host;
  char *port;
  char *user;
  char *password;
  char *authorization;
  SoupSession *session;
} Fixture;

static Fixture fixture;

static JsonObject *
get_json (SoupSession *session,
          SoupMessage *message,
          JsonParser  *parser)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  bytes = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message) / 100, ==, 2);
  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);

  return json_node_get_object (json_parser_get_root (parser));
}

/* Query Service's connection parameters, as the app asks for them. */
static void
ask_connection_parameters (void)
{
  SoupSession *session = fixture.session;
  g_autofree char *token_uri = g_strconcat (fixture.sim->base_url, "/ims/token/v3", NULL);
  g_autofree char *parameters_uri = g_strconcat (fixture.sim->base_url, CONNECTION_PARAMETERS, NULL);
  g_autoptr(SoupMessage) token_message = NULL;
  g_autoptr(SoupMessage) message = NULL;
  g_autoptr(JsonParser) token_parser = json_parser_new ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  SoupMessageHeaders *headers;
  JsonObject *object;

  token_message = soup_message_new_from_encoded_form ("POST", token_uri,
                                                      soup_form_encode ("grant_type", "client_credentials",
                                                                        "client_id", fixture.sim->client_id,
                                                                        "client_secret", fixture.sim->client_secret,
                                                                        "scope", fixture.sim->scopes, NULL));
  object = get_json (session, token_message, token_parser);
  fixture.authorization = g_strconcat ("Bearer ", json_object_get_string_member (object, "access_token"), NULL);

  message = soup_message_new ("GET", parameters_uri);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_append (headers, "Authorization", fixture.authorization);
  soup_message_headers_append (headers, "x-api-key", fixture.sim->client_id);
  soup_message_headers_append (headers, "x-gw-ims-org-id", fixture.sim->org_id);
  soup_message_headers_append (headers, "x-sandbox-name", "prod");
  object = get_json (session, message, parser);

  fixture.host = g_strdup (json_object_get_string_member (object, "host"));
  fixture.port = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "port"));
  fixture.user = g_strdup (json_object_get_string_member (object, "username"));
  fixture.password = g_strdup (json_object_get_string_member (object, "token"));
  g_assert_cmpstr (json_object_get_string_member (object, "dbName"), ==, "prod:all");
  /* The front, not the server itself. */
  g_assert_cmpuint (atoi (fixture.port), !=, fixture.pg->port);
}

static PGconn *
try_connect (const char *database)
{
  const char * const keywords[] = { "host", "port", "dbname", "user", "password", "sslmode", NULL };
  const char * const values[] = { fixture.host, fixture.port, database, fixture.user, fixture.password, "require",
                                  NULL };

  return PQconnectdbParams (keywords, values, FALSE);
}

static PGconn *
connect_to (const char *database)
{
  PGconn *conn = try_connect (database);

  if (PQstatus (conn) != CONNECTION_OK)
    g_error ("Could not connect to %s: %s", database, PQerrorMessage (conn));
  g_assert_true (PQsslInUse (conn));

  return conn;
}

static PGresult *
run_ok (PGconn     *conn,
        const char *sql)
{
  PGresult *result = PQexec (conn, sql);

  if (PQresultStatus (result) != PGRES_TUPLES_OK && PQresultStatus (result) != PGRES_COMMAND_OK)
    g_error ("%s\nfailed: %s", sql, PQresultErrorMessage (result));

  return result;
}

/* Data Distiller's error: its SQLSTATE and its message, exactly. */
static void
assert_refused (PGconn     *conn,
                const char *sql,
                const char *sqlstate,
                const char *message)
{
  g_autoptr(PGresult) result = PQexec (conn, sql);

  g_assert_cmpint (PQresultStatus (result), ==, PGRES_FATAL_ERROR);
  g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, sqlstate);
  if (message != NULL)
    g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY), ==, message);
}

/* select explode(identityMap) from … limit 15: a map's entries, as
 * Spark's key and value columns.
 */
static void
test_explode (void)
{
  g_autoptr(PGconn) conn = connect_to ("prod:all");
  g_autoptr(PGresult) result = run_ok (conn, "select explode(identityMap) from luma_web_events limit 15;");

  g_assert_cmpint (PQntuples (result), ==, 15);
  g_assert_cmpint (PQnfields (result), ==, 2);
  g_assert_cmpstr (PQfname (result, 0), ==, "key");
  g_assert_cmpstr (PQfname (result, 1), ==, "value");
  for (int i = 0; i < PQntuples (result); i++)
    {
      g_assert_true (g_str_equal (PQgetvalue (result, i, 0), "ECID") ||
                     g_str_equal (PQgetvalue (result, i, 0), "Email"));
      g_assert_true (g_str_has_prefix (PQgetvalue (result, i, 1), "[{\"id\": "));
    }
}

/* select identityMap.ecid from … limit 15: dot notation into the map.
 * A map's keys are case-sensitive (the namespace is ECID), so ecid is
 * absent, as on the platform; ECID holds the identities.
 */
static void
test_identity_map_dot (void)
{
  g_autoptr(PGconn) conn = connect_to ("prod:all");
  g_autoptr(PGresult) result = run_ok (conn, "select identityMap.ecid from luma_web_events limit 15;");
  g_autoptr(PGresult) upper = run_ok (conn, "select identityMap.ECID from luma_web_events limit 15;");

  g_assert_cmpint (PQntuples (result), ==, 15);
  g_assert_cmpstr (PQfname (result, 0), ==, "ecid");
  for (int i = 0; i < 15; i++)
    g_assert_true (PQgetisnull (result, i, 0));

  g_assert_cmpint (PQntuples (upper), ==, 15);
  g_assert_cmpstr (PQfname (upper, 0), ==, "ECID");
  for (int i = 0; i < 15; i++)
    g_assert_true (g_str_has_prefix (PQgetvalue (upper, i, 0), "[{\"id\": \""));
}

/* web.webPageDetails.name, the field the seed maps pagename to: text,
 * named after its last key; a number stays a number.
 */
static void
test_field_path (void)
{
  g_autoptr(PGconn) conn = connect_to ("prod:all");
  g_autoptr(PGresult) result = run_ok (conn,
                                       "SELECT web.webPageDetails.name, web.webPageDetails.pageViews.value "
                                       "FROM luma_web_events WHERE web.webPageDetails.pageViews.value > 0 "
                                       "AND web.webPageDetails.name = 'Sale' LIMIT 5");
  g_autoptr(PGresult) total = run_ok (conn, "SELECT sum(e.web.webPageDetails.pageViews.value) FROM luma_web_events e");
  g_autoptr(PGresult) counted = run_ok (conn, "SELECT sum(page_views) FROM luma_web_events");

  g_assert_cmpint (PQntuples (result), ==, 5);
  g_assert_cmpstr (PQfname (result, 0), ==, "name");
  g_assert_cmpstr (PQfname (result, 1), ==, "value");
  for (int i = 0; i < 5; i++)
    {
      g_assert_cmpstr (PQgetvalue (result, i, 0), ==, "Sale");
      g_assert_cmpstr (PQgetvalue (result, i, 1), ==, "1");
    }
  g_assert_cmpstr (PQgetvalue (total, 0, 0), ==, PQgetvalue (counted, 0, 0));

  /* Struct fields whatever their case, as the seed's web.webReferrer.url
   * for XDM's URL; a map's keys (identityMap's namespaces) exactly.
   */
  {
    g_autoptr(PGresult) any_case = run_ok (conn, "SELECT web.webReferrer.url, WEB.WEBPAGEDETAILS.NAME "
                                           "FROM luma_web_events WHERE _id = 'evt-0000002'");
    g_autoptr(PGresult) exact = run_ok (conn, "SELECT web.webReferrer.URL, web.webPageDetails.name "
                                        "FROM luma_web_events WHERE _id = 'evt-0000002'");

    g_assert_cmpint (PQntuples (any_case), ==, 1);
    g_assert_cmpstr (PQfname (any_case, 0), ==, "URL");
    g_assert_cmpstr (PQgetvalue (any_case, 0, 0), ==, PQgetvalue (exact, 0, 0));
    g_assert_cmpstr (PQgetvalue (any_case, 0, 1), ==, PQgetvalue (exact, 0, 1));
    g_assert_cmpstr (PQgetvalue (any_case, 0, 1), !=, "");
  }
}

/* The seed's sessionization and attribution blocks read
 * _acp_system_metadata.ingestTime, a system column the demo's
 * datasets do not have: Data Distiller's "not supported", not a syntax
 * error, before any statement of the block runs.
 */
static const char sessionization_block[] =
  "$$ BEGIN\n"
  "   -- Disable dropping system columns\n"
  "   set drop_system_columns=false; \n"
  "   -- Initialize variables\n"
  "   SET @last_updated_timestamp = SELECT CURRENT_TIMESTAMP;\n"
  "   -- Get the last processed batch ingestion time\n"
  "   SET @from_batch_ingestion_time = SELECT coalesce(last_batch_ingestion_time, 'HEAD') \n"
  "      FROM checkpoint_log a \n"
  "      JOIN (\n"
  "            SELECT MAX(process_timestamp) AS process_timestamp \n"
  "            FROM checkpoint_log\n"
  "            WHERE process_name = 'data_feed' \n"
  "            AND process_status = 'SUCCESSFUL'\n"
  "      ) b\n"
  "      ON a.process_timestamp = b.process_timestamp;\n"
  "   -- Get the last batch ingestion time\n"
  "   SET @to_batch_ingestion_time = SELECT MAX(_acp_system_metadata.ingestTime) \n"
  "      FROM luma_web_events;\n"
  "   -- Sessionize the data and insert into data_feed.\n"
  "   INSERT INTO data_feed\n"
  "   SELECT *\n"
  "   FROM (\n"
  "      SELECT\n"
  "            userIdentity,\n"
  "            timestamp,\n"
  "            SESS_TIMEOUT(timestamp, 60 * 30) OVER (\n"
  "               PARTITION BY userIdentity\n"
  "               ORDER BY timestamp\n"
  "               ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW\n"
  "            ) AS session_data,\n"
  "            page_name,\n"
  "            ingest_time\n"
  "      FROM (\n"
  "            SELECT\n"
  "               userIdentity,\n"
  "               timestamp,\n"
  "               web.webPageDetails.name AS page_name,\n"
  "               _acp_system_metadata.ingestTime AS ingest_time\n"
  "            FROM luma_web_events\n"
  "            WHERE timestamp >= current_date - 90\n"
  "      ) AS a\n"
  "      ORDER BY userIdentity, timestamp ASC\n"
  "   ) AS b\n"
  "   WHERE b.ingest_time >= @from_batch_ingestion_time;\n"
  "   -- Update the checkpoint_log table\n"
  "   INSERT INTO checkpoint_log\n"
  "   SELECT\n"
  "      'data_feed' process_name,\n"
  "      'SUCCESSFUL' process_status,\n"
  "      cast(@to_batch_ingestion_time AS string) last_batch_ingestion_time,\n"
  "      cast(@last_updated_timestamp AS TIMESTAMP) process_timestamp%s\n"
  "END\n"
  "$$;\n";

static const char attribution_block[] =
  "$$ BEGIN\n"
  " SET drop_system_columns=false;\n"
  "-- Initialize variables\n"
  " SET @last_updated_timestamp = SELECT CURRENT_TIMESTAMP;\n"
  "-- Get the last processed batch ingestion time 1718755872325\n"
  " SET @from_batch_ingestion_time =\n"
  "     SELECT coalesce(last_snapshot_id, 'HEAD')\n"
  "     FROM checkpoint_log a\n"
  "     JOIN (\n"
  "         SELECT MAX(process_timestamp) AS process_timestamp\n"
  "         FROM checkpoint_log\n"
  "         WHERE process_name = 'data_feed'\n"
  "         AND process_status = 'SUCCESSFUL'\n"
  "     ) b\n"
  "     ON a.process_timestamp = b.process_timestamp;\n"
  " -- Get the last batch ingestion time 1718758687865\n"
  " SET @to_batch_ingestion_time =\n"
  "     SELECT MAX(_acp_system_metadata.ingestTime)\n"
  "     FROM luma_web_events;\n"
  " -- Sessionize the data and insert into new_sessionized_data\n"
  " INSERT INTO new_sessionized_data\n"
  " SELECT *\n"
  " FROM (\n"
  "     SELECT\n"
  "         _id,\n"
  "         timestamp,\n"
  "         struct(User_Identity,\n"
  "         cast(SESS_TIMEOUT(timestamp, 60 * 30) OVER (\n"
  "             PARTITION BY User_Identity\n"
  "             ORDER BY timestamp\n"
  "             ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW\n"
  "         ) as string) AS SessionData,\n"
  "         to_timestamp(from_unixtime(ingest_time/1000, 'yyyy-MM-dd HH:mm:ss')) AS IngestTime,\n"
  "         PageName,\n"
  "         first_url,\n"
  "         first_channel_type\n"
  "           ) as _demosystem5\n"
  "     FROM (\n"
  "         SELECT\n"
  "             _id,\n"
  "             ENDUSERIDS._EXPERIENCE.MCID.ID as User_Identity,\n"
  "             timestamp,\n"
  "             web.webPageDetails.name AS PageName,\n"
  "            attribution_first_touch(timestamp, '', web.webReferrer.url) OVER (PARTITION BY "
  "ENDUSERIDS._EXPERIENCE.MCID.ID ORDER BY timestamp ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED "
  "FOLLOWING).value AS first_url,\n"
  "            attribution_first_touch(timestamp, '',channel.typeAtSource) OVER (PARTITION BY "
  "ENDUSERIDS._EXPERIENCE.MCID.ID ORDER BY timestamp ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED "
  "FOLLOWING).value AS first_channel_type,\n"
  "             _acp_system_metadata.ingestTime AS ingest_time\n"
  "         FROM luma_web_events\n"
  "         WHERE timestamp >= current_date - 90\n"
  "     )\n"
  "     ORDER BY User_Identity, timestamp ASC\n"
  " )\n"
  " WHERE _demosystem5.IngestTime >= to_timestamp(from_unixtime(@from_batch_ingestion_time/1000, "
  "'yyyy-MM-dd HH:mm:ss'));\n"
  "-- Update the checkpoint_log table\n"
  "INSERT INTO checkpoint_log\n"
  "SELECT\n"
  "   'data_feed' as process_name,\n"
  "   'SUCCESSFUL' as process_status,\n"
  "   cast(@to_batch_ingestion_time AS string) as last_snapshot_id,\n"
  "   cast(@last_updated_timestamp AS timestamp) as process_timestamp;\n"
  "END\n"
  "$$;\n";

#define NO_SYSTEM_COLUMNS \
  "Query/Command not supported: the demo's datasets have no system columns (_acp_system_metadata)"

static void
test_sessionization_block (void)
{
  g_autoptr(PGconn) conn = connect_to ("prod:all");
  g_autofree char *as_printed = g_strdup_printf (sessionization_block, "");
  g_autofree char *fixed = g_strdup_printf (sessionization_block, ";");

  /* As printed: no ';' before END. */
  assert_refused (conn, as_printed, "42601", NULL);
  assert_refused (conn, fixed, "0A000", NO_SYSTEM_COLUMNS);
}

static void
test_attribution_block (void)
{
  g_autoptr(PGconn) conn = connect_to ("prod:all");

  assert_refused (conn, attribution_block, "0A000", NO_SYSTEM_COLUMNS);
}

/* The sessionization block's machinery on what the demo has: SET @var
 * = SELECT, @var in later statements, SESS_TIMEOUT in a window, the
 * checkpoint table read and written; the ingestion time is the event
 * time here, the demo's datasets having no system columns.
 */
static void
test_block_runs (void)
{
  g_autoptr(PGconn) conn = connect_to ("dev:all");
  g_autoptr(PGresult) made = NULL;
  g_autoptr(PGresult) block = NULL;
  g_autoptr(PGresult) feed = NULL;
  g_autoptr(PGresult) checkpoint = NULL;
  g_autoptr(PGresult) again = NULL;
  g_autoptr(PGresult) feed_again = NULL;
  static const char sql[] =
    "$$ BEGIN\n"
    "   set drop_system_columns=false;\n"
    "   SET @last_updated_timestamp = SELECT CURRENT_TIMESTAMP;\n"
    "   SET @from_batch_ingestion_time = SELECT coalesce(max(last_batch_ingestion_time), '0')\n"
    "      FROM checkpoint_log WHERE process_name = 'data_feed' AND process_status = 'SUCCESSFUL';\n"
    "   SET @to_batch_ingestion_time = SELECT MAX(ingest_time) FROM (\n"
    "      SELECT (extract(epoch FROM timestamp) * 1000)::bigint AS ingest_time\n"
    "      FROM luma_web_events WHERE timestamp < timestamp '2026-09-01 01:00:00') AS t;\n"
    "   INSERT INTO data_feed\n"
    "   SELECT * FROM (\n"
    "      SELECT userIdentity, timestamp,\n"
    "         SESS_TIMEOUT(timestamp, 60 * 30) OVER (PARTITION BY userIdentity ORDER BY timestamp\n"
    "            ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW).num AS session_number,\n"
    "         page_name, ingest_time\n"
    "      FROM (\n"
    "         SELECT device_type AS userIdentity, timestamp, web.webPageDetails.name AS page_name,\n"
    "            (extract(epoch FROM timestamp) * 1000)::bigint AS ingest_time\n"
    "         FROM luma_web_events WHERE timestamp < timestamp '2026-09-01 01:00:00'\n"
    "      ) AS a\n"
    "   ) AS b\n"
    "   WHERE b.ingest_time > @from_batch_ingestion_time;\n"
    "   INSERT INTO checkpoint_log\n"
    "   SELECT 'data_feed' process_name, 'SUCCESSFUL' process_status,\n"
    "      cast(@to_batch_ingestion_time AS string) last_batch_ingestion_time,\n"
    "      cast(@last_updated_timestamp AS TIMESTAMP) process_timestamp;\n"
    "END\n"
    "$$;";

  made = run_ok (conn, "CREATE TABLE checkpoint_log AS SELECT 'data_feed' AS process_name, "
                 "'SUCCESSFUL' AS process_status, cast(NULL AS string) AS last_batch_ingestion_time, "
                 "CURRENT_TIMESTAMP::timestamp AS process_timestamp WHERE false;"
                 "CREATE TABLE data_feed (userIdentity text, timestamp timestamp, session_number integer, "
                 "page_name text, ingest_time bigint);");

  block = run_ok (conn, sql);
  feed = run_ok (conn, "SELECT count(*), count(DISTINCT userIdentity), max(session_number), "
                 "count(*) FILTER (WHERE page_name IS NULL) FROM data_feed");
  /* An hour of events, 23 s apart, from three kinds of device. */
  g_assert_cmpstr (PQgetvalue (feed, 0, 0), ==, "156");
  g_assert_cmpstr (PQgetvalue (feed, 0, 1), ==, "3");
  g_assert_cmpstr (PQgetvalue (feed, 0, 2), ==, "1");
  g_assert_cmpstr (PQgetvalue (feed, 0, 3), ==, "0");
  checkpoint = run_ok (conn, "SELECT last_batch_ingestion_time FROM checkpoint_log");
  g_assert_cmpint (PQntuples (checkpoint), ==, 1);
  g_assert_cmpstr (PQgetvalue (checkpoint, 0, 0), ==, "1788224388000");

  /* Incremental: a second run finds nothing newer than the checkpoint. */
  again = run_ok (conn, sql);
  feed_again = run_ok (conn, "SELECT count(*) FROM data_feed");
  g_assert_cmpstr (PQgetvalue (feed_again, 0, 0), ==, "156");
}

/* What the demo refuses as Data Distiller would, not as a syntax
 * error: Adobe-defined functions it lacks, variables outside a block.
 */
static void
test_refusals (void)
{
  g_autoptr(PGconn) conn = connect_to ("prod:all");

  assert_refused (conn, "SELECT SESS_START_IF(timestamp, 60, true) OVER (ORDER BY timestamp) FROM luma_web_events",
                  "0A000", "Query/Command not supported: the Adobe-defined function sess_start_if is not "
                  "available in the demo");
  assert_refused (conn, "SELECT @x", "42601",
                  "Variables (@name) are only known inside an anonymous block ($$ BEGIN … END $$)");
  /* The same through the extended protocol. */
  {
    g_autoptr(PGresult) result = PQexecParams (conn, "SELECT next(timestamp) OVER () FROM luma_web_events "
                                               "WHERE _id = $1", 1, NULL, (const char *[]) { "evt-0000001" },
                                               NULL, NULL, 0);

    g_assert_cmpstr (PQresultErrorField (result, PG_DIAG_SQLSTATE), ==, "0A000");
  }
}

/* Every dataset's {sandbox}:{table} database: the generated ones too,
 * through the extended protocol as well.
 */
static void
test_dataset_databases (void)
{
  g_autoptr(PGconn) generated = connect_to ("qa:crm_export_apac_00002");
  g_autoptr(PGconn) luma = connect_to ("qa:luma_orders");
  g_autoptr(PGconn) unknown = try_connect ("qa:no_such_dataset");
  g_autoptr(PGconn) all = connect_to ("qa:all");
  g_autoptr(PGresult) rows = NULL;
  g_autoptr(PGresult) same = NULL;
  g_autoptr(PGresult) other = NULL;
  g_autoptr(PGresult) orders = NULL;

  rows = PQexecParams (generated, "SELECT count(*), min(order_id) FROM crm_export_apac_00002 WHERE total > $1", 1,
                       NULL, (const char *[]) { "0" }, NULL, NULL, 0);
  g_assert_cmpint (PQresultStatus (rows), ==, PGRES_TUPLES_OK);
  g_assert_cmpstr (PQgetvalue (rows, 0, 0), ==, "22");
  g_assert_true (g_str_has_prefix (PQgetvalue (rows, 0, 1), "ORD-"));

  /* The same rows in {sandbox}:all, made when first named there. */
  same = run_ok (all, "SELECT count(*) FROM crm_export_apac_00002");
  g_assert_cmpstr (PQgetvalue (same, 0, 0), ==, "22");
  other = run_ok (all, "SELECT count(*), min(person_id) FROM campaign_responses_emea_00004");
  g_assert_cmpstr (PQgetvalue (other, 0, 0), ==, "24");

  /* A dataset's database holds that dataset alone, as the Luma ones do. */
  assert_refused (generated, "SELECT count(*) FROM luma_orders", "42P01", "relation \"luma_orders\" does not exist");
  assert_refused (luma, "SELECT count(*) FROM luma_web_events", "42P01",
                  "relation \"luma_web_events\" does not exist");

  orders = run_ok (luma, "SELECT count(*) FROM luma_orders");
  g_assert_cmpstr (PQgetvalue (orders, 0, 0), ==, "30000");

  g_assert_cmpint (PQstatus (unknown), ==, CONNECTION_BAD);
  g_assert_nonnull (strstr (PQerrorMessage (unknown), "database \"qa:no_such_dataset\" does not exist"));
}

/* Query Service's REST queries run what the front runs: POST
 * /queries, then GET it until it has finished.
 */
static JsonObject *
run_rest_query (const char *sql,
                JsonParser *parser)
{
  g_autofree char *uri = g_strconcat (fixture.sim->base_url, "/data/foundation/query/queries", NULL);
  g_autoptr(SoupMessage) post = soup_message_new ("POST", uri);
  g_autoptr(JsonParser) post_parser = json_parser_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autofree char *json = NULL;
  g_autofree char *query_uri = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  SoupMessageHeaders *headers = soup_message_get_request_headers (post);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "dbName");
  json_builder_add_string_value (builder, "prod:all");
  json_builder_set_member_name (builder, "sql");
  json_builder_add_string_value (builder, sql);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, "test-sim-distiller-seed");
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  body = g_bytes_new (json, strlen (json));

  soup_message_headers_append (headers, "Authorization", fixture.authorization);
  soup_message_headers_append (headers, "x-api-key", fixture.sim->client_id);
  soup_message_headers_append (headers, "x-gw-ims-org-id", fixture.sim->org_id);
  soup_message_headers_append (headers, "x-sandbox-name", "prod");
  soup_message_set_request_body_from_bytes (post, "application/json", body);
  query_uri = g_strconcat (uri, "/", json_object_get_string_member (get_json (fixture.session, post, post_parser), "id"),
                           NULL);

  for (;;)
    {
      g_autoptr(SoupMessage) get = soup_message_new ("GET", query_uri);
      JsonObject *query;
      const char *state;

      headers = soup_message_get_request_headers (get);
      soup_message_headers_append (headers, "Authorization", fixture.authorization);
      soup_message_headers_append (headers, "x-api-key", fixture.sim->client_id);
      soup_message_headers_append (headers, "x-gw-ims-org-id", fixture.sim->org_id);
      soup_message_headers_append (headers, "x-sandbox-name", "prod");
      query = get_json (fixture.session, get, parser);
      state = json_object_get_string_member (query, "state");
      if (!g_str_equal (state, "SUBMITTED") && !g_str_equal (state, "IN_PROGRESS"))
        return query;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (100 * 1000);
    }
}

static void
test_rest_queries (void)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonParser) refused_parser = json_parser_new ();
  JsonObject *query = run_rest_query ("SELECT explode(identityMap) FROM luma_web_events LIMIT 3", parser);
  JsonObject *refused = run_rest_query ("SELECT sess_end_if(timestamp, true) OVER (ORDER BY timestamp) "
                                        "FROM luma_web_events", refused_parser);
  JsonObject *error;

  g_assert_cmpstr (json_object_get_string_member (query, "state"), ==, "SUCCESS");
  g_assert_cmpint (json_object_get_int_member (query, "rowCount"), ==, 3);

  g_assert_cmpstr (json_object_get_string_member (refused, "state"), ==, "FAILED");
  error = json_array_get_object_element (json_object_get_array_member (refused, "errors"), 0);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "0A000");
  /* Prefixed as Query Service words a failed query's errors. */
  g_assert_true (g_str_has_prefix (json_object_get_string_member (error, "message"), "ErrorCode: 0A000 queryId: "));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (error, "message"),
                                   " Query/Command not supported: the Adobe-defined function sess_end_if is not "
                                   "available in the demo"));
}

static gboolean
autogroup_is (const char *pid,
              const char *expected_suffix)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/autogroup", pid);
  g_autofree char *autogroup = NULL;

  g_assert_true (g_file_get_contents (path, &autogroup, NULL, NULL));

  return g_str_has_suffix (autogroup, expected_suffix);
}

/* A backend starts a session of its own; where the kernel groups the
 * processes of a session, the backend's group is as low as the
 * simulator, not only the process, and ours is left as it was.
 */
static void
test_backend_yields (void)
{
  g_autoptr(PGconn) conn = connect_to ("prod:all");
  g_autoptr(PGresult) result = run_ok (conn, "SELECT pg_backend_pid()");
  g_autofree char *lowered = NULL;

  if (!g_file_test ("/proc/self/autogroup", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The kernel does not group sessions");
      return;
    }
  if (getuid () != 0)
    {
      g_test_skip ("Unprivileged, the simulator may lower one group a tenth of a second only");
      return;
    }
  lowered = g_strdup_printf (" nice %d\n", MIN (getpriority (PRIO_PROCESS, 0) + 10, 19));
  g_assert_true (autogroup_is (PQgetvalue (result, 0, 0), lowered));
  /* meson runs each test in a session of its own, a group at 0. */
  g_assert_true (autogroup_is ("self", " nice 0\n"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  fixture.pg = trib_test_pg_start (&error);
  g_assert_no_error (error);
  trib_test_pg_load_demo (fixture.pg, &error);
  g_assert_no_error (error);
  conninfo = trib_test_pg_admin_conninfo (fixture.pg, "postgres");
  fixture.sim = trib_test_sim_start ((const char *[]) { "--postgres", conninfo, NULL });
  fixture.session = soup_session_new ();
  ask_connection_parameters ();

  g_test_add_func ("/tributary/sim/distiller/seed/explode", test_explode);
  g_test_add_func ("/tributary/sim/distiller/seed/identity-map-dot", test_identity_map_dot);
  g_test_add_func ("/tributary/sim/distiller/seed/field-path", test_field_path);
  g_test_add_func ("/tributary/sim/distiller/seed/sessionization-block", test_sessionization_block);
  g_test_add_func ("/tributary/sim/distiller/seed/attribution-block", test_attribution_block);
  g_test_add_func ("/tributary/sim/distiller/block-runs", test_block_runs);
  g_test_add_func ("/tributary/sim/distiller/refusals", test_refusals);
  g_test_add_func ("/tributary/sim/distiller/dataset-databases", test_dataset_databases);
  g_test_add_func ("/tributary/sim/distiller/rest-queries", test_rest_queries);
  g_test_add_func ("/tributary/sim/distiller/backend-yields", test_backend_yields);

  status = g_test_run ();

  g_clear_pointer (&fixture.sim, trib_test_sim_free);
  g_clear_pointer (&fixture.pg, trib_test_pg_stop);
  g_free (fixture.host);
  g_free (fixture.port);
  g_free (fixture.user);
  g_free (fixture.password);
  g_free (fixture.authorization);
  g_clear_object (&fixture.session);

  return status;
}
