/* trib-ui-test-wizard.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the dataflow wizard's UI tests wait for, once for all of them. */

#include "config.h"

#include <string.h>

#include "trib-explore-node.h"
#include "trib-mapping-page.h"
#include "trib-ui-test.h"
#include "trib-ui-test-wizard.h"

/* The rows of Explore's tree, as the list shows them. */
GListModel *
trib_ui_wizard_explore_tree (TribExploreView *view)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (trib_explore_view_get_tree_view (view));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
}

/* Explore's tree has rows, and none of them is still loading. */
gboolean
trib_ui_wizard_explore_loaded (gpointer view)
{
  GListModel *tree = trib_ui_wizard_explore_tree (view);
  guint n_items = tree != NULL ? g_list_model_get_n_items (tree) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tree, i);
      g_autoptr(TribExploreNode) node = gtk_tree_list_row_get_item (row);

      if (trib_explore_node_get_kind (node) == TRIB_EXPLORE_NODE_LOADING)
        return FALSE;
    }

  return n_items > 0;
}

/* The Source step has read what it needs: its problem, if any, is no
 * longer a "Reading…" one.
 */
gboolean
trib_ui_wizard_source_ready (gpointer wizard)
{
  const char *problem = trib_flow_wizard_get_problem (wizard);

  return problem == NULL || strstr (problem, "…") == NULL;
}

gboolean
trib_ui_wizard_mapping_loaded (gpointer wizard)
{
  TribMappingPage *page = trib_ui_test_find_any (GTK_WIDGET (wizard), TRIB_TYPE_MAPPING_PAGE);

  return page != NULL && trib_mapping_page_get_loaded (page) && !trib_mapping_page_get_busy (page);
}

/* The setup made its flow, or stopped saying so. */
gboolean
trib_ui_wizard_flow_made (gpointer wizard)
{
  return trib_flow_wizard_get_flow_id (wizard) != NULL ||
         (!trib_flow_wizard_get_busy (wizard) &&
          trib_ui_test_has_label (GTK_WIDGET (wizard), "The setup stopped", TRUE));
}

typedef struct
{
  TribFlowWizard *wizard;
  const char *step;
} StepWait;

static gboolean
step_reached (gpointer data)
{
  StepWait *wait = data;

  return !trib_flow_wizard_get_busy (wait->wizard) &&
         g_strcmp0 (trib_flow_wizard_get_step (wait->wizard), wait->step) == 0;
}

/* Ctrl+Enter, as a user goes on, and the step it leads to. */
void
trib_ui_wizard_press_next (TribFlowWizard *wizard,
                           const char     *expected_step)
{
  StepWait wait = { wizard, expected_step };

  trib_ui_test_press_keys (GTK_WIDGET (wizard), "ctrl+Return");
  trib_ui_test_iterate_until (step_reached, &wait, 30);
  trib_ui_test_settle ();
  if (g_strcmp0 (trib_flow_wizard_get_step (wizard), expected_step) != 0)
    g_test_message ("%s: %s", expected_step, trib_flow_wizard_get_problem (wizard));
  g_assert_cmpstr (trib_flow_wizard_get_step (wizard), ==, expected_step);
}
