/* test-schema-registry.c
 *
 * The Schema Registry client against tributary-sim over HTTP: lists,
 * resolving field trees, creating schemas and ad hoc classes, titles,
 * and every refusal the platform makes, surfaced.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-platform-error.h"
#include "trib-schema-registry.h"
#include "trib-test-platform.h"
#include "trib-xdm-titles.h"

#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"
#define CRM_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/2b7e9d41c8a54f13b6e0a9d8c7b6a5f4"
#define PROFILE_CLASS "https://ns.adobe.com/xdm/context/profile"
#define EVENT_CLASS "https://ns.adobe.com/xdm/context/experienceevent"

static TribTestSim *sim;
static TribPlatformClient *client;

static TribXdmField *
find_field (GListModel *fields,
            const char *path)
{
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      const char *field_path = trib_xdm_field_get_path (field);
      gsize length = strlen (field_path);

      if (g_str_equal (field_path, path))
        return g_steal_pointer (&field);

      if (trib_xdm_field_get_children (field) != NULL && strncmp (path, field_path, length) == 0 &&
          path[length] == '.')
        return find_field (trib_xdm_field_get_children (field), path);
    }

  return NULL;
}

static guint
tree_depth (GListModel *fields)
{
  guint deepest = 0;

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);
      GListModel *children = trib_xdm_field_get_children (field);

      if (children != NULL)
        deepest = MAX (deepest, tree_depth (children));
    }

  return deepest + 1;
}

static GListModel *
load_fields (TribXdmKind  kind,
             const char  *id,
             guint       *n_fields)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *fields;

  trib_schema_registry_load_fields_async (client, kind, id, NULL, trib_test_result_cb, &result);
  fields = trib_schema_registry_load_fields_finish (trib_test_wait_result (&result), n_fields, &error);
  g_assert_no_error (error);

  return fields;
}

/* The next resolved schema the simulator serves is @body, as is. */
static void
serve_schema_body (const char *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) fault = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, "/data/foundation/schemaregistry/tenant/schemas/*");
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, "GET");
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, body != NULL ? "body" : "deep_nesting");
  if (body != NULL)
    {
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, body);
      json_builder_set_member_name (builder, "content_type");
      json_builder_add_string_value (builder, "application/vnd.adobe.xed-full+json; version=1");
    }
  json_builder_end_object (builder);
  fault = json_builder_get_root (builder);
  json = json_to_string (fault, FALSE);
  trib_test_sim_add_fault (sim, json);
}

static GListModel *
load_served_fields (guint   *n_fields,
                    GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_schema_registry_load_fields_async (client, TRIB_XDM_KIND_SCHEMA,
                                          "https://ns.adobe.com/tributarydemo/schemas/0ddba11", NULL,
                                          trib_test_result_cb, &result);

  return trib_schema_registry_load_fields_finish (trib_test_wait_result (&result), n_fields, error);
}

/* The tree is read straight from the reply's text (issue 10), after the
 * checks every reply gets: escapes, members in any order, shapes that
 * leave fields unused, and a filter that folds more than ASCII.
 */
