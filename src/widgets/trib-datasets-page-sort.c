/* trib-datasets-page-sort.c
 *
 * The datasets list's order and filters. With 50,000 datasets the list
 * is read a page at a time, so nothing here sorts or filters rows: each
 * change reads the list again with the Catalog's orderBy and property
 * conditions (trib_catalog_query_datasets()). A click on a column's
 * header and the Sort and Filter menu (keyboard reachable, its items
 * the page's property actions) set the same state.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-datasets-page"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-datasets-page-private.h"

enum {
  PROP_0,
  PROP_SORT_COLUMN,
  PROP_SORT_DESCENDING,
  PROP_BATCH_STATUS,
  PROP_SCHEMA_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The actions' targets, in TribDatasetsColumn order. */
static const char * const column_keys[] = { "name", "schema", "table", "created", "last-batch" };

/* In TribDatasetStatus order. */
static const char * const status_keys[] = { "any", "success", "failed", "processing", "none" };

static int
key_index (const char * const *keys,
           guint               n_keys,
           const char         *key)
{
  for (guint i = 0; key != NULL && i < n_keys; i++)
    if (g_str_equal (keys[i], key))
      return i;

  return -1;
}

/* The Table column sorts by name: the table is a tag, which the Catalog
 * does not sort by, and Query Service makes it from the name, so the two
 * orders agree.
 */
static TribDatasetSort
catalog_sort (TribDatasetsColumn column)
{
  switch (column)
    {
    case TRIB_DATASETS_COLUMN_SCHEMA:
      return TRIB_DATASET_SORT_SCHEMA;
    case TRIB_DATASETS_COLUMN_CREATED:
      return TRIB_DATASET_SORT_CREATED;
    case TRIB_DATASETS_COLUMN_LAST_BATCH:
      return TRIB_DATASET_SORT_LAST_BATCH;
    case TRIB_DATASETS_COLUMN_NAME:
    case TRIB_DATASETS_COLUMN_TABLE:
    case TRIB_DATASETS_N_COLUMNS:
    default:
      return TRIB_DATASET_SORT_NAME;
    }
}

/* The header's arrow follows the state, whoever changed it. */
static void
sync_headers (TribDatasetsPage *self)
{
  self->syncing_headers = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->columns[self->sort_column],
                                  self->descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  self->syncing_headers = FALSE;
}

static void
set_sort (TribDatasetsPage   *self,
          TribDatasetsColumn  column,
          gboolean            descending,
          gboolean            from_header)
{
  gboolean column_changed = column != self->sort_column;
  gboolean order_changed = descending != self->descending;

  if (!column_changed && !order_changed)
    return;

  self->sort_column = column;
  self->descending = descending;
  if (!from_header)
    sync_headers (self);
  if (column_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_COLUMN]);
  if (order_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);

  _trib_datasets_page_reload_list (self);
}

/* Which column's sorter the column view asked first, and which way. */
static TribDatasetsColumn probed_column;
static gboolean probed;

static int
probe_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  probed_column = GPOINTER_TO_UINT (user_data);
  probed = TRUE;

  return GTK_ORDERING_SMALLER;
}

/* GTK 4.8's column view does not say which column it sorts by (4.10
 * does): its sorter is asked to compare two items, and each column's
 * sorter, asked first, records itself and says "smaller", which the view
 * turns into "larger" when the order is descending.
 */
static void
header_sorter_changed_cb (TribDatasetsPage *self,
                          GtkSorterChange   change,
                          GtkSorter        *sorter)
{
  g_autoptr(GObject) a = NULL;
  g_autoptr(GObject) b = NULL;
  GtkOrdering ordering;

  if (self->syncing_headers)
    return;

  a = g_object_new (G_TYPE_OBJECT, NULL);
  b = g_object_new (G_TYPE_OBJECT, NULL);
  probed = FALSE;
  ordering = gtk_sorter_compare (sorter, a, b);
  /* A hidden column is left out of the view's sorter: a narrow window
   * keeps its order.
   */
  if (!probed && !gtk_column_view_column_get_visible (self->columns[self->sort_column]))
    return;
  if (!probed)
    {
      /* Clicked off: back to the Catalog's own order, by name. */
      set_sort (self, TRIB_DATASETS_COLUMN_NAME, FALSE, FALSE);
      return;
    }

  set_sort (self, probed_column, ordering == GTK_ORDERING_LARGER, TRUE);
}

