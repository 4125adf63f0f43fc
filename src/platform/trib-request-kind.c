/* trib-request-kind.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-request-kind"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "trib-request-kind.h"

/* How the Activity page groups calls: by outcome and by service. The
 * service is read from the path alone, as the platform's gateway routes
 * it, so a call to a host the app does not know (a next link) still has
 * one, and IMS, on its own host, is known by its path too.
 */

/**
 * trib_request_outcome_from_status:
 * @done: whether the call has ended
 * @status: its HTTP status, 0 without an answer
 *
 * Returns: how the call went
 */
TribRequestOutcome
trib_request_outcome_from_status (gboolean done,
                                  guint    status)
{
  if (!done)
    return TRIB_REQUEST_OUTCOME_IN_FLIGHT;
  if (status == 0)
    return TRIB_REQUEST_OUTCOME_NO_ANSWER;
  if (status >= 500)
    return TRIB_REQUEST_OUTCOME_SERVER_ERROR;
  if (status >= 400)
    return TRIB_REQUEST_OUTCOME_CLIENT_ERROR;

  return TRIB_REQUEST_OUTCOME_SUCCESS;
}

/**
 * trib_request_outcome_get_name:
 * @outcome: a #TribRequestOutcome
 *
 * Returns: (transfer none): its name, translated, as a filter lists it
 */
const char *
trib_request_outcome_get_name (TribRequestOutcome outcome)
{
  switch (outcome)
    {
    case TRIB_REQUEST_OUTCOME_ANY:
      /* Translators: a filter of calls by how they went: no filter */
      return C_("call outcome", "Any Status");
    case TRIB_REQUEST_OUTCOME_SUCCESS:
      return C_("call outcome", "Success");
    case TRIB_REQUEST_OUTCOME_CLIENT_ERROR:
      /* Translators: an HTTP status 4xx */
      return C_("call outcome", "Client Error");
    case TRIB_REQUEST_OUTCOME_SERVER_ERROR:
      /* Translators: an HTTP status 5xx */
      return C_("call outcome", "Server Error");
    case TRIB_REQUEST_OUTCOME_NO_ANSWER:
      return C_("call outcome", "No Answer");
    case TRIB_REQUEST_OUTCOME_IN_FLIGHT:
      /* Translators: a call sent and not answered yet */
      return C_("call outcome", "In Flight");
    default:
      g_return_val_if_reached (NULL);
    }
}

static const struct
{
  const char *prefix;
  TribRequestService service;
} prefixes[] = {
  { "/ims/", TRIB_REQUEST_SERVICE_IMS },
  { "/data/foundation/sandbox-management/", TRIB_REQUEST_SERVICE_SANDBOX_MANAGEMENT },
  { "/data/foundation/schemaregistry/", TRIB_REQUEST_SERVICE_SCHEMA_REGISTRY },
  { "/data/foundation/catalog/", TRIB_REQUEST_SERVICE_CATALOG },
  { "/data/foundation/dataset/", TRIB_REQUEST_SERVICE_CATALOG },
  { "/data/foundation/query/", TRIB_REQUEST_SERVICE_QUERY_SERVICE },
  { "/data/foundation/flowservice/", TRIB_REQUEST_SERVICE_FLOW_SERVICE },
  { "/data/foundation/conversion/", TRIB_REQUEST_SERVICE_DATA_PREP },
  { "/data/foundation/connectors/landingzone", TRIB_REQUEST_SERVICE_DATA_LANDING_ZONE },
};

/**
 * trib_request_service_from_url:
 * @url: a URL called, or its path
 *
 * Returns: the service the call went to
 */
TribRequestService
trib_request_service_from_url (const char *url)
{
  const char *path;
  const char *scheme_end;

  g_return_val_if_fail (url != NULL, TRIB_REQUEST_SERVICE_OTHER);

  /* The path starts at the first "/" after the host, if there is a host. */
  scheme_end = strstr (url, "://");
  path = scheme_end != NULL ? strchr (scheme_end + 3, '/') : url;
  if (path == NULL)
    return TRIB_REQUEST_SERVICE_OTHER;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize length = strlen (prefixes[i].prefix);

      if (strncmp (path, prefixes[i].prefix, length) == 0 ||
          /* The service's root itself, without the trailing slash. */
          (prefixes[i].prefix[length - 1] == '/' && strncmp (path, prefixes[i].prefix, length - 1) == 0 &&
           strchr ("?#", path[length - 1]) != NULL))
        return prefixes[i].service;
    }

  return TRIB_REQUEST_SERVICE_OTHER;
}

/**
 * trib_request_service_get_name:
 * @service: a #TribRequestService
 *
 * Returns: (transfer none): its name, translated
 */
const char *
trib_request_service_get_name (TribRequestService service)
{
  switch (service)
    {
    case TRIB_REQUEST_SERVICE_ANY:
      /* Translators: a filter of calls by the service called: no filter */
      return C_("service name", "Any Service");
    case TRIB_REQUEST_SERVICE_IMS:
      return C_("service name", "IMS");
    case TRIB_REQUEST_SERVICE_SANDBOX_MANAGEMENT:
      return C_("service name", "Sandbox Management");
    case TRIB_REQUEST_SERVICE_SCHEMA_REGISTRY:
      return C_("service name", "Schema Registry");
    case TRIB_REQUEST_SERVICE_CATALOG:
      return C_("service name", "Catalog");
    case TRIB_REQUEST_SERVICE_QUERY_SERVICE:
      return C_("service name", "Query Service");
    case TRIB_REQUEST_SERVICE_FLOW_SERVICE:
      return C_("service name", "Flow Service");
    case TRIB_REQUEST_SERVICE_DATA_PREP:
      return C_("service name", "Data Prep");
    case TRIB_REQUEST_SERVICE_DATA_LANDING_ZONE:
      return C_("service name", "Data Landing Zone");
    case TRIB_REQUEST_SERVICE_OTHER:
      /* Translators: a call to none of the platform's known services */
      return C_("service name", "Other");
    default:
      g_return_val_if_reached (NULL);
    }
}
