/* trib-paged-list.c
 *
 * A GListModel over a list endpoint that is read a page at a time, when
 * a view first asks for an item near the end of what has arrived: the
 * first page is one round trip, and 50,000 datasets cost nothing until
 * someone scrolls to them. Someone who does goes through them in a few
 * seconds: the pages asked for ahead grow each time the view catches up,
 * and a list paged by offset has several of them on their way at once.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-paged-list"

#include "config.h"

#include "trib-paged-list-private.h"

/* How close to the end a view may look before more is asked for: about
 * two screens of rows.
 */
#define PREFETCH_ITEMS 60

/* Each time a view comes near the end again, it is given twice as many
 * pages ahead as the last time, up to this many past the last item it
 * asked for: a reader going through the whole list (a scroll bar dragged
 * to the bottom) soon costs a frame per few thousand rows rather than per
 * page, and one who stops costs at most this many pages more than what
 * was seen.
 */
#define MAX_AHEAD_PAGES 64

/* While a view is at the end of what is shown, pages keep coming without
 * waiting for it to ask again, which it only does in a frame after a
 * change; once this many have come since, they are shown whatever the
 * interval below, so that the view asks for more while the last pages
 * it was given are still on their way, and the requests never stop.
 */
#define SHOW_AHEAD_PAGES (MAX_AHEAD_PAGES / 2)

/* While more pages are on their way, those that came are shown together
 * at most this often: each change of the list costs a view a frame (all
 * of the window drawn again, rows made for where it scrolled), during
 * which no reply is read; 500 pages are not 500 frames.
 */
#define SHOW_INTERVAL_MS 250

/* Where a change costs more than a quarter of that (software rendering,
 * a loaded machine), changes are spaced to take at most a fifth of the
 * main loop's time, up to this.
 */
#define MAX_SHOW_INTERVAL_MS 2000

/* Requests on their way at once, when the next page's cursor is known
 * before the previous page's reply (paging by offset).
 */
#define MAX_IN_FLIGHT 4

typedef struct
{
  TribPagedList *list;        /* owned while the request is on its way */
  GCancellable *cancellable;
  char *cursor;
  char *expected_next;        /* offset paging: the cursor asked for after this one */
  TribPage *page;
  GError *error;
  gboolean done;
  gboolean dropped;           /* no longer wanted: the reply is thrown away */
} Request;

struct _TribPagedList
{
  GObject parent_instance;

  GType item_type;
  GPtrArray *items;
  GPtrArray *held;            /* came, in order, not yet shown */
  gint64 last_shown;
  gint64 show_cost;           /* from the last change to the main loop idle again */
  guint show_source;
  guint cost_source;
  TribPageFetchFunc fetch;
  gpointer fetch_data;
  GDestroyNotify fetch_data_destroy;

  GQueue requests;            /* of Request, in page order */
  char *next_cursor;          /* of the first page not yet inserted */
  GError *error;
  guint page_size;            /* by offset; else the largest page seen */
  guint wanted;               /* items asked for, loaded or not */
  guint seen;                 /* items up to the last a view asked for */
  guint ahead_pages;
  guint n_requests;
  guint load_source;
  guint by_offset : 1;
  guint read_all : 1;         /* every page, one at a time */
  guint end_shown : 1;        /* a view was at the end when more were shown */
  guint loading : 1;
  guint complete : 1;
};

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_LOADING,
  PROP_COMPLETE,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribPagedList, trib_paged_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/**
 * trib_page_new:
 * @items: (transfer full): the items
 * @next_cursor: (transfer full) (nullable): the next page's cursor
 */
TribPage *
trib_page_new (GPtrArray *items,
               char      *next_cursor)
{
  TribPage *page = g_new0 (TribPage, 1);

  page->items = items;
  page->next_cursor = next_cursor;

  return page;
}

void
trib_page_free (TribPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_free (page->next_cursor);
  g_free (page);
}

