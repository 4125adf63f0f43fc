/* test-data-prep.c
 *
 * The Data Prep client against tributary-sim over HTTP: seed 004's
 * mapping set with its errata fixed, the seed's legacy body, refusals,
 * a verdict per mapping from validation, preview with expressions (an
 * expression failing in one row only), list paging by start and limit,
 * updates that bump the version, and the demo world's set 37409d30…
 * (world/mapping-sets.json) that the demo flows name.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-data-prep.h"
#include "trib-platform-error.h"
#include "trib-schema-registry.h"
#include "trib-test-platform.h"

#define MAPPING_SETS_PATH "/data/foundation/conversion/mappingSets"
#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"
#define S004_MAPPING "37409d3017e24a3eb4a2dc21020f7a5b"
#define ORDERS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/d4c3b2a1f0e94d8c9b7a6f5e4d3c2b1a"

static TribTestSim *sim;
static TribPlatformClient *client;
static char *schema_id;

/* Seed 004's target schema, its field group listed once (errata). */
static const char *
target_schema (void)
{
  const char * const field_groups[] = {
    "https://ns.adobe.com/xdm/context/profile-person-details",
    "https://ns.adobe.com/xdm/context/profile-personal-details",
    NULL
  };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (schema_id != NULL)
    return schema_id;

  title = trib_test_unique_name ("Target schema for protocols");
  trib_schema_registry_create_schema_async (client, title, NULL, PROFILE_CLASS, field_groups, NULL,
                                            trib_test_result_cb, &result);
  schema = trib_schema_registry_create_schema_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  schema_id = g_strdup (trib_xdm_resource_get_id (schema));
  return schema_id;
}

static GPtrArray *
mappings_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
add (GPtrArray             *mappings,
     TribMappingSourceType  type,
     const char            *source,
     const char            *destination)
{
  g_ptr_array_add (mappings, trib_mapping_new (type, source, destination));
}

/* Seed 004's Orders columns, each to its own field; the date to a date. */
static GPtrArray *
seed_004_mappings (void)
{
  GPtrArray *mappings = mappings_new ();

  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "OrderID", "_id");
  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "CustomerID", "userAccount.ID");
  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "EmployeeID", "repositoryCreatedBy");
  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "OrderDate", "_repo.createDate");
  return mappings;
}

static TribMappingSet *
create (const char  *name,
        GPtrArray   *mappings,
        GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_data_prep_create_mapping_set_async (client, name, target_schema (), mappings, NULL,
                                           trib_test_result_cb, &result);
  return trib_data_prep_create_mapping_set_finish (trib_test_wait_result (&result), error);
}

static TribMappingSet *
get (const char *id,
     gint        version,
     GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_data_prep_get_mapping_set_async (client, id, version, NULL, trib_test_result_cb, &result);
  return trib_data_prep_get_mapping_set_finish (trib_test_wait_result (&result), error);
}

static JsonNode *
call_json (const char  *method,
           const char  *path,
           const char  *json,
           GError     **error)
{
  g_autoptr(JsonNode) body = json != NULL ? json_from_string (json, NULL) : NULL;

  g_assert_true (json == NULL || body != NULL);
  return trib_test_call (client, method, path, body, error);
}

static gboolean
is_hex_id (const char *id)
{
  if (id == NULL || strlen (id) != 32)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isxdigit (*p))
      return FALSE;
  return TRUE;
}

