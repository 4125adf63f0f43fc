/* test-ui-a11y-names.c
 *
 * Every control is named, over AT-SPI, as a screen reader reads it: on
 * each page of the demo platform, in the shortcuts window and in the
 * dialogs, no interactive element is unnamed or named after its type
 * ("GtkToggleButton", "GtkListItemWidget") or a mnemonic ("_1"). And a
 * query's end is said: the window's announcer is named after it.
 *
 * The accessibility tree is read by this same program run again as a
 * child (--atspi-walk), with libatspi, while this one goes on answering
 * over the bus; the tree it prints is then matched node for node with
 * the widgets, to keep to what shows (GTK 4.8 exposes hidden stack pages
 * too, and has no reliable "showing" state) and to say which widget an
 * unnamed node is.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <adwaita.h>
/* libatspi 2.46 declares functions without prototypes. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wstrict-prototypes"
#include <atspi/atspi.h>
#pragma GCC diagnostic pop

#include "trib-adhoc-class-dialog.h"
#include "trib-application.h"
#include "trib-dataset-create-dialog.h"
#include "trib-datasets-page.h"
#include "trib-preferences-window.h"
#include "trib-profile-dialog.h"
#include "trib-schedule-dialog.h"
#include "trib-schema-create-dialog.h"
#include "trib-schemas-page.h"
#include "trib-ui-query-test.h"

/* The child: the accessible tree of a window of the application @pid,
 * one node a line, depth, role and name between tabs.
 */

static void
print_node (AtspiAccessible *accessible,
            guint            depth)
{
  g_autofree char *role = atspi_accessible_get_role_name (accessible, NULL);
  g_autofree char *name = atspi_accessible_get_name (accessible, NULL);
  int n_children = atspi_accessible_get_child_count (accessible, NULL);

  if (name != NULL)
    g_strdelimit (name, "\t\n\r", ' ');
  /* As UTF-8, whatever the locale. */
  fprintf (stdout, "%u\t%s\t%s\n", depth, role != NULL ? role : "", name != NULL ? name : "");

  for (int i = 0; i < n_children; i++)
    {
      AtspiAccessible *child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        print_node (child, depth + 1);
      else
        fprintf (stdout, "%u\t\t\n", depth + 1);
      g_clear_object (&child);
    }
}

static int
walk_main (const char *pid_text,
           const char *window_text)
{
  guint pid = (guint) g_ascii_strtoull (pid_text, NULL, 10);
  int window = (int) g_ascii_strtoll (window_text, NULL, 10);
  AtspiAccessible *desktop;
  int status = 3;

  if (atspi_init () < 0)
    return 2;

  desktop = atspi_get_desktop (0);
  for (int i = 0; status != 0 && i < atspi_accessible_get_child_count (desktop, NULL); i++)
    {
      AtspiAccessible *app = atspi_accessible_get_child_at_index (desktop, i, NULL);

      if (app != NULL && atspi_accessible_get_process_id (app, NULL) == pid)
        {
          AtspiAccessible *toplevel = atspi_accessible_get_child_at_index (app, window, NULL);

          if (toplevel != NULL)
            {
              print_node (toplevel, 0);
              status = 0;
            }
          g_clear_object (&toplevel);
        }
      g_clear_object (&app);
    }

  g_object_unref (desktop);
  return status;
}

/* The parent: the tree as read, matched with the widgets. */

typedef struct _Node Node;
struct _Node
{
  char *role;
  char *name;
  GPtrArray *children;
};

static void
node_free (Node *node)
{
  g_free (node->role);
  g_free (node->name);
  g_ptr_array_unref (node->children);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

static Node *
parse_tree (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GPtrArray) stack = g_ptr_array_new ();
  Node *root = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], "\t", 3);
      Node *node;
      guint depth;

      if (g_strv_length (fields) != 3)
        continue;

      depth = (guint) g_ascii_strtoull (fields[0], NULL, 10);
      node = g_new0 (Node, 1);
      node->role = g_strdup (fields[1]);
      node->name = g_strdup (fields[2]);
      node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) node_free);

      g_ptr_array_set_size (stack, depth);
      if (depth == 0)
        root = node;
      else
        {
          g_assert_cmpuint (stack->len, ==, depth);
          g_ptr_array_add (((Node *) g_ptr_array_index (stack, depth - 1))->children, node);
        }
      g_ptr_array_add (stack, node);
    }

  g_assert_nonnull (root);
  return root;
}

typedef struct
{
  char *output;
  gboolean done;
} Walked;

