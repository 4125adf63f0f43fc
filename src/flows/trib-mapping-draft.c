/* trib-mapping-draft.c
 *
 * The Mapping step's answers as they are being written: a GListModel of
 * TribMappingRow that the page shows, with every change recorded so it
 * can be undone (an auto-map is one change), its own checks (a row
 * without a target, two rows into one field) and Data Prep's verdicts
 * on each row, and the TribMapping array the flow plan sends.
 * Validation and preview calls are in trib-mapping-draft-check.c.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-draft"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "trib-automap.h"
#include "trib-mapping-draft-private.h"
#include "trib-mapping-row-private.h"

/* Enough to undo a long session of edits; each step is a copy of the
 * rows, a few hundred bytes each.
 */
#define MAX_HISTORY 200

typedef struct
{
  TribMappingRowState *rows;
  guint n_rows;
} Snapshot;

struct _TribMappingDraft
{
  GObject parent_instance;

  GPtrArray *rows;       /* of TribMappingRow */
  GQueue undo;           /* of Snapshot *, newest first */
  GQueue redo;
  guint n_problems;
  gboolean complete;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TribMappingDraft, trib_mapping_draft, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_N_PROBLEMS,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
snapshot_free (Snapshot *snapshot)
{
  for (guint i = 0; i < snapshot->n_rows; i++)
    _trib_mapping_row_state_clear (&snapshot->rows[i]);
  g_free (snapshot->rows);
  g_free (snapshot);
}

static Snapshot *
snapshot_take (TribMappingDraft *self)
{
  Snapshot *snapshot = g_new0 (Snapshot, 1);

  snapshot->n_rows = self->rows->len;
  snapshot->rows = g_new0 (TribMappingRowState, MAX (snapshot->n_rows, 1));
  for (guint i = 0; i < self->rows->len; i++)
    _trib_mapping_row_state_copy (_trib_mapping_row_peek (g_ptr_array_index (self->rows, i)), &snapshot->rows[i]);

  return snapshot;
}

/* GListModel */

static GType
trib_mapping_draft_get_item_type (GListModel *model)
{
  return TRIB_TYPE_MAPPING_ROW;
}

static guint
trib_mapping_draft_get_n_items (GListModel *model)
{
  return TRIB_MAPPING_DRAFT (model)->rows->len;
}

static gpointer
trib_mapping_draft_get_item (GListModel *model,
                             guint       position)
{
  TribMappingDraft *self = TRIB_MAPPING_DRAFT (model);

  if (position >= self->rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = trib_mapping_draft_get_item_type;
  iface->get_n_items = trib_mapping_draft_get_n_items;
  iface->get_item = trib_mapping_draft_get_item;
}

/* Checks */

/* The draft's own checks, run after every change: cheap, a hash table
 * of targets.
 */
void
_trib_mapping_draft_check_rows (TribMappingDraft *self)
{
  g_autoptr(GHashTable) targets = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_problems = 0;
  gboolean complete;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TribMappingRow *row = g_ptr_array_index (self->rows, i);
      const char *target = trib_mapping_row_get_target (row);
      const char *source = trib_mapping_row_get_source (row);
      g_autofree char *problem = NULL;

      if (source == NULL || source[0] == '\0')
        problem = g_strdup (trib_mapping_row_get_calculated (row)
                            ? _("Enter an expression")
                            : _("Choose a source column"));
      else if (target == NULL || target[0] == '\0')
        problem = g_strdup (_("Choose a target field"));
      else if (g_hash_table_contains (targets, target))
        /* Translators: %s is a field path such as person.name.firstName */
        problem = g_strdup_printf (_("Another mapping already writes to %s"), target);
      else
        g_hash_table_add (targets, (gpointer) target);

      _trib_mapping_row_set_local_problem (row, problem);
      if (trib_mapping_row_get_problem (row) != NULL)
        n_problems++;
    }

  complete = self->rows->len > 0 && n_problems == 0;

  if (self->n_problems != n_problems)
    {
      self->n_problems = n_problems;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PROBLEMS]);
    }
  if (self->complete != complete)
    {
      self->complete = complete;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
    }
}

/* History */

