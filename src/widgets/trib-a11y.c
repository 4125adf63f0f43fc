/* trib-a11y.c
 *
 * Names for what GTK 4.8 leaves unnamed, and a way to say a change out
 * loud. Over AT-SPI, GTK 4.8 names a widget without a label after its
 * type ("GtkToggleButton", "GtkListItemWidget"): icon buttons, the
 * buttons inside drop-downs and menu buttons, the rows of list and
 * column views. These helpers give each a name from its purpose or its
 * content.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-a11y"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "trib-a11y.h"

#define ANNOUNCER_KEY "trib-a11y-announcer"

/**
 * trib_a11y_set_label:
 * @label: (nullable): the accessible name, or %NULL to go back to none
 */
void
trib_a11y_set_label (GtkWidget  *widget,
                     const char *label)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

/* GTK 4.8 gives a button with a mnemonic both its label as written and
 * the label it shows: "_Try Again Try Again". Without the first, the
 * button is named by its label alone.
 */
static void
forget_mnemonic_label (GtkButton *button)
{
  const char *label;

  /* While a button changes its child, it tells of its label with an
   * icon as child: its label is only asked of a label.
   */
  if (!GTK_IS_LABEL (gtk_button_get_child (button)))
    return;

  label = gtk_button_get_label (button);

  if (label != NULL && gtk_button_get_use_underline (button) && strchr (label, '_') != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static GtkWidget *
find_list_box (GtkWidget *widget,
               guint      depth)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LIST_BOX (child))
        return child;
      if (depth > 1 && (found = find_list_box (child, depth - 1)) != NULL)
        return found;
    }

  return NULL;
}

/* A preferences group keeps its rows in a list box of its own, which
 * its title labels; without a title GTK 4.8 names it "GtkListBox", and
 * it takes its window's title.
 */
static void
name_group_list (AdwPreferencesGroup *group)
{
  const char *title = adw_preferences_group_get_title (group);
  GtkWidget *list = find_list_box (GTK_WIDGET (group), 3);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (group));

  /* A title labels the list already. */
  if (title != NULL && title[0] != '\0')
    return;

  /* Untitled, it is the form of its window. */
  title = GTK_IS_WINDOW (root) ? gtk_window_get_title (GTK_WINDOW (root)) : NULL;
  if (list != NULL && title != NULL && title[0] != '\0')
    trib_a11y_set_label (list, title);
}

/* An expander row, the focus on its header, reads "" and its list of
 * rows "GtkListBox": both take its title.
 */
static void
name_expander_row (AdwExpanderRow *row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
  GtkWidget *list = find_list_box (GTK_WIDGET (row), 4);

  if (title == NULL || title[0] == '\0')
    return;

  trib_a11y_set_label (GTK_WIDGET (row), title);
  if (list != NULL)
    trib_a11y_set_label (list, title);
}

static gboolean
widget_mapped_hook (GSignalInvocationHint *hint,
                    guint                  n_values,
                    const GValue          *values,
                    gpointer               user_data)
{
  GObject *object = g_value_get_object (&values[0]);
  static GQuark fixed_quark;

  if (ADW_IS_PREFERENCES_GROUP (object))
    name_group_list (ADW_PREFERENCES_GROUP (object));
  else if (ADW_IS_EXPANDER_ROW (object))
    name_expander_row (ADW_EXPANDER_ROW (object));

  if (!GTK_IS_BUTTON (object))
    return TRUE;

  if (fixed_quark == 0)
    fixed_quark = g_quark_from_static_string ("trib-a11y-mnemonic-fixed");

  if (g_object_get_qdata (object, fixed_quark) == NULL)
    {
      g_object_set_qdata (object, fixed_quark, GINT_TO_POINTER (TRUE));
      g_signal_connect (object, "notify::label", G_CALLBACK (forget_mnemonic_label), NULL);
    }
  forget_mnemonic_label (GTK_BUTTON (object));

  return TRUE;
}

