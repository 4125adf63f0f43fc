/* trib-explore-view.c
 *
 * What one source holds, browsed as a tree, and the preview of the file
 * or table chosen in it, in the query page's grid. Each view has its own
 * account, tree, selection and file options, so several can be open at
 * once; the selected object's path, type and options are properties,
 * where the dataflow wizard picks them up. Its actions (Refresh,
 * Create Dataflow…) are in trib-explore-view-actions.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-explore-view"

#include "config.h"

#include <glib/gi18n.h>

#include "trib-a11y.h"
#include "trib-explore-node.h"
#include "trib-explore-view-private.h"
#include "trib-flow-service.h"
#include "trib-connection.h"
#include "trib-list-cell.h"
#include "trib-platform-enums.h"
#include "trib-platform-error.h"
#include "trib-toast.h"
#include "trib-tooltip-bin.h"


enum {
  PROP_0,
  PROP_CONNECTION_ID,
  PROP_SELECTED_PATH,
  PROP_SELECTED_TYPE,
  PROP_FILE_TYPE,
  PROP_COLUMN_DELIMITER,
  PROP_COMPRESSION_TYPE,
  PROP_ENCODING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TribExploreView, trib_explore_view, TRIB_TYPE_SESSION_PAGE)

void
_trib_explore_view_notify_options (TribExploreView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLUMN_DELIMITER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPRESSION_TYPE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

/* The row's accessible name (trib-explore-row.ui). */
static char *
explore_row_name (GtkListItem     *list_item,
                  TribExploreNode *node)
{
  const char *title;

  if (node == NULL)
    return NULL;

  title = trib_explore_node_get_title (node);
  switch (trib_explore_node_get_kind (node))
    {
    case TRIB_EXPLORE_NODE_LOADING:
      return g_strdup (title);
    case TRIB_EXPLORE_NODE_EMPTY:
      return g_strdup (title);
    case TRIB_EXPLORE_NODE_ERROR:
      /* Translators: a row of the explore tree; %s is why a folder could not be listed */
      return g_strdup_printf (_("Could not list this folder: %s"), title);
    case TRIB_EXPLORE_NODE_ITEM:
    default:
      break;
    }

  switch (trib_explore_item_get_item_type (trib_explore_node_get_item (node)))
    {
    case TRIB_EXPLORE_ITEM_FOLDER:
      return trib_a11y_join_parts (title, _("Folder"), NULL);
    case TRIB_EXPLORE_ITEM_TABLE:
      return trib_a11y_join_parts (title, _("Table"), NULL);
    case TRIB_EXPLORE_ITEM_FILE:
    default:
      return trib_a11y_join_parts (title, _("File"), NULL);
    }
}

/* A folder's error says little in a narrow tree: what went wrong is on
 * hover, with how to try again.
 */
static char *
explore_row_label (GtkListItem     *list_item,
                   TribExploreNode *node)
{
  if (node == NULL)
    return NULL;

  if (trib_explore_node_get_kind (node) == TRIB_EXPLORE_NODE_ERROR)
    return g_strdup (_("Could not list this folder"));

  return g_strdup (trib_explore_node_get_title (node));
}

static char *
explore_row_tooltip (GtkListItem     *list_item,
                     TribExploreNode *node)
{
  if (node == NULL)
    return NULL;

  if (trib_explore_node_get_kind (node) == TRIB_EXPLORE_NODE_ERROR)
    /* Translators: the tooltip of a folder that could not be listed; %s is why */
    return g_strdup_printf (_("%s\n\nPress Enter or double-click to try again."), trib_explore_node_get_title (node));

  return g_strdup (trib_explore_node_get_title (node));
}

