/* trib-explore-node.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "trib-explore-item.h"
#include "trib-platform-client.h"

G_BEGIN_DECLS

/**
 * TribExploreNodeKind:
 * @TRIB_EXPLORE_NODE_ITEM: a folder, file or table of the source
 * @TRIB_EXPLORE_NODE_LOADING: stands in a folder being listed
 * @TRIB_EXPLORE_NODE_EMPTY: stands in a folder that holds nothing
 * @TRIB_EXPLORE_NODE_ERROR: stands in a folder that could not be listed
 */
typedef enum
{
  TRIB_EXPLORE_NODE_ITEM,
  TRIB_EXPLORE_NODE_LOADING,
  TRIB_EXPLORE_NODE_EMPTY,
  TRIB_EXPLORE_NODE_ERROR,
} TribExploreNodeKind;

#define TRIB_TYPE_EXPLORE_NODE (trib_explore_node_get_type ())

G_DECLARE_FINAL_TYPE (TribExploreNode, trib_explore_node, TRIB, EXPLORE_NODE, GObject)

TribExploreNode     *trib_explore_node_new_root      (TribPlatformClient *client,
                                                      const char         *connection_id);
TribExploreNodeKind  trib_explore_node_get_kind      (TribExploreNode    *self);
TribExploreItem     *trib_explore_node_get_item      (TribExploreNode    *self);
TribExploreNode     *trib_explore_node_get_parent    (TribExploreNode    *self);
const char          *trib_explore_node_get_title     (TribExploreNode    *self);
const char          *trib_explore_node_get_icon_name (TribExploreNode    *self);
gboolean             trib_explore_node_is_folder     (TribExploreNode    *self);
gboolean             trib_explore_node_get_loading   (TribExploreNode    *self);
void                 trib_explore_node_reload        (TribExploreNode    *self);
void                 trib_explore_node_cancel        (TribExploreNode    *self);

G_END_DECLS
