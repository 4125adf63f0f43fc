/* trib-query-service-private.h
 *
 * What Query Service's call files share.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-query-service.h"

G_BEGIN_DECLS

#define TRIB_QUERY_SERVICE_PATH "/data/foundation/query"

void     _trib_query_service_add_query_def (JsonBuilder     *builder,
                                            const char      *name,
                                            const char      *database,
                                            const char      *sql,
                                            const char      *template_id,
                                            TribQueryOutput  output,
                                            const char      *dataset_name);
gboolean _trib_query_service_reply_ok      (GAsyncResult    *result,
                                            GError         **error);

G_END_DECLS
