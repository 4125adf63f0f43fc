/* test-ui-mapping-page.c
 *
 * The Mapping step on the demo platform, in a real window under Xvfb:
 * seed 004's OData Orders columns onto an ad hoc schema generated from
 * their inferred types (as the wizard's Target step makes it, with a
 * Notes field of the person's own), a column dragged onto a field with
 * the mouse, Auto-map, a calculated field whose target is picked in the
 * popover, Data Prep's verdict on that row shown on it, the fix, Delete
 * and Ctrl+Z, and the preview grid, with screenshots light and dark,
 * wide and in a 600 px window. The targets of the ad hoc class show
 * below its namespace, which is said once. Then a target the setup will create (the ad hoc
 * class planned from the columns), mapped before it exists.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include <gdk/x11/gdkx.h>

#include "trib-field-tree.h"
#include "trib-flow-explore.h"
#include "trib-mapping-page.h"
#include "trib-schema-registry.h"
#include "trib-ui-test.h"

#define ODATA_CONNECTION "c4d5e6f7-0812-4a3b-8c4d-5e6f7a8b9c0d"

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
result_ready (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static TribExplorePreview *
orders_preview (TribPlatformClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  TribExplorePreview *preview;

  trib_flow_explore_get_table_async (client, ODATA_CONNECTION, "Orders", TRUE, NULL, result_cb, &result);
  trib_ui_test_iterate_until (result_ready, &result, 30);
  preview = trib_flow_explore_preview_finish (result, &error);
  g_assert_no_error (error);
  return preview;
}

/* The ad hoc class and schema of seed 004, from the inferred types. */
static char *
adhoc_schema (TribPlatformClient *client,
              TribExplorePreview *preview,
              char              **namespace)
{
  guint n_columns = trib_explore_preview_get_n_columns (preview);
  g_autofree TribColumnType *types = trib_column_types_infer_preview (preview);
  g_autofree TribXdmFieldSpec *fields = g_new0 (TribXdmFieldSpec, n_columns + 1);
  g_autofree char *title = g_strdup_printf ("Orders from OData %u", g_random_int ());
  g_autofree char *schema_title = g_strconcat (title, " Schema", NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) schema_result = NULL;
  g_autoptr(TribXdmResource) class = NULL;
  g_autoptr(TribXdmResource) schema = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n_columns; i++)
    {
      fields[i].name = trib_explore_preview_get_column_names (preview)[i];
      fields[i].type = trib_column_type_to_json (types[i]);
    }
  fields[n_columns].name = "Notes";
  fields[n_columns].type = "string";

  trib_schema_registry_create_adhoc_class_async (client, title, NULL, fields, n_columns + 1, NULL, result_cb,
                                                 &result);
  trib_ui_test_iterate_until (result_ready, &result, 30);
  class = trib_schema_registry_create_adhoc_class_finish (result, &error);
  g_assert_no_error (error);
  *namespace = g_strdup (trib_xdm_resource_get_dataset_namespace (class));

  trib_schema_registry_create_schema_async (client, schema_title, NULL, trib_xdm_resource_get_id (class), NULL,
                                            NULL, result_cb, &schema_result);
  trib_ui_test_iterate_until (result_ready, &schema_result, 30);
  schema = trib_schema_registry_create_schema_finish (schema_result, &error);
  g_assert_no_error (error);

  return g_strdup (trib_xdm_resource_get_id (schema));
}

/* One xdotool command on the window, then GTK handles what it caused:
 * a drag needs the main loop between its steps.
 */
