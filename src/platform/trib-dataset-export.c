/* trib-dataset-export.c
 *
 * The export side of Flow Service (API-NOTES §C): the datasets a
 * sandbox can export. The source connections, flows and runs of the
 * export wizard come here too.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-dataset-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-dataset-export.h"
#include "trib-paging.h"
#include "trib-xdm-json.h"

#define FLOW_SERVICE_PATH "/data/foundation/flowservice"

/* An item is {id, name, state}: a dataset, of which little is said. */
static gpointer
parse_exportable (JsonObject  *item,
                  const char  *key,
                  TribCall    *call,
                  GError     **error)
{
  const char *id = trib_xdm_json_get_string (item, "id");

  return id != NULL ? trib_dataset_new_from_json (id, item, error) : NULL;
}

static const TribPaging exportable_paging = {
  .style = TRIB_PAGING_HAS_NEXT,
  .item_type = trib_dataset_get_type,
  .items = "items",
  .parse_item = parse_exportable,
  .page_size = TRIB_DATASET_EXPORT_PAGE_SIZE,
  .max_page_size = 100,
};

static const TribEndpoint list_exportable_endpoint = {
  .service = NC_("platform service", "Flow Service"),
  .what = N_("a list of datasets"),
  .method = "GET",
  .path = FLOW_SERVICE_PATH "/connectionSpecs/" TRIB_DATASET_EXPORT_SOURCE_SPEC
          "/configs?outputType=activationDatasets&outputField=datasets",
  .idempotent = TRUE,
  .paging = &exportable_paging,
};

/**
 * trib_dataset_export_list_datasets:
 * @client: a #TribPlatformClient
 *
 * Lists the datasets of the client's current sandbox that can be
 * exported, a page at a time as a view scrolls. Only their ids and
 * names are known.
 *
 * Returns: (transfer full): a #TribPagedList of #TribDataset
 */
TribPagedList *
trib_dataset_export_list_datasets (TribPlatformClient *client)
{
  g_return_val_if_fail (TRIB_IS_PLATFORM_CLIENT (client), NULL);

  return trib_paged_list_new_for_call (client, trib_call_new (&list_exportable_endpoint, NULL));
}
