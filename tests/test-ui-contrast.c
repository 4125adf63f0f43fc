/* test-ui-contrast.c
 *
 * Text the app dims or colours reads at WCAG AA (4.5:1), in light and
 * dark, and at 7:1 for grey text under high contrast (run again with
 * ADW_DEBUG_HIGH_CONTRAST=1): a NULL in the result grid, a field-tree
 * ancestor kept for its matches and a field's title, the column headers
 * of the result grid, the field tree and the datasets table, the status
 * of a query, the window's subtitle, a list caption on a selected row,
 * batch statuses in colour on a selected row and a batch's subtitle.
 *
 * Each is measured on the window as rendered, at twice its size so that
 * glyph strokes have solid pixels: the pixel among the label's glyphs
 * that differs most from the colour of the band around them. A faint
 * cell, measured the same way, proves the measurement can fail.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "trib-datasets-page.h"
#include "trib-grid-scroller.h"
#include "trib-format.h"
#include "trib-schemas-page.h"
#include "trib-ui-query-test.h"
#include "trib-xdm-field.h"

#define SCALE 2.0
#define AA_TEXT 4.5
/* High contrast dims grey text less: WCAG AAA, 7:1. */
#define GREY_TEXT (adw_style_manager_get_high_contrast (adw_style_manager_get_default ()) ? 7.0 : AA_TEXT)
#define WEB_EVENTS_SCHEMA "https://ns.adobe.com/tributarydemo/schemas/8a3f1c52e9b74d06a1e2f3b4c5d6e7f8"

typedef struct
{
  GtkWidget *window;
  GdkTexture *texture;
  guchar *pixels;
  int width;
  int height;
  const char *scheme;
  GString *failures;
} Render;

static void
render_window (Render    *render,
               GtkWidget *window)
{
  g_clear_object (&render->texture);
  g_clear_pointer (&render->pixels, g_free);

  render->window = window;
  render->texture = trib_ui_test_render_window (window, SCALE);
  g_assert_nonnull (render->texture);
  render->width = gdk_texture_get_width (render->texture);
  render->height = gdk_texture_get_height (render->texture);
  render->pixels = g_malloc ((gsize) render->width * render->height * 4);
  gdk_texture_download (render->texture, render->pixels, (gsize) render->width * 4);
}

static void
render_clear (Render *render)
{
  g_clear_object (&render->texture);
  g_clear_pointer (&render->pixels, g_free);
}