static void
xdotool (GtkWidget  *window,
         const char *command,
         GtkWidget  *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  g_autoptr(GError) error = NULL;
  double window_x = 0, window_y = 0, offset_x, offset_y;
  int status = -1;

  if (widget != NULL)
    g_assert_true (gtk_widget_translate_coordinates (widget, window, gtk_widget_get_width (widget) / 4.0,
                                                     gtk_widget_get_height (widget) / 2.0, &window_x, &window_y));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &offset_x, &offset_y);
  x = g_strdup_printf ("%d", (int) (window_x + offset_x));
  y = g_strdup_printf ("%d", (int) (window_y + offset_y));

  if (g_str_equal (command, "mousemove"))
    g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) "mousemove", (char *) "--sync", (char *) "--window",
                                     xid, x, y, NULL },
                  NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  else
    g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) command, (char *) "1", NULL },
                  NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  gdk_display_sync (gtk_widget_get_display (window));
  trib_ui_test_settle ();
}

/* A column dragged with the mouse onto a field of the tree. */
static void
drag_column (GtkWidget *window,
             GtkWidget *column_label,
             GtkWidget *field_label)
{
  xdotool (window, "mousemove", column_label);
  xdotool (window, "mousedown", NULL);
  /* Past the drag threshold, then across, then onto the field. */
  for (guint i = 0; i < 4; i++)
    xdotool (window, "mousemove", i < 2 ? gtk_widget_get_parent (column_label) : field_label);
  xdotool (window, "mouseup", NULL);
}

/* The source column's label: the field tree, open, has one of the name. */
static GtkWidget *
column_label_of (TribMappingPage *page,
                 const char      *column)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (page), GTK_TYPE_LABEL, labels);
  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (g_strcmp0 (gtk_label_get_label (GTK_LABEL (label)), column) == 0 &&
          gtk_widget_get_ancestor (label, TRIB_TYPE_FIELD_TREE) == NULL)
        return label;
    }

  return NULL;
}

static gboolean
page_loaded (gpointer page)
{
  return trib_mapping_page_get_loaded (page);
}

static gboolean
page_idle (gpointer page)
{
  return !trib_mapping_page_get_busy (page);
}

static TribMappingRow *
row_at (TribMappingDraft *draft,
        guint             position)
{
  g_autoptr(TribMappingRow) row = g_list_model_get_item (G_LIST_MODEL (draft), position);

  return row;
}

static GtkPopover *
find_popover (GtkWidget *page)
{
  for (GtkWidget *child = gtk_widget_get_first_child (page); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      return GTK_POPOVER (child);
  g_assert_not_reached ();
}

static gboolean
pick_filtered (gpointer popover)
{
  GtkListView *view = trib_ui_test_find_any (gtk_popover_get_child (popover), GTK_TYPE_LIST_VIEW);
  GListModel *model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (view)));

  return gtk_filter_list_model_get_pending (GTK_FILTER_LIST_MODEL (model)) == 0 &&
         g_list_model_get_n_items (model) == 1;
}