/**
 * trib_a11y_init:
 *
 * Works around what GTK 4.8 names wrongly in every window: called once,
 * at startup.
 */
void
trib_a11y_init (void)
{
  static gsize done;

  if (g_once_init_enter (&done))
    {
      /* GtkWidget's signals exist once its class does; kept for good. */
      g_type_class_ref (GTK_TYPE_WIDGET);
      g_signal_add_emission_hook (g_signal_lookup ("map", GTK_TYPE_WIDGET), 0, widget_mapped_hook, NULL, NULL);
      g_once_init_leave (&done, TRUE);
    }
}

/**
 * trib_a11y_find_row:
 * @widget: a widget in a row of a list, column view or list box
 *
 * The row @widget is in, the widget a list focuses and a screen reader
 * reads: GTK 4.8 does not let a factory reach the row's accessible but
 * through its child. Found by its CSS name, "row" in all three, which
 * costs a string comparison where asking each widget its accessible
 * role goes through a property: this runs for every row bound.
 *
 * Returns: (transfer none) (nullable): the row, or %NULL
 */
GtkWidget *
trib_a11y_find_row (GtkWidget *widget)
{
  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (g_str_equal (gtk_widget_get_css_name (widget), "row"))
      return widget;

  return NULL;
}

/**
 * trib_a11y_set_row_label:
 * @item: a list item with its child set, as in a factory's bind
 * @label: (nullable): the row's name from its content; %NULL in unbind
 *
 * Names the row of a list or column view that shows @item: rows are
 * recycled, so bind names them and unbind takes the name back.
 */
void
trib_a11y_set_row_label (GtkListItem *item,
                         const char  *label)
{
  static GQuark row_quark;
  GtkWidget *child;
  GtkWidget *row;

  g_return_if_fail (GTK_IS_LIST_ITEM (item));

  if (G_UNLIKELY (row_quark == 0))
    row_quark = g_quark_from_static_string ("trib-a11y-row");

  /* A child stays in the row it was made for, recycled with it: it keeps
   * the row rather than comparing its ancestors' CSS names at every bind
   * of a scroll. gtk_widget_is_ancestor() only compares the pointer.
   */
  if ((child = gtk_list_item_get_child (item)) == NULL)
    return;
  row = g_object_get_qdata (G_OBJECT (child), row_quark);
  if (row == NULL || !gtk_widget_is_ancestor (child, row))
    {
      if ((row = trib_a11y_find_row (child)) == NULL)
        return;
      g_object_set_qdata (G_OBJECT (child), row_quark, row);
    }
  trib_a11y_set_label (row, label);
}

/**
 * trib_a11y_set_row_parts:
 * @first_part: (nullable): what the row shows first
 * @...: what it shows next, ending with %NULL
 *
 * Names the row of @item after what it shows, the parts that are not
 * empty in order, between commas, as a screen reader reads a list.
 */
static char *
join_parts_valist (const char *first_part,
                   va_list     args)
{
  g_autoptr(GString) name = g_string_new (NULL);
  const char *part;

  for (part = first_part; ; part = va_arg (args, const char *))
    {
      if (part == NULL)
        break;
      if (part[0] == '\0')
        continue;
      if (name->len > 0)
        g_string_append (name, ", ");
      g_string_append (name, part);
    }

  return name->len > 0 ? g_string_free (g_steal_pointer (&name), FALSE) : NULL;
}

/**
 * trib_a11y_join_parts:
 * @first_part: (nullable): what a row or a cell shows first
 * @...: what it shows next, ending with %NULL
 *
 * Returns: (transfer full) (nullable): the parts that are not empty, in
 *   order, between commas, as a screen reader reads a list
 */
char *
trib_a11y_join_parts (const char *first_part,
                      ...)
{
  va_list args;
  char *joined;

  va_start (args, first_part);
  joined = join_parts_valist (first_part, args);
  va_end (args);

  return joined;
}

