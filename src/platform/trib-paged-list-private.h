/* trib-paged-list-private.h
 *
 * How trib-paging.c makes a TribPagedList: pages fetched by a function.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "trib-paged-list.h"

G_BEGIN_DECLS

/**
 * TribPage:
 * @items: the page's items, all of the list's item type
 * @next_cursor: (nullable): what to ask for the next page with; %NULL on
 *   the last page
 *
 * One page of a list endpoint, as a page fetcher returns it.
 */
typedef struct
{
  GPtrArray *items;
  char *next_cursor;
} TribPage;

TribPage *trib_page_new  (GPtrArray *items,
                          char      *next_cursor);
void      trib_page_free (TribPage  *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TribPage, trib_page_free)

/**
 * TribPageFetchFunc:
 * @fetch_data: the data given to the list's constructor
 * @cursor: (nullable): %NULL for the first page, else the previous
 *   page's #TribPage.next_cursor
 * @cancellable: a #GCancellable
 * @callback: to call with a #GTask whose pointer result is a #TribPage
 * @user_data: data for @callback
 */
typedef void (*TribPageFetchFunc) (gpointer             fetch_data,
                                   const char          *cursor,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);

TribPagedList *trib_paged_list_new_by_cursor (GType              item_type,
                                              TribPageFetchFunc  fetch,
                                              gpointer           fetch_data,
                                              GDestroyNotify     fetch_data_destroy);
TribPagedList *trib_paged_list_new_by_offset (GType              item_type,
                                              guint              page_size,
                                              TribPageFetchFunc  fetch,
                                              gpointer           fetch_data,
                                              GDestroyNotify     fetch_data_destroy);
void           _trib_paged_list_read_all     (TribPagedList     *self);

G_END_DECLS