static TribExploreNode *
selected_node (TribExploreView *self)
{
  GtkTreeListRow *row = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static void
show_preview_error (TribExploreView *self,
                    const GError    *error)
{
  g_free (self->preview_error);
  self->preview_error = g_strdup (error->message);

  /* The options that change how the file is read are right above; they
   * help when the platform refused the file as read (a 4xx), not when it
   * failed (a 5xx, a lost connection).
   */
  if (self->previewed != NULL && trib_explore_item_get_item_type (self->previewed) == TRIB_EXPLORE_ITEM_FILE &&
      error->domain == TRIB_PLATFORM_ERROR && trib_platform_error_get_status (error) >= 400 &&
      trib_platform_error_get_status (error) < 500)
    {
      g_autofree char *description =
        /* Translators: %s is the platform's reason; the options are the file type, delimiter… above */
        g_strdup_printf (_("%s\n\nChoose how to read the file above, and the preview runs again."), error->message);

      adw_status_page_set_description (self->preview_error_page, description);
    }
  else
    adw_status_page_set_description (self->preview_error_page, error->message);

  gtk_stack_set_visible_child_name (self->preview_stack, "error");
}

static void
preview_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(TribExploreView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TribExplorePreview) preview = trib_flow_explore_preview_finish (result, &error);
  g_autoptr(TribResultModel) model = NULL;
  g_autofree const char * const **rows = NULL;
  g_autofree const char **types = NULL;
  guint n_columns;
  guint n_rows;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  gtk_spinner_stop (self->preview_spinner);
  if (preview == NULL)
    {
      show_preview_error (self, error);
      return;
    }

  /* Dates and times come as strings with an XDM format: say which. */
  n_columns = trib_explore_preview_get_n_columns (preview);
  types = g_new0 (const char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    {
      const char *type = trib_explore_preview_get_column_types (preview)[i];
      const char *xdm_type = trib_explore_preview_get_column_xdm_types (preview)[i];

      types[i] = g_strcmp0 (type, "string") == 0 && xdm_type != NULL ? xdm_type : type;
    }

  n_rows = trib_explore_preview_get_n_rows (preview);
  rows = g_new0 (const char * const *, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    rows[i] = trib_explore_preview_get_row (preview, i);

  model = trib_result_model_new_from_text_rows (n_columns,
                                                trib_explore_preview_get_column_names (preview),
                                                types,
                                                n_rows, (const char * const * const *) rows);
  trib_result_view_set_model (self->result_view, model);
  g_clear_pointer (&self->preview_error, g_free);
  gtk_stack_set_visible_child_name (self->preview_stack, "grid");
}

/* Latest wins: a preview asked for cancels the one still running. */
void
_trib_explore_view_run_preview (TribExploreView *self,
                                TribExploreItem *item)
{
  TribPlatformClient *client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));
  const char *path = trib_explore_item_get_path (item);
  TribExploreFileOptions options;

  if (client == NULL || self->connection_id == NULL)
    return;

  g_cancellable_cancel (self->preview_cancellable);
  g_set_object (&self->preview_cancellable, g_cancellable_new ());
  g_set_object (&self->previewed, item);

  gtk_stack_set_visible_child_name (self->preview_stack, "loading");
  gtk_spinner_start (self->preview_spinner);
  /* The selection may move on while the grid still shows this one. */
  {
    /* Translators: above the preview grid; %s is the path of the file or table shown */
    g_autofree char *caption = g_strdup_printf (_("Preview of %s"), path);

    gtk_label_set_label (self->preview_label, caption);
    gtk_widget_set_visible (GTK_WIDGET (self->preview_label), TRUE);
  }

  if (trib_explore_item_get_item_type (item) == TRIB_EXPLORE_ITEM_TABLE)
    {
      trib_flow_explore_get_table_async (client, self->connection_id, path, TRUE, self->preview_cancellable,
                                         preview_cb, g_object_ref (self));
      return;
    }

  _trib_explore_view_read_options (self, &options);
  if (*self->connection_id == '\0')
    trib_flow_explore_landing_zone_preview_async (client, path, &options, self->preview_cancellable,
                                                  preview_cb, g_object_ref (self));
  else
    trib_flow_explore_preview_file_async (client, self->connection_id, path, &options,
                                          self->preview_cancellable, preview_cb, g_object_ref (self));
}

static void
options_changed_cb (TribExploreView *self)
{
  _trib_explore_view_update_options_sensitivity (self);
  if (self->setting_options)
    return;

  _trib_explore_view_notify_options (self);

  /* After a reload nothing is selected yet, and the preview shown is
   * still the one the options are for.
   */
  if (self->previewed != NULL && (self->selected == NULL || self->previewed == self->selected))
    _trib_explore_view_run_preview (self, self->previewed);
}

