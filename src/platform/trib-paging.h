/* trib-paging.h
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-call.h"

G_BEGIN_DECLS

/**
 * TribPagingStyle:
 * @TRIB_PAGING_LIMIT_OFFSET: `limit` and `offset`; a full page is
 *   followed by another while the reply's `_links` has a `next`
 *   (Sandbox Management)
 * @TRIB_PAGING_START_LIMIT: `limit` and `start` (an offset); a full
 *   page may have a next one (Catalog, Data Prep)
 * @TRIB_PAGING_HAS_NEXT: `start` (an offset) and `limit`; another page
 *   while `pageInfo.hasNext` (Flow Service's export configs)
 * @TRIB_PAGING_START_CURSOR: `limit`, then `start` set to the reply's
 *   `_page.next`, a sort value (Schema Registry)
 * @TRIB_PAGING_NEXT_LINK: `limit`, then the reply's absolute
 *   `_links.next.href`, which must name the platform's own server
 *   (Query Service, whose `_page.next` is a timestamp)
 * @TRIB_PAGING_CONTINUATION: `limit`, then the reply's
 *   `_links.next.href`, relative to #TribPaging.link_base and carrying
 *   a `continuationToken` (Flow Service)
 *
 * How a list endpoint is read a page at a time. The first three know
 * the next page's place before its reply, and have several pages on
 * their way at once.
 */
typedef enum
{
  TRIB_PAGING_LIMIT_OFFSET,
  TRIB_PAGING_START_LIMIT,
  TRIB_PAGING_HAS_NEXT,
  TRIB_PAGING_START_CURSOR,
  TRIB_PAGING_NEXT_LINK,
  TRIB_PAGING_CONTINUATION,
} TribPagingStyle;

/**
 * TribItemParseFunc:
 * @item: one item of the page
 * @key: (nullable): the id it is filed under, for lists that file items
 *   under their ids (#TribPaging.items %NULL)
 * @call: the page's call, for trib_call_get_data()
 * @error: a location for a #GError
 *
 * Runs on a worker thread when the page is large, as #TribReplyParseFunc.
 *
 * Returns: (transfer full) (nullable): the item, of #TribPaging.item_type;
 *   %NULL without @error set when @item is not one
 */
typedef gpointer (*TribItemParseFunc) (JsonObject  *item,
                                       const char  *key,
                                       TribCall    *call,
                                       GError     **error);

/**
 * TribPaging:
 * @style: how pages are asked for and followed
 * @item_type: the items' #GType, a #GObject type
 * @items: (nullable): the reply's member holding the page's items, an
 *   array; %NULL for a reply that files each item under its id (Catalog)
 * @parse_item: makes an item
 * @page_size: items asked for per page, unless trib_call_set_page_size()
 *   says otherwise
 * @max_page_size: the service's largest page
 * @link_base: for %TRIB_PAGING_CONTINUATION, the service's path that a
 *   relative next link is below, such as `/data/foundation/flowservice`
 *
 * What a list endpoint's #TribEndpoint.paging points to: with it, the
 * endpoint's reply is parsed into pages, and trib_paged_list_new_for_call()
 * reads it as a #TribPagedList.
 */
struct _TribPaging
{
  TribPagingStyle style;
  GType (*item_type) (void);
  const char *items;
  TribItemParseFunc parse_item;
  guint page_size;
  guint max_page_size;
  const char *link_base;
};

G_END_DECLS