static void
test_seed_004 (void)
{
  g_autoptr(GPtrArray) mappings = seed_004_mappings ();
  g_autoptr(TribMappingSet) set = NULL;
  g_autoptr(TribMappingSet) read = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *object;
  JsonObject *first;

  set = create ("Orders mapping", mappings, &error);
  g_assert_no_error (error);
  g_assert_true (is_hex_id (trib_mapping_set_get_id (set)));
  g_assert_cmpuint (trib_mapping_set_get_version (set), ==, 0);
  g_assert_nonnull (trib_mapping_set_get_created (set));
  g_assert_nonnull (trib_mapping_set_get_created_by (set));

  /* The current body, never the legacy one. */
  body = trib_test_sim_dup_last_body (sim, "POST", MAPPING_SETS_PATH);
  object = json_node_get_object (body);
  g_assert_false (json_object_has_member (object, "xdmSchema"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json_object_get_object_member (object, "outputSchema"), "schemaRef"), "id"),
                   ==, target_schema ());
  first = json_array_get_object_element (json_object_get_array_member (object, "mappings"), 0);
  g_assert_cmpstr (json_object_get_string_member (first, "sourceType"), ==, "ATTRIBUTE");
  g_assert_cmpstr (json_object_get_string_member (first, "source"), ==, "OrderID");
  g_assert_cmpstr (json_object_get_string_member (first, "destination"), ==, "_id");

  read = get (trib_mapping_set_get_id (set), -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_mapping_set_get_schema_id (read), ==, target_schema ());
  g_assert_cmpstr (trib_mapping_set_get_name (read), ==, "Orders mapping");
  g_assert_cmpuint (trib_mapping_set_get_mappings (read)->len, ==, 4);
  g_assert_cmpstr (trib_mapping_get_destination (g_ptr_array_index (trib_mapping_set_get_mappings (read), 3)),
                   ==, "_repo.createDate");
  g_assert_true (is_hex_id (trib_mapping_get_id (g_ptr_array_index (trib_mapping_set_get_mappings (read), 0))));

  /* An unknown set is a 404. */
  g_clear_object (&read);
  read = get ("00000000000000000000000000000000", -1, &error);
  g_assert_null (read);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
}

static void
test_refusals (void)
{
  g_autoptr(GPtrArray) duplicate = seed_004_mappings ();
  g_autoptr(GPtrArray) unknown_path = seed_004_mappings ();
  g_autoptr(TribMappingSet) set = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) reply = NULL;
  g_autofree char *json = NULL;

  /* Seed 004 as printed: three columns into _id. */
  add (duplicate, TRIB_MAPPING_SOURCE_ATTRIBUTE, "EmployeeID", "_id");
  set = create (NULL, duplicate, &error);
  g_assert_null (set);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_true (g_str_has_prefix (error->message, "Could not create the mapping set: "));
  g_assert_nonnull (strstr (error->message, "_id"));
  g_clear_error (&error);

  add (unknown_path, TRIB_MAPPING_SOURCE_ATTRIBUTE, "Freight", "orders.freight");
  set = create (NULL, unknown_path, &error);
  g_assert_null (set);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "orders.freight"));
  g_clear_error (&error);

  /* A wrong sourceType, an unknown schema: only a raw body can say these. */
  json = g_strdup_printf ("{\"outputSchema\":{\"schemaRef\":{\"id\":\"%s\"}},"
                          "\"mappings\":[{\"sourceType\":\"text/x.schema-path\",\"source\":\"OrderID\",\"destination\":\"_id\"}]}",
                          target_schema ());
  reply = call_json ("POST", MAPPING_SETS_PATH, json, &error);
  g_assert_null (reply);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_nonnull (strstr (error->message, "sourceType"));
  g_clear_error (&error);

  reply = call_json ("POST", MAPPING_SETS_PATH,
                     "{\"outputSchema\":{\"schemaRef\":{\"id\":\"https://ns.adobe.com/tributarydemo/schemas/none\"}},"
                     "\"mappings\":[{\"sourceType\":\"ATTRIBUTE\",\"source\":\"OrderID\",\"destination\":\"_id\"}]}",
                     &error);
  g_assert_null (reply);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
}