static GtkEditable *
mapped_expression_entry (TribMappingPage *page)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (GTK_WIDGET (trib_mapping_page_get_mappings_view (page)), GTK_TYPE_ENTRY, found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static gboolean
preview_shown (gpointer page)
{
  TribResultModel *model = trib_result_view_get_model (trib_mapping_page_get_result_view (page));

  return model != NULL && g_list_model_get_n_items (G_LIST_MODEL (model)) > 0;
}

/* A target the setup will create: mapped and auto-mapped, but nothing
 * for Data Prep to read yet.
 */
static void
check_planned_target (TribSession        *session,
                      TribExplorePreview *preview)
{
  g_autoptr(GListModel) fields = NULL;
  g_autofree TribColumnType *types = NULL;
  GtkWidget *page_window;
  TribMappingPage *page;
  TribMappingDraft *draft;
  guint n_columns, n_fields = 0;

  n_columns = trib_explore_preview_get_n_columns (preview);
  types = trib_column_types_infer_preview (preview);
  fields = trib_column_types_planned_tree (n_columns, trib_explore_preview_get_column_names (preview), types,
                                           &n_fields);

  page_window = adw_window_new ();
  page = TRIB_MAPPING_PAGE (trib_mapping_page_new ());
  adw_window_set_content (ADW_WINDOW (page_window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (page_window), 1000, 700);
  gtk_window_present (GTK_WINDOW (page_window));
  trib_mapping_page_set_planned_target (page, session, preview, fields, n_fields);
  g_assert_true (trib_mapping_page_get_loaded (page));
  draft = trib_mapping_page_get_draft (page);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "mapping.automap", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, n_columns);
  g_assert_cmpstr (trib_mapping_row_get_target (row_at (draft, 0)), ==,
                   trib_explore_preview_get_column_names (preview)[0]);
  g_assert_true (trib_mapping_page_get_complete (page));
  trib_ui_test_settle ();
  g_assert_false (gtk_widget_get_sensitive (trib_ui_test_find_button (GTK_WIDGET (page), "_Validate")));
  g_assert_false (gtk_widget_get_sensitive (trib_ui_test_find_button (GTK_WIDGET (page), "_Preview")));

  gtk_window_destroy (GTK_WINDOW (page_window));
  trib_ui_test_settle ();
}

static void
test_mapping_page (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  TribWindow *window;
  TribSession *session;
  TribPlatformClient *client;
  g_autoptr(TribExplorePreview) preview = NULL;
  g_autofree char *namespace = NULL;
  g_autofree char *schema_id = NULL;
  g_autofree char *notes_path = NULL;
  GtkWidget *page_window;
  TribMappingPage *page;
  TribMappingDraft *draft;
  GtkPopover *popover;
  GtkEditable *entry;
  TribResultModel *model;
  guint n_columns, calculated;
  gint notes_column = -1;

  window = trib_ui_test_open_demo (app, 60);
  session = trib_window_get_session (window);
  client = trib_session_get_client (session);

  preview = orders_preview (client);
  n_columns = trib_explore_preview_get_n_columns (preview);
  g_assert_cmpuint (n_columns, >=, 8);
  schema_id = adhoc_schema (client, preview, &namespace);
  notes_path = g_strconcat (namespace, ".Notes", NULL);

  page_window = adw_window_new ();
  page = TRIB_MAPPING_PAGE (trib_mapping_page_new ());
  adw_window_set_content (ADW_WINDOW (page_window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (page_window), 1400, 860);
  gtk_window_present (GTK_WINDOW (page_window));
  g_assert_false (trib_mapping_page_get_complete (page));

  trib_mapping_page_set_inputs (page, session, preview, schema_id);
  trib_ui_test_iterate_until (page_loaded, page, 30);
  gtk_test_widget_wait_for_draw (page_window);
  draft = trib_mapping_page_get_draft (page);
  g_assert_false (trib_mapping_page_get_complete (page));

  /* Dragged: a column onto the field the tree's filter opened. */
  {
    TribFieldTree *tree = trib_ui_test_find_any (GTK_WIDGET (page), TRIB_TYPE_FIELD_TREE);
    GtkWidget *column_label = column_label_of (page, "Freight");
    g_autofree char *ship_country = g_strconcat (namespace, ".ShipCountry", NULL);
    GtkWidget *field_label;

    trib_mapping_page_set_filter (page, "ShipCountry");
    trib_ui_test_settle ();
    field_label = trib_ui_test_find_label (GTK_WIDGET (tree), "ShipCountry", FALSE);
    g_assert_nonnull (column_label);
    g_assert_nonnull (field_label);
    drag_column (page_window, column_label, field_label);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 1);
    g_assert_cmpstr (trib_mapping_row_get_source (row_at (draft, 0)), ==, "Freight");
    g_assert_cmpstr (trib_mapping_row_get_target (row_at (draft, 0)), ==, ship_country);
    trib_mapping_page_set_filter (page, NULL);
    /* Ctrl+Z takes it back, so Auto-map starts from nothing. */
    gtk_widget_grab_focus (GTK_WIDGET (trib_mapping_page_get_mappings_view (page)));
    trib_ui_test_press_keys (page_window, "ctrl+z");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, 0);
  }

  /* Auto-map: every column onto its field of the ad hoc schema, by the
   * button a person clicks.
   */
  trib_ui_test_click_center (page_window, trib_ui_test_find_button (GTK_WIDGET (page), "_Auto-map"));
  trib_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      TribMappingRow *row = row_at (draft, i);
      g_autofree char *expected = g_strconcat (namespace, ".", trib_mapping_row_get_source (row), NULL);

      g_assert_cmpstr (trib_mapping_row_get_target (row), ==, expected);
    }
  g_assert_true (trib_mapping_page_get_complete (page));
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (page), "Not mapped", FALSE));

  /* Every target is below the ad hoc class's namespace: said once above
   * the mappings, each row shows the path below it, whole on hover.
   */
  {
    g_autofree char *below = g_strdup_printf ("Targets below %s", namespace);
    g_autofree char *order_id = g_strconcat (namespace, ".OrderID", NULL);
    GtkWidget *target = trib_ui_test_find_button (GTK_WIDGET (page), "OrderID");

    trib_ui_test_settle ();
    g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), below, FALSE));
    g_assert_nonnull (target);
    g_assert_true (gtk_widget_get_mapped (target));
    g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (target), order_id));
    g_assert_true (trib_ui_test_has_label (GTK_WIDGET (page), "→ OrderID", FALSE));
    /* No label repeats the namespace. */
    g_assert_false (trib_ui_test_has_label (GTK_WIDGET (page), order_id, TRUE));
  }

  /* A calculated field: no expression and no target yet, both said. */
  trib_ui_test_click_center (page_window,
                             trib_ui_test_find_button_with_tooltip (GTK_WIDGET (page), "Add Calculated Field"));
  trib_ui_test_settle ();
  calculated = n_columns;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, n_columns + 1);
  g_assert_true (trib_mapping_row_get_calculated (row_at (draft, calculated)));
  g_assert_false (trib_mapping_page_get_complete (page));
  trib_ui_test_wait_for_label (GTK_WIDGET (page), "Enter an expression");

  /* Its expression, with a mistake, typed into its row. */
  entry = mapped_expression_entry (page);
  gtk_editable_set_text (entry, "upper(ShipCity");
  g_signal_emit_by_name (entry, "activate");
  trib_ui_test_settle ();
  g_assert_cmpstr (trib_mapping_row_get_source (row_at (draft, calculated)), ==, "upper(ShipCity");
  trib_ui_test_wait_for_label (GTK_WIDGET (page), "Choose a target field");

  /* Its target picked in the popover, filtered to one field. */
  trib_ui_test_click_center (page_window, trib_ui_test_find_button (GTK_WIDGET (page), "Choose Field…"));
  trib_ui_test_settle ();
  popover = find_popover (GTK_WIDGET (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  gtk_editable_set_text (GTK_EDITABLE (trib_ui_test_find_any (GTK_WIDGET (popover), GTK_TYPE_SEARCH_ENTRY)), "notes");
  trib_ui_test_iterate_until (pick_filtered, popover, 10);
  trib_ui_test_press_keys (page_window, "Return");
  trib_ui_test_settle ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpstr (trib_mapping_row_get_target (row_at (draft, calculated)), ==, notes_path);
  g_assert_null (trib_mapping_row_get_problem (row_at (draft, calculated)));
  g_assert_true (trib_mapping_page_get_complete (page));

  /* Validate: Data Prep refuses the expression, on its row. */
  trib_ui_test_click_center (page_window, trib_ui_test_find_button (GTK_WIDGET (page), "_Validate"));
  trib_ui_test_iterate_until (page_idle, page, 30);
  g_assert_nonnull (strstr (trib_mapping_row_get_problem (row_at (draft, calculated)), "Invalid expression"));
  for (guint i = 0; i < n_columns; i++)
    g_assert_null (trib_mapping_row_get_problem (row_at (draft, i)));
  trib_ui_test_wait_for_label (GTK_WIDGET (page), "Invalid expression");
  g_assert_false (trib_mapping_page_get_complete (page));
  trib_ui_test_save_screenshot (page_window, "mapping-problem-wide-light.png");

  /* Fixed: the verdict goes with the change, and Data Prep agrees. */
  entry = mapped_expression_entry (page);
  gtk_editable_set_text (entry, "upper(ShipCity)");
  g_signal_emit_by_name (entry, "activate");
  trib_ui_test_settle ();
  g_assert_null (trib_mapping_row_get_problem (row_at (draft, calculated)));
  g_assert_false (trib_ui_test_has_label (GTK_WIDGET (page), "Invalid expression", TRUE));
  trib_ui_test_click_center (page_window, trib_ui_test_find_button (GTK_WIDGET (page), "_Validate"));
  trib_ui_test_iterate_until (page_idle, page, 30);
  g_assert_cmpuint (trib_mapping_draft_get_n_problems (draft), ==, 0);
  g_assert_true (trib_mapping_page_get_complete (page));
  trib_ui_test_wait_for_label (GTK_WIDGET (page), "Data Prep accepts every mapping");

  /* Delete removes the selected mapping, Ctrl+Z brings it back. */
  gtk_selection_model_select_item (gtk_list_view_get_model (trib_mapping_page_get_mappings_view (page)), 0, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (trib_mapping_page_get_mappings_view (page)));
  trib_ui_test_press_keys (page_window, "Delete");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, n_columns);
  trib_ui_test_wait_for_label (GTK_WIDGET (page), "Not mapped");
  trib_ui_test_press_keys (page_window, "ctrl+z");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (draft)), ==, n_columns + 1);
  g_assert_cmpstr (trib_mapping_row_get_source (row_at (draft, 0)), ==, trib_explore_preview_get_column_names (preview)[0]);

  /* Preview: the sample rows as the dataset would receive them. */
  trib_ui_test_click_center (page_window, trib_ui_test_find_button (GTK_WIDGET (page), "_Preview"));
  trib_ui_test_iterate_until (preview_shown, page, 30);
  model = trib_result_view_get_model (trib_mapping_page_get_result_view (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, trib_explore_preview_get_n_rows (preview));
  g_assert_cmpuint (trib_result_model_get_n_columns (model), ==, n_columns + 2);
  for (guint c = 0; c < trib_result_model_get_n_columns (model); c++)
    /* Its header the path below the namespace, as on the rows. */
    if (g_strcmp0 (trib_result_model_get_column_name (model, c), "Notes") == 0)
      notes_column = c;
  g_assert_cmpint (notes_column, >=, 0);
  for (guint r = 0; r < g_list_model_get_n_items (G_LIST_MODEL (model)); r++)
    {
      gsize length = 0;
      const char *value = trib_result_model_get_value (model, r, notes_column, &length);
      g_autofree char *notes = value != NULL ? g_strndup (value, length) : NULL;
      g_autofree char *upper = notes != NULL ? g_utf8_strup (notes, -1) : NULL;

      g_assert_nonnull (notes);
      g_assert_cmpstr (notes, ==, upper);
    }

  trib_ui_test_save_screenshot (page_window, "mapping-preview-wide-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  trib_ui_test_save_screenshot (page_window, "mapping-preview-wide-dark.png");
  /* A 600 px window: the panes fold, nothing is cut. */
  {
    int minimum = 0;

    gtk_widget_measure (page_window, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
    g_assert_cmpint (minimum, <=, 600);
  }
  trib_ui_test_resize (page_window, 600, 800);
  g_assert_cmpint (gtk_widget_get_width (page_window), <=, 600);
  trib_ui_test_save_screenshot (page_window, "mapping-preview-narrow-dark.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  trib_ui_test_save_screenshot (page_window, "mapping-preview-narrow-light.png");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  gtk_window_destroy (GTK_WINDOW (page_window));
  trib_ui_test_settle ();

  check_planned_target (session, preview);
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/mapping-page/seed-004", test_mapping_page);

  return g_test_run ();
}
