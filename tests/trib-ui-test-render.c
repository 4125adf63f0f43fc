/* trib-ui-test-render.c
 *
 * What the window draws: screenshots, renderings at a scale, resizing
 * until drawn again, and how Pango broke a label's lines.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "trib-ui-test.h"

static void
painted_cb (GdkFrameClock *clock,
            gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits until the window has been laid out and drawn once more. */
static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (window);
  trib_ui_test_iterate_until (is_true, &painted, 10);
  g_signal_handler_disconnect (clock, handler);
}

/* A texture of @widget, drawn by its own native's renderer, in memory:
 * a texture of one renderer is not for another to draw.
 */
static GdkTexture *
render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gsize stride = (gsize) width * 4;
  guchar *data;

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  if (!(node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot))))
    return NULL;

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  data = g_malloc (stride * height);
  gdk_texture_download (texture, data, stride);
  bytes = g_bytes_new_take (data, stride * height);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

typedef struct
{
  GtkWidget *window;
  GdkTexture *texture;
} Shot;

/* The window as it was just drawn, with every open popover (a surface
 * of its own) over it where it shows. Taken right after a frame is
 * painted: at any other time a layout may be pending, and a widget
 * without its size draws nothing.
 */
static void
shoot_cb (GdkFrameClock *clock,
          Shot          *shot)
{
  g_autoptr(GPtrArray) popovers = g_ptr_array_new ();
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) window_texture = NULL;
  GtkWidget *window = shot->window;
  double window_dx, window_dy;

  if (shot->texture != NULL)
    return;

  if (!(window_texture = render_widget (window)))
    {
      gtk_widget_queue_draw (window);
      return;
    }

  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_texture (snapshot, window_texture,
                               &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window), gtk_widget_get_height (window)));

  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_dx, &window_dy);
  trib_ui_test_find_mapped (window, GTK_TYPE_POPOVER, popovers);
  for (guint i = 0; i < popovers->len; i++)
    {
      GtkWidget *popover = g_ptr_array_index (popovers, i);
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
      g_autoptr(GdkTexture) texture = NULL;
      double popover_dx, popover_dy;

      if (!GDK_IS_POPUP (surface) || gdk_popup_get_parent (GDK_POPUP (surface)) != gtk_native_get_surface (GTK_NATIVE (window)) ||
          !(texture = render_widget (popover)))
        continue;

      gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_dx, &popover_dy);
      gtk_snapshot_append_texture (snapshot, texture,
                                   &GRAPHENE_RECT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_dx - window_dx,
                                                        gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_dy - window_dy,
                                                        gtk_widget_get_width (popover), gtk_widget_get_height (popover)));
    }

  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  shot->texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                               &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (window),
                                                                    gtk_widget_get_height (window)));
}

static gboolean
has_texture (gpointer data)
{
  return ((Shot *) data)->texture != NULL;
}

void
trib_ui_test_save_screenshot (GtkWidget  *window,
                              const char *name)
{
  const char *dir = g_getenv ("TRIB_TEST_ARTEFACTS");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  g_autofree char *path = NULL;
  Shot shot = { window, NULL };
  gulong handler;

  trib_ui_test_settle ();

  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (shoot_cb), &shot);
  gtk_widget_queue_draw (window);
  trib_ui_test_iterate_until (has_texture, &shot, 10);
  g_signal_handler_disconnect (clock, handler);

  g_mkdir_with_parents (dir != NULL ? dir : ".", 0755);
  path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_assert_true (gdk_texture_save_to_png (shot.texture, path));
  g_clear_object (&shot.texture);
  g_test_message ("Saved %s", path);
}

void
trib_ui_test_resize (GtkWidget *window,
                     int        width,
                     int        height)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_widget_queue_resize (window);
  trib_ui_test_settle ();
  wait_for_paint (window);
}

static gboolean
layout_hyphenated (PangoLayout *layout)
{
  const char *text = pango_layout_get_text (layout);

  for (GSList *lines = pango_layout_get_lines_readonly (layout); lines != NULL; lines = lines->next)
    for (GSList *runs = ((PangoLayoutLine *) lines->data)->runs; runs != NULL; runs = runs->next)
      {
        PangoGlyphItem *run = runs->data;

        if (run->glyphs->num_glyphs > g_utf8_strlen (text + run->item->offset, run->item->length))
          return TRUE;
      }

  return FALSE;
}

/**
 * trib_ui_test_label_hyphenated:
 * @label: a label, laid out
 *
 * Wraps @label's text as the label would, at every width up to the one
 * it has, since where a line breaks depends on the fonts.
 *
 * Returns: whether Pango inserted a hyphen where it broke a word, at
 *   any width: the line's last run then has one glyph more than it has
 *   characters
 */
gboolean
trib_ui_test_label_hyphenated (GtkLabel *label)
{
  g_autoptr(PangoLayout) layout = pango_layout_copy (gtk_label_get_layout (label));
  int width = MAX (gtk_widget_get_width (GTK_WIDGET (label)), 100);

  pango_layout_set_wrap (layout, gtk_label_get_wrap_mode (label));
  for (int w = 40; w <= width; w += 2)
    {
      pango_layout_set_width (layout, w * PANGO_SCALE);
      if (layout_hyphenated (layout))
        return TRUE;
    }

  return FALSE;
}

typedef struct
{
  GtkWidget *window;
  double scale;
  GdkTexture *texture;
} ScaledShot;

static void
render_scaled_cb (GdkFrameClock *clock,
                  ScaledShot    *shot)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (shot->window);
  int height = gtk_widget_get_height (shot->window);

  if (shot->texture != NULL)
    return;

  paintable = gtk_widget_paintable_new (shot->window);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_scale (snapshot, shot->scale, shot->scale);
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  if (!(node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot))))
    {
      gtk_widget_queue_draw (shot->window);
      return;
    }

  shot->texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (shot->window)), node,
                                               &GRAPHENE_RECT_INIT (0, 0, width * shot->scale,
                                                                    height * shot->scale));
}

static gboolean
has_scaled_texture (gpointer data)
{
  return ((ScaledShot *) data)->texture != NULL;
}

/**
 * trib_ui_test_render_window:
 * @scale: how many pixels a point of @window takes, such as 2 for glyphs
 *   whose strokes are solid pixels
 *
 * Renders @window as it was just drawn, without its popovers, at @scale:
 * pixel (x·scale, y·scale) is point (x, y) of @window's coordinates.
 *
 * Returns: (transfer full): the rendering
 */
GdkTexture *
trib_ui_test_render_window (GtkWidget *window,
                            double     scale)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  ScaledShot shot = { window, scale, NULL };
  gulong handler;

  trib_ui_test_settle ();
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (render_scaled_cb), &shot);
  gtk_widget_queue_draw (window);
  trib_ui_test_iterate_until (has_scaled_texture, &shot, 10);
  g_signal_handler_disconnect (clock, handler);

  return shot.texture;
}
