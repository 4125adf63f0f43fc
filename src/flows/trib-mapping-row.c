/* trib-mapping-row.c
 *
 * One row of a mapping draft: a source column (or a calculated
 * expression) into a target XDM path, with both types, whether the
 * target is an identity and in which namespace, and what is wrong with
 * it. Rows change only through their TribMappingDraft, so that every
 * change can be undone; they notify each property that changed.
 *
 * Copyright 2026 The Tributary authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "trib-mapping-row"

#include "config.h"

#include "trib-mapping-row-private.h"

struct _TribMappingRow
{
  GObject parent_instance;

  TribMappingRowState state;
  char *local_problem;   /* what the draft sees itself: no target, twice the same target */
};

G_DEFINE_FINAL_TYPE (TribMappingRow, trib_mapping_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CALCULATED,
  PROP_SOURCE,
  PROP_SOURCE_TYPE,
  PROP_TARGET,
  PROP_TARGET_TYPE,
  PROP_IDENTITY,
  PROP_NAMESPACE,
  PROP_PROBLEM,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_trib_mapping_row_state_clear (TribMappingRowState *state)
{
  g_clear_pointer (&state->source, g_free);
  g_clear_pointer (&state->source_type, g_free);
  g_clear_pointer (&state->target, g_free);
  g_clear_pointer (&state->target_type, g_free);
  g_clear_pointer (&state->namespace, g_free);
  g_clear_pointer (&state->platform_problem, g_free);
}

void
_trib_mapping_row_state_copy (const TribMappingRowState *from,
                              TribMappingRowState       *to)
{
  to->calculated = from->calculated;
  to->source = g_strdup (from->source);
  to->source_type = g_strdup (from->source_type);
  to->target = g_strdup (from->target);
  to->target_type = g_strdup (from->target_type);
  to->identity = from->identity;
  to->namespace = g_strdup (from->namespace);
  to->platform_problem = g_strdup (from->platform_problem);
}

static void
trib_mapping_row_finalize (GObject *object)
{
  TribMappingRow *self = (TribMappingRow *) object;

  _trib_mapping_row_state_clear (&self->state);
  g_clear_pointer (&self->local_problem, g_free);

  G_OBJECT_CLASS (trib_mapping_row_parent_class)->finalize (object);
}

static void
trib_mapping_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TribMappingRow *self = TRIB_MAPPING_ROW (object);

  switch (prop_id)
    {
    case PROP_CALCULATED:
      g_value_set_boolean (value, self->state.calculated);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->state.source);
      break;
    case PROP_SOURCE_TYPE:
      g_value_set_string (value, self->state.source_type);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->state.target);
      break;
    case PROP_TARGET_TYPE:
      g_value_set_string (value, self->state.target_type);
      break;
    case PROP_IDENTITY:
      g_value_set_boolean (value, self->state.identity);
      break;
    case PROP_NAMESPACE:
      g_value_set_string (value, self->state.namespace);
      break;
    case PROP_PROBLEM:
      g_value_set_string (value, trib_mapping_row_get_problem (self));
      break;
    case PROP_COMPLETE:
      g_value_set_boolean (value, trib_mapping_row_get_complete (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
trib_mapping_row_class_init (TribMappingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = trib_mapping_row_finalize;
  object_class->get_property = trib_mapping_row_get_property;

  properties[PROP_CALCULATED] =
    g_param_spec_boolean ("calculated", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE_TYPE] =
    g_param_spec_string ("source-type", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TARGET_TYPE] =
    g_param_spec_string ("target-type", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IDENTITY] =
    g_param_spec_boolean ("identity", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAMESPACE] =
    g_param_spec_string ("namespace", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
trib_mapping_row_init (TribMappingRow *self)
{
}

TribMappingRow *
_trib_mapping_row_new (const TribMappingRowState *state)
{
  TribMappingRow *self = g_object_new (TRIB_TYPE_MAPPING_ROW, NULL);

  _trib_mapping_row_state_copy (state, &self->state);

  return self;
}

const TribMappingRowState *
_trib_mapping_row_peek (TribMappingRow *self)
{
  return &self->state;
}

static void
set_string (TribMappingRow  *self,
            char           **field,
            const char      *value,
            guint            prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

/* Replaces what the row holds, telling only what changed. */
void
_trib_mapping_row_update (TribMappingRow            *self,
                          const TribMappingRowState *state)
{
  const char *problem_before = trib_mapping_row_get_problem (self);
  g_autofree char *problem = g_strdup (problem_before);
  gboolean complete = trib_mapping_row_get_complete (self);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->state.calculated != state->calculated)
    {
      self->state.calculated = state->calculated;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CALCULATED]);
    }
  set_string (self, &self->state.source, state->source, PROP_SOURCE);
  set_string (self, &self->state.source_type, state->source_type, PROP_SOURCE_TYPE);
  set_string (self, &self->state.target, state->target, PROP_TARGET);
  set_string (self, &self->state.target_type, state->target_type, PROP_TARGET_TYPE);
  if (self->state.identity != state->identity)
    {
      self->state.identity = state->identity;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IDENTITY]);
    }
  set_string (self, &self->state.namespace, state->namespace, PROP_NAMESPACE);
  g_free (self->state.platform_problem);
  self->state.platform_problem = g_strdup (state->platform_problem);

  if (g_strcmp0 (problem, trib_mapping_row_get_problem (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
  if (complete != trib_mapping_row_get_complete (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);

  g_object_thaw_notify (G_OBJECT (self));
}

void
_trib_mapping_row_set_local_problem (TribMappingRow *self,
                                     const char     *problem)
{
  g_autofree char *before = g_strdup (trib_mapping_row_get_problem (self));

  if (g_strcmp0 (self->local_problem, problem) == 0)
    return;

  g_free (self->local_problem);
  self->local_problem = g_strdup (problem);
  if (g_strcmp0 (before, trib_mapping_row_get_problem (self)) != 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
}

/**
 * trib_mapping_row_get_calculated:
 * @self: a #TribMappingRow
 *
 * Returns: whether the source is an expression rather than a column
 */
gboolean
trib_mapping_row_get_calculated (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), FALSE);

  return self->state.calculated;
}

/**
 * trib_mapping_row_get_source:
 * @self: a #TribMappingRow
 *
 * Returns: (nullable): the source column's name, or the expression
 */
const char *
trib_mapping_row_get_source (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), NULL);

  return self->state.source;
}

/**
 * trib_mapping_row_get_source_type:
 * @self: a #TribMappingRow
 *
 * Returns: (nullable): the source column's XDM type; %NULL for an
 *   expression
 */
const char *
trib_mapping_row_get_source_type (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), NULL);

  return self->state.source_type;
}