static void
test_field_tree_from_reply (void)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(TribXdmField) street = NULL;
  g_autoptr(TribXdmField) city = NULL;
  g_autoptr(TribXdmField) lone = NULL;
  g_autoptr(TribXdmField) map = NULL;
  g_autoptr(TribXdmField) value = NULL;
  g_autoptr(TribXdmField) list = NULL;
  g_autoptr(TribXdmField) item = NULL;
  g_autoptr(GError) error = NULL;
  guint n_fields = 0;

  serve_schema_body ("{\"title\": \"Odd\", \"properties\": {"
                     " \"stra\\u00dfe\": {\"title\": \"Stra\u00dfe\", \"type\": \"string\"},"
                     " \"city\": {\"title\": \"\\u00c9TAT \u0130stanbul\", \"type\": \"string\", \"format\": \"x\\/y\"},"
                     " \"lone\": {\"title\": \"a\\udc00b\", \"type\": \"string\"},"
                     " \"m\": {\"properties\": {\"unused\": {\"type\": \"string\"}},"
                     "        \"additionalProperties\": {\"type\": \"object\", \"properties\": {\"v\": {\"type\": \"long\"}}},"
                     "        \"meta:xdmType\": \"map\"},"
                     " \"list\": {\"properties\": {\"unused\": {}}, \"type\": \"array\","
                     "           \"items\": {\"required\": [\"x\"], \"properties\": {\"x\": {\"meta:xdmType\": \"int\"}}}},"
                     " \"plain\": 5},"
                     " \"required\": [\"city\"]}");
  fields = load_served_fields (&n_fields, &error);
  g_assert_no_error (error);

  /* The map's and the array's own properties are not shown. */
  g_assert_cmpuint (n_fields, ==, 7);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 5);

  street = find_field (fields, "stra\u00dfe");
  g_assert_nonnull (street);
  g_assert_cmpstr (trib_xdm_field_get_title (street), ==, "Stra\u00dfe");
  city = find_field (fields, "city");
  g_assert_cmpstr (trib_xdm_field_get_title (city), ==, "\u00c9TAT \u0130stanbul");
  g_assert_cmpstr (trib_xdm_field_get_format (city), ==, "x/y");
  g_assert_true (trib_xdm_field_get_required (city));
  g_assert_false (trib_xdm_field_get_required (street));
  lone = find_field (fields, "lone");
  g_assert_cmpstr (trib_xdm_field_get_title (lone), ==, "a\uFFFDb");

  map = find_field (fields, "m");
  g_assert_cmpint (trib_xdm_field_get_shape (map), ==, TRIB_XDM_SHAPE_MAP);
  g_assert_cmpstr (trib_xdm_field_get_type_name (map), ==, "map[string, object]");
  g_assert_cmpuint (g_list_model_get_n_items (trib_xdm_field_get_children (map)), ==, 1);
  value = g_list_model_get_item (trib_xdm_field_get_children (map), 0);
  g_assert_cmpstr (trib_xdm_field_get_path (value), ==, "m.*.v");
  g_assert_cmpstr (trib_xdm_field_get_type_name (value), ==, "long");

  list = find_field (fields, "list");
  g_assert_cmpstr (trib_xdm_field_get_type_name (list), ==, "array[object]");
  g_assert_cmpuint (g_list_model_get_n_items (trib_xdm_field_get_children (list)), ==, 1);
  item = find_field (fields, "list.x");
  g_assert_nonnull (item);
  g_assert_true (trib_xdm_field_get_required (item));
  g_assert_cmpstr (trib_xdm_field_get_type_name (item), ==, "int");

  /* Case is ignored beyond ASCII, in paths and in titles. */
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, "STRASSE"), ==, 1);
  g_assert_true (trib_xdm_field_get_matches (street));
  g_assert_false (trib_xdm_field_get_visible (city));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, "\u00e9tat"), ==, 1);
  g_assert_true (trib_xdm_field_get_matches (city));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, "M.*.V"), ==, 1);
  g_assert_true (trib_xdm_field_get_visible (map));
  g_assert_false (trib_xdm_field_get_matches (map));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, NULL), ==, 0);
  g_clear_object (&fields);

  /* What every reply is refused for, this one is too. */
  serve_schema_body ("{\"properties\": {\"a\": {}, \"a\": {}}}");
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_assert_null (fields);
  g_clear_error (&error);

  serve_schema_body (NULL);
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_REPLY_TOO_DEEP);
  g_clear_error (&error);

  /* The scan leaves the grammar to the reader, deep as it may be. */
  serve_schema_body ("{\"properties\": {\"a\": {\"type\": \"string\", \"enum\": [1 2]}}}");
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);

  serve_schema_body ("[{\"properties\": {}}]");
  fields = load_served_fields (NULL, &error);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_INVALID_RESPONSE);
  g_clear_error (&error);
}

