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

#include <gdk/x11/gdkx.h>
#include <glib/gi18n.h>

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

void
trib_ui_test_save_screenshot (GtkWidget  *window,
                              const char *name)
{
  const char *dir = g_getenv ("TRIB_TEST_ARTEFACTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width, height;

  trib_ui_test_settle ();

  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  g_mkdir_with_parents (dir != NULL ? dir : ".", 0755);
  path = g_build_filename (dir != NULL ? dir : ".", name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
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
}

/**
 * trib_ui_test_press_keys:
 * @keys: xdotool key names, e.g. `ctrl+Return`
 *
 * Types on the X server's keyboard into @window, as a person would:
 * the keys go through GTK's real input path, shortcuts included.
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
  trib_ui_test_settle ();
  g_spawn_sync (NULL, (char *[]) { (char *) "xdotool", (char *) "key", (char *) "--clearmodifiers", (char *) keys, NULL },
                NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  trib_ui_test_settle ();
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
static GLogWriterOutput
drop_focus_warnings (GLogLevelFlags   log_level,
                     const GLogField *fields,
                     gsize            n_fields,
                     gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "did not receive a focus-out event") != NULL)
      return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
trib_ui_test_init (int    *argc,
                   char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("trib-ui-XXXXXX", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  const char *localedir = g_getenv ("TRIBUTARY_LOCALEDIR");

  /* Profiles and the query history a test saves go to a throwaway
   * directory, not the user's.
   */
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  g_log_set_writer_func (drop_focus_warnings, NULL, NULL);
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