/**
 * trib_mapping_row_get_target:
 * @self: a #TribMappingRow
 *
 * Returns: (nullable): the target XDM path, %NULL until one is chosen
 */
const char *
trib_mapping_row_get_target (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), NULL);

  return self->state.target;
}

/**
 * trib_mapping_row_get_target_type:
 * @self: a #TribMappingRow
 *
 * Returns: (nullable): the target field's type name
 */
const char *
trib_mapping_row_get_target_type (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), NULL);

  return self->state.target_type;
}

/**
 * trib_mapping_row_get_identity:
 * @self: a #TribMappingRow
 *
 * Returns: whether the target is flagged as an identity
 */
gboolean
trib_mapping_row_get_identity (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), FALSE);

  return self->state.identity;
}

/**
 * trib_mapping_row_get_namespace:
 * @self: a #TribMappingRow
 *
 * Returns: (nullable): the identity namespace, such as `Email`
 */
const char *
trib_mapping_row_get_namespace (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), NULL);

  return self->state.namespace;
}

/**
 * trib_mapping_row_get_problem:
 * @self: a #TribMappingRow
 *
 * What the draft sees itself comes first; then what Data Prep said at
 * the last validation, until the row changes.
 *
 * Returns: (nullable): what is wrong with the row, %NULL if nothing is
 *   known to be
 */
const char *
trib_mapping_row_get_problem (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), NULL);

  return self->local_problem != NULL ? self->local_problem : self->state.platform_problem;
}

/**
 * trib_mapping_row_get_complete:
 * @self: a #TribMappingRow
 *
 * Returns: whether the row has a source and a target
 */
gboolean
trib_mapping_row_get_complete (TribMappingRow *self)
{
  g_return_val_if_fail (TRIB_IS_MAPPING_ROW (self), FALSE);

  return self->state.source != NULL && self->state.source[0] != '\0' &&
         self->state.target != NULL && self->state.target[0] != '\0';
}