static void
request_free (Request *request)
{
  g_clear_object (&request->list);
  g_clear_object (&request->cancellable);
  g_free (request->cursor);
  g_free (request->expected_next);
  g_clear_pointer (&request->page, trib_page_free);
  g_clear_error (&request->error);
  g_free (request);
}

static void pump (TribPagedList *self);

static guint
n_arrived (TribPagedList *self)
{
  return self->items->len + self->held->len;
}

/* Whether a view has asked for an item near the end of those shown, or
 * had when they were last added to: until its next frame, it has not
 * asked for the new ones.
 */
static gboolean
at_end (TribPagedList *self)
{
  return self->seen > 0 && (self->seen + PREFETCH_ITEMS >= self->items->len || self->end_shown) &&
         !self->complete && self->error == NULL;
}

static void
want_more (TribPagedList *self)
{
  guint page_size = MAX (self->page_size, 1);
  guint limit = self->seen + MAX_AHEAD_PAGES * page_size;

  self->wanted = MAX (self->wanted, MIN (n_arrived (self) + self->ahead_pages * page_size, limit));
  self->ahead_pages = MIN (self->ahead_pages * 2, MAX_AHEAD_PAGES);
}

static gboolean
pump_idle_cb (gpointer user_data)
{
  TribPagedList *self = user_data;

  self->load_source = 0;
  pump (self);

  return G_SOURCE_REMOVE;
}

static GType
trib_paged_list_get_item_type (GListModel *model)
{
  return TRIB_PAGED_LIST (model)->item_type;
}

static guint
trib_paged_list_get_n_items (GListModel *model)
{
  return TRIB_PAGED_LIST (model)->items->len;
}

static gpointer
trib_paged_list_get_item (GListModel *model,
                          guint       position)
{
  TribPagedList *self = TRIB_PAGED_LIST (model);

  if (position >= self->items->len)
    return NULL;

  /* Near the end, with all that was asked for arrived: ask for more, and
   * more than last time (while pages are coming, each that comes asks for
   * more). Not from here directly: a view asking for an item is no place
   * to change notify the model's properties under it.
   */
  self->seen = MAX (self->seen, position + 1);
  if (at_end (self) && self->wanted <= n_arrived (self))
    {
      want_more (self);
      if (self->load_source == 0)
        self->load_source = g_idle_add (pump_idle_cb, self);
    }

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_paged_list_get_item_type;
  iface->get_n_items = trib_paged_list_get_n_items;
  iface->get_item = trib_paged_list_get_item;
}

/* Drops the requests on their way: their replies, when they come, are
 * thrown away.
 */
static void
drop_requests (TribPagedList *self)
{
  Request *request;

  while ((request = g_queue_pop_head (&self->requests)))
    {
      if (request->done)
        {
          request_free (request);
          continue;
        }
      request->dropped = TRUE;
      g_cancellable_cancel (request->cancellable);
    }
}

static void
trib_paged_list_dispose (GObject *object)
{
  TribPagedList *self = (TribPagedList *) object;

  drop_requests (self);
  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->show_source, g_source_remove);
  g_clear_handle_id (&self->cost_source, g_source_remove);

  G_OBJECT_CLASS (trib_paged_list_parent_class)->dispose (object);
}

static void
trib_paged_list_finalize (GObject *object)
{
  TribPagedList *self = (TribPagedList *) object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->held, g_ptr_array_unref);
  g_clear_pointer (&self->next_cursor, g_free);
  g_clear_error (&self->error);
  if (self->fetch_data_destroy != NULL)
    g_clear_pointer (&self->fetch_data, self->fetch_data_destroy);

  G_OBJECT_CLASS (trib_paged_list_parent_class)->finalize (object);
}

static void
trib_paged_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TribPagedList *self = TRIB_PAGED_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_paged_list_class_init (TribPagedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = trib_paged_list_dispose;
  object_class->finalize = trib_paged_list_finalize;
  object_class->get_property = trib_paged_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_paged_list_init (TribPagedList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->requests);
  self->ahead_pages = 1;
}