static void
walked_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Walked *walked = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &walked->output, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (G_SUBPROCESS (object)));
  walked->done = TRUE;
}

static gboolean
walk_timed_out_cb (gpointer data)
{
  g_error ("The accessibility tree took too long to read");
  return G_SOURCE_REMOVE;
}

/* The tree of this program's @window-th toplevel, read over the bus
 * while this process answers.
 */
static Node *
read_tree (guint window)
{
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *index = g_strdup_printf ("%u", window);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  Walked walked = { NULL, FALSE };
  guint timeout;
  Node *root;

  trib_ui_test_settle ();
  child = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                            "/proc/self/exe", "--atspi-walk", pid, index, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (child, NULL, NULL, walked_cb, &walked);
  /* Each of the child's calls waits for this loop to answer: no sleep
   * between iterations, as trib_ui_test_iterate_until() has.
   */
  timeout = g_timeout_add_seconds (90, walk_timed_out_cb, NULL);
  while (!walked.done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (timeout);

  root = parse_tree (walked.output);
  g_free (walked.output);

  return root;
}

/* As GTK 4.8 decides which widgets the tree has. */
static gboolean
is_presented (GtkWidget *widget)
{
  GtkAccessibleRole role = gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget));

  return gtk_widget_get_visible (widget) && role != GTK_ACCESSIBLE_ROLE_NONE && role != GTK_ACCESSIBLE_ROLE_PRESENTATION;
}

static GPtrArray *
presented_children (GtkWidget *widget)
{
  GPtrArray *children = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (is_presented (child))
      g_ptr_array_add (children, child);

  return children;
}

static const char * const interactive_roles[] = {
  "push button", "toggle button", "check box", "radio button", "combo box", "entry", "password text",
  "spin button", "slider", "switch", "page tab", "link", "menu item", "check menu item",
  "radio menu item", "text", NULL
};

typedef struct
{
  guint interactive;
  guint unnamed;
  guint unmatched;
  GtkWidget *announcer;
  char *announcer_name;
} Count;

/* A mnemonic as written: "_1", or GTK 4.8's "_Try Again Try Again". */
static gboolean
is_mnemonic (const char *name)
{
  const char *space;

  if (name[0] == '_' && name[1] != '\0' && strspn (name + 1, "0123456789") == strlen (name + 1))
    return TRUE;

  for (space = strchr (name, ' '); space != NULL; space = strchr (space + 1, ' '))
    {
      g_autofree char *written = g_strndup (name, space - name);
      g_auto(GStrv) parts = g_strsplit (written, "_", -1);
      g_autofree char *shown = g_strjoinv ("", parts);

      if (strchr (written, '_') != NULL && g_str_equal (shown, space + 1))
        return TRUE;
    }

  return FALSE;
}

/* A name said twice, as a label and again by what labels it. */
static gboolean
is_doubled (const char *name)
{
  gsize length = strlen (name);

  return length % 2 == 1 && name[length / 2] == ' ' && strncmp (name, name + length / 2 + 1, length / 2) == 0;
}

/* No name, a type's name, a mnemonic, or a name said twice. */
static gboolean
is_unnamed (const char *name)
{
  return name[0] == '\0' || is_mnemonic (name) || is_doubled (name) || g_str_has_prefix (name, "Gtk") || g_str_has_prefix (name, "Adw") ||
         g_str_has_prefix (name, "Trib");
}

/* Whether the focus can land on @widget itself. A scrolled window takes
 * it only if what it holds cannot.
 */
