/* trib-ui-test.c
 *
 * What the in-process UI tests share: waiting on the main loop, finding
 * widgets the way a user sees them (mapped), and saving screenshots.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>

#include "trib-renderer.h"
#include "trib-ui-test.h"

void
trib_ui_test_iterate_until (gboolean (*predicate) (gpointer),
               gpointer   data,
               guint      timeout_s)
{
  gint64 deadline = g_get_monotonic_time () + timeout_s * G_USEC_PER_SEC;

  while (!predicate (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
trib_ui_test_session_ready (gpointer data)
{
  TribWindow *window = data;
  TribSession *session = trib_window_get_session (window);

  return session != NULL && !trib_session_get_loading (session) &&
         g_list_model_get_n_items (trib_session_get_sandboxes (session)) > 0;
}

static void
find_widgets (GtkWidget *widget,
              GType      type,
              GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_widgets (child, type, found);
}

GtkWidget *
trib_ui_test_find_widget (GtkWidget  *root,
             GType       type,
             const char *with_subtitle)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_widgets (root, type, found);

  for (guint i = 0; i < found->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (found, i);

      if (with_subtitle == NULL ||
          (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)) != NULL &&
           adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget))[0] != '\0'))
        return widget;
    }

  return NULL;
}

/**
 * trib_ui_test_wait_for_widget:
 * @type: the type of the widget
 *
 * Waits until a mapped widget of @type shows under @root, as after an
 * animation, and fails the test if none does in time.
 *
 * Returns: (transfer none): the widget
 */
GtkWidget *
trib_ui_test_wait_for_widget (GtkWidget *root,
                              GType      type)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  GtkWidget *widget;

  while (!(widget = trib_ui_test_find_widget (root, type, NULL)))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return widget;
}

void
trib_ui_test_settle (void)
{
  /* Half a second of events, enough for a transition: bounded, since an
   * animation (a spinner) always has another frame pending.
   */
  gint64 until = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

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
  find_widgets (window, GTK_TYPE_POPOVER, popovers);
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
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* Once the X server has answered a round trip, every event it sent
 * before (those of the keys xdotool typed) is in GDK's hands: handle
 * them. An animation always has another frame ready, so the count of
 * iterations is bounded rather than waiting for none to be.
 */
static void
handle_pending_events (GtkWidget *window)
{
  gdk_display_sync (gtk_widget_get_display (window));
  for (guint i = 0; i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
}

/**
 * trib_ui_test_press_keys:
 * @keys: xdotool key names, e.g. `ctrl+Return`
 *
 * Types on the X server's keyboard into @window, as a person would:
 * the keys go through GTK's real input path, shortcuts included. When it
 * returns, GTK has handled them.
 */
void
trib_ui_test_press_keys (GtkWidget  *window,
                         const char *keys)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) "windowfocus", (char *) "--sync", xid, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  trib_ui_test_iterate_until (is_active, window, 10);
  g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) "key", (char *) "--clearmodifiers", (char *) keys, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  handle_pending_events (window);
}

/**
 * trib_ui_test_click:
 * @widget: a mapped widget of @window
 * @x: where to click, in @widget's coordinates
 * @y: where to click, in @widget's coordinates
 *
 * Clicks with the X server's pointer, as a person would.
 *
 * Through XTEST: the click has no `--window`, with which xdotool would
 * send a synthetic event (XSendEvent) that GTK 4, reading the pointer
 * through XInput2, ignores: a header clicked that way does not sort, in
 * a bare GtkColumnView as in ours.
 */
void
trib_ui_test_click (GtkWidget *window,
                    GtkWidget *widget,
                    double     x,
                    double     y)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = NULL;
  g_autofree char *surface_x = NULL;
  g_autofree char *surface_y = NULL;
  g_autoptr(GError) error = NULL;
  double window_x, window_y, offset_x, offset_y;
  int status = -1;

  g_assert_true (gtk_widget_get_mapped (widget));
  g_assert_true (gtk_widget_translate_coordinates (widget, window, x, y, &window_x, &window_y));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &offset_x, &offset_y);

  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));
  surface_x = g_strdup_printf ("%d", (int) (window_x + offset_x));
  surface_y = g_strdup_printf ("%d", (int) (window_y + offset_y));
  g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) "mousemove", (char *) "--sync", (char *) "--window", xid,
                                   surface_x, surface_y, (char *) "click", (char *) "1", NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  handle_pending_events (window);
}