static void
selection_changed_cb (TribExploreView *self)
{
  TribExploreNode *node = selected_node (self);
  TribExploreItem *item = node != NULL ? trib_explore_node_get_item (node) : NULL;
  gboolean is_file;

  if (item == self->selected)
    return;

  g_set_object (&self->selected, item);
  is_file = item != NULL && trib_explore_item_get_item_type (item) == TRIB_EXPLORE_ITEM_FILE;
  gtk_widget_set_visible (self->options_box, is_file);
  if (is_file)
    {
      TribExploreFileOptions options;

      _trib_explore_view_guess_options (trib_explore_item_get_name (item), &options);
      _trib_explore_view_write_options (self, &options);
      _trib_explore_view_notify_options (self);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explore.create-dataflow", item != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_PATH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_TYPE]);
}

static void
row_activated_cb (TribExploreView *self,
                  guint            position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  TribExploreNode *node = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  TribExploreItem *item;

  if (node == NULL)
    return;

  if (trib_explore_node_get_kind (node) == TRIB_EXPLORE_NODE_ERROR)
    {
      g_autoptr(TribExploreNode) parent = trib_explore_node_get_parent (node);

      if (parent != NULL)
        trib_explore_node_reload (parent);
      return;
    }

  item = trib_explore_node_get_item (node);
  if (item == NULL)
    return;

  if (trib_explore_item_get_item_type (item) == TRIB_EXPLORE_ITEM_FOLDER)
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
  else
    _trib_explore_view_run_preview (self, item);
}

/* Right opens a folder (or goes into an open one), Left closes it (or
 * goes up to the folder the row is in): the keys of every file tree.
 * They act on the selection, which a click or list.select-item moves
 * without moving GtkListView's focus.
 */
static gboolean
key_pressed_cb (TribExploreView       *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkTreeListRow *row = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  guint target = GTK_INVALID_LIST_POSITION;

  if (row == NULL || (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  /* Enter acts on the selected row, wherever the focus was left. */
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter)
    {
      row_activated_cb (self, gtk_tree_list_row_get_position (row));
      return TRUE;
    }

  if (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right)
    {
      if (!gtk_tree_list_row_is_expandable (row))
        return FALSE;
      if (!gtk_tree_list_row_get_expanded (row))
        {
          gtk_tree_list_row_set_expanded (row, TRUE);
          return TRUE;
        }
      target = gtk_tree_list_row_get_position (row) + 1;
    }
  else if (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left)
    {
      if (gtk_tree_list_row_get_expanded (row))
        {
          gtk_tree_list_row_set_expanded (row, FALSE);
          return TRUE;
        }
      else
        {
          g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

          if (parent == NULL)
            return FALSE;
          target = gtk_tree_list_row_get_position (parent);
        }
    }
  else
    return FALSE;

  if (target >= g_list_model_get_n_items (G_LIST_MODEL (self->tree)))
    return TRUE;

  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", target);
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.select-item", "(ubb)", target, FALSE, FALSE);
  return TRUE;
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  TribExploreNode *node = item;

  if (!trib_explore_node_is_folder (node))
    return NULL;

  return g_object_ref (G_LIST_MODEL (node));
}

void
_trib_explore_view_rebuild_tree (TribExploreView *self)
{
  TribPlatformClient *client = trib_session_page_get_client (TRIB_SESSION_PAGE (self));

  if (self->root != NULL)
    trib_explore_node_cancel (self->root);
  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->previewed);
  g_clear_object (&self->root);
  gtk_stack_set_visible_child_name (self->preview_stack, "none");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_label), FALSE);

  if (client != NULL && self->connection_id != NULL)
    self->root = trib_explore_node_new_root (client, self->connection_id);

  g_clear_object (&self->tree);
  if (self->root != NULL)
    self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->root)), FALSE, FALSE,
                                          create_children_cb, NULL, NULL);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree));
  gtk_stack_set_visible_child_name (self->tree_stack, self->root != NULL ? "tree" : "none");
  selection_changed_cb (self);
  _trib_explore_view_update_title (self);
}

static void
trib_explore_view_session_changed (TribSessionPage *page)
{
  TribExploreView *self = TRIB_EXPLORE_VIEW (page);

  _trib_explore_view_load_accounts (self);
  _trib_explore_view_rebuild_tree (self);
}

