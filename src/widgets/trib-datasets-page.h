/* trib-datasets-page.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "trib-dataset.h"
#include "trib-session-page.h"

G_BEGIN_DECLS

#define TRIB_TYPE_DATASETS_PAGE (trib_datasets_page_get_type ())

G_DECLARE_FINAL_TYPE (TribDatasetsPage, trib_datasets_page, TRIB, DATASETS_PAGE, TribSessionPage)

void         trib_datasets_page_reload        (TribDatasetsPage *self);
void         trib_datasets_page_set_compact   (TribDatasetsPage *self,
                                               gboolean          compact);
GListModel  *trib_datasets_page_get_list      (TribDatasetsPage *self);
TribDataset *trib_datasets_page_get_dataset   (TribDatasetsPage *self);
guint        trib_datasets_page_get_n_batches (TribDatasetsPage *self);
void         trib_datasets_page_show_dataset  (TribDatasetsPage *self,
                                               const char       *dataset_id);

G_END_DECLS