static double
linear (guchar value)
{
  double c = value / 255.0;

  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

/* WCAG relative luminance of an opaque pixel of gdk_texture_download(),
 * which is B, G, R, A in memory on a little-endian machine.
 */
static double
luminance (guint32 pixel)
{
  return 0.2126 * linear ((pixel >> 16) & 0xff) +
         0.7152 * linear ((pixel >> 8) & 0xff) +
         0.0722 * linear (pixel & 0xff);
}

static double
contrast (double a,
          double b)
{
  return (MAX (a, b) + 0.05) / (MIN (a, b) + 0.05);
}

/* Where @label's glyphs are, in pixels of the rendering: the ink of its
 * layout, clipped to the label; the whole of an inscription (a grid's
 * cell), which does not show its layout.
 */
static void
ink_pixels (Render    *render,
            GtkWidget *label,
            int        box[4])
{
  PangoRectangle ink = { 0, 0, gtk_widget_get_width (label), gtk_widget_get_height (label) };
  double x, y;
  int layout_x = 0, layout_y = 0;

  if (GTK_IS_LABEL (label))
    {
      gtk_label_get_layout_offsets (GTK_LABEL (label), &layout_x, &layout_y);
      pango_layout_get_pixel_extents (gtk_label_get_layout (GTK_LABEL (label)), &ink, NULL);
    }
  ink.x = MAX (ink.x + layout_x, 0);
  ink.y = MAX (ink.y + layout_y, 0);
  ink.width = MIN (ink.width, gtk_widget_get_width (label) - ink.x);
  ink.height = MIN (ink.height, gtk_widget_get_height (label) - ink.y);
  g_assert_true (gtk_widget_translate_coordinates (label, render->window, ink.x, ink.y, &x, &y));
  box[0] = MAX (0, (int) floor (x * SCALE));
  box[1] = MAX (0, (int) floor (y * SCALE));
  box[2] = MIN (render->width, (int) ceil ((x + ink.width) * SCALE));
  box[3] = MIN (render->height, (int) ceil ((y + ink.height) * SCALE));
  g_assert_cmpint (box[2] - box[0], >, 4);
  g_assert_cmpint (box[3] - box[1], >, 4);
}

static guint32
pixel_at (Render *render,
          int     x,
          int     y)
{
  return ((guint32 *) (gpointer) render->pixels)[(gsize) y * render->width + x] | 0xff000000;
}

/* The contrast of @label's text with the background around it: the
 * background is the colour most of a band of three points around the
 * glyphs has, the text the pixel among the glyphs that differs most
 * from it.
 */
static double
measure (Render     *render,
         GtkWidget  *label,
         const char *what)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  int band = (int) (3 * SCALE);
  guint32 background = 0, text = 0;
  guint most = 0;
  double background_luminance, best = 1.0;
  int box[4];

  g_assert_true (gtk_widget_get_mapped (label));
  ink_pixels (render, label, box);

  for (int y = MAX (0, box[1] - band); y < MIN (render->height, box[3] + band); y++)
    for (int x = MAX (0, box[0] - band); x < MIN (render->width, box[2] + band); x++)
      {
        guint32 pixel = pixel_at (render, x, y);
        guint count;

        if (x >= box[0] && x < box[2] && y >= box[1] && y < box[3])
          continue;

        count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, GUINT_TO_POINTER (pixel))) + 1;
        g_hash_table_insert (counts, GUINT_TO_POINTER (pixel), GUINT_TO_POINTER (count));
        if (count > most)
          {
            most = count;
            background = pixel;
          }
      }

  background_luminance = luminance (background);
  for (int y = box[1]; y < box[3]; y++)
    for (int x = box[0]; x < box[2]; x++)
      {
        double ratio = contrast (luminance (pixel_at (render, x, y)), background_luminance);

        if (ratio > best)
          {
            best = ratio;
            text = pixel_at (render, x, y);
          }
      }

  g_test_message ("CONTRAST %s %s ratio=%.2f text=#%06x background=#%06x",
                  what, render->scheme, best, text & 0xffffff, background & 0xffffff);

  return best;
}

static void
assert_contrast (Render     *render,
                 GtkWidget  *label,
                 const char *what,
                 double      minimum)
{
  double ratio = measure (render, label, what);

  if (ratio < minimum)
    {
      g_autofree char *name = g_strdup_printf ("contrast-%s-%s.png", what, render->scheme);

      /* Every measurement is reported before the test fails. */
      trib_ui_test_save_screenshot (render->window, name);
      g_string_append_printf (render->failures, "%s in %s: contrast %.2f:1, below %.1f:1\n",
                              what, render->scheme, ratio, minimum);
    }
}

static gboolean
in_selected_row (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_SELECTED)
      return TRUE;

  return FALSE;
}

typedef enum
{
  IN_HEADER,
  IN_CONTENT,
  IN_SELECTED_ROW,
} Where;

/* A mapped label reading @text under @root, within the viewport of its
 * scrolled window, in a column header, in a row, or in a selected row.
 */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text,
            Where       where)
{
  if (gtk_widget_get_mapped (root) && g_strcmp0 (trib_ui_test_shown_text (root), text) == 0)
    {
      GtkWidget *viewport = gtk_widget_get_ancestor (root, GTK_TYPE_SCROLLED_WINDOW);
      gboolean in_header = gtk_widget_get_ancestor (root, g_type_from_name ("GtkColumnViewTitle")) != NULL;
      graphene_rect_t bounds, visible;

      if (viewport != NULL && !in_header &&
          (!gtk_widget_compute_bounds (root, viewport, &bounds) ||
           !graphene_rect_intersection (&bounds,
                                        &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (viewport),
                                                             gtk_widget_get_height (viewport)),
                                        &visible) ||
           !graphene_rect_equal (&bounds, &visible)))
        return NULL;

      if (where == IN_HEADER ? in_header :
          where == IN_CONTENT ? !in_header :
          !in_header && in_selected_row (root))
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text, where);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
wait_for_label (GtkWidget  *root,
                const char *text,
                Where       where)
{
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *label;

  while ((label = find_label (root, text, where)) == NULL && g_get_monotonic_time () < until)
    trib_ui_test_settle ();

  if (label == NULL)
    g_error ("No label “%s” shown", text);

  return label;
}

/* A mapped label with text and both style classes under @root, in a
 * selected row if @selected.
 */