static TribPagedList *
paged_list_new (GType             item_type,
                guint             page_size,
                TribPageFetchFunc fetch,
                gpointer          fetch_data,
                GDestroyNotify    fetch_data_destroy)
{
  TribPagedList *self = g_object_new (TRIB_TYPE_PAGED_LIST, NULL);

  self->item_type = item_type;
  self->by_offset = page_size > 0;
  self->page_size = page_size;
  self->fetch = fetch;
  self->fetch_data = fetch_data;
  self->fetch_data_destroy = fetch_data_destroy;

  trib_paged_list_load_more (self);

  return self;
}

/**
 * trib_paged_list_new_by_cursor:
 * @item_type: the #GType of the items, a #GObject type
 * @fetch: fetches one page
 * @fetch_data: data for @fetch
 * @fetch_data_destroy: (nullable): frees @fetch_data
 *
 * A list whose pages are read one after the other, each page's cursor
 * coming with the reply before it.
 *
 * Returns: (transfer full): a list that is already fetching its first page
 */
TribPagedList *
trib_paged_list_new_by_cursor (GType             item_type,
                               TribPageFetchFunc fetch,
                               gpointer          fetch_data,
                               GDestroyNotify    fetch_data_destroy)
{
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (fetch != NULL, NULL);

  return paged_list_new (item_type, 0, fetch, fetch_data, fetch_data_destroy);
}

/**
 * trib_paged_list_new_by_offset:
 * @item_type: the #GType of the items, a #GObject type
 * @page_size: the items of a full page
 * @fetch: fetches one page
 * @fetch_data: data for @fetch
 * @fetch_data_destroy: (nullable): frees @fetch_data
 *
 * A list paged by offset: the cursor of a page is its first item's
 * offset in decimal (%NULL for 0), and a full page's #TribPage.next_cursor
 * is the offset after it. Knowing the next pages' cursors before the
 * replies, the list has several pages on their way at once; a reply
 * whose next cursor is not the one expected has the pages asked for
 * after it dropped and asked for again from that cursor.
 *
 * Returns: (transfer full): a list that is already fetching its first page
 */
TribPagedList *
trib_paged_list_new_by_offset (GType             item_type,
                               guint             page_size,
                               TribPageFetchFunc fetch,
                               gpointer          fetch_data,
                               GDestroyNotify    fetch_data_destroy)
{
  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (page_size > 0, NULL);
  g_return_val_if_fail (fetch != NULL, NULL);

  return paged_list_new (item_type, page_size, fetch, fetch_data, fetch_data_destroy);
}

static void
set_loading (TribPagedList *self,
             gboolean       loading)
{
  if (self->loading == !!loading)
    return;

  self->loading = !!loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_complete (TribPagedList *self)
{
  self->complete = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

/* Inserts the page, returning how many items it added. */
static guint
insert_page (TribPagedList *self,
             TribPage      *page)
{
  guint added = 0;

  for (guint i = 0; i < page->items->len; i++)
    {
      GObject *item = g_ptr_array_index (page->items, i);

      if (!G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type))
        {
          g_critical ("A page of %s held a %s", g_type_name (self->item_type), G_OBJECT_TYPE_NAME (item));
          continue;
        }
      g_ptr_array_add (self->held, g_object_ref (item));
      added++;
    }

  if (!self->by_offset)
    self->page_size = MAX (self->page_size, added);

  return added;
}

/* Runs once the main loop has nothing more urgent, the frame that drew
 * the change included when frames come back to back.
 */
static gboolean
show_cost_cb (gpointer user_data)
{
  TribPagedList *self = user_data;

  self->cost_source = 0;
  self->show_cost = g_get_monotonic_time () - self->last_shown;

  return G_SOURCE_REMOVE;
}

static void
show_held (TribPagedList *self)
{
  guint position = self->items->len;
  guint added = self->held->len;

  g_clear_handle_id (&self->show_source, g_source_remove);
  self->last_shown = g_get_monotonic_time ();
  if (added == 0)
    return;

  self->end_shown = self->seen > 0 && self->seen + PREFETCH_ITEMS >= self->items->len;

  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&self->held));
  self->held = g_ptr_array_new_with_free_func (g_object_unref);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  if (self->cost_source == 0)
    self->cost_source = g_idle_add_full (G_PRIORITY_LOW, show_cost_cb, self, NULL);
}