static void
notify_history (TribMappingDraft *self,
                gboolean          could_undo,
                gboolean          could_redo)
{
  if (could_undo != trib_mapping_draft_get_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != trib_mapping_draft_get_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

/* Called before each change: the state it will leave becomes the step
 * to undo, and what was undone can no longer be redone.
 */
static void
record (TribMappingDraft *self)
{
  gboolean could_undo = trib_mapping_draft_get_can_undo (self);
  gboolean could_redo = trib_mapping_draft_get_can_redo (self);

  g_queue_push_head (&self->undo, snapshot_take (self));
  while (self->undo.length > MAX_HISTORY)
    snapshot_free (g_queue_pop_tail (&self->undo));
  g_queue_clear_full (&self->redo, (GDestroyNotify) snapshot_free);

  notify_history (self, could_undo, could_redo);
}

/* Rows that differ are updated in place, so a view keeps its widgets
 * and focus; the length changes at the end.
 */
static void
restore (TribMappingDraft *self,
         Snapshot         *snapshot)
{
  guint old_n = self->rows->len;
  guint common = MIN (old_n, snapshot->n_rows);

  for (guint i = 0; i < common; i++)
    _trib_mapping_row_update (g_ptr_array_index (self->rows, i), &snapshot->rows[i]);

  if (old_n > snapshot->n_rows)
    g_ptr_array_remove_range (self->rows, snapshot->n_rows, old_n - snapshot->n_rows);
  for (guint i = old_n; i < snapshot->n_rows; i++)
    g_ptr_array_add (self->rows, _trib_mapping_row_new (&snapshot->rows[i]));

  if (old_n != snapshot->n_rows)
    g_list_model_items_changed (G_LIST_MODEL (self), common, old_n - common, snapshot->n_rows - common);

  _trib_mapping_draft_check_rows (self);
}

/* GObject */

static void
trib_mapping_draft_finalize (GObject *object)
{
  TribMappingDraft *self = (TribMappingDraft *) object;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_queue_clear_full (&self->undo, (GDestroyNotify) snapshot_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify) snapshot_free);

  G_OBJECT_CLASS (trib_mapping_draft_parent_class)->finalize (object);
}

static void
trib_mapping_draft_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TribMappingDraft *self = TRIB_MAPPING_DRAFT (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, trib_mapping_draft_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, trib_mapping_draft_get_can_redo (self));
      break;
    case PROP_N_PROBLEMS:
      g_value_set_uint (value, self->n_problems);
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, self->complete);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_mapping_draft_class_init (TribMappingDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_mapping_draft_finalize;
  object_class->get_property = trib_mapping_draft_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PROBLEMS] =
    g_param_spec_uint ("n-problems", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_mapping_draft_init (TribMappingDraft *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
}

/**
 * trib_mapping_draft_new:
 *
 * Returns: (transfer full): an empty draft
 */
TribMappingDraft *
trib_mapping_draft_new (void)
{
  return g_object_new (TRIB_TYPE_MAPPING_DRAFT, NULL);
}

static guint
append_row (TribMappingDraft          *self,
            const TribMappingRowState *state)
{
  guint position = self->rows->len;

  g_ptr_array_add (self->rows, _trib_mapping_row_new (state));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);

  return position;
}

/**
 * trib_mapping_draft_add_column:
 * @self: a #TribMappingDraft
 * @column: a source column's name
 * @source_type: (nullable): its XDM type
 * @target: (nullable): the target path, %NULL to choose later
 * @target_type: (nullable): the target field's type
 *
 * Returns: the new row's position
 */
guint
trib_mapping_draft_add_column (TribMappingDraft *self,
                               const char       *column,
                               const char       *source_type,
                               const char       *target,
                               const char       *target_type)
{
  TribMappingRowState state = {
    .calculated = FALSE,
    .source = (char *) column,
    .source_type = (char *) source_type,
    .target = (char *) target,
    .target_type = (char *) target_type,
  };
  guint position;

  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), 0);
  g_return_val_if_fail (column != NULL, 0);

  record (self);
  position = append_row (self, &state);
  _trib_mapping_draft_check_rows (self);

  return position;
}

/**
 * trib_mapping_draft_add_expression:
 * @self: a #TribMappingDraft
 * @expression: (nullable): a Data Prep expression, %NULL to write later
 * @target: (nullable): the target path
 * @target_type: (nullable): the target field's type
 *
 * Returns: the new row's position
 */
guint
trib_mapping_draft_add_expression (TribMappingDraft *self,
                                   const char       *expression,
                                   const char       *target,
                                   const char       *target_type)
{
  TribMappingRowState state = {
    .calculated = TRUE,
    .source = (char *) expression,
    .target = (char *) target,
    .target_type = (char *) target_type,
  };
  guint position;

  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), 0);

  record (self);
  position = append_row (self, &state);
  _trib_mapping_draft_check_rows (self);

  return position;
}

/**
 * trib_mapping_draft_remove:
 * @self: a #TribMappingDraft
 * @position: a row
 */
void
trib_mapping_draft_remove (TribMappingDraft *self,
                           guint             position)
{
  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));
  g_return_if_fail (position < self->rows->len);

  record (self);
  g_ptr_array_remove_index (self->rows, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  _trib_mapping_draft_check_rows (self);
}

