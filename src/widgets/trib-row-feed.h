/* trib-row-feed.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "trib-result-model.h"

G_BEGIN_DECLS

#define TRIB_TYPE_ROW_FEED (trib_row_feed_get_type ())

G_DECLARE_FINAL_TYPE (TribRowFeed, trib_row_feed, TRIB, ROW_FEED, GObject)

TribRowFeed     *trib_row_feed_new       (GtkWidget       *grid);
void             trib_row_feed_set_model (TribRowFeed     *self,
                                          TribResultModel *model);
TribResultModel *trib_row_feed_get_model (TribRowFeed     *self);

G_END_DECLS