static void
test_schema_lists (void)
{
  g_autoptr(TribPagedList) schemas = trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA,
                                                                TRIB_XDM_CONTAINER_TENANT, NULL, NULL);
  g_autoptr(TribPagedList) classes = trib_schema_registry_list (client, TRIB_XDM_KIND_CLASS,
                                                                TRIB_XDM_CONTAINER_GLOBAL, NULL, NULL);
  g_autoptr(TribPagedList) profile_groups = trib_schema_registry_list (client, TRIB_XDM_KIND_FIELD_GROUP,
                                                                       TRIB_XDM_CONTAINER_GLOBAL, NULL,
                                                                       PROFILE_CLASS);
  g_autoptr(TribPagedList) search = trib_schema_registry_list (client, TRIB_XDM_KIND_SCHEMA,
                                                               TRIB_XDM_CONTAINER_TENANT, "web EVENTS", NULL);
  g_autoptr(TribXdmResource) web = NULL;
  g_autoptr(TribXdmResource) crm = NULL;
  g_autoptr(TribXdmResource) profile = NULL;
  g_autoptr(TribXdmResource) person = NULL;
  g_autoptr(TribXdmResource) commerce = NULL;

  trib_test_load_all (schemas);
  web = trib_test_find_by_id (G_LIST_MODEL (schemas), WEB_EVENTS_SCHEMA);
  crm = trib_test_find_by_id (G_LIST_MODEL (schemas), CRM_SCHEMA);
  g_assert_nonnull (web);
  g_assert_nonnull (crm);
  g_assert_cmpstr (trib_xdm_resource_get_title (web), ==, "Luma Web Events");
  g_assert_cmpstr (trib_xdm_resource_get_class_id (web), ==, EVENT_CLASS);
  g_assert_cmpint (trib_xdm_resource_get_behavior (web), ==, TRIB_XDM_BEHAVIOR_TIME_SERIES);
  g_assert_true (trib_xdm_resource_get_profile_enabled (web));
  g_assert_nonnull (trib_xdm_resource_get_created (web));
  g_assert_nonnull (trib_xdm_resource_get_modified (web));
  g_assert_cmpint (trib_xdm_resource_get_behavior (crm), ==, TRIB_XDM_BEHAVIOR_RECORD);
  g_assert_true (g_strv_contains (trib_xdm_resource_get_field_group_ids (crm),
                                  "https://ns.adobe.com/xdm/context/profile-person-details"));

  trib_test_load_all (classes);
  profile = trib_test_find_by_id (G_LIST_MODEL (classes), PROFILE_CLASS);
  g_assert_nonnull (profile);
  g_assert_nonnull (trib_test_find_by_id (G_LIST_MODEL (classes), EVENT_CLASS));
  g_assert_cmpint (trib_xdm_resource_get_container (profile), ==, TRIB_XDM_CONTAINER_GLOBAL);

  /* Only the field groups meant for the class. */
  trib_test_load_all (profile_groups);
  person = trib_test_find_by_id (G_LIST_MODEL (profile_groups), "https://ns.adobe.com/xdm/context/profile-person-details");
  commerce = trib_test_find_by_id (G_LIST_MODEL (profile_groups), "https://ns.adobe.com/xdm/context/experienceevent-commerce");
  g_assert_nonnull (person);
  g_assert_null (commerce);
  g_assert_true (g_strv_contains (trib_xdm_resource_get_intended_to_extend (person), PROFILE_CLASS));

  trib_test_load_all (search);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (search)), ==, 1);
}

