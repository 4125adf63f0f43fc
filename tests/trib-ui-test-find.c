/* trib-ui-test-find.c
 *
 * Finding widgets the way a user sees them (mapped), by type, title,
 * label or tooltip, and waiting for them to show.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "trib-ui-test.h"

/* Adds to @found every mapped widget of @type under @widget, itself
 * included, in tree order.
 */
void
trib_ui_test_find_mapped (GtkWidget *widget,
                          GType      type,
                          GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    trib_ui_test_find_mapped (child, type, found);
}

GtkWidget *
trib_ui_test_find_widget (GtkWidget  *root,
             GType       type,
             const char *with_subtitle)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  trib_ui_test_find_mapped (root, type, found);

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

  /* The row shown first: pages of a stack may have rows of one title. */
  for (guint i = 0; i < found->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (g_ptr_array_index (found, i)), title) == 0 &&
        gtk_widget_get_mapped (g_ptr_array_index (found, i)))
      return g_ptr_array_index (found, i);

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

/* The Explore view of a window that explores @connection_id, if one is open. */
TribExploreView *
trib_ui_test_find_explore_view (const char *connection_id)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);
      TribExploreView *view = trib_ui_test_find_any (GTK_WIDGET (toplevel), TRIB_TYPE_EXPLORE_VIEW);

      if (view != NULL && g_strcmp0 (trib_explore_view_get_connection_id (view), connection_id) == 0)
        return view;
    }

  return NULL;
}

/* What @widget reads, if it is a label or an inscription (a grid's cell). */
const char *
trib_ui_test_shown_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  return NULL;
}

/* A shown label or inscription that reads @text, or with @partial holds it. */
GtkWidget *
trib_ui_test_find_label (GtkWidget  *root,
            const char *text,
            gboolean    partial)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *label = trib_ui_test_shown_text (child);
      GtkWidget *found;

      if (label != NULL && gtk_widget_get_mapped (child) &&
          (partial ? strstr (label, text) != NULL : g_str_equal (label, text)))
        return child;
      if ((found = trib_ui_test_find_label (child, text, partial)))
        return found;
    }

  return NULL;
}

/* A label that reads @text under @root, shown or not. */
GtkLabel *
trib_ui_test_find_any_label (GtkWidget  *root,
                             const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return GTK_LABEL (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found = trib_ui_test_find_any_label (child, text);

      if (found != NULL)
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

guint
trib_ui_test_count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
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