static int
compare_titles (gconstpointer a,
                gconstpointer b,
                gpointer      titles)
{
  const char *x = g_hash_table_lookup (titles, *(const char **) a);
  const char *y = g_hash_table_lookup (titles, *(const char **) b);

  return g_utf8_collate (x != NULL ? x : "", y != NULL ? y : "");
}

static gboolean
rebuild_schema_menu_idle (gpointer data)
{
  TribDatasetsPage *self = data;
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  g_autoptr(GMenuItem) any = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();

  self->schema_menu_idle = 0;

  g_hash_table_iter_init (&iter, self->schema_titles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (ids, key);

  /* By title, as the Schemas page lists them. */
  g_ptr_array_sort_with_data (ids, compare_titles, self->schema_titles);

  any = g_menu_item_new (_("Any Schema"), NULL);
  g_menu_item_set_action_and_target_value (any, "datasets.schema", g_variant_new_string (""));
  g_menu_append_item (menu, any);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      const char *title = g_hash_table_lookup (self->schema_titles, id);
      g_autoptr(GMenuItem) item = g_menu_item_new (title != NULL ? title : id, NULL);

      g_menu_item_set_action_and_target_value (item, "datasets.schema", g_variant_new_string (id));
      g_menu_append_item (menu, item);
    }

  g_menu_remove_all (self->schema_menu);
  g_menu_append_section (self->schema_menu, NULL, G_MENU_MODEL (menu));

  return G_SOURCE_REMOVE;
}

/**
 * _trib_datasets_page_schemas_changed:
 * @self: a #TribDatasetsPage
 *
 * The registry's schemas arrive a page at a time: the schema filter's
 * choices are made again once they stop arriving.
 */
void
_trib_datasets_page_schemas_changed (TribDatasetsPage *self)
{
  if (self->schema_menu_idle == 0)
    self->schema_menu_idle = g_idle_add_full (G_PRIORITY_LOW, rebuild_schema_menu_idle, self, NULL);
}