static void
test_field_tree (void)
{
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GListModel) crm_fields = NULL;
  g_autoptr(TribXdmField) identity_map = NULL;
  g_autoptr(TribXdmField) items = NULL;
  g_autoptr(TribXdmField) sku = NULL;
  g_autoptr(TribXdmField) page_name = NULL;
  g_autoptr(TribXdmField) ecid = NULL;
  g_autoptr(TribXdmField) email = NULL;
  g_autoptr(TribXdmField) id = NULL;
  g_autoptr(TribXdmField) timestamp = NULL;
  g_autoptr(TribXdmField) person_email = NULL;
  guint n_fields = 0;
  guint n_matches;

  fields = load_fields (TRIB_XDM_KIND_SCHEMA, WEB_EVENTS_SCHEMA, &n_fields);
  g_assert_cmpuint (n_fields, >=, 5000);
  g_assert_cmpuint (tree_depth (fields), >=, 5);

  /* Maps, arrays of objects, nested objects. */
  identity_map = find_field (fields, "identityMap");
  g_assert_nonnull (identity_map);
  g_assert_cmpint (trib_xdm_field_get_shape (identity_map), ==, TRIB_XDM_SHAPE_MAP);
  g_assert_cmpstr (trib_xdm_field_get_type_name (identity_map), ==, "map[string, array[object]]");
  g_assert_nonnull (trib_xdm_field_get_children (identity_map));

  items = find_field (fields, "productListItems");
  g_assert_nonnull (items);
  g_assert_cmpint (trib_xdm_field_get_shape (items), ==, TRIB_XDM_SHAPE_ARRAY);
  sku = find_field (fields, "productListItems.SKU");
  g_assert_nonnull (sku);
  g_assert_cmpint (trib_xdm_field_get_shape (sku), ==, TRIB_XDM_SHAPE_SCALAR);

  page_name = find_field (fields, "web.webPageDetails.name");
  g_assert_nonnull (page_name);
  g_assert_cmpstr (trib_xdm_field_get_type_name (page_name), ==, "string");
  g_assert_nonnull (trib_xdm_field_get_title (page_name));

  timestamp = find_field (fields, "timestamp");
  id = find_field (fields, "_id");
  g_assert_nonnull (timestamp);
  g_assert_nonnull (id);
  g_assert_true (trib_xdm_field_get_required (timestamp) || trib_xdm_field_get_required (id));

  /* Identity descriptors mark their fields; one is primary. */
  ecid = find_field (fields, "_tributarydemo.identification.core.ecid");
  email = find_field (fields, "_tributarydemo.identification.core.email");
  g_assert_nonnull (ecid);
  g_assert_nonnull (email);
  g_assert_cmpstr (trib_xdm_field_get_identity_namespace (ecid), ==, "ECID");
  g_assert_true (trib_xdm_field_get_primary_identity (ecid));
  g_assert_cmpstr (trib_xdm_field_get_identity_namespace (email), ==, "Email");
  g_assert_false (trib_xdm_field_get_primary_identity (email));
  g_assert_null (trib_xdm_field_get_identity_namespace (page_name));

  /* The filter keeps matches and their ancestors only. */
  n_matches = trib_xdm_field_filter_tree (fields, "WEBPAGEDETAILS.NA");
  g_assert_cmpuint (n_matches, >=, 1);
  g_assert_true (trib_xdm_field_get_matches (page_name));
  g_assert_true (trib_xdm_field_get_visible (page_name));
  {
    g_autoptr(TribXdmField) web = find_field (fields, "web");

    g_assert_true (trib_xdm_field_get_visible (web));
    g_assert_false (trib_xdm_field_get_matches (web));
  }
  g_assert_false (trib_xdm_field_get_visible (identity_map));
  g_assert_cmpuint (trib_xdm_field_filter_tree (fields, NULL), ==, 0);
  g_assert_true (trib_xdm_field_get_visible (identity_map));

  crm_fields = load_fields (TRIB_XDM_KIND_SCHEMA, CRM_SCHEMA, NULL);
  person_email = find_field (crm_fields, "personalEmail.address");
  g_assert_nonnull (person_email);
  g_assert_cmpstr (trib_xdm_field_get_identity_namespace (person_email), ==, "Email");
  g_assert_true (trib_xdm_field_get_primary_identity (person_email));
}

static TribXdmResource *
create_schema (const char          *title,
               const char          *class_id,
               const char * const  *field_groups,
               GError             **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_schema_registry_create_schema_async (client, title, NULL, class_id, field_groups, NULL, trib_test_result_cb, &result);

  return trib_schema_registry_create_schema_finish (trib_test_wait_result (&result), error);
}

static void
collect_paths (GListModel *fields,
               GPtrArray  *paths)
{
  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(TribXdmField) field = g_list_model_get_item (fields, i);

      g_ptr_array_add (paths, g_strdup_printf ("%s %s", trib_xdm_field_get_path (field),
                                               trib_xdm_field_get_type_name (field)));
      if (trib_xdm_field_get_children (field) != NULL)
        collect_paths (trib_xdm_field_get_children (field), paths);
    }
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The fields a schema of a class and field groups will have, read
 * before it exists (the dataflow wizard maps onto them), are those it
 * has once made: every path with its type, a tenant field group's
 * `_tenant` merged with the others'.
 */