static GtkWidget *
find_styled_label (GtkWidget  *root,
                   const char *css_class,
                   const char *other_class,
                   gboolean    selected)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_label_get_label (GTK_LABEL (root))[0] != '\0' &&
      gtk_widget_has_css_class (root, css_class) && gtk_widget_has_css_class (root, other_class) &&
      (!selected || in_selected_row (root)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_styled_label (child, css_class, other_class, selected);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The query page */

static void
measure_query_page (Render    *render,
                    GtkWidget *window)
{
  TribQueryPage *page = trib_ui_query_show_page (window);
  GtkWidget *grid = GTK_WIDGET (trib_result_view_get_column_view (trib_query_page_get_result_view (page)));
  GtkWidget *null_cell = wait_for_label (grid, C_("sql value", "NULL"), IN_CONTENT);
  GtkWidget *plain_cell = wait_for_label (grid, "present", IN_CONTENT);
  /* A header reads its column's name, its type below. */
  GtkWidget *header = wait_for_label (grid, "missing\ntext", IN_HEADER);
  /* The status of the run, after the table entry: "1 row in 0.01 s". */
  GtkWidget *status = find_styled_label (GTK_WIDGET (page), "dim-label", "numeric", FALSE);
  AdwWindowTitle *title = ADW_WINDOW_TITLE (trib_ui_test_find_widget (window, ADW_TYPE_WINDOW_TITLE, NULL));
  GtkWidget *subtitle = wait_for_label (GTK_WIDGET (title), adw_window_title_get_subtitle (title), IN_CONTENT);
  double control;

  g_assert_nonnull (status);

  render_window (render, window);
  assert_contrast (render, null_cell, "null-value", GREY_TEXT);
  assert_contrast (render, header, "result-grid-header", GREY_TEXT);
  assert_contrast (render, status, "query-status", GREY_TEXT);
  assert_contrast (render, plain_cell, "plain-cell", AA_TEXT);

  /* The measurement can fail: the same cell made faint does. */
  gtk_widget_set_opacity (plain_cell, 0.35);
  render_window (render, window);
  control = measure (render, plain_cell, "control-faint-cell");
  gtk_widget_set_opacity (plain_cell, 1.0);
  g_assert_cmpfloat (control, <, AA_TEXT);

  /* The title's descenders reach into the subtitle's lines: hidden. */
  g_assert_true (GTK_IS_LABEL (gtk_widget_get_prev_sibling (subtitle)));
  gtk_widget_set_opacity (gtk_widget_get_prev_sibling (subtitle), 0);
  render_window (render, window);
  assert_contrast (render, subtitle, "window-subtitle", GREY_TEXT);
  gtk_widget_set_opacity (gtk_widget_get_prev_sibling (subtitle), 1);
}

static const char *
first_column_title (GtkWidget *column_view)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view)), 0);

  return gtk_column_view_column_get_title (column);
}

/* The schemas page */

/* Whether the filter has narrowed the tree down to the path wanted. */
static gboolean
filtered_to (gpointer data)
{
  const char *path = g_object_get_data (data, "test-path");

  return g_list_model_get_n_items (trib_schemas_page_get_field_rows (data)) < 40 &&
         trib_ui_test_field_row (data, path) != GTK_INVALID_LIST_POSITION;
}

static void
filter_fields (TribSchemasPage *page,
               const char      *filter,
               const char      *path)
{
  g_object_set_data (G_OBJECT (page), "test-path", (gpointer) path);
  trib_schemas_page_set_field_filter (page, filter);
  trib_ui_test_iterate_until (filtered_to, page, 10);
}

