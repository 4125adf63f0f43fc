/* trib-dataset-export.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-dataset.h"
#include "trib-paged-list.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/* Flow Service's Data Lake connection spec, the source of every dataset export. */
#define TRIB_DATASET_EXPORT_SOURCE_SPEC "23598e46-f560-407b-88d5-ea6207e49db0"

#define TRIB_DATASET_EXPORT_PAGE_SIZE 50

TribPagedList *trib_dataset_export_list_datasets (TribPlatformClient *client);

G_END_DECLS