static void
trib_explore_view_dispose (GObject *object)
{
  TribExploreView *self = (TribExploreView *) object;

  g_clear_handle_id (&self->orientation_idle, g_source_remove);

  g_cancellable_cancel (self->preview_cancellable);
  g_clear_object (&self->preview_cancellable);
  if (self->accounts != NULL)
    trib_paged_list_cancel (self->accounts);
  g_clear_object (&self->accounts);
  if (self->root != NULL)
    trib_explore_node_cancel (self->root);
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), TRIB_TYPE_EXPLORE_VIEW);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->root);
  g_clear_object (&self->selected);
  g_clear_object (&self->previewed);

  G_OBJECT_CLASS (trib_explore_view_parent_class)->dispose (object);
}

static void
trib_explore_view_finalize (GObject *object)
{
  TribExploreView *self = (TribExploreView *) object;

  g_clear_pointer (&self->connection_id, g_free);
  g_clear_pointer (&self->preview_error, g_free);
  g_clear_object (&self->account_store);

  G_OBJECT_CLASS (trib_explore_view_parent_class)->finalize (object);
}

static void
trib_explore_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TribExploreView *self = TRIB_EXPLORE_VIEW (object);
  TribExploreFileOptions options;

  _trib_explore_view_read_options (self, &options);

  switch (prop_id)
    {
    case PROP_CONNECTION_ID:
      g_value_set_string (value, self->connection_id);
      break;

    case PROP_SELECTED_PATH:
      g_value_set_string (value, trib_explore_view_get_selected_path (self));
      break;

    case PROP_SELECTED_TYPE:
      g_value_set_enum (value, trib_explore_view_get_selected_type (self));
      break;

    case PROP_FILE_TYPE:
      g_value_set_enum (value, options.file_type);
      break;

    case PROP_COLUMN_DELIMITER:
      g_value_set_string (value, options.column_delimiter);
      break;

    case PROP_COMPRESSION_TYPE:
      g_value_set_string (value, options.compression_type);
      break;

    case PROP_ENCODING:
      g_value_set_string (value, options.encoding);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_explore_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TribExploreView *self = TRIB_EXPLORE_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONNECTION_ID:
      trib_explore_view_set_connection_id (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_explore_view_class_init (TribExploreViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TribSessionPageClass *page_class = TRIB_SESSION_PAGE_CLASS (klass);

  object_class->dispose = trib_explore_view_dispose;
  object_class->finalize = trib_explore_view_finalize;
  object_class->get_property = trib_explore_view_get_property;
  object_class->set_property = trib_explore_view_set_property;
  widget_class->measure = _trib_explore_view_measure;
  widget_class->size_allocate = _trib_explore_view_size_allocate;
  page_class->session_changed = trib_explore_view_session_changed;

  /**
   * TribExploreView:connection-id:
   *
   * The base connection explored; "" for the Data Landing Zone, %NULL
   * for none yet.
   */
  properties[PROP_CONNECTION_ID] =
    g_param_spec_string ("connection-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_PATH] =
    g_param_spec_string ("selected-path", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED_TYPE] =
    g_param_spec_enum ("selected-type", NULL, NULL, TRIB_TYPE_EXPLORE_ITEM_TYPE, TRIB_EXPLORE_ITEM_FOLDER,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE_TYPE] =
    g_param_spec_enum ("file-type", NULL, NULL, TRIB_TYPE_EXPLORE_FILE_TYPE, TRIB_EXPLORE_FILE_DELIMITED,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COLUMN_DELIMITER] =
    g_param_spec_string ("column-delimiter", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPRESSION_TYPE] =
    g_param_spec_string ("compression-type", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ENCODING] =
    g_param_spec_string ("encoding", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TRIB_TYPE_RESULT_VIEW);
  g_type_ensure (TRIB_TYPE_EXPLORE_FILE_TYPE);
  g_type_ensure (TRIB_TYPE_TOOLTIP_BIN);

  gtk_widget_class_set_template_from_resource (widget_class, APP_RESOURCE_PATH "/trib-explore-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, window_title);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, account_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, tree_stack);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, tree_view);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, options_box);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, file_type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, delimiter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, compression_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, encoding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, preview_label);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, paned);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, preview_error_page);
  gtk_widget_class_bind_template_child (widget_class, TribExploreView, result_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "account_selected_cb",
                                                G_CALLBACK (_trib_explore_view_account_selected_cb));
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);

  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "describe_file_type_cb",
                                                G_CALLBACK (_trib_explore_view_describe_file_type));

  _trib_explore_view_class_add_actions (widget_class);
}

static void
trib_explore_view_init (TribExploreView *self)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *keys;

  /* AdwBin's layout manager would allocate without asking us (see
   * _trib_explore_view_size_allocate).
   */
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "explore_row_name",
                                          G_CALLBACK (explore_row_name));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "explore_row_label",
                                          G_CALLBACK (explore_row_label));
  gtk_builder_cscope_add_callback_symbol (GTK_BUILDER_CSCOPE (scope), "explore_row_tooltip",
                                          G_CALLBACK (explore_row_tooltip));
  factory = gtk_builder_list_item_factory_new_from_resource (scope, APP_RESOURCE_PATH "/trib-explore-row.ui");
  gtk_list_view_set_factory (self->tree_view, factory);

  self->selection = gtk_single_selection_new (NULL);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), keys);

  _trib_explore_view_setup_accounts (self);
  gtk_drop_down_set_selected (self->account_dropdown, GTK_INVALID_LIST_POSITION);
  _trib_explore_view_update_options_sensitivity (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "explore.create-dataflow", FALSE);
}