void
trib_a11y_set_row_parts (GtkListItem *item,
                         const char  *first_part,
                         ...)
{
  g_autofree char *name = NULL;
  va_list args;

  va_start (args, first_part);
  name = join_parts_valist (first_part, args);
  va_end (args);

  trib_a11y_set_row_label (item, name);
}

static GtkWidget *
find_toggle (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_TOGGLE_BUTTON (child))
        return child;
      if ((found = find_toggle (child)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * trib_a11y_name_menu_button:
 *
 * Names a menu button, and so the toggle button inside it, which takes
 * the focus and is labelled by it.
 */
void
trib_a11y_name_menu_button (GtkMenuButton *button,
                            const char    *label)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));

  trib_a11y_set_label (GTK_WIDGET (button), label);
}

/**
 * trib_a11y_name_split_button:
 * @menu_label: what its arrow opens
 *
 * Names the arrow of @button; its main part is named by its label.
 */
void
trib_a11y_name_split_button (AdwSplitButton *button,
                             const char     *menu_label)
{
  g_return_if_fail (ADW_IS_SPLIT_BUTTON (button));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (button));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_MENU_BUTTON (child))
      trib_a11y_name_menu_button (GTK_MENU_BUTTON (child), menu_label);
}

static GtkWidget *
find_focusable (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (gtk_widget_get_focusable (child))
        return child;
      if ((found = find_focusable (child)) != NULL)
        return found;
    }

  return NULL;
}

static char *
dup_item_text (GtkDropDown *dropdown,
               gpointer     item)
{
  GtkExpression *expression = gtk_drop_down_get_expression (dropdown);
  g_auto(GValue) value = G_VALUE_INIT;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (item));

  if (expression != NULL && gtk_expression_evaluate (expression, item, &value) &&
      G_VALUE_HOLDS_STRING (&value))
    return g_value_dup_string (&value);

  return NULL;
}

static void
update_dropdown_name (GtkDropDown *dropdown)
{
  const char *label = g_object_get_data (G_OBJECT (dropdown), "trib-a11y-label");
  gpointer item = gtk_drop_down_get_selected_item (dropdown);
  g_autofree char *text = item != NULL ? dup_item_text (dropdown, item) : NULL;
  g_autofree char *name = NULL;
  GtkWidget *toggle = find_toggle (GTK_WIDGET (dropdown));
  GtkWidget *row;

  if (toggle == NULL)
    return;

  if (text != NULL && text[0] != '\0')
    /* Translators: the accessible name of a drop-down: what it chooses, then its choice, as in "Sandbox: Production" */
    name = g_strdup_printf (_("%s: %s"), label, text);

  trib_a11y_set_label (toggle, name != NULL ? name : label);

  /* The choice shows in a row of its own, named after its type. */
  if ((row = find_focusable (toggle)) != NULL)
    trib_a11y_set_label (row, text != NULL && text[0] != '\0' ? text : label);
}

/**
 * trib_a11y_name_dropdown:
 * @label: what the drop-down chooses, as its own accessible label says
 *
 * Names the button inside @dropdown, which takes the focus, after what
 * it chooses and its current choice.
 */
void
trib_a11y_name_dropdown (GtkDropDown *dropdown,
                         const char  *label)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));

  g_object_set_data_full (G_OBJECT (dropdown), "trib-a11y-label", g_strdup (label), g_free);
  g_signal_connect (dropdown, "notify::selected-item", G_CALLBACK (update_dropdown_name), NULL);
  update_dropdown_name (dropdown);
}

/**
 * trib_a11y_name_column_view:
 *
 * Names the list inside @column_view, which takes the focus when the
 * view has no row yet, and the row of its headers.
 */