static void
test_planned_fields (void)
{
  const char * const field_groups[] = {
    "https://ns.adobe.com/xdm/context/profile-person-details",
    "https://ns.adobe.com/xdm/context/profile-personal-details",
    "https://ns.adobe.com/xdm/context/identitymap",
    NULL
  };
  g_autofree char *title = trib_test_unique_name ("Planned Profile");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) planned = NULL;
  g_autoptr(GListModel) made = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(TribXdmField) full_name = NULL;
  g_autoptr(GPtrArray) planned_paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) made_paths = g_ptr_array_new_with_free_func (g_free);
  guint n_planned = 0;
  guint n_made = 0;

  trib_schema_registry_load_planned_fields_async (client, PROFILE_CLASS, field_groups, NULL, trib_test_result_cb,
                                                  &result);
  planned = trib_schema_registry_load_planned_fields_finish (trib_test_wait_result (&result), &n_planned, &error);
  g_assert_no_error (error);
  full_name = find_field (planned, "person.name.fullName");
  g_assert_nonnull (full_name);
  g_assert_cmpstr (trib_xdm_field_get_type_name (full_name), ==, "string");

  schema = create_schema (title, PROFILE_CLASS, field_groups, &error);
  g_assert_no_error (error);
  made = load_fields (TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_id (schema), &n_made);

  collect_paths (planned, planned_paths);
  collect_paths (made, made_paths);
  g_ptr_array_sort (planned_paths, compare_paths);
  g_ptr_array_sort (made_paths, compare_paths);
  g_assert_cmpuint (n_planned, ==, n_made);
  g_assert_cmpuint (planned_paths->len, ==, made_paths->len);
  for (guint i = 0; i < planned_paths->len; i++)
    g_assert_cmpstr (g_ptr_array_index (planned_paths, i), ==, g_ptr_array_index (made_paths, i));
  g_test_message ("%u fields planned, as made", n_planned);

  /* A class that is not there: the registry's 404, said. */
  g_clear_object (&result);
  trib_schema_registry_load_planned_fields_async (client, "https://ns.adobe.com/tributarydemo/classes/0ddba11",
                                                  NULL, NULL, trib_test_result_cb, &result);
  g_assert_null (trib_schema_registry_load_planned_fields_finish (trib_test_wait_result (&result), NULL, &error));
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_NOT_FOUND);
}

static void
test_create_schema_seed_002 (void)
{
  const char * const field_groups[] = {
    "https://ns.adobe.com/xdm/context/profile-person-details",
    "https://ns.adobe.com/xdm/context/profile-personal-details",
    "https://ns.adobe.com/xdm/context/profile-work-details",
    "https://ns.adobe.com/xdm/context/profile-subscriptions",
    "https://ns.adobe.com/xdm/context/identitymap",
    NULL
  };
  g_autofree char *title = trib_test_unique_name ("Sample Demo Profile XDM");
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(TribXdmResource) again = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) expected = NULL;
  g_autoptr(GString) expected_json = g_string_new (NULL);
  g_autoptr(GListModel) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribXdmField) first_name = NULL;
  const char *candidates[] = { title, NULL };

  schema = create_schema (title, PROFILE_CLASS, field_groups, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_xdm_resource_get_title (schema), ==, title);
  g_assert_true (g_str_has_prefix (trib_xdm_resource_get_id (schema), "https://ns.adobe.com/tributarydemo/schemas/"));
  g_assert_cmpstr (trib_xdm_resource_get_class_id (schema), ==, PROFILE_CLASS);
  g_assert_cmpuint (g_strv_length ((GStrv) trib_xdm_resource_get_field_group_ids (schema)), ==, 5);

  /* The payload is seed 002's, member for member. */
  g_string_append_printf (expected_json, "{\"type\": \"object\", \"title\": \"%s\", \"description\": \"\", \"allOf\": ["
                          "{\"$ref\": \"" PROFILE_CLASS "\"}", title);
  for (guint i = 0; field_groups[i] != NULL; i++)
    g_string_append_printf (expected_json, ", {\"$ref\": \"%s\"}", field_groups[i]);
  g_string_append (expected_json, "], \"meta:containerId\": \"tenant\", \"meta:resourceType\": \"schemas\", "
                   "\"meta:xdmType\": \"object\", \"meta:class\": \"" PROFILE_CLASS "\"}");
  expected = json_from_string (expected_json->str, &error);
  g_assert_no_error (error);
  body = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/schemaregistry/tenant/schemas");
  g_assert_nonnull (body);
  g_assert_true (json_node_equal (body, expected));

  /* It resolves, with the field groups' fields. */
  fields = load_fields (TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_id (schema), NULL);
  first_name = find_field (fields, "person.name.firstName");
  g_assert_nonnull (first_name);

  /* Titles are unique: the error names the title. */
  again = create_schema (title, PROFILE_CLASS, field_groups, &error);
  g_assert_null (again);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, candidates), ==, title);
}

