/* trib-request-kind.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TribRequestOutcome:
 * @TRIB_REQUEST_OUTCOME_ANY: for a filter: any call
 * @TRIB_REQUEST_OUTCOME_SUCCESS: answered with 1xx, 2xx or 3xx
 * @TRIB_REQUEST_OUTCOME_CLIENT_ERROR: answered with 4xx
 * @TRIB_REQUEST_OUTCOME_SERVER_ERROR: answered with 5xx
 * @TRIB_REQUEST_OUTCOME_NO_ANSWER: ended without an answer (a broken
 *   connection, a timeout, a cancellation)
 * @TRIB_REQUEST_OUTCOME_IN_FLIGHT: not answered yet
 *
 * How a call went, as the Activity page sorts them.
 */
typedef enum
{
  TRIB_REQUEST_OUTCOME_ANY,
  TRIB_REQUEST_OUTCOME_SUCCESS,
  TRIB_REQUEST_OUTCOME_CLIENT_ERROR,
  TRIB_REQUEST_OUTCOME_SERVER_ERROR,
  TRIB_REQUEST_OUTCOME_NO_ANSWER,
  TRIB_REQUEST_OUTCOME_IN_FLIGHT,
} TribRequestOutcome;

/**
 * TribRequestService:
 * @TRIB_REQUEST_SERVICE_ANY: for a filter: any service
 * @TRIB_REQUEST_SERVICE_IMS: Adobe IMS, the sign-in
 * @TRIB_REQUEST_SERVICE_SANDBOX_MANAGEMENT: Sandbox Management
 * @TRIB_REQUEST_SERVICE_SCHEMA_REGISTRY: the Schema Registry
 * @TRIB_REQUEST_SERVICE_CATALOG: Catalog, and the dataset service
 * @TRIB_REQUEST_SERVICE_QUERY_SERVICE: Query Service
 * @TRIB_REQUEST_SERVICE_FLOW_SERVICE: Flow Service
 * @TRIB_REQUEST_SERVICE_DATA_PREP: Data Prep (conversion)
 * @TRIB_REQUEST_SERVICE_DATA_LANDING_ZONE: the Data Landing Zone
 * @TRIB_REQUEST_SERVICE_OTHER: anything else (a follow-up link)
 *
 * Which of the platform's services a call went to, read from its path.
 */
typedef enum
{
  TRIB_REQUEST_SERVICE_ANY,
  TRIB_REQUEST_SERVICE_IMS,
  TRIB_REQUEST_SERVICE_SANDBOX_MANAGEMENT,
  TRIB_REQUEST_SERVICE_SCHEMA_REGISTRY,
  TRIB_REQUEST_SERVICE_CATALOG,
  TRIB_REQUEST_SERVICE_QUERY_SERVICE,
  TRIB_REQUEST_SERVICE_FLOW_SERVICE,
  TRIB_REQUEST_SERVICE_DATA_PREP,
  TRIB_REQUEST_SERVICE_DATA_LANDING_ZONE,
  TRIB_REQUEST_SERVICE_OTHER,
} TribRequestService;

TribRequestOutcome  trib_request_outcome_from_status  (gboolean            done,
                                                       guint               status);
const char         *trib_request_outcome_get_name     (TribRequestOutcome  outcome);
TribRequestService  trib_request_service_from_url     (const char         *url);
const char         *trib_request_service_get_name     (TribRequestService  service);

G_END_DECLS