static void
find_all (GtkWidget *widget,
          GType      type,
          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    find_all (child, type, found);
}

/* A preferences row (entry, action, combo…) by the title the user reads. */
GtkWidget *
trib_ui_test_find_row (GtkWidget  *root,
                       const char *title)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, ADW_TYPE_PREFERENCES_ROW, found);

  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (found, i)), title) == 0)
      return g_ptr_array_index (found, i);

  return NULL;
}

/* A button by its label as written in the template, mnemonic included. */
GtkWidget *
trib_ui_test_find_button (GtkWidget  *root,
                          const char *label)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, GTK_TYPE_BUTTON, found);

  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (found, i)), label) == 0)
      return g_ptr_array_index (found, i);

  return NULL;
}

/* A button shown, by its tooltip (an icon's name, as a user reads it). */
GtkWidget *
trib_ui_test_find_button_with_tooltip (GtkWidget  *root,
                                       const char *tooltip)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  find_all (root, GTK_TYPE_BUTTON, found);

  for (guint i = 0; i < found->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (found, i)) &&
        g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (found, i)), tooltip) == 0)
      return g_ptr_array_index (found, i);

  return NULL;
}

/* The first toplevel of @type other than @except, such as a message
 * dialog a window opened.
 */
GtkWindow *
trib_ui_test_find_toplevel (GType      type,
                            GtkWindow *except)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (window != except && G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/* Xvfb has no window manager to move focus between toplevels, and GTK
 * warns when a text field never hears that it lost focus; that says
 * nothing about Tributary. Every other message goes to GLib's writer,
 * where warnings stay fatal.
 */
static char *ignored_message;

static GLogWriterOutput
drop_focus_warnings (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        (strstr (fields[i].value, "did not receive a focus-out event") != NULL ||
         (ignored_message != NULL && strstr (fields[i].value, ignored_message) != NULL)))
      return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

/**
 * trib_ui_test_ignore_message:
 * @fragment: (nullable): part of a message of GTK's own that a test
 *   expects, or %NULL to let every message through again
 */
void
trib_ui_test_ignore_message (const char *fragment)
{
  g_free (ignored_message);
  ignored_message = g_strdup (fragment);
}

/* A widget of @type under @root, shown or not. */
gpointer
trib_ui_test_find_any (GtkWidget *root,
          GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      gpointer found = trib_ui_test_find_any (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A shown label that reads @text, or with @partial holds it. */
GtkWidget *
trib_ui_test_find_label (GtkWidget  *root,
            const char *text,
            gboolean    partial)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *label = GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child)) : NULL;
      GtkWidget *found;

      if (label != NULL && gtk_widget_get_mapped (child) &&
          (partial ? strstr (label, text) != NULL : g_str_equal (label, text)))
        return child;
      if ((found = trib_ui_test_find_label (child, text, partial)))
        return found;
    }

  return NULL;
}

gboolean
trib_ui_test_has_label (GtkWidget  *root,
           const char *text,
           gboolean    partial)
{
  return trib_ui_test_find_label (root, text, partial) != NULL;
}

typedef struct
{
  GtkWidget *root;
  const char *text;
} LabelWanted;

static gboolean
label_shown (gpointer data)
{
  LabelWanted *wanted = data;

  return trib_ui_test_has_label (wanted->root, wanted->text, TRUE);
}

void
trib_ui_test_wait_for_label (GtkWidget  *root,
                const char *text)
{
  LabelWanted wanted = { root, text };

  trib_ui_test_iterate_until (label_shown, &wanted, 15);
}