static void
measure_schemas_page (Render    *render,
                      GtkWidget *window)
{
  TribSchemasPage *page;
  g_autofree char *primary = NULL;
  GtkWidget *column_view, *ancestor, *title, *header, *caption, *identity;

  trib_ui_test_press_keys (window, "alt+2");
  page = TRIB_SCHEMAS_PAGE (trib_ui_test_find_widget (window, TRIB_TYPE_SCHEMAS_PAGE, NULL));
  if (trib_schemas_page_get_n_fields (page) == 0)
    {
      trib_ui_test_iterate_until (trib_ui_test_schemas_listed, page, 30);
      trib_schemas_page_show_schema (page, WEB_EVENTS_SCHEMA);
      trib_ui_test_iterate_until (trib_ui_test_fields_loaded, page, 30);
    }
  /* The filter keeps "web" and "webPageDetails" for their match. */
  filter_fields (page, "webPageDetails.name", "web.webPageDetails.name");

  column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  ancestor = wait_for_label (column_view, "webPageDetails", IN_CONTENT);
  title = gtk_widget_get_next_sibling (ancestor);
  g_assert_true (GTK_IS_LABEL (title));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (title)), !=, "");
  header = wait_for_label (column_view, first_column_title (column_view), IN_HEADER);
  /* The shown schema's class and behaviour, under its title in the list. */
  caption = find_styled_label (GTK_WIDGET (page), "dim-label", "caption", TRUE);
  g_assert_nonnull (caption);

  render_window (render, window);
  assert_contrast (render, caption, "list-caption-on-selected-row", GREY_TEXT);
  assert_contrast (render, ancestor, "field-tree-ancestor", GREY_TEXT);
  assert_contrast (render, title, "field-title", GREY_TEXT);
  assert_contrast (render, header, "field-tree-header", GREY_TEXT);

  /* A primary identity, in the accent colour, on a selected row. */
  filter_fields (page, "identification.core.ecid", "_tributarydemo.identification.core.ecid");
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (trib_schemas_page_get_field_rows (page)),
                                   trib_ui_test_field_row (page, "_tributarydemo.identification.core.ecid"), TRUE);
  primary = g_strdup_printf (_("%s (primary)"), "ECID");
  identity = wait_for_label (column_view, primary, IN_SELECTED_ROW);
  render_window (render, window);
  assert_contrast (render, identity, "primary-identity-on-selected-row", AA_TEXT);
}

/* The datasets page */

/* Selects the first dataset whose last batch has the style @css_class
 * and scrolls to it; returns its status in words.
 */
static const char *
select_status (GtkWidget  *column_view,
               const char *css_class,
               guint      *position)
{
  TribGridSlots *slots =
    TRIB_GRID_SLOTS (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  GtkSelectionModel *datasets = trib_grid_slots_get_rows (slots);
  GtkWidget *scroller = gtk_widget_get_ancestor (column_view, TRIB_TYPE_GRID_SCROLLER);
  GtkAdjustment *adjustment = trib_grid_scroller_get_adjustment (TRIB_GRID_SCROLLER (scroller));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (datasets));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TribDataset) dataset = g_list_model_get_item (G_LIST_MODEL (datasets), i);
      const char *style;
      const char *text = trib_format_batch_status (trib_dataset_get_last_batch_status (dataset), &style);

      if (g_strcmp0 (style, css_class) != 0)
        continue;

      gtk_selection_model_select_item (datasets, i, TRUE);
      gtk_adjustment_set_value (adjustment, i - gtk_adjustment_get_page_size (adjustment) / 2);
      *position = i;
      return text;
    }

  g_error ("No dataset's last batch is %s", css_class);
}

static gboolean
batches_shown (gpointer data)
{
  return trib_datasets_page_get_n_batches (data) > 0;
}

/* A mapped label of style @css_class in a row of style @row_class. */
static GtkWidget *
find_in_row (GtkWidget  *root,
             const char *row_class,
             const char *css_class)
{
  GtkWidget *row;

  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) && gtk_widget_has_css_class (root, css_class) &&
      (row = gtk_widget_get_ancestor (root, ADW_TYPE_ACTION_ROW)) != NULL && gtk_widget_has_css_class (row, row_class))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_in_row (child, row_class, css_class);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls @widget's scrolled window to show @widget in its middle. */
static void
scroll_to (GtkWidget *widget)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, scrolled, &bounds));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + bounds.origin.y -
                                        gtk_widget_get_height (scrolled) / 2.0);
  trib_ui_test_settle ();
}