TribExploreView *
trib_explore_view_new (void)
{
  return g_object_new (TRIB_TYPE_EXPLORE_VIEW, NULL);
}

const char *
trib_explore_view_get_connection_id (TribExploreView *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_VIEW (self), NULL);

  return self->connection_id;
}

void
trib_explore_view_set_connection_id (TribExploreView *self,
                                     const char      *connection_id)
{
  g_return_if_fail (TRIB_IS_EXPLORE_VIEW (self));

  if (self->connection_id != NULL && g_strcmp0 (self->connection_id, connection_id) == 0)
    return;

  g_free (self->connection_id);
  self->connection_id = g_strdup (connection_id);
  _trib_explore_view_select_account_row (self);
  _trib_explore_view_rebuild_tree (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION_ID]);
}

/**
 * trib_explore_view_get_selected_path:
 *
 * Returns: (nullable): the path of the folder, file or table selected
 */
const char *
trib_explore_view_get_selected_path (TribExploreView *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_VIEW (self), NULL);

  return self->selected != NULL ? trib_explore_item_get_path (self->selected) : NULL;
}

TribExploreItemType
trib_explore_view_get_selected_type (TribExploreView *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_VIEW (self), TRIB_EXPLORE_ITEM_FOLDER);

  return self->selected != NULL ? trib_explore_item_get_item_type (self->selected) : TRIB_EXPLORE_ITEM_FOLDER;
}

/**
 * trib_explore_view_get_file_options:
 * @options: (out caller-allocates): the options a file is previewed with;
 *   its strings belong to the view
 */
void
trib_explore_view_get_file_options (TribExploreView        *self,
                                    TribExploreFileOptions *options)
{
  g_return_if_fail (TRIB_IS_EXPLORE_VIEW (self));
  g_return_if_fail (options != NULL);

  _trib_explore_view_read_options (self, options);
}

/* As the user would choose them: a file previewed is previewed again. */
void
trib_explore_view_set_file_options (TribExploreView              *self,
                                    const TribExploreFileOptions *options)
{
  g_return_if_fail (TRIB_IS_EXPLORE_VIEW (self));
  g_return_if_fail (options != NULL);

  _trib_explore_view_write_options (self, options);
  _trib_explore_view_notify_options (self);
  options_changed_cb (self);
}

/**
 * trib_explore_view_get_preview_state:
 *
 * Returns: "none", "loading", "error" or "grid"
 */
const char *
trib_explore_view_get_preview_state (TribExploreView *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->preview_stack);
}

const char *
trib_explore_view_get_preview_error (TribExploreView *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_VIEW (self), NULL);

  return self->preview_error;
}

GtkListView *
trib_explore_view_get_tree_view (TribExploreView *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_VIEW (self), NULL);

  return self->tree_view;
}

TribResultView *
trib_explore_view_get_result_view (TribExploreView *self)
{
  g_return_val_if_fail (TRIB_IS_EXPLORE_VIEW (self), NULL);

  return self->result_view;
}