static void
test_legacy_body (void)
{
  g_autoptr(JsonNode) reply = NULL;
  g_autoptr(JsonNode) raw = NULL;
  g_autoptr(TribMappingSet) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *path = NULL;
  const char *id;
  JsonObject *mapping;
  TribMapping *parsed;

  /* Seed 004's body with distinct destinations. */
  json = g_strdup_printf ("{\"version\":0,\"xdmSchema\":\"%s\",\"xdmVersion\":\"1.0\",\"id\":null,\"mappings\":["
                          "{\"destinationXdmPath\":\"_id\",\"sourceAttribute\":\"OrderID\",\"identity\":false,\"identityGroup\":null,\"namespaceCode\":null,\"version\":0},"
                          "{\"destinationXdmPath\":\"userAccount.ID\",\"sourceAttribute\":\"CustomerID\",\"identity\":false,\"identityGroup\":null,\"namespaceCode\":null,\"version\":0},"
                          "{\"destinationXdmPath\":\"repositoryCreatedBy\",\"sourceAttribute\":\"EmployeeID\",\"identity\":false,\"identityGroup\":null,\"namespaceCode\":null,\"version\":0},"
                          "{\"destinationXdmPath\":\"_repo.createDate\",\"sourceAttribute\":\"OrderDate\",\"identity\":false,\"identityGroup\":null,\"namespaceCode\":null,\"version\":0}]}",
                          target_schema ());
  reply = call_json ("POST", MAPPING_SETS_PATH, json, &error);
  g_assert_no_error (error);
  id = json_object_get_string_member (json_node_get_object (reply), "id");
  g_assert_true (is_hex_id (id));
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (reply), "version"), ==, 0);
  g_assert_true (json_object_has_member (json_node_get_object (reply), "modifiedBy"));

  /* GET echoes the legacy names; the client reads them as attributes. */
  path = g_strdup_printf (MAPPING_SETS_PATH "/%s/mappings", id);
  raw = call_json ("GET", path, NULL, &error);
  g_assert_no_error (error);
  mapping = json_array_get_object_element (json_node_get_array (raw), 3);
  g_assert_cmpstr (json_object_get_string_member (mapping, "sourceType"), ==, "text/x.schema-path");
  g_assert_cmpstr (json_object_get_string_member (mapping, "destinationXdmPath"), ==, "_repo.createDate");
  g_assert_cmpstr (json_object_get_string_member (mapping, "sourceAttribute"), ==, "OrderDate");

  read = get (id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_mapping_set_get_mappings (read)->len, ==, 4);
  parsed = g_ptr_array_index (trib_mapping_set_get_mappings (read), 1);
  g_assert_cmpint (trib_mapping_get_source_type (parsed), ==, TRIB_MAPPING_SOURCE_ATTRIBUTE);
  g_assert_cmpstr (trib_mapping_get_source (parsed), ==, "CustomerID");
  g_assert_cmpstr (trib_mapping_get_destination (parsed), ==, "userAccount.ID");
  g_assert_cmpstr (trib_mapping_set_get_schema_id (read), ==, target_schema ());
}

static GPtrArray *
validate (GPtrArray          *mappings,
          const char * const *names,
          const char * const *types,
          GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_data_prep_validate_async (client, target_schema (), mappings, names, types, NULL,
                                 trib_test_result_cb, &result);
  return trib_data_prep_validate_finish (trib_test_wait_result (&result), error);
}

static gboolean
check_says (GPtrArray  *checks,
            guint       index,
            const char *needle)
{
  TribMappingCheck *check = g_ptr_array_index (checks, index);
  const char * const *problems = trib_mapping_check_get_problems (check);

  g_assert_cmpuint (trib_mapping_check_get_index (check), ==, index);
  if (trib_mapping_check_get_succeeded (check))
    return needle == NULL;
  for (guint i = 0; problems[i] != NULL; i++)
    if (needle != NULL && strstr (problems[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_validate (void)
{
  const char * const names[] = { "OrderID", "CustomerID", "Shipped", "OrderDate", "Quantity", NULL };
  const char * const types[] = { "string", "string", "boolean", "string", "integer", NULL };
  g_autoptr(GPtrArray) mappings = mappings_new ();
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) unchecked = NULL;
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_c (deep, '(');
  g_string_append (deep, "Quantity");
  for (guint i = 0; i < 200; i++)
    g_string_append_c (deep, ')');

  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "OrderID", "_id");                           /* 0 fine */
  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "CustomerID", "orders.customer");           /* 1 unknown path */
  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "Shipped", "_repo.createDate");             /* 2 type mismatch */
  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "Freight", "person.name.lastName");         /* 3 no such column */
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "to_integer(Quantity) * 2", "person.numberOfChildren"); /* 4 fine */
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "concat(OrderID,", "person.name.firstName"); /* 5 bad syntax */
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, deep->str, "person.name.middleName");      /* 6 too deep */
  add (mappings, TRIB_MAPPING_SOURCE_STATIC, "many", "person.birthYear");                   /* 7 not a number */
  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "OrderDate", "person.birthDate");           /* 8 fine */

  checks = validate (mappings, names, types, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, mappings->len);
  g_assert_true (check_says (checks, 0, NULL));
  g_assert_true (check_says (checks, 1, "orders.customer"));
  g_assert_true (check_says (checks, 2, "Type mismatch"));
  g_assert_true (check_says (checks, 3, "Freight"));
  g_assert_true (check_says (checks, 4, NULL));
  g_assert_true (check_says (checks, 5, "Invalid expression"));
  g_assert_true (check_says (checks, 6, "too deeply"));
  g_assert_true (check_says (checks, 7, "many"));
  g_assert_true (check_says (checks, 8, NULL));
  g_assert_cmpstr (trib_mapping_check_get_destination (g_ptr_array_index (checks, 1)), ==, "orders.customer");

  /* Without the columns, sources are not judged; destinations still are. */
  unchecked = validate (mappings, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (check_says (unchecked, 2, NULL));
  g_assert_true (check_says (unchecked, 3, NULL));
  g_assert_true (check_says (unchecked, 1, "orders.customer"));
}