static gboolean
show_held_cb (gpointer user_data)
{
  TribPagedList *self = user_data;

  self->show_source = 0;
  show_held (self);

  return G_SOURCE_REMOVE;
}

/* Takes the pages that have come, in order: a page that came before the
 * one ahead of it waits for it.
 */
static void
insert_arrived (TribPagedList *self)
{
  guint arrived = n_arrived (self);
  gint64 since_shown;
  gint64 interval;
  Request *request;

  while ((request = g_queue_peek_head (&self->requests)) && request->done)
    {
      g_autofree char *expected_next = NULL;
      gboolean same_cursor;
      guint added;

      g_queue_pop_head (&self->requests);

      /* The next pages would be refused as this one was: they wait for a
       * retry to ask for them again from this page on.
       */
      if (request->error != NULL)
        {
          self->error = g_steal_pointer (&request->error);
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
          request_free (request);
          drop_requests (self);
          break;
        }

      added = insert_page (self, request->page);
      expected_next = g_steal_pointer (&request->expected_next);
      g_free (self->next_cursor);
      self->next_cursor = g_steal_pointer (&request->page->next_cursor);
      same_cursor = g_strcmp0 (self->next_cursor, request->cursor) == 0;
      request_free (request);

      /* An empty page that still promises more, or a page whose next is
       * itself, would have us ask forever.
       */
      if (self->next_cursor == NULL || added == 0 || same_cursor)
        {
          drop_requests (self);
          set_complete (self);
          break;
        }

      /* Not where the pages asked for after it start: they would repeat
       * or skip items.
       */
      if (self->by_offset && g_strcmp0 (self->next_cursor, expected_next) != 0)
        drop_requests (self);
    }

  /* A view at the end would ask for more at its next frame: ask now, so
   * that pages keep coming meanwhile. Before deciding whether anything is
   * still on its way: pages whose replies were read out of order (each
   * on a thread) leave none, once the first of them is in, until the
   * next ones are asked for.
   */
  if (n_arrived (self) > arrived && at_end (self))
    want_more (self);
  pump (self);

  /* A view at the end moves to the new items when they are shown, and
   * makes its rows again there: that frame costs far more than one that
   * adds rows below those seen, and while replies keep coming the main
   * loop is never idle for the cost to be measured. Pages then go in by
   * SHOW_AHEAD_PAGES, or after the longest interval.
   */
  if (at_end (self))
    interval = MAX_SHOW_INTERVAL_MS;
  else
    interval = CLAMP (5 * self->show_cost / 1000, SHOW_INTERVAL_MS, MAX_SHOW_INTERVAL_MS);
  since_shown = (g_get_monotonic_time () - self->last_shown) / 1000;
  if (self->requests.length == 0 || self->items->len == 0 || since_shown >= interval ||
      (at_end (self) && self->held->len >= SHOW_AHEAD_PAGES * MAX (self->page_size, 1)))
    show_held (self);
  else if (self->held->len > 0 && self->show_source == 0)
    self->show_source = g_timeout_add (interval - since_shown, show_held_cb, self);
}

