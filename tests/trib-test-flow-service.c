/* trib-test-flow-service.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-platform-error.h"
#include "trib-test-flow-service.h"

static TribPlatformClient *client;

/* The client every helper here calls with; the test keeps it. */
void
trib_test_flow_service_setup (TribTestSim        *sim,
                              TribPlatformClient *test_client)
{
  client = test_client;
}

TribConnectionSpec *
get_spec (const char  *spec_id,
          GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_connection_spec_async (client, spec_id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_connection_spec_finish (trib_test_wait_result (&result), error);
}

JsonObject *
params_from (const char *json)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);

  return json_object_ref (json_node_get_object (node));
}

/* Creates an account through the client; @params_json may be NULL. */
char *
create (const char  *name,
        const char  *spec_id,
        const char  *auth_name,
        const char  *params_json,
        char       **etag,
        GError     **error)
{
  g_autoptr(TribConnectionSpec) spec = get_spec (spec_id, NULL);
  g_autoptr(JsonObject) params = params_json != NULL ? params_from (params_json) : NULL;
  g_autoptr(GAsyncResult) result = NULL;

  g_assert_nonnull (spec);
  trib_flow_service_create_connection_async (client, name, NULL, spec, auth_name, params, NULL,
                                             trib_test_result_cb, &result);

  return trib_flow_service_create_connection_finish (trib_test_wait_result (&result), etag, error);
}

TribConnection *
get_connection (const char  *id,
                GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_get_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_get_connection_finish (trib_test_wait_result (&result), error);
}

gboolean
test_connection (const char  *id,
                 GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_test_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_test_connection_finish (trib_test_wait_result (&result), error);
}

gboolean
delete_connection (const char  *id,
                   GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_delete_connection_async (client, id, NULL, trib_test_result_cb, &result);

  return trib_flow_service_delete_connection_finish (trib_test_wait_result (&result), error);
}

char *
update (const char  *id,
        const char  *etag,
        const char  *name,
        const char  *params_json,
        GError     **error)
{
  g_autoptr(JsonObject) params = params_json != NULL ? params_from (params_json) : NULL;
  g_autoptr(GAsyncResult) result = NULL;

  trib_flow_service_update_connection_async (client, id, etag, name, params, NULL, NULL, trib_test_result_cb, &result);

  return trib_flow_service_update_connection_finish (trib_test_wait_result (&result), error);
}

void
assert_flow_error (const GError *error,
                   int           code,
                   const char   *flow_code,
                   const char   *in_message)
{
  g_assert_error (error, TRIB_PLATFORM_ERROR, code);
  g_assert_cmpstr (trib_platform_error_get_code (error), ==, flow_code);
  if (in_message != NULL && strstr (error->message, in_message) == NULL)
    g_error ("“%s” is not in “%s”", in_message, error->message);
}

/* A change that also removes parameters, each @removed a dotted path
 * ("requestParameterOverride.accessTokenRequest.scope").
 */
char *
update_removing (const char          *id,
                 const char          *etag,
                 const char          *params_json,
                 const char * const  *removed,
                 GError             **error)
{
  g_autoptr(JsonObject) params = params_json != NULL ? params_from (params_json) : NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GAsyncResult) result = NULL;

  for (guint i = 0; removed != NULL && removed[i] != NULL; i++)
    g_ptr_array_add (paths, g_strsplit (removed[i], ".", -1));
  trib_flow_service_update_connection_async (client, id, etag, NULL, params, paths->len > 0 ? paths : NULL, NULL,
                                             trib_test_result_cb, &result);

  return trib_flow_service_update_connection_finish (trib_test_wait_result (&result), error);
}
