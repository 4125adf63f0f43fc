/* trib-test-flow-service.h
 *
 * What the Flow Service tests share: the connectors' ids, the world's
 * demo accounts, and one call each, waited for, on the client given to
 * trib_test_flow_service_setup().
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-flow-service.h"
#include "trib-test-platform.h"

G_BEGIN_DECLS

#define CONNECTIONS_PATH "/data/foundation/flowservice/connections"

#define S3 "ecadc60c-7455-4d87-84dc-2a0e293d997b"
#define ADLS "b3ba5556-48be-44b7-8b85-ff2b69b46dc4"
#define BLOB "4c10e202-c428-4796-9208-5f1f5732b1cf"
#define GCS "32e8f412-cdf7-464c-9885-78184cb113fd"
#define SFTP "b7bf2577-4520-42c9-bae9-cad01560f7bc"
#define DLZ "26f526f2-58f4-4712-961d-e41bf1ccc0e8"
#define DATABRICKS "e9d7ec6b-0873-4e57-ad21-b3a7c65e310b"
#define ODATA "8e6b41a8-d998-4545-ad7d-c6a9fff406c3"
#define REST "4e98f16f-87d6-4ef0-bdc6-7a2b0fe76e62"
#define SALESFORCE "cfc0fee1-7dc0-40ef-b73e-d8b134c436f5"
#define DATA_LAKE "c604ff05-7f1a-43c0-8e18-33bf874cb11c"
#define EXPORT_SOURCE "23598e46-f560-407b-88d5-ea6207e49db0"
#define S3_DEST "4fce964d-3f37-408f-9778-e597338a21ee"
#define BLOB_DEST "6d6b59bf-fb58-4107-9064-4d246c0e5bb2"
#define ADLS_DEST "be2c3209-53bc-47e7-ab25-145db8b873e1"
#define DLZ_DEST "10440537-2a7b-4583-ac39-ed38d4b848e8"
#define GCS_DEST "c5d93acb-ea8b-4b14-8f53-02138444ae99"
#define SFTP_DEST "36965a81-b1c6-401b-99f8-22508f1e6a26"

/* The world's demo accounts (tests/simulator/world/connections.json). */
#define DEMO_S3_KEY "AKIATRIBUTARYDEMO001"
#define DEMO_S3_SECRET "tributary/Demo+S3/secret0123456789abcdef"
#define DEMO_ADLS_PARAMS "{\"url\":\"https://tributarydemo.dfs.core.windows.net\"," \
                         "\"servicePrincipalId\":\"5c0f9e2d-8b7a-4c6d-9e1f-2a3b4c5d6e7f\"," \
                         "\"servicePrincipalKey\":\"tributary~Demo.ADLS_secret-0123456789\"," \
                         "\"tenant\":\"tributary.example\"}"
#define DEMO_GCS_KEY "GOOGTRIBUTARYDEMO0123456789"
#define DEMO_GCS_SECRET "dHJpYnV0YXJ5RGVtb0dDU0htYWNTZWNyZXQwMTIz"
#define WORLD_S3_CONNECTION "7f3b2c1a-4d5e-4f60-8a9b-0c1d2e3f4a5b"
#define WORLD_ADLS_CONNECTION "3d8e1f2a-5b6c-4d7e-8f90-a1b2c3d4e5f6"
#define WORLD_GCS_CONNECTION "9b4a7c6d-2e1f-4a3b-8c5d-6e7f8a9b0c1d"
#define WORLD_DATABRICKS_CONNECTION "2a9c8e7d-6b5a-4c3d-9e2f-1a0b9c8d7e6f"
#define WORLD_ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"
#define WORLD_FLOW "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a"

void                trib_test_flow_service_setup    (TribTestSim         *sim,
                                                     TribPlatformClient  *client);
TribConnectionSpec *get_spec                        (const char          *spec_id,
                                                     GError             **error);
JsonObject         *params_from                     (const char          *json);
char               *create                          (const char          *name,
                                                     const char          *spec_id,
                                                     const char          *auth_name,
                                                     const char          *params_json,
                                                     char               **etag,
                                                     GError             **error);
TribConnection     *get_connection                  (const char          *id,
                                                     GError             **error);
gboolean            test_connection                 (const char          *id,
                                                     GError             **error);
gboolean            delete_connection               (const char          *id,
                                                     GError             **error);
char               *update                          (const char          *id,
                                                     const char          *etag,
                                                     const char          *name,
                                                     const char          *params_json,
                                                     GError             **error);
char               *update_removing                 (const char          *id,
                                                     const char          *etag,
                                                     const char          *params_json,
                                                     const char * const  *removed,
                                                     GError             **error);
void                assert_flow_error               (const GError        *error,
                                                     int                  code,
                                                     const char          *flow_code,
                                                     const char          *in_message);

G_END_DECLS