void
trib_a11y_name_column_view (GtkColumnView *column_view,
                            const char    *label)
{
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));

  trib_a11y_set_label (GTK_WIDGET (column_view), label);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child))
        trib_a11y_set_label (child, label);
      else if (gtk_widget_get_focusable (child))
        trib_a11y_set_label (child, _("Column headers"));
    }
}

/* libadwaita 1.2's tabs are named after their types, and so are their
 * close buttons: each tab takes the title it shows.
 */
static void
name_tabs (GtkWidget *widget,
           GtkWidget *tab_container)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *type = G_OBJECT_TYPE_NAME (child);
      GtkWidget *container = tab_container;

      if (g_str_equal (type, "AdwTab") && GTK_IS_WIDGET (gtk_widget_get_parent (child)))
        container = gtk_widget_get_parent (child);
      else if (g_str_equal (type, "AdwFadingLabel") && tab_container != NULL)
        {
          g_autofree char *title = NULL;

          g_object_get (child, "label", &title, NULL);
          /* The query page marks a tab with unsaved changes with a bullet
           * (TRIB_MODIFIED_MARK), which a screen reader says in words.
           */
          if (title != NULL && g_str_has_prefix (title, "• "))
            {
              /* Translators: the accessible name of a tab whose file has unsaved changes; %s is its title */
              g_autofree char *name = g_strdup_printf (_("%s, modified"), title + strlen ("• "));

              trib_a11y_set_label (tab_container, name);
            }
          else
            trib_a11y_set_label (tab_container, title != NULL && title[0] != '\0' ? title : _("Untitled Tab"));
        }
      else if (GTK_IS_BUTTON (child) && tab_container != NULL &&
               g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "window-close-symbolic") == 0)
        trib_a11y_set_label (child, _("Close Tab"));

      name_tabs (child, container);
    }
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
name_tabs_cb (gpointer data)
{
  g_autoptr(AdwTabBar) tab_bar = g_weak_ref_get (data);

  if (tab_bar == NULL)
    return G_SOURCE_REMOVE;

  g_object_steal_data (G_OBJECT (tab_bar), "trib-a11y-naming");
  name_tabs (GTK_WIDGET (tab_bar), NULL);

  return G_SOURCE_REMOVE;
}

/* Once the bar has made or changed its tabs. */
static void
queue_name_tabs (AdwTabBar *tab_bar)
{
  GWeakRef *ref;

  if (g_object_get_data (G_OBJECT (tab_bar), "trib-a11y-naming") != NULL)
    return;

  /* A widget is not to outlive its window in an idle's hands. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, tab_bar);
  g_object_set_data (G_OBJECT (tab_bar), "trib-a11y-naming", GINT_TO_POINTER (TRUE));
  g_idle_add_full (G_PRIORITY_LOW, name_tabs_cb, ref, (GDestroyNotify) weak_ref_free);
}

static void
page_attached_cb (AdwTabBar  *tab_bar,
                  AdwTabPage *page)
{
  g_signal_connect_object (page, "notify::title", G_CALLBACK (queue_name_tabs), tab_bar, G_CONNECT_SWAPPED);
  queue_name_tabs (tab_bar);
}

/**
 * trib_a11y_name_tab_bar:
 *
 * Names the tabs of @tab_bar after their titles, as they come and as
 * their titles change, and their close buttons.
 */
void
trib_a11y_name_tab_bar (AdwTabBar *tab_bar)
{
  AdwTabView *view;

  g_return_if_fail (ADW_IS_TAB_BAR (tab_bar));

  view = adw_tab_bar_get_view (tab_bar);
  g_return_if_fail (view != NULL);

  g_signal_connect_object (view, "page-attached", G_CALLBACK (page_attached_cb), tab_bar, G_CONNECT_SWAPPED);
  g_signal_connect_object (view, "page-detached", G_CALLBACK (queue_name_tabs), tab_bar, G_CONNECT_SWAPPED);
  g_signal_connect (tab_bar, "map", G_CALLBACK (queue_name_tabs), NULL);
  for (int i = 0; i < adw_tab_view_get_n_pages (view); i++)
    page_attached_cb (tab_bar, adw_tab_view_get_nth_page (view, i));
}

/* GtkShortcutsSection names its pages "_1", "_2"…, and its switcher's
 * buttons take these as their names.
 */
static void
name_page_buttons (GtkStackSwitcher *switcher)
{
  guint n_buttons = 0;
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (switcher));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_buttons++;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (switcher));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      g_autofree char *name = NULL;

      /* Translators: the accessible name of a page of the keyboard shortcuts window */
      name = g_strdup_printf (_("Page %u of %u"), ++i, n_buttons);
      trib_a11y_set_label (child, name);
    }
}