static void
page_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *request = user_data;
  TribPagedList *self;

  if (request->dropped)
    {
      request_free (request);
      return;
    }

  self = g_object_ref (request->list);
  request->done = TRUE;
  request->page = g_task_propagate_pointer (G_TASK (result), &request->error);
  g_assert (request->page != NULL || request->error != NULL);

  g_object_freeze_notify (G_OBJECT (self));
  insert_arrived (self);
  /* Again: a view at the end, given the new items, asked for more. */
  pump (self);
  set_loading (self, self->requests.length > 0);
  g_object_thaw_notify (G_OBJECT (self));
  g_object_unref (self);
}

static guint64
cursor_offset (const char *cursor)
{
  guint64 offset = 0;

  if (cursor != NULL)
    g_ascii_string_to_unsigned (cursor, 10, 0, G_MAXUINT, &offset, NULL);

  return offset;
}

/* Asks for pages until what was asked for is on its way. */
static void
pump (TribPagedList *self)
{
  while (!self->complete && self->error == NULL)
    {
      Request *last = g_queue_peek_tail (&self->requests);
      guint n_in_flight = self->requests.length;
      Request *request;

      if (n_in_flight >= (self->by_offset && !self->read_all ? MAX_IN_FLIGHT : 1) ||
          n_arrived (self) + n_in_flight * MAX (self->page_size, 1) >= self->wanted)
        break;

      request = g_new0 (Request, 1);
      request->list = g_object_ref (self);
      request->cancellable = g_cancellable_new ();
      request->cursor = g_strdup (last != NULL ? last->expected_next : self->next_cursor);
      if (self->by_offset)
        request->expected_next = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                                  cursor_offset (request->cursor) + self->page_size);
      g_queue_push_tail (&self->requests, request);

      self->n_requests++;
      self->fetch (self->fetch_data, request->cursor, request->cancellable, page_cb, request);
    }

  set_loading (self, self->requests.length > 0);
}

/* Reads every page, one after the other: for the short lists that are
 * read whole, where pages asked for ahead would go past the end.
 */
void
_trib_paged_list_read_all (TribPagedList *self)
{
  g_return_if_fail (TRIB_IS_PAGED_LIST (self));

  self->read_all = TRUE;
  trib_paged_list_load_more (self);
  self->wanted = G_MAXUINT;
  pump (self);
}

/**
 * trib_paged_list_load_more:
 * @self: a #TribPagedList
 *
 * Fetches the next page, unless one is on its way or the list is
 * complete. After an error, this is how to try again: from the page that
 * failed, and on to the pages that were wanted after it.
 */
void
trib_paged_list_load_more (TribPagedList *self)
{
  g_return_if_fail (TRIB_IS_PAGED_LIST (self));

  if (self->complete || self->requests.length > 0)
    return;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  self->wanted = MAX (self->wanted, n_arrived (self) + 1);
  pump (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * trib_paged_list_cancel:
 * @self: a #TribPagedList
 *
 * Stops fetching the pages on their way, as when the list is replaced.
 */
void
trib_paged_list_cancel (TribPagedList *self)
{
  g_return_if_fail (TRIB_IS_PAGED_LIST (self));

  drop_requests (self);
  g_clear_handle_id (&self->load_source, g_source_remove);
  show_held (self);
  self->wanted = self->items->len;
  set_loading (self, FALSE);
}

gboolean
trib_paged_list_get_loading (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), FALSE);

  return self->loading;
}

gboolean
trib_paged_list_get_complete (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), FALSE);

  return self->complete;
}

/**
 * trib_paged_list_get_error:
 * @self: a #TribPagedList
 *
 * Returns: (nullable): why the last page could not be fetched
 */
const GError *
trib_paged_list_get_error (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), NULL);

  return self->error;
}

/**
 * trib_paged_list_get_n_requests:
 * @self: a #TribPagedList
 *
 * Returns: how many pages have been asked for, those dropped included
 */
guint
trib_paged_list_get_n_requests (TribPagedList *self)
{
  g_return_val_if_fail (TRIB_IS_PAGED_LIST (self), 0);

  return self->n_requests;
}