static const char *
string_at (TribMappingPreviewRow *row,
           const char            *path)
{
  JsonNode *node = trib_mapping_preview_row_get_value (row, path);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static void
test_preview (void)
{
  g_autoptr(GPtrArray) mappings = mappings_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) sample = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribMappingPreviewRow *first, *second;
  const char * const *problems;
  JsonNode *node;

  sample = json_from_string ("[{\"OrderID\":\"10248\",\"First\":\"  Ada \",\"Last\":\"LOVELACE\",\"Quantity\":\"3\","
                             "\"OrderDate\":\"1996-07-04\",\"Tags\":\"a;b;c\",\"Price\":2.5},"
                             "{\"OrderID\":\"10249\",\"First\":\"Alan\",\"Last\":\"Turing\",\"Quantity\":\"many\","
                             "\"OrderDate\":\"1996-07-05T10:00:00Z\",\"Tags\":\"x\",\"Price\":4}]", &error);
  g_assert_no_error (error);

  add (mappings, TRIB_MAPPING_SOURCE_ATTRIBUTE, "OrderID", "_id");
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "concat(upper(trim(First)), \" \", lower(Last))", "person.name.fullName");
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "to_integer(Quantity) * 2 + 1", "person.numberOfChildren");
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "iif(Price > 3, 'dear', 'cheap')", "person.name.suffix");
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "nvl(Middle, \"none\")", "person.name.middleName");
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "date(OrderDate)", "_repo.createDate");
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "uuid()", "userAccount.ID");
  add (mappings, TRIB_MAPPING_SOURCE_EXPRESSION, "concat(split(Tags, \";\"))", "person.name.courtesyTitle");
  add (mappings, TRIB_MAPPING_SOURCE_STATIC, "1996", "person.birthYear");

  trib_data_prep_preview_async (client, target_schema (), mappings, json_node_get_array (sample), NULL,
                                trib_test_result_cb, &result);
  rows = trib_data_prep_preview_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  first = g_ptr_array_index (rows, 0);
  second = g_ptr_array_index (rows, 1);

  g_assert_cmpuint (g_strv_length ((GStrv) trib_mapping_preview_row_get_problems (first)), ==, 0);
  g_assert_cmpstr (string_at (first, "_id"), ==, "10248");
  g_assert_cmpstr (string_at (first, "person.name.fullName"), ==, "ADA lovelace");
  node = trib_mapping_preview_row_get_value (first, "person.numberOfChildren");
  g_assert_nonnull (node);
  g_assert_cmpint (json_node_get_int (node), ==, 7);
  g_assert_cmpstr (string_at (first, "person.name.suffix"), ==, "cheap");
  g_assert_cmpstr (string_at (first, "person.name.middleName"), ==, "none");
  g_assert_cmpstr (string_at (first, "_repo.createDate"), ==, "1996-07-04T00:00:00Z");
  g_assert_cmpuint (strlen (string_at (first, "userAccount.ID")), ==, 36);
  g_assert_cmpstr (string_at (first, "person.name.courtesyTitle"), ==, "[\"a\",\"b\",\"c\"]");
  node = trib_mapping_preview_row_get_value (first, "person.birthYear");
  g_assert_cmpint (json_node_get_int (node), ==, 1996);

  /* The failing expression is this row's problem alone; the rest maps. */
  problems = trib_mapping_preview_row_get_problems (second);
  g_assert_cmpuint (g_strv_length ((GStrv) problems), ==, 1);
  g_assert_true (g_str_has_prefix (problems[0], "person.numberOfChildren: "));
  g_assert_nonnull (strstr (problems[0], "many"));
  g_assert_null (trib_mapping_preview_row_get_value (second, "person.numberOfChildren"));
  g_assert_cmpstr (string_at (second, "person.name.suffix"), ==, "dear");
  g_assert_cmpstr (string_at (second, "_repo.createDate"), ==, "1996-07-05T10:00:00Z");
  g_assert_cmpstr (string_at (second, "person.name.fullName"), ==, "ALAN turing");
}