static void
find_shortcuts_widgets (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_STACK_SWITCHER (child))
        {
          GtkStack *stack = gtk_stack_switcher_get_stack (GTK_STACK_SWITCHER (child));
          g_autoptr(GtkSelectionModel) pages = stack != NULL ? gtk_stack_get_pages (stack) : NULL;

          /* The section makes its pages again when it is shown. */
          if (pages != NULL)
            g_signal_connect_object (pages, "items-changed", G_CALLBACK (name_page_buttons), child,
                                     G_CONNECT_SWAPPED | G_CONNECT_AFTER);
          name_page_buttons (GTK_STACK_SWITCHER (child));
        }
      else if (GTK_IS_TOGGLE_BUTTON (child) &&
               g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (child)), "edit-find-symbolic") == 0)
        trib_a11y_set_label (child, _("Search Shortcuts"));
      else if (GTK_IS_SEARCH_ENTRY (child))
        trib_a11y_set_label (child, _("Search Shortcuts"));

      find_shortcuts_widgets (child);
    }
}

/**
 * trib_a11y_name_shortcuts_window:
 * @window: (nullable): a #GtkShortcutsWindow
 *
 * Names what GtkShortcutsWindow leaves unnamed: its search button and
 * the buttons of its pages.
 */
void
trib_a11y_name_shortcuts_window (GtkWindow *window)
{
  if (window == NULL)
    return;

  g_return_if_fail (GTK_IS_SHORTCUTS_WINDOW (window));

  find_shortcuts_widgets (GTK_WIDGET (window));
}

void
trib_a11y_set_announcer (GtkWindow     *window,
                         TribAnnouncer *announcer)
{
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (announcer == NULL || TRIB_IS_ANNOUNCER (announcer));

  g_object_set_data (G_OBJECT (window), ANNOUNCER_KEY, announcer);
}

/**
 * trib_a11y_announce:
 * @widget: a widget of the window to say it in
 * @message: (nullable): one line of plain text
 *
 * Says @message through the announcer of @widget's window, or of the
 * window a dialog is for.
 */
void
trib_a11y_announce (GtkWidget  *widget,
                    const char *message)
{
  GtkRoot *root;
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  root = gtk_widget_get_root (widget);
  for (window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
       window != NULL;
       window = gtk_window_get_transient_for (window))
    {
      TribAnnouncer *announcer = g_object_get_data (G_OBJECT (window), ANNOUNCER_KEY);

      if (announcer != NULL)
        {
          trib_announcer_announce (announcer, message);
          return;
        }
    }
}

/**
 * trib_a11y_add_toast:
 * @toast: (transfer full): a toast
 *
 * Shows @toast, and says its title: libadwaita 1.2's toasts are silent.
 */
void
trib_a11y_add_toast (AdwToastOverlay *overlay,
                     AdwToast        *toast)
{
  g_autofree char *text = NULL;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  /* A toast's title is markup. */
  if (!pango_parse_markup (adw_toast_get_title (toast), -1, 0, NULL, &text, NULL, NULL))
    text = g_strdup (adw_toast_get_title (toast));

  adw_toast_overlay_add_toast (overlay, toast);
  trib_a11y_announce (GTK_WIDGET (overlay), text);
}