static void
test_create_schema_refused (void)
{
  const char * const misfit[] = {
    "https://ns.adobe.com/xdm/context/profile-person-details",
    "https://ns.adobe.com/xdm/context/experienceevent-commerce",
    NULL
  };
  const char * const missing[] = { "https://ns.adobe.com/tributarydemo/mixins/does-not-exist", NULL };
  g_autofree char *title = trib_test_unique_name ("Refused schema");
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;

  /* A field group for events does not fit the profile class. */
  schema = create_schema (title, PROFILE_CLASS, misfit, &error);
  g_assert_null (schema);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, misfit), ==, misfit[1]);
  g_clear_error (&error);

  schema = create_schema (title, PROFILE_CLASS, missing, &error);
  g_assert_null (schema);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, missing), ==, missing[0]);
}

static void
test_adhoc_class_and_schema (void)
{
  const TribXdmFieldSpec fields[] = {
    { "order_id", "string" },
    { "quantity", "integer" },
    { "total", "number" },
    { "gift", "boolean" },
  };
  const TribXdmFieldSpec bad_fields[] = { { "weird", "decimal" } };
  const char * const bad_names[] = { "weird", NULL };
  g_autofree char *title = trib_test_unique_name ("Protocols Orders");
  g_autofree char *schema_title = g_strconcat (title, " Schema", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) bad_result = NULL;
  g_autoptr(TribXdmResource) class = NULL;
  g_autoptr(TribXdmResource) bad_class = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GListModel) schema_fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribXdmField) quantity = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *path = NULL;
  JsonObject *adhoc;

  trib_schema_registry_create_adhoc_class_async (client, title, NULL, fields, G_N_ELEMENTS (fields), NULL,
                                                 trib_test_result_cb, &result);
  class = trib_schema_registry_create_adhoc_class_finish (trib_test_wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (trib_xdm_resource_get_behavior (class), ==, TRIB_XDM_BEHAVIOR_ADHOC);
  g_assert_nonnull (trib_xdm_resource_get_dataset_namespace (class));

  /* The tutorial's body: the adhoc behaviour and an _adhoc object. */
  body = trib_test_sim_dup_last_body (sim, "POST", "/data/foundation/schemaregistry/tenant/classes");
  g_assert_nonnull (body);
  adhoc = json_object_get_object_member (
    json_object_get_object_member (json_array_get_object_element (json_object_get_array_member (json_node_get_object (body),
                                                                                              "allOf"), 1),
                                   "properties"),
    "_adhoc");
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (json_object_get_object_member (adhoc, "properties"), "quantity"),
                     "type"), ==, "integer");

  schema = create_schema (schema_title, trib_xdm_resource_get_id (class), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (trib_xdm_resource_get_class_id (schema), ==, trib_xdm_resource_get_id (class));

  schema_fields = load_fields (TRIB_XDM_KIND_SCHEMA, trib_xdm_resource_get_id (schema), NULL);
  path = g_strconcat (trib_xdm_resource_get_dataset_namespace (class), ".quantity", NULL);
  quantity = find_field (schema_fields, path);
  g_assert_nonnull (quantity);
  g_assert_cmpstr (trib_xdm_field_get_type_name (quantity), ==, "integer");

  /* A type XDM does not have is refused, naming the field. */
  trib_schema_registry_create_adhoc_class_async (client, "Bad ad hoc class", NULL, bad_fields, 1, NULL, trib_test_result_cb,
                                                 &bad_result);
  bad_class = trib_schema_registry_create_adhoc_class_finish (trib_test_wait_result (&bad_result), &error);
  g_assert_null (bad_class);
  g_assert_error (error, TRIB_PLATFORM_ERROR, TRIB_PLATFORM_ERROR_BAD_REQUEST);
  g_assert_cmpstr (trib_schema_registry_find_culprit (error, bad_names), ==, "weird");
}

