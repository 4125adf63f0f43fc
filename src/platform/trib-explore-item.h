/* trib-explore-item.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * TribExploreItemType:
 * @TRIB_EXPLORE_ITEM_FOLDER: a folder of a file system (or a bucket)
 * @TRIB_EXPLORE_ITEM_FILE: a file
 * @TRIB_EXPLORE_ITEM_TABLE: a table of a database or a protocol source
 *
 * What a source holds, as Flow Service's explore lists it.
 */
typedef enum
{
  TRIB_EXPLORE_ITEM_FOLDER,
  TRIB_EXPLORE_ITEM_FILE,
  TRIB_EXPLORE_ITEM_TABLE,
} TribExploreItemType;

#define TRIB_TYPE_EXPLORE_ITEM (trib_explore_item_get_type ())

G_DECLARE_FINAL_TYPE (TribExploreItem, trib_explore_item, TRIB, EXPLORE_ITEM, GObject)

TribExploreItem     *trib_explore_item_new               (const char      *type,
                                                          const char      *name,
                                                          const char      *path,
                                                          int              can_preview,
                                                          int              can_fetch_schema);
gboolean             trib_explore_item_type_from_string  (const char          *type,
                                                          TribExploreItemType *item_type);
TribExploreItemType  trib_explore_item_get_item_type     (TribExploreItem *self);
const char          *trib_explore_item_get_name          (TribExploreItem *self);
const char          *trib_explore_item_get_path          (TribExploreItem *self);
gboolean             trib_explore_item_get_can_preview   (TribExploreItem *self);
gboolean             trib_explore_item_get_can_fetch_schema (TribExploreItem *self);

G_END_DECLS