gboolean
trib_ui_test_has_css_class (GtkWidget  *root,
                     const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (trib_ui_test_has_css_class (child, css_class))
      return TRUE;

  return FALSE;
}

void
trib_ui_test_click_center (GtkWidget *window,
              GtkWidget *widget)
{
  trib_ui_test_click (window, widget, gtk_widget_get_width (widget) / 2.0, gtk_widget_get_height (widget) / 2.0);
}

static gboolean
mapped_as_wanted (gpointer data)
{
  gpointer *wanted = data;

  return gtk_widget_get_mapped (wanted[0]) == GPOINTER_TO_INT (wanted[1]);
}

/**
 * trib_ui_test_wait_for_mapped:
 * @mapped: whether to wait for @widget to show, or to go
 *
 * Waits until @widget shows (is mapped) or no longer does, as after an
 * animation, and fails the test if it does not in time.
 */
void
trib_ui_test_wait_for_mapped (gpointer widget,
                              gboolean mapped)
{
  gpointer wanted[2] = { widget, GINT_TO_POINTER (!!mapped) };

  trib_ui_test_iterate_until (mapped_as_wanted, wanted, 10);
}

static void
new_session (gpointer user_data)
{
  setsid ();
}

/* A process of its own removes @home once this one has ended, however
 * it ends: an assertion aborts it, a timeout kills it. It waits for the
 * end of its standard input, a pipe only this process writes to, which
 * closes when this process does; in a session of its own, it outlives
 * the test's process group being killed.
 */
static void
remove_when_done (const char *home)
{
  /* Kept, with its pipe, for as long as this process lives. */
  static GSubprocess *cleaner;
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE);
  g_autoptr(GError) error = NULL;

  g_assert_null (cleaner);
  g_subprocess_launcher_set_child_setup (launcher, new_session, NULL, NULL);
  cleaner = g_subprocess_launcher_spawn (launcher, &error, "sh", "-c", "cat >/dev/null; rm -rf -- \"$1\"",
                                         "trib-ui-cleanup", home, NULL);
  g_assert_no_error (error);
}

void
trib_ui_test_init (int    *argc,
                   char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("trib-ui-XXXXXX", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  const char *localedir = g_getenv ("TRIBUTARY_LOCALEDIR");

  g_assert_nonnull (home);
  remove_when_done (home);

  /* Profiles and the query history a test saves go to a throwaway
   * directory, not the user's.
   */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_log_set_writer_func (drop_focus_warnings, NULL, NULL);
  /* As main.c does, before GTK starts. */
  trib_renderer_prepare ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();

  /* As main.c does, so that a test run with LANGUAGE=fr shows the
   * translations of the build tree: gtk_test_init() chose a locale of
   * its own, which may not exist here.
   */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && localedir[0] != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * trib_ui_test_open_demo:
 * @app: an application not registered yet
 * @timeout_seconds: how long the demo platform may take to be ready
 *
 * Registers @app (not unique: tests run side by side with an installed
 * Tributary), opens the demo platform and waits until its session is
 * ready.
 *
 * Returns: (transfer none): the window, presented
 */
TribWindow *
trib_ui_test_open_demo (TribApplication *app,
                        guint            timeout_seconds)
{
  g_autoptr(GError) error = NULL;
  TribWindow *window;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  trib_application_open_demo (app, NULL);
  window = TRIB_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  trib_ui_test_iterate_until (trib_ui_test_session_ready, window, timeout_seconds);

  return window;
}

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_assert_no_error (error);
}

static gboolean
is_set (gpointer data)
{
  return *(char **) data != NULL;
}

/**
 * trib_ui_test_read_clipboard:
 * @widget: a widget of the display whose clipboard to read
 *
 * Returns: (transfer full): the clipboard's text
 */
char *
trib_ui_test_read_clipboard (GtkWidget *widget)
{
  char *text = NULL;

  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL, text_read_cb, &text);
  trib_ui_test_iterate_until (is_set, &text, 10);

  return text;
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