static void
title_known_cb (TribXdmTitles *titles,
                const char    *id,
                gpointer       user_data)
{
  GPtrArray *known = user_data;

  g_ptr_array_add (known, g_strdup (id));
}

#define UNKNOWN_CLASS "https://ns.adobe.com/xdm/context/nothing"
#define UNKNOWN_CLASS_PATH "/data/foundation/schemaregistry/global/classes/" UNKNOWN_CLASS

/* A title is asked for once, and a title a listing gave needs no request. */
static void
test_titles (void)
{
  g_autoptr(TribXdmTitles) titles = trib_xdm_titles_new (client);
  g_autoptr(GPtrArray) known = g_ptr_array_new_with_free_func (g_free);
  /* As logged: the server decodes the percent-encoded $id. */
  const char *path = "/data/foundation/schemaregistry/global/classes/" PROFILE_CLASS;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  g_signal_connect (titles, "title-known", G_CALLBACK (title_known_cb), known);
  trib_test_sim_clear_requests (sim);

  g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, PROFILE_CLASS));
  g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, PROFILE_CLASS));
  while (known->len == 0)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (g_ptr_array_index (known, 0), ==, PROFILE_CLASS);
  g_assert_cmpstr (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, PROFILE_CLASS), ==,
                   "XDM Individual Profile");
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", path), ==, 1);

  trib_xdm_titles_remember (titles, EVENT_CLASS, "XDM ExperienceEvent");
  g_assert_cmpuint (known->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (known, 1), ==, EVENT_CLASS);
  g_assert_cmpstr (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, EVENT_CLASS), ==, "XDM ExperienceEvent");

  /* The same title again is no news. */
  trib_xdm_titles_remember (titles, EVENT_CLASS, "XDM ExperienceEvent");
  g_assert_cmpuint (known->len, ==, 2);

  /* An id the registry does not know stays untitled, and is not asked for again. */
  g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, UNKNOWN_CLASS));
  trib_test_wait_for_request (sim, "GET", UNKNOWN_CLASS_PATH);
  for (guint i = 0; i < 20; i++)
    {
      g_assert_null (trib_xdm_titles_lookup (titles, TRIB_XDM_KIND_CLASS, UNKNOWN_CLASS));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);
    }
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", UNKNOWN_CLASS_PATH), ==, 1);
  g_assert_cmpuint (known->len, ==, 2);
  g_assert_cmpuint (trib_test_sim_count_requests (sim, "GET", path), ==, 1);
}

static void
test_field_names (void)
{
  g_assert_true (trib_schema_registry_is_valid_field_name ("order_id"));
  g_assert_true (trib_schema_registry_is_valid_field_name ("_private2"));
  g_assert_false (trib_schema_registry_is_valid_field_name ("2nd"));
  g_assert_false (trib_schema_registry_is_valid_field_name ("order-id"));
  g_assert_false (trib_schema_registry_is_valid_field_name (""));
  g_assert_false (trib_schema_registry_is_valid_field_name ("naïve"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  sim = trib_test_sim_start (NULL);
  client = trib_test_platform_default_client (sim);

  g_test_add_func ("/tributary/schema-registry/lists", test_schema_lists);
  g_test_add_func ("/tributary/schema-registry/field-tree", test_field_tree);
  g_test_add_func ("/tributary/schema-registry/field-tree-from-reply", test_field_tree_from_reply);
  g_test_add_func ("/tributary/schema-registry/create-seed-002", test_create_schema_seed_002);
  g_test_add_func ("/tributary/schema-registry/create-refused", test_create_schema_refused);
  g_test_add_func ("/tributary/schema-registry/planned-fields", test_planned_fields);
  g_test_add_func ("/tributary/schema-registry/adhoc", test_adhoc_class_and_schema);
  g_test_add_func ("/tributary/schema-registry/field-names", test_field_names);
  g_test_add_func ("/tributary/schema-registry/titles", test_titles);

  status = g_test_run ();

  g_clear_object (&client);
  g_clear_pointer (&sim, trib_test_sim_free);

  return status;
}