static void
test_list_paging (void)
{
  g_autofree char *name = trib_test_unique_name ("Paged mapping");
  g_autoptr(TribPagedList) list = NULL;
  g_autoptr(JsonNode) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  JsonObject *page_info;

  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GPtrArray) mappings = seed_004_mappings ();
      g_autoptr(TribMappingSet) set G_GNUC_UNUSED = create (name, mappings, &error);

      g_assert_no_error (error);
    }

  list = trib_data_prep_list_mapping_sets (client, name, 2);
  trib_test_load_all (list);
  g_assert_null (trib_paged_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);
  g_assert_cmpuint (trib_paged_list_get_n_requests (list), >=, 3);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(TribMappingSet) set = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (trib_mapping_set_get_name (set), ==, name);
      g_assert_cmpuint (trib_mapping_set_get_mappings (set)->len, ==, 4);
    }

  /* Both parameters are required. */
  page = call_json ("GET", MAPPING_SETS_PATH "?limit=2", NULL, &error);
  g_assert_null (page);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  path = g_strdup_printf (MAPPING_SETS_PATH "?limit=2&start=4&name=%s", name);
  page = call_json ("GET", path, NULL, &error);
  g_assert_no_error (error);
  page_info = json_object_get_object_member (json_node_get_object (page), "_page");
  g_assert_cmpint (json_object_get_int_member (page_info, "count"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (page_info, "limit"), ==, 2);
}

static void
test_update (void)
{
  g_autoptr(GPtrArray) mappings = seed_004_mappings ();
  g_autoptr(GPtrArray) fewer = seed_004_mappings ();
  g_autoptr(TribMappingSet) set = NULL;
  g_autoptr(TribMappingSet) updated = NULL;
  g_autoptr(TribMappingSet) old = NULL;
  g_autoptr(TribMappingSet) latest = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  set = create ("Updated mapping", mappings, &error);
  g_assert_no_error (error);

  g_ptr_array_remove_index (fewer, 3);
  trib_data_prep_update_mapping_set_async (client, trib_mapping_set_get_id (set), "Updated mapping",
                                           target_schema (), fewer, NULL, trib_test_result_cb, &result);
  updated = trib_data_prep_update_mapping_set_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_mapping_set_get_id (updated), ==, trib_mapping_set_get_id (set));
  g_assert_cmpuint (trib_mapping_set_get_version (updated), ==, 1);

  latest = get (trib_mapping_set_get_id (set), -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_mapping_set_get_version (latest), ==, 1);
  g_assert_cmpuint (trib_mapping_set_get_mappings (latest)->len, ==, 3);

  /* The version a flow already names stays readable. */
  old = get (trib_mapping_set_get_id (set), 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trib_mapping_set_get_version (old), ==, 0);
  g_assert_cmpuint (trib_mapping_set_get_mappings (old)->len, ==, 4);
  g_clear_object (&old);
  old = get (trib_mapping_set_get_id (set), 2, &error);
  g_assert_null (old);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
}

static GPtrArray *
read_versions (const char  *id,
               guint        max,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_data_prep_read_versions_async (client, id, max, NULL, trib_test_result_cb, &result);
  return trib_data_prep_read_versions_finish (trib_test_wait_result (&result), error);
}

/* Every version a set has, newest first, each with its own mappings;
 * only the newest when there are more than asked for.
 */