static gboolean
takes_focus (GtkWidget *widget)
{
  if (!gtk_widget_get_focusable (widget) || GTK_IS_SCROLLED_WINDOW (widget))
    return FALSE;

  for (; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (!gtk_widget_get_can_focus (widget))
      return FALSE;

  return TRUE;
}

static void
check_node (Count     *count,
            Node      *node,
            GtkWidget *widget)
{
  g_autoptr(GPtrArray) children = NULL;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (count->announcer != NULL && widget == count->announcer)
    {
      g_free (count->announcer_name);
      count->announcer_name = g_strdup (node->name);
    }

  /* Controls, and whatever else takes the focus: rows, cells, tree
   * expanders, selectable labels, lists.
   */
  if (g_strv_contains (interactive_roles, node->role) || takes_focus (widget))
    {
      GtkWidget *parent = gtk_widget_get_parent (widget);
      GtkWidget *grandparent = parent != NULL ? gtk_widget_get_parent (parent) : NULL;

      count->interactive++;
      if (is_unnamed (node->name))
        {
          count->unnamed++;
          g_test_message ("unnamed: %s '%s' (%s in %s in %s)%s%s", node->role, node->name, G_OBJECT_TYPE_NAME (widget),
                          parent != NULL ? G_OBJECT_TYPE_NAME (parent) : "-",
                          grandparent != NULL ? G_OBJECT_TYPE_NAME (grandparent) : "-",
                          GTK_IS_BUTTON (widget) ? ", icon " : "",
                          GTK_IS_BUTTON (widget) ? gtk_button_get_icon_name (GTK_BUTTON (widget)) : "");
        }
    }

  children = presented_children (widget);
  if (children->len != node->children->len)
    {
      count->unmatched++;
      g_test_message ("unmatched: %s '%s' (%s) has %u children, its accessible %u", node->role, node->name,
                      G_OBJECT_TYPE_NAME (widget), children->len, node->children->len);
      for (guint i = 0; i < children->len; i++)
        g_test_message ("  child %s role %d child-visible %d mapped %d", G_OBJECT_TYPE_NAME (children->pdata[i]),
                        gtk_accessible_get_accessible_role (children->pdata[i]), gtk_widget_get_child_visible (children->pdata[i]),
                        gtk_widget_get_mapped (children->pdata[i]));
      for (guint i = 0; i < node->children->len; i++)
        g_test_message ("  node %s %s", ((Node *)node->children->pdata[i])->role, ((Node *)node->children->pdata[i])->name);
      return;
    }

  for (guint i = 0; i < children->len; i++)
    {
      Node *child_node = g_ptr_array_index (node->children, i);
      GtkWidget *child = g_ptr_array_index (children, i);

      /* A stack shows its pages, each holding its child. */
      if (GTK_IS_STACK (widget))
        {
          if (child_node->children->len == 1)
            check_node (count, g_ptr_array_index (child_node->children, 0), child);
        }
      else
        check_node (count, child_node, child);
    }
}

/* Reads the tree and counts the interactive elements of @root, one of
 * the toplevels, and those without a name.
 */
static void
check_names (GtkWidget  *root,
             const char *page,
             char      **announcer_name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  g_autoptr(GPtrArray) presented = g_ptr_array_new ();
  g_autoptr(Node) tree = NULL;
  Count count = { 0, };
  guint index;

  count.announcer = trib_ui_test_find_any (root, g_type_from_name ("TribAnnouncer"));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (is_presented (toplevel))
        g_ptr_array_add (presented, toplevel);
    }
  g_assert_true (g_ptr_array_find (presented, root, &index));

  tree = read_tree (index);
  check_node (&count, tree, root);

  g_test_message ("A11Y page=%s interactive=%u unnamed=%u", page, count.interactive, count.unnamed);

  g_assert_cmpuint (count.unmatched, ==, 0);
  g_assert_cmpuint (count.interactive, >, 0);
  g_assert_cmpuint (count.unnamed, ==, 0);

  if (announcer_name != NULL)
    *announcer_name = g_steal_pointer (&count.announcer_name);
  g_free (count.announcer_name);
}

