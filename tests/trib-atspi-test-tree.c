/* trib-atspi-test-tree.c
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The accessible tree as a screen reader reads it: walked, searched,
 * and its nodes' names, text, states and relations.
 */

#include "trib-atspi-test.h"

void
trib_atspi_node_free (TribAtspiNode *node)
{
  g_clear_object (&node->accessible);
  g_clear_object (&node->states);
  g_free (node->role_name);
  g_free (node->name);
  g_free (node->description);
  g_free (node);
}

/* GTK 4.8 says SHOWING of windows only, and VISIBLE of any widget not
 * hidden, including the children of a stack's pages not on screen. An
 * unmapped widget that was never shown has an empty allocation; one that
 * was shown keeps its last one, which cannot be told from a mapped one.
 */
static gboolean
on_screen (TribAtspiNode *node)
{
  g_autoptr(AtspiComponent) component = NULL;
  g_autofree AtspiRect *extents = NULL;

  if (!atspi_state_set_contains (node->states, ATSPI_STATE_VISIBLE))
    return FALSE;

  /* Stack pages are no widgets: they have no extents. */
  component = atspi_accessible_get_component_iface (node->accessible);
  if (component == NULL)
    return TRUE;

  extents = atspi_component_get_extents (component, ATSPI_COORD_TYPE_WINDOW, NULL);
  return extents == NULL || (extents->width > 0 && extents->height > 0);
}

static void
walk (AtspiAccessible    *accessible,
      guint               depth,
      TribAtspiWalkFlags  flags,
      GPtrArray          *nodes)
{
  TribAtspiNode *node = g_new0 (TribAtspiNode, 1);
  int n;

  node->accessible = g_object_ref (accessible);
  node->role = atspi_accessible_get_role (accessible, NULL);
  node->role_name = atspi_accessible_get_role_name (accessible, NULL);
  node->name = atspi_accessible_get_name (accessible, NULL);
  node->description = atspi_accessible_get_description (accessible, NULL);
  node->states = atspi_accessible_get_state_set (accessible);
  node->depth = depth;
  if (node->role_name == NULL)
    node->role_name = g_strdup ("");
  if (node->name == NULL)
    node->name = g_strdup ("");
  if (node->description == NULL)
    node->description = g_strdup ("");
  g_ptr_array_add (nodes, node);

  if ((flags & TRIB_ATSPI_WALK_SHOWING) != 0 && depth > 0 && !on_screen (node))
    return;

  /* A bound against a cycle in a broken tree. */
  if (depth > 200)
    return;

  n = atspi_accessible_get_child_count (accessible, NULL);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(AtspiAccessible) child = atspi_accessible_get_child_at_index (accessible, i, NULL);

      if (child != NULL)
        walk (child, depth + 1, flags, nodes);
    }
}

GPtrArray *
trib_atspi_test_walk (AtspiAccessible    *root,
                      TribAtspiWalkFlags  flags)
{
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) trib_atspi_node_free);

  g_return_val_if_fail (ATSPI_IS_ACCESSIBLE (root), nodes);

  atspi_accessible_clear_cache (root);
  walk (root, 0, flags, nodes);

  return nodes;
}

AtspiAccessible *
trib_atspi_test_find (AtspiAccessible    *root,
                      AtspiRole           role,
                      const char         *name,
                      TribAtspiWalkFlags  flags)
{
  g_autoptr(GPtrArray) nodes = trib_atspi_test_walk (root, flags);

  for (guint i = 0; i < nodes->len; i++)
    {
      TribAtspiNode *node = g_ptr_array_index (nodes, i);

      if ((role == ATSPI_ROLE_INVALID || node->role == role) &&
          (name == NULL || g_strcmp0 (node->name, name) == 0))
        return g_object_ref (node->accessible);
    }

  return NULL;
}

typedef struct
{
  AtspiAccessible *root;
  AtspiRole role;
  const char *name;
  AtspiAccessible *found;
} FindData;

static gboolean
node_found (gpointer data)
{
  FindData *find = data;

  find->found = trib_atspi_test_find (find->root, find->role, find->name, TRIB_ATSPI_WALK_ALL);
  return find->found != NULL;
}

AtspiAccessible *
trib_atspi_test_wait_for_node (AtspiAccessible *root,
                               AtspiRole        role,
                               const char      *name,
                               guint            timeout_s)
{
  FindData find = { root, role, name, NULL };

  if (!trib_atspi_test_wait_for (node_found, &find, timeout_s))
    g_error ("No %s named '%s' appeared in %u s",
             role == ATSPI_ROLE_INVALID ? "node" : atspi_role_get_name (role),
             name != NULL ? name : "(any)", timeout_s);

  return find.found;
}

AtspiAccessible *
trib_atspi_test_focused (AtspiAccessible *root)
{
  g_autoptr(GPtrArray) nodes = trib_atspi_test_walk (root, TRIB_ATSPI_WALK_SHOWING);
  AtspiAccessible *focused = NULL;

  for (guint i = 0; i < nodes->len; i++)
    {
      TribAtspiNode *node = g_ptr_array_index (nodes, i);

      if (atspi_state_set_contains (node->states, ATSPI_STATE_FOCUSED))
        focused = node->accessible;
    }

  return focused != NULL ? g_object_ref (focused) : NULL;
}

/* Reading */

gboolean
trib_atspi_test_has_state (AtspiAccessible *accessible,
                           AtspiStateType   state)
{
  g_autoptr(AtspiStateSet) states = NULL;

  atspi_accessible_clear_cache (accessible);
  states = atspi_accessible_get_state_set (accessible);

  return atspi_state_set_contains (states, state);
}

char *
trib_atspi_test_get_name (AtspiAccessible *accessible)
{
  char *name;

  atspi_accessible_clear_cache (accessible);
  name = atspi_accessible_get_name (accessible, NULL);

  return name != NULL ? name : g_strdup ("");
}

char *
trib_atspi_test_get_text (AtspiAccessible *accessible)
{
  g_autoptr(AtspiText) text = atspi_accessible_get_text_iface (accessible);
  int count;

  if (text == NULL)
    return NULL;

  count = atspi_text_get_character_count (text, NULL);
  return atspi_text_get_text (text, 0, count, NULL);
}

GPtrArray *
trib_atspi_test_relation_targets (AtspiAccessible   *accessible,
                                  AtspiRelationType  type)
{
  GPtrArray *targets = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) relations = atspi_accessible_get_relation_set (accessible, NULL);

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      AtspiRelation *relation = g_array_index (relations, AtspiRelation *, i);

      if (atspi_relation_get_relation_type (relation) == type)
        for (int j = 0; j < atspi_relation_get_n_targets (relation); j++)
          g_ptr_array_add (targets, atspi_relation_get_target (relation, j));
      g_object_unref (relation);
    }

  return targets;
}

char *
trib_atspi_test_describe (AtspiAccessible *accessible)
{
  g_autofree char *role = atspi_accessible_get_role_name (accessible, NULL);
  g_autofree char *name = atspi_accessible_get_name (accessible, NULL);

  return g_strdup_printf ("%s '%s'", role != NULL ? role : "?", name != NULL ? name : "");
}

gboolean
trib_atspi_test_same (AtspiAccessible *a,
                      AtspiAccessible *b)
{
  if (a == b)
    return TRUE;
  if (a == NULL || b == NULL)
    return FALSE;

  return g_strcmp0 (ATSPI_OBJECT (a)->path, ATSPI_OBJECT (b)->path) == 0 &&
         g_strcmp0 (ATSPI_OBJECT (a)->app->bus_name, ATSPI_OBJECT (b)->app->bus_name) == 0;
}