static void
test_versions (void)
{
  g_autoptr(GPtrArray) mappings = seed_004_mappings ();
  g_autoptr(TribMappingSet) set = NULL;
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  set = create ("Versioned mapping", mappings, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(TribMappingSet) updated = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      g_ptr_array_remove_index (mappings, mappings->len - 1);
      trib_data_prep_update_mapping_set_async (client, trib_mapping_set_get_id (set), "Versioned mapping",
                                               target_schema (), mappings, NULL, trib_test_result_cb, &result);
      updated = trib_data_prep_update_mapping_set_finish (trib_test_wait_result (&result), &error);
      g_assert_no_error (error);
    }

  versions = read_versions (trib_mapping_set_get_id (set), 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 3);
  for (guint i = 0; i < versions->len; i++)
    {
      TribMappingSet *version = g_ptr_array_index (versions, i);

      g_assert_cmpuint (trib_mapping_set_get_version (version), ==, 2 - i);
      g_assert_cmpuint (trib_mapping_set_get_mappings (version)->len, ==, 2 + i);
      g_assert_nonnull (trib_mapping_set_get_modified (version));
    }
  g_clear_pointer (&versions, g_ptr_array_unref);

  versions = read_versions (trib_mapping_set_get_id (set), 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_assert_cmpuint (trib_mapping_set_get_version (g_ptr_array_index (versions, 1)), ==, 1);
  g_clear_pointer (&versions, g_ptr_array_unref);

  versions = read_versions ("0123456789abcdef0123456789abcdef", 10, &error);
  g_assert_null (versions);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
}

/* The demo flows' mapping set, as the new-version dialog reads it: two
 * versions on the Orders schema of the flows' dataset, from the OData
 * Orders table's columns into paths Data Prep accepts, in `prod` and
 * `uat` and nowhere else.
 */
static void
test_demo_world (void)
{
  /* The OData Orders table (world/remote-storage.json) as JSON types. */
  const char * const names[] = { "OrderID", "CustomerID", "EmployeeID", "OrderDate", "ShipVia", "Freight",
                                 "ShipCity", "ShipCountry", NULL };
  const char * const types[] = { "integer", "string", "integer", "string", "integer", "number", "string",
                                 "string", NULL };
  g_autoptr(GPtrArray) versions = NULL;
  g_autoptr(GError) error = NULL;

  versions = read_versions (S004_MAPPING, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  for (guint i = 0; i < versions->len; i++)
    {
      TribMappingSet *version = g_ptr_array_index (versions, i);
      GPtrArray *mappings = trib_mapping_set_get_mappings (version);
      g_autoptr(GPtrArray) checks = NULL;
      g_autoptr(GAsyncResult) result = NULL;

      g_assert_cmpstr (trib_mapping_set_get_id (version), ==, S004_MAPPING);
      g_assert_cmpuint (trib_mapping_set_get_version (version), ==, 1 - i);
      g_assert_cmpstr (trib_mapping_set_get_schema_id (version), ==, ORDERS_SCHEMA);
      g_assert_cmpstr (trib_mapping_set_get_name (version), ==, "Northwind orders to Luma Orders");
      g_assert_cmpstr (trib_mapping_set_get_created_by (version), ==, "acp_foundation_connectors@AdobeID");
      g_assert_nonnull (trib_mapping_set_get_modified (version));
      g_assert_cmpuint (mappings->len, ==, i == 0 ? 8 : 6);
      g_assert_cmpstr (trib_mapping_get_source (g_ptr_array_index (mappings, 0)), ==, "OrderID");
      g_assert_cmpstr (trib_mapping_get_destination (g_ptr_array_index (mappings, 0)), ==, "_id");

      /* Every source a column of the table, every destination a path
       * of the schema in a type it converts to: Data Prep's own verdict.
       */
      trib_data_prep_validate_async (client, ORDERS_SCHEMA, mappings, names, types, NULL,
                                     trib_test_result_cb, &result);
      checks = trib_data_prep_validate_finish (trib_test_wait_result (&result), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (checks->len, ==, mappings->len);
      for (guint j = 0; j < checks->len; j++)
        g_assert_true (check_says (checks, j, NULL));
    }
  /* The newer one has a column more: the dialog has a choice. */
  g_assert_cmpuint (trib_mapping_get_source_type (g_ptr_array_index (trib_mapping_set_get_mappings (g_ptr_array_index (versions, 0)), 7)),
                    ==, TRIB_MAPPING_SOURCE_EXPRESSION);
  g_clear_pointer (&versions, g_ptr_array_unref);

  trib_platform_client_set_sandbox (client, "uat");
  versions = read_versions (S004_MAPPING, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (versions->len, ==, 2);
  g_clear_pointer (&versions, g_ptr_array_unref);

  trib_platform_client_set_sandbox (client, "dev");
  versions = read_versions (S004_MAPPING, 10, &error);
  g_assert_null (versions);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
  trib_platform_client_set_sandbox (client, "prod");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_client (sim, NULL);
  trib_platform_client_set_sandbox (client, "prod");

  g_test_add_func ("/tributary/data-prep/seed-004", test_seed_004);
  g_test_add_func ("/tributary/data-prep/refusals", test_refusals);
  g_test_add_func ("/tributary/data-prep/legacy-body", test_legacy_body);
  g_test_add_func ("/tributary/data-prep/validate", test_validate);
  g_test_add_func ("/tributary/data-prep/preview", test_preview);
  g_test_add_func ("/tributary/data-prep/list-paging", test_list_paging);
  g_test_add_func ("/tributary/data-prep/update", test_update);
  g_test_add_func ("/tributary/data-prep/versions", test_versions);
  g_test_add_func ("/tributary/data-prep/demo-world", test_demo_world);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);
  g_free (schema_id);

  return status;
}