static gboolean
dataset_shown (gpointer data)
{
  return trib_datasets_page_get_dataset (data) != NULL;
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = trib_ui_test_find_toplevel (GPOINTER_TO_SIZE (data), NULL);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static GtkWidget *
wait_for_toplevel (GType type)
{
  trib_ui_test_iterate_until (toplevel_shown, GSIZE_TO_POINTER (type), 10);
  trib_ui_test_settle ();

  return GTK_WIDGET (trib_ui_test_find_toplevel (type, NULL));
}

static void
check_dialog (GtkWidget  *dialog,
              const char *page)
{
  check_names (dialog, page, NULL);
  gtk_window_destroy (GTK_WINDOW (dialog));
  trib_ui_test_settle ();
}

static void
test_pages (void)
{
  g_autoptr(TribApplication) app = trib_application_new ();
  TribWindow *window = trib_ui_test_open_demo (app, 60);
  GtkWidget *schemas = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_SCHEMAS_PAGE);
  GtkWidget *datasets = trib_ui_test_find_any (GTK_WIDGET (window), TRIB_TYPE_DATASETS_PAGE);
  g_autofree char *announced = NULL;
  TribQueryPage *query;
  GtkWidget *dialog;

  trib_ui_test_resize (GTK_WIDGET (window), 1200, 800);

  trib_window_show_page (window, "sandboxes");
  check_names (GTK_WIDGET (window), "sandboxes", NULL);

  trib_window_show_page (window, "schemas");
  trib_ui_test_iterate_until (trib_ui_test_schemas_listed, schemas, 30);
  check_names (GTK_WIDGET (window), "schemas", NULL);

  gtk_widget_activate_action (trib_ui_test_find_widget (schemas, GTK_TYPE_LIST_VIEW, NULL), "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (trib_ui_test_fields_loaded, schemas, 30);
  check_names (GTK_WIDGET (window), "schema", NULL);

  gtk_widget_activate_action (schemas, "schemas.new-schema", NULL);
  check_dialog (wait_for_toplevel (TRIB_TYPE_SCHEMA_CREATE_DIALOG), "schema-create");
  gtk_widget_activate_action (schemas, "schemas.new-adhoc-class", NULL);
  check_dialog (wait_for_toplevel (TRIB_TYPE_ADHOC_CLASS_DIALOG), "adhoc-class");

  trib_window_show_page (window, "datasets");
  trib_ui_test_iterate_until (trib_ui_test_datasets_listed, datasets, 30);
  check_names (GTK_WIDGET (window), "datasets", NULL);

  gtk_widget_activate_action (datasets, "datasets.new", NULL);
  check_dialog (wait_for_toplevel (TRIB_TYPE_DATASET_CREATE_DIALOG), "dataset-create");

  gtk_widget_activate_action (trib_ui_test_find_widget (datasets, GTK_TYPE_LIST_VIEW, NULL), "list.activate-item", "u", 0);
  trib_ui_test_iterate_until (dataset_shown, datasets, 30);
  check_names (GTK_WIDGET (window), "dataset", NULL);

  /* A result with an empty cell and a NULL one; its end is announced. */
  query = trib_ui_query_show_page (GTK_WIDGET (window));
  trib_ui_query_run_and_wait (GTK_WIDGET (window), query,
                              "SELECT eventtype, '' AS nothing, NULL AS unknown FROM luma_web_events LIMIT 40",
                              "ctrl+Return", 1);
  check_names (GTK_WIDGET (window), "query", &announced);
  g_assert_nonnull (announced);
  g_assert_true (g_str_has_prefix (announced, "40 rows in "));
  g_assert_true (g_str_has_suffix (announced, " s"));

  /* The statement just run, to be scheduled. */
  gtk_widget_activate_action (GTK_WIDGET (query), "query.schedule", NULL);
  check_dialog (wait_for_toplevel (TRIB_TYPE_SCHEDULE_DIALOG), "schedule");

  trib_window_show_page (window, "activity");
  check_names (GTK_WIDGET (window), "activity", NULL);

  trib_window_show_page (window, "schedules");
  check_names (GTK_WIDGET (window), "schedules", NULL);

  /* GTK 4.8's shortcuts window measures one of its labels at a
   * negative width here, and says so: nothing of Tributary's.
   */
  trib_ui_test_ignore_message ("reported min width -");
  /* Built when first asked for, not with the window. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  dialog = wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_true (GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window))) == dialog);
  check_names (dialog, "shortcuts", NULL);
  /* The window is kept, hidden, for the next time. */
  gtk_widget_set_visible (dialog, FALSE);
  trib_ui_test_settle ();
  trib_ui_test_ignore_message (NULL);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  check_dialog (wait_for_toplevel (TRIB_TYPE_PREFERENCES_WINDOW), "preferences");

  g_action_group_activate_action (G_ACTION_GROUP (app), "new-profile", NULL);
  dialog = wait_for_toplevel (TRIB_TYPE_PROFILE_DIALOG);
  check_names (dialog, "profile-choices", NULL);
  g_signal_emit_by_name (trib_ui_test_find_any (dialog, ADW_TYPE_ACTION_ROW), "activated");
  trib_ui_test_settle ();
  check_dialog (dialog, "profile-form");

  gtk_window_destroy (GTK_WINDOW (window));
  trib_ui_test_settle ();
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--atspi-walk"))
    return walk_main (argv[2], argv[3]);

  /* The tests' environment turns accessibility off; this one reads it. */
  g_setenv ("GTK_A11Y", "atspi", TRUE);
  /* The demo's Query Service, on a PostgreSQL of its own. */
  g_setenv ("TRIBUTARY_SIM_POSTGRES", "start", TRUE);
  trib_ui_test_init (&argc, &argv);

  g_test_add_func ("/tributary/ui/a11y-names/pages", test_pages);

  return g_test_run ();
}