/* One row changed: recorded, and Data Prep's verdict on it dropped as
 * it was about the row as it was.
 */
static void
change_row (TribMappingDraft          *self,
            guint                      position,
            const TribMappingRowState *state)
{
  TribMappingRow *row = g_ptr_array_index (self->rows, position);
  TribMappingRowState changed = *state;

  changed.platform_problem = NULL;
  record (self);
  _trib_mapping_row_update (row, &changed);
  _trib_mapping_draft_check_rows (self);
}

/**
 * trib_mapping_draft_set_target:
 * @self: a #TribMappingDraft
 * @position: a row
 * @target: (nullable): the target path
 * @target_type: (nullable): its type
 */
void
trib_mapping_draft_set_target (TribMappingDraft *self,
                               guint             position,
                               const char       *target,
                               const char       *target_type)
{
  TribMappingRowState state;

  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));
  g_return_if_fail (position < self->rows->len);

  state = *_trib_mapping_row_peek (g_ptr_array_index (self->rows, position));
  if (g_strcmp0 (state.target, target) == 0 && g_strcmp0 (state.target_type, target_type) == 0)
    return;
  state.target = (char *) target;
  state.target_type = (char *) target_type;
  change_row (self, position, &state);
}

/**
 * trib_mapping_draft_set_expression:
 * @self: a #TribMappingDraft
 * @position: a calculated row
 * @expression: (nullable): its Data Prep expression
 */
void
trib_mapping_draft_set_expression (TribMappingDraft *self,
                                   guint             position,
                                   const char       *expression)
{
  TribMappingRowState state;

  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));
  g_return_if_fail (position < self->rows->len);

  state = *_trib_mapping_row_peek (g_ptr_array_index (self->rows, position));
  g_return_if_fail (state.calculated);
  if (g_strcmp0 (state.source, expression) == 0)
    return;
  state.source = (char *) expression;
  change_row (self, position, &state);
}

/**
 * trib_mapping_draft_set_identity:
 * @self: a #TribMappingDraft
 * @position: a row
 * @identity: whether its target is an identity
 * @namespace: (nullable): the identity namespace's code, such as `Email`
 */
void
trib_mapping_draft_set_identity (TribMappingDraft *self,
                                 guint             position,
                                 gboolean          identity,
                                 const char       *namespace)
{
  TribMappingRowState state;

  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));
  g_return_if_fail (position < self->rows->len);

  state = *_trib_mapping_row_peek (g_ptr_array_index (self->rows, position));
  if (!identity)
    namespace = NULL;
  if (state.identity == !!identity && g_strcmp0 (state.namespace, namespace) == 0)
    return;
  state.identity = !!identity;
  state.namespace = (char *) namespace;
  change_row (self, position, &state);
}

/**
 * trib_mapping_draft_clear:
 * @self: a #TribMappingDraft
 *
 * Removes every row, as one step to undo.
 */
void
trib_mapping_draft_clear (TribMappingDraft *self)
{
  guint n_rows;

  g_return_if_fail (TRIB_IS_MAPPING_DRAFT (self));

  if ((n_rows = self->rows->len) == 0)
    return;

  record (self);
  g_ptr_array_set_size (self->rows, 0);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_rows, 0);
  _trib_mapping_draft_check_rows (self);
}

/**
 * trib_mapping_draft_automap:
 * @self: a #TribMappingDraft
 * @roots: the target schema's field tree
 * @n_columns: how many source columns
 * @names: (array length=n_columns): their names
 * @types: (array length=n_columns): their types
 *
 * Maps the columns no row maps yet onto fields no row writes yet
 * (trib_automap()), as one step to undo.
 *
 * Returns: how many rows it added
 */