/* A successful batch: its status in colour, its date and count under it. */
static void
measure_batches (Render           *render,
                 GtkWidget        *window,
                 TribDatasetsPage *page,
                 GtkWidget        *column_view,
                 guint             position)
{
  TribGridSlots *slots =
    TRIB_GRID_SLOTS (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  GtkWidget *scroller = gtk_widget_get_ancestor (column_view, TRIB_TYPE_GRID_SCROLLER);
  g_autofree char *shot = NULL;
  GtkWidget *title, *subtitle;

  /* Its row at the top, or as near as the end lets it. */
  gtk_adjustment_set_value (trib_grid_scroller_get_adjustment (TRIB_GRID_SCROLLER (scroller)),
                            position);
  gtk_widget_activate_action (trib_ui_test_find_widget (column_view, GTK_TYPE_LIST_VIEW, NULL),
                              "list.activate-item", "u",
                              position - trib_grid_slots_get_offset (slots));
  trib_ui_test_iterate_until (batches_shown, page, 20);
  trib_ui_test_settle ();
  title = find_in_row (GTK_WIDGET (page), "success", "title");
  subtitle = find_in_row (GTK_WIDGET (page), "success", "subtitle");
  g_assert_nonnull (title);
  g_assert_nonnull (subtitle);
  scroll_to (title);

  render_window (render, window);
  assert_contrast (render, title, "success-batch", AA_TEXT);
  assert_contrast (render, subtitle, "success-batch-subtitle", GREY_TEXT);
  shot = g_strdup_printf ("contrast-batches-%s.png", render->scheme);
  trib_ui_test_save_screenshot (window, shot);
  gtk_widget_activate_action (GTK_WIDGET (page), "datasets.back", NULL);
  trib_ui_test_wait_for_mapped (column_view, TRUE);
}

static void
measure_datasets_page (Render    *render,
                       GtkWidget *window)
{
  const char *styles[] = { "success", "warning", "error" };
  TribDatasetsPage *page;
  GtkWidget *column_view, *header;
  guint position, success_position = 0;

  trib_ui_test_press_keys (window, "alt+3");
  page = TRIB_DATASETS_PAGE (trib_ui_test_find_widget (window, TRIB_TYPE_DATASETS_PAGE, NULL));
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, page, 30);

  column_view = trib_ui_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW, NULL);
  header = wait_for_label (column_view, first_column_title (column_view), IN_HEADER);
  render_window (render, window);
  assert_contrast (render, header, "datasets-header", GREY_TEXT);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *what = g_strdup_printf ("%s-on-selected-row", styles[i]);
      const char *text = select_status (column_view, styles[i], &position);
      GtkWidget *label = wait_for_label (column_view, text, IN_SELECTED_ROW);

      render_window (render, window);
      assert_contrast (render, label, what, AA_TEXT);
      if (i == 0)
        success_position = position;
    }

  measure_batches (render, window, page, column_view, success_position);
}

static void
test_contrast (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  AdwStyleManager *style = adw_style_manager_get_default ();
  struct { AdwColorScheme scheme; const char *name; } schemes[] = {
    { ADW_COLOR_SCHEME_FORCE_LIGHT, "light" },
    { ADW_COLOR_SCHEME_FORCE_DARK, "dark" },
  };
  Render render = { .failures = g_string_new (NULL) };
  TribQueryPage *query_page;
  GtkWidget *window;

  /* The demo's simulator starts its own PostgreSQL for the query. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  window = GTK_WIDGET (trib_ui_test_open_demo (app, 120));
  trib_ui_test_resize (window, 1280, 800);

  query_page = trib_ui_query_show_page (window);
  trib_ui_query_run_and_wait (window, query_page, "SELECT NULL AS missing, 'present' AS found", "ctrl+Return", 1);
  g_assert_cmpint (trib_ui_query_state_at (query_page, 0), ==, TRIB_DISTILLER_RUN_DONE);

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autofree char *scheme = g_strdup_printf ("%s%s", adw_style_manager_get_high_contrast (style) ? "hc-" : "",
                                                 schemes[i].name);
      g_autofree char *query_shot = g_strdup_printf ("contrast-query-%s.png", scheme);
      g_autofree char *schemas_shot = g_strdup_printf ("contrast-schemas-%s.png", scheme);
      g_autofree char *datasets_shot = g_strdup_printf ("contrast-datasets-%s.png", scheme);

      adw_style_manager_set_color_scheme (style, schemes[i].scheme);
      render.scheme = scheme;

      measure_query_page (&render, window);
      trib_ui_test_save_screenshot (window, query_shot);
      measure_schemas_page (&render, window);
      trib_ui_test_save_screenshot (window, schemas_shot);
      measure_datasets_page (&render, window);
      trib_ui_test_save_screenshot (window, datasets_shot);
    }

  if (render.failures->len > 0)
    g_error ("Text below WCAG AA:\n%s", render.failures->str);
  g_string_free (render.failures, TRUE);
  render_clear (&render);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/contrast", test_contrast);

  return g_test_run ();
}