static void
update_filter_button (TribDatasetsPage *self)
{
  if (_trib_datasets_page_get_filtered (self))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

static void
trib_datasets_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SORT_COLUMN:
      g_value_set_string (value, column_keys[self->sort_column]);
      break;

    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;

    case PROP_BATCH_STATUS:
      g_value_set_string (value, status_keys[self->status]);
      break;

    case PROP_SCHEMA_FILTER:
      g_value_set_string (value, self->schema_id != NULL ? self->schema_id : "");
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_datasets_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TribDatasetsPage *self = TRIB_DATASETS_PAGE (object);
  const char *text;
  int index;

  switch (prop_id)
    {
    case PROP_SORT_COLUMN:
      if ((index = key_index (column_keys, G_N_ELEMENTS (column_keys), g_value_get_string (value))) >= 0)
        set_sort (self, index, self->descending, FALSE);
      break;

    case PROP_SORT_DESCENDING:
      set_sort (self, self->sort_column, g_value_get_boolean (value), FALSE);
      break;

    case PROP_BATCH_STATUS:
      index = key_index (status_keys, G_N_ELEMENTS (status_keys), g_value_get_string (value));
      if (index >= 0 && (TribDatasetStatus) index != self->status)
        {
          self->status = index;
          g_object_notify_by_pspec (object, pspec);
          update_filter_button (self);
          _trib_datasets_page_reload_list (self);
        }
      break;

    case PROP_SCHEMA_FILTER:
      text = g_value_get_string (value);
      if (text != NULL && text[0] == '\0')
        text = NULL;
      if (g_strcmp0 (text, self->schema_id) != 0)
        {
          g_free (self->schema_id);
          self->schema_id = g_strdup (text);
          g_object_notify_by_pspec (object, pspec);
          update_filter_button (self);
          _trib_datasets_page_reload_list (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

void
_trib_datasets_page_class_init_sort (GtkWidgetClass *widget_class)
{
  GObjectClass *object_class = G_OBJECT_CLASS (widget_class);

  object_class->get_property = trib_datasets_page_get_property;
  object_class->set_property = trib_datasets_page_set_property;

  /**
   * TribDatasetsPage:sort-column:
   *
   * The column the list is sorted by: `name`, `schema`, `table`,
   * `created` or `last-batch`.
   */
  properties[PROP_SORT_COLUMN] =
    g_param_spec_string ("sort-column", NULL, NULL, "name",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TribDatasetsPage:sort-descending:
   *
   * Whether the list is sorted from the last value to the first.
   */
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TribDatasetsPage:batch-status:
   *
   * The last batch's status the list shows: `any`, `success`, `failed`,
   * `processing` or `none` (no batch yet).
   */
  properties[PROP_BATCH_STATUS] =
    g_param_spec_string ("batch-status", NULL, NULL, "any",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * TribDatasetsPage:schema-filter:
   *
   * The `$id` of the schema whose datasets the list shows, or "" for all.
   */
  properties[PROP_SCHEMA_FILTER] =
    g_param_spec_string ("schema-filter", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_property_action (widget_class, "datasets.sort-by", "sort-column");
  gtk_widget_class_install_property_action (widget_class, "datasets.sort-descending", "sort-descending");
  gtk_widget_class_install_property_action (widget_class, "datasets.batch-status", "batch-status");
  gtk_widget_class_install_property_action (widget_class, "datasets.schema", "schema-filter");
}

static GMenuModel *
build_menu (TribDatasetsPage *self)
{
  static const struct { const char *key; const char *label; } sorts[] = {
    { "name", N_("_Name") },
    { "schema", N_("_Schema") },
    { "table", N_("_Table") },
    { "created", N_("_Created") },
    { "last-batch", N_("_Last Batch") },
  };
  static const struct { const char *key; const char *label; } statuses[] = {
    { "any", N_("_Any Status") },
    { "success", N_("S_uccess") },
    { "failed", N_("_Failed") },
    { "processing", N_("_Processing") },
    { "none", N_("No _Batches") },
  };
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) status = g_menu_new ();
  g_autoptr(GMenu) schema = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(sorts[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "datasets.sort-by", g_variant_new_string (sorts[i].key));
      g_menu_append_item (sort, item);
    }
  g_menu_append (order, _("_Descending"), "datasets.sort-descending");
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(statuses[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, "datasets.batch-status",
                                               g_variant_new_string (statuses[i].key));
      g_menu_append_item (status, item);
    }

  /* Translators: the section of the datasets' sort menu that chooses the column */
  g_menu_append_section (menu, _("Sort By"), G_MENU_MODEL (sort));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));
  /* Translators: the section of the datasets' filter menu on the status of each dataset's last batch */
  g_menu_append_section (menu, _("Last Batch"), G_MENU_MODEL (status));
  g_menu_append_submenu (schema, _("Sche_ma"), G_MENU_MODEL (self->schema_menu));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (schema));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

void
_trib_datasets_page_init_sort (TribDatasetsPage *self)
{
  g_autoptr(GMenuModel) menu = NULL;
  GtkSorter *sorter;

  for (guint i = 0; i < TRIB_DATASETS_N_COLUMNS; i++)
    {
      g_autoptr(GtkSorter) column_sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare, GUINT_TO_POINTER (i),
                                                                              NULL));

      gtk_column_view_column_set_sorter (self->columns[i], column_sorter);
    }
  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (header_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  sync_headers (self);

  self->schema_menu = g_menu_new ();
  menu = build_menu (self);
  gtk_menu_button_set_menu_model (self->filter_button, menu);
  _trib_datasets_page_schemas_changed (self);
}

void
_trib_datasets_page_dispose_sort (TribDatasetsPage *self)
{
  g_clear_handle_id (&self->schema_menu_idle, g_source_remove);
  g_clear_object (&self->schema_menu);
  g_clear_pointer (&self->schema_id, g_free);
}

/**
 * _trib_datasets_page_fill_query:
 * @self: a #TribDatasetsPage
 * @query: the query to fill, its search left as it is
 */
void
_trib_datasets_page_fill_query (TribDatasetsPage *self,
                                TribDatasetQuery *query)
{
  query->sort = catalog_sort (self->sort_column);
  query->descending = self->descending;
  query->status = self->status;
  query->schema_id = self->schema_id;
}

/**
 * _trib_datasets_page_get_filtered:
 * @self: a #TribDatasetsPage
 *
 * Returns: whether a filter hides some datasets
 */
gboolean
_trib_datasets_page_get_filtered (TribDatasetsPage *self)
{
  return self->status != TRIB_DATASET_STATUS_ANY || self->schema_id != NULL;
}