guint
trib_mapping_draft_automap (TribMappingDraft     *self,
                            GListModel           *roots,
                            guint                 n_columns,
                            const char * const   *names,
                            const TribColumnType *types)
{
  g_autofree const char **free_names = NULL;
  g_autofree const char **taken = NULL;
  g_autoptr(GArray) matches = NULL;
  guint first;

  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (roots), 0);

  free_names = g_new0 (const char *, n_columns + 1);
  for (guint c = 0; c < n_columns; c++)
    free_names[c] = trib_mapping_draft_find_column (self, names[c]) < 0 ? names[c] : NULL;

  taken = g_new0 (const char *, self->rows->len + 1);
  for (guint i = 0, n = 0; i < self->rows->len; i++)
    {
      const char *target = trib_mapping_row_get_target (g_ptr_array_index (self->rows, i));

      if (target != NULL)
        taken[n++] = target;
    }

  matches = trib_automap (roots, n_columns, free_names, types, taken);
  if (matches->len == 0)
    return 0;

  record (self);
  first = self->rows->len;
  for (guint i = 0; i < matches->len; i++)
    {
      const TribAutomapMatch *match = &g_array_index (matches, TribAutomapMatch, i);
      TribMappingRowState state = {
        .source = (char *) names[match->column],
        .source_type = (char *) trib_column_type_to_xdm (types[match->column]),
        .target = (char *) trib_xdm_field_get_path (match->field),
        .target_type = (char *) trib_xdm_field_get_type_name (match->field),
        .identity = trib_xdm_field_get_identity_namespace (match->field) != NULL,
        .namespace = (char *) trib_xdm_field_get_identity_namespace (match->field),
      };

      g_ptr_array_add (self->rows, _trib_mapping_row_new (&state));
    }
  g_list_model_items_changed (G_LIST_MODEL (self), first, 0, matches->len);
  _trib_mapping_draft_check_rows (self);

  return matches->len;
}

/**
 * trib_mapping_draft_find_target:
 * @self: a #TribMappingDraft
 * @target: a target path
 *
 * Returns: the first row writing to @target, or -1
 */
gint
trib_mapping_draft_find_target (TribMappingDraft *self,
                                const char       *target)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), -1);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (trib_mapping_row_get_target (g_ptr_array_index (self->rows, i)), target) == 0)
      return i;

  return -1;
}

/**
 * trib_mapping_draft_find_column:
 * @self: a #TribMappingDraft
 * @column: (nullable): a source column's name
 *
 * Returns: the first row reading @column (not an expression), or -1
 */
gint
trib_mapping_draft_find_column (TribMappingDraft *self,
                                const char       *column)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), -1);

  if (column == NULL)
    return -1;

  for (guint i = 0; i < self->rows->len; i++)
    {
      TribMappingRow *row = g_ptr_array_index (self->rows, i);

      if (!trib_mapping_row_get_calculated (row) && g_strcmp0 (trib_mapping_row_get_source (row), column) == 0)
        return i;
    }

  return -1;
}

gboolean
trib_mapping_draft_get_can_undo (TribMappingDraft *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), FALSE);

  return self->undo.length > 0;
}

gboolean
trib_mapping_draft_get_can_redo (TribMappingDraft *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), FALSE);

  return self->redo.length > 0;
}

/**
 * trib_mapping_draft_undo:
 * @self: a #TribMappingDraft
 *
 * Returns: whether there was a change to undo
 */
gboolean
trib_mapping_draft_undo (TribMappingDraft *self)
{
  gboolean could_redo;
  Snapshot *snapshot;

  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), FALSE);

  if (self->undo.length == 0)
    return FALSE;

  could_redo = trib_mapping_draft_get_can_redo (self);
  g_queue_push_head (&self->redo, snapshot_take (self));
  snapshot = g_queue_pop_head (&self->undo);
  restore (self, snapshot);
  snapshot_free (snapshot);
  notify_history (self, TRUE, could_redo);

  return TRUE;
}

/**
 * trib_mapping_draft_redo:
 * @self: a #TribMappingDraft
 *
 * Returns: whether there was an undone change to make again
 */
gboolean
trib_mapping_draft_redo (TribMappingDraft *self)
{
  gboolean could_undo;
  Snapshot *snapshot;

  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), FALSE);

  if (self->redo.length == 0)
    return FALSE;

  could_undo = trib_mapping_draft_get_can_undo (self);
  g_queue_push_head (&self->undo, snapshot_take (self));
  snapshot = g_queue_pop_head (&self->redo);
  restore (self, snapshot);
  snapshot_free (snapshot);
  notify_history (self, could_undo, TRUE);

  return TRUE;
}

/**
 * trib_mapping_draft_get_n_problems:
 * @self: a #TribMappingDraft
 *
 * Returns: how many rows have a problem
 */
guint
trib_mapping_draft_get_n_problems (TribMappingDraft *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), 0);

  return self->n_problems;
}

/**
 * trib_mapping_draft_get_complete:
 * @self: a #TribMappingDraft
 *
 * Returns: whether there is at least one row and no row has a known
 *   problem
 */
gboolean
trib_mapping_draft_get_complete (TribMappingDraft *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_DRAFT (self), FALSE);

  return self->complete;
}

/* The rows a mapping set holds: those with a source and a target. */
GPtrArray *
_trib_mapping_draft_dup_sent_rows (TribMappingDraft *self)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TribMappingRow *row = g_ptr_array_index (self->rows, i);

      if (trib_mapping_row_get_complete (row))
        g_ptr_array_add (rows, g_object_ref (row));
    }

  return rows;
}

